package org.mbrllab.engine.dp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.dp.GridLayout.Cell;
import org.mbrllab.engine.dp.GridLayout.Kind;

/**
 * Reads the {@code .grid} format documented on {@link GridLayout}. Every problem becomes a
 * {@link LayoutException} with the line (and column) it is on.
 */
final class LayoutParser {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final List<String> KEYS = List.of("name", "description", "algorithm", "gamma", "slip",
            "living_reward", "bump_reward", "goal_reward", "pit_reward", "teleport", "terminal", "grid");

    private final String source;
    private final String[] lines;

    // What the header declared.
    private final Map<String, Integer> seenOn = new LinkedHashMap<>();
    private final Map<Character, Cell> declared = new LinkedHashMap<>();
    private final Map<Character, Integer> declaredOn = new LinkedHashMap<>();
    private final Map<String, Double> numbers = new LinkedHashMap<>();
    private String name;
    private String description = "";
    private Algorithm algorithm = Algorithm.VALUE_ITERATION;

    LayoutParser(String text, String sourceName) {
        this.source = sourceName == null || sourceName.isBlank() ? "<layout>" : sourceName;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.lines = body.split("\r\n|\r|\n", -1);
        String base = this.source.replaceAll(".*[/\\\\]", "").replaceFirst("\\.grid$", "");
        this.name = stripComment(base).strip();
    }

