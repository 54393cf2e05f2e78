package org.mbrllab.engine.dp;

/**
 * A layout file that cannot be read. The message is {@code SOURCE:LINE: what is wrong}, or
 * {@code SOURCE:LINE:COLUMN: what is wrong} when a column helps, e.g.
 * {@code frozen.grid:7:4: unknown cell 'Q' (allowed: . # S G H A a)}. Lines and columns count from 1.
 */
public final class LayoutException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param source  the file name as the student knows it
     * @param line    1-based line number
     * @param column  1-based column, or 0 when the whole line is meant
     * @param problem what is wrong, in plain words
     */
    public LayoutException(String source, int line, int column, String problem) {
        super(source + ":" + line + (column > 0 ? ":" + column : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file name given to {@link GridLayout#parse}. */
    public String source() { return source; }

    /** The 1-based line the problem is on. */
    public int line() { return line; }

    /** The 1-based column, or 0 when the whole line is meant. */
    public int column() { return column; }

    /** The message without the location. */
    public String problem() { return problem; }
}
