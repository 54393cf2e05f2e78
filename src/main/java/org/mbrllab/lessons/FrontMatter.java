package org.mbrllab.lessons;

import java.util.List;

/**
 * A lesson file cut in two: the YAML between the opening and closing {@code ---} lines, and the
 * Markdown after it. Keeps the file line of the first YAML line so that YAML marks can be turned into
 * file lines.
 *
 * @param yaml          the front matter text, without the {@code ---} lines
 * @param yamlFirstLine 1-based file line of the first YAML line
 * @param markdown      everything after the closing {@code ---} line
 */
record FrontMatter(String yaml, int yamlFirstLine, String markdown) {

    /** Thrown when the file has no front matter, or it is not closed. */
    static final class MissingException extends Exception {
        final int line;

        MissingException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Splits a lesson file; leading blank lines and a byte-order mark before the first {@code ---} are allowed. */
    static FrontMatter split(String text) throws MissingException {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String> lines = text.lines().toList();
        int open = 0;
        while (open < lines.size() && lines.get(open).isBlank()) open++;
        if (open == lines.size() || !lines.get(open).strip().equals("---")) {
            throw new MissingException(open < lines.size() ? open + 1 : 1,
                    "missing front matter: the file must start with a line '---', then the YAML keys"
                            + " (title, part, order, pane, ...), then another line '---'");
        }
        int close = open + 1;
        while (close < lines.size() && !isClosing(lines.get(close))) close++;
        if (close == lines.size()) {
            throw new MissingException(open + 1, "front matter is not closed: add a line '---' after its last key");
        }
        String yaml = String.join("\n", lines.subList(open + 1, close));
        String markdown = String.join("\n", lines.subList(close + 1, lines.size()));
        return new FrontMatter(yaml, open + 2, markdown.strip().isEmpty() ? "" : markdown + "\n");
    }

    private static boolean isClosing(String line) {
        String s = line.stripTrailing();
        return s.equals("---") || s.equals("...");
    }
}