    /** The part of a header line before its comment: a '#' at the start of it or after a space or tab. */
    static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    GridLayout parse() throws LayoutException {
        // 1. Header: key: value lines up to "grid:".
        int gridLine = -1;
        for (int i = 0; i < lines.length && gridLine < 0; i++) {
            String line = stripComment(lines[i]);
            if (line.isBlank()) continue;
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw error(i, firstNonBlank(line), "expected 'key: value' (or 'grid:' before the grid), found '"
                        + line.strip() + "'");
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            int valueAt = colon + 1;
            while (valueAt < line.length() && Character.isWhitespace(line.charAt(valueAt))) valueAt++;
            String value = line.substring(valueAt).strip();
            int column = valueAt + 1;
            if (!KEYS.contains(key)) {
                throw error(i, firstNonBlank(line), "unknown key '" + key + "' (allowed: " + String.join(", ", KEYS) + ")");
            }
            if (!key.equals("teleport") && !key.equals("terminal")) {
                Integer first = seenOn.putIfAbsent(key, i + 1);
                if (first != null) throw error(i, 0, "'" + key + "' is given twice (first on line " + first + ")");
            }
            switch (key) {
                case "grid" -> {
                    if (!value.isEmpty()) throw error(i, column, "nothing may follow 'grid:' on its line; the rows start on the next line");
                    gridLine = i;
                }
                case "name" -> name = value;
                case "description" -> description = value;
                case "algorithm" -> {
                    try {
                        algorithm = Algorithm.fromCliName(value);
                    } catch (IllegalArgumentException e) {
                        throw error(i, column, e.getMessage());
                    }
                }
                case "slip" -> {
                    double slip;
                    try {
                        slip = GridWorldParams.parseSlip(value);
                    } catch (IllegalArgumentException e) {
                        throw error(i, column, "slip: " + e.getMessage());
                    }
                    numbers.put(key, checked(i, column, GridWorldParams.SLIP, slip));
                }
                case "teleport" -> teleport(i, column, value);
                case "terminal" -> terminal(i, column, value);
                default -> numbers.put(key, parameter(i, column, key, value));
            }
        }
        if (gridLine < 0) {
            int last = lines.length - 1;
            while (last > 0 && lines[last].isBlank()) last--;
            throw error(last, 0, "missing the line 'grid:' (the grid comes last, after it)");
        }
        GridWorldParams params = params();

        // 2. Grid: one row per non-blank line, one cell per non-whitespace character.
        List<Cell[]> rowsRead = new ArrayList<>();
        int startRow = -1;
        int startCol = -1;
        int startLine = 0;
        int startColumn = 0;
        Map<Character, int[]> teleportSeen = new LinkedHashMap<>();
        int width = -1;
        for (int i = gridLine + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            List<Cell> row = new ArrayList<>();
            int column = 0;
            for (int k = 0; k < line.length(); ) {
                int cp = line.codePointAt(k);
                k += Character.charCount(cp);
                column++;
                if (Character.isWhitespace(cp)) continue;
                Cell cell = cell(cp);
                if (cell == null) {
                    throw error(i, column, "unknown cell '" + new String(Character.toChars(cp)) + "' (allowed: "
                            + allowedCells() + ")");
                }
                if (cp == 'S') {
                    if (startRow >= 0) {
                        throw error(i, column, "a second start 'S' (the first is at line " + startLine
                                + ", column " + startColumn + ")");
                    }
                    startRow = rowsRead.size();
                    startCol = row.size();
                    startLine = i + 1;
                    startColumn = column;
                }
                if (cell.kind() == Kind.TELEPORT || cell.isTeleportTarget()) {
                    int[] first = teleportSeen.putIfAbsent(cell.symbol(), new int[] {i + 1, column});
                    if (first != null) {
                        throw error(i, column, "teleport letter '" + cell.symbol() + "' appears twice (first at line "
                                + first[0] + ", column " + first[1] + ")");
                    }
                }
                row.add(cell);
            }
            if (width < 0) width = row.size();
            if (row.size() != width) {
                throw error(i, 0, "this row has " + row.size() + " cells, but the first row has " + width
                        + " (all rows must be the same length)");
            }
            if (width > GridLayout.MAX_SIDE) {
                throw error(i, 0, "this row has " + width + " cells: at most " + GridLayout.MAX_SIDE + " allowed");
            }
            if (rowsRead.size() == GridLayout.MAX_SIDE) {
                throw error(i, 0, "the grid has more than " + GridLayout.MAX_SIDE + " rows");
            }
            rowsRead.add(row.toArray(new Cell[0]));
        }
        if (rowsRead.isEmpty()) throw error(gridLine, 0, "the grid after 'grid:' has no rows");

        // 3. Every declared teleport letter is on the grid.
        for (Cell c : declared.values()) {
            int line = declaredOn.get(c.symbol());
            if (c.kind() == Kind.TELEPORT && !teleportSeen.containsKey(c.symbol())) {
                throw error(line - 1, 0, "teleport source '" + c.symbol() + "' is not in the grid");
            }
            if (c.kind() == Kind.TELEPORT && !teleportSeen.containsKey(c.target())) {
                throw error(line - 1, 0, "teleport target '" + c.target() + "' is not in the grid");
            }
        }
        int rows = rowsRead.size();
        Cell[] cells = new Cell[rows * width];
        for (int r = 0; r < rows; r++) System.arraycopy(rowsRead.get(r), 0, cells, r * width, width);
        try {
            return new GridLayout(name, description, algorithm, params, rows, width, cells, startRow, startCol);
        } catch (IllegalArgumentException e) {
            throw error(gridLine, 0, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- header values

    private double parameter(int line, int column, String key, String value) throws LayoutException {
        return checked(line, column, GridWorldParams.spec(key), number(line, column, key, value));
    }

    private double checked(int line, int column, ParameterSpec spec, double x) throws LayoutException {
        try {
            return spec.validate(x);
        } catch (IllegalArgumentException e) {
            throw error(line, column, e.getMessage());
        }
    }

    private double number(int line, int column, String what, String value) throws LayoutException {
        if (!isDecimal(value)) throw error(line, column, what + ": '" + value + "' is not a number");
        return decimal(value);
    }

    /** Whether {@code text} is a plain decimal such as {@code -1}, {@code 0.25} or {@code 1e-3} ('−' allowed). */
    static boolean isDecimal(String text) {
        return NUMBER.matcher(text.replace('−', '-')).matches();
    }

    /** The value of a plain decimal (see {@link #isDecimal}). */
    static double decimal(String text) {
        return Double.parseDouble(text.replace('−', '-'));
    }

    private GridWorldParams params() {
        GridWorldParams p = GridWorldParams.defaults();
        for (Map.Entry<String, Double> e : numbers.entrySet()) p = p.with(e.getKey(), e.getValue());
        return p;
    }

    /** {@code teleport: A a 10} */
    private void teleport(int line, int column, String value) throws LayoutException {
        String[] parts = value.split("\\s+");
        if (parts.length != 3) {
            throw error(line, column, "a teleport has three parts, SOURCE TARGET REWARD, e.g. 'teleport: A a 10'");
        }
        char from = symbol(line, column, "teleport source", parts[0]);
        char to = symbol(line, column, "teleport target", parts[1]);
        if (from == to) throw error(line, column, "teleport '" + from + "' cannot land on itself");
        double reward = reward(line, column, "teleport reward", parts[2]);
        declare(line, column, from);
        Cell target = declared.get(to);
        if (target != null && !target.isTeleportTarget()) {
            throw error(line, column, "symbol '" + to + "' is already declared on line " + declaredOn.get(to));
        }
        if (target == null) declare(line, column, to);
        declared.put(from, Cell.teleport(from, to, reward));
        declared.putIfAbsent(to, Cell.teleportTarget(to));
    }

    /** {@code terminal: L 1 goal} */
    private void terminal(int line, int column, String value) throws LayoutException {
        String[] parts = value.split("\\s+");
        if (parts.length != 3) {
            throw error(line, column, "a terminal has three parts, SYMBOL REWARD goal|pit, e.g. 'terminal: L 1 goal'");
        }
        char symbol = symbol(line, column, "terminal symbol", parts[0]);
        double reward = reward(line, column, "terminal reward", parts[1]);
        Kind kind = switch (parts[2].toLowerCase(Locale.ROOT)) {
            case "goal" -> Kind.GOAL;
            case "pit" -> Kind.PIT;
            default -> throw error(line, column, "a terminal is drawn as 'goal' or 'pit', not '" + parts[2] + "'");
        };
        declare(line, column, symbol);
        declared.put(symbol, Cell.terminal(symbol, reward, kind));
    }

    private char symbol(int line, int column, String what, String token) throws LayoutException {
        if (token.length() != 1 || !GridLayout.isCustomSymbol(token.charAt(0))) {
            throw error(line, column, what + " '" + token + "' must be one letter or digit other than S, G and H");
        }
        return token.charAt(0);
    }

    private double reward(int line, int column, String what, String token) throws LayoutException {
        double x = number(line, column, what, token);
        try {
            return Check.inRange(what, x, -GridWorldParams.MAX_REWARD, GridWorldParams.MAX_REWARD);
        } catch (IllegalArgumentException e) {
            throw error(line, column, e.getMessage());
        }
    }

    private void declare(int line, int column, char symbol) throws LayoutException {
        Integer first = declaredOn.putIfAbsent(symbol, line + 1);
        if (first != null) throw error(line, column, "symbol '" + symbol + "' is already declared on line " + first);
    }

    // ---------------------------------------------------------------- grid cells

    private Cell cell(int cp) {
        return switch (cp) {
            case '.', 'S' -> Cell.empty();
            case '#' -> Cell.wall();
            case 'G' -> Cell.goal();
            case 'H' -> Cell.pit();
            default -> cp < Character.MIN_SUPPLEMENTARY_CODE_POINT ? declared.get((char) cp) : null;
        };
    }

    private String allowedCells() {
        StringBuilder b = new StringBuilder(". # S G H");
        for (char c : declared.keySet()) b.append(' ').append(c);
        return b.toString();
    }

    // ---------------------------------------------------------------- errors

    private static int firstNonBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) return i + 1;
        }
        return 0;
    }

    /** An error on the 0-based line {@code index}. */
    private LayoutException error(int index, int column, String problem) {
        return new LayoutException(source, Math.max(1, index + 1), column, problem);
    }
}
