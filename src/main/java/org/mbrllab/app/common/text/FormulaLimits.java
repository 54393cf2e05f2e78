package org.mbrllab.app.common.text;

import java.util.Set;

/**
 * What a lesson's formula may contain before it reaches JLaTeXMath. Lessons are data, so a formula must
 * not reach the network or the file system, change JLaTeXMath's global state for later formulas, or
 * keep the parser busy for ever; a formula that breaks one of these rules is shown as its source.
 *
 * <p>The checks are made on the source text, before parsing, because JLaTeXMath's parser cannot be
 * interrupted and recurses once per nesting level (so very deep input overflows the stack).
 */
final class FormulaLimits {

    /** Longest formula source typeset, in characters; the longest in the bundled lessons is about 250. */
    static final int MAX_FORMULA_CHARS = 4000;

    /**
     * Deepest nesting typeset, counting groups ({@code {…}}), {@code \left…\right} pairs and
     * environments ({@code \begin…\end}) together; bundled formulas nest at most 4 deep.
     */
    static final int MAX_FORMULA_NESTING = 32;

    /**
     * Commands refused, each for one of these reasons:
     * <ul>
     *   <li>it loads a file or URL: {@code \includegraphics} (JLaTeXMath's {@code GraphicsAtom} opens the
     *       path as a file or else as a URL, when the formula is parsed);</li>
     *   <li>it defines a macro or environment, which JLaTeXMath keeps globally for every later formula and
     *       which can recurse without end ({@code \newcommand{\a}{\a\a}\a} never finishes parsing);</li>
     *   <li>it changes global JLaTeXMath settings for every later formula (sizes, magnification,
     *       external fonts, colour names, {@code @} as a letter);</li>
     *   <li>it calls out to a converter or builds an unbounded number of atoms from a number
     *       ({@code \jlmDynamic}, {@code \fcscore}).</li>
     * </ul>
     * {@code \def}, {@code \let}, {@code \input}, {@code \include} and <code>&#92;usepackage</code> are not
     * JLaTeXMath commands; they are listed so that a lesson gets this clear refusal rather than
     * "unknown command".
     */
    static final Set<String> REFUSED_COMMANDS = Set.of(
            "includegraphics",
            "newcommand", "renewcommand", "newenvironment", "renewenvironment",
            "def", "gdef", "edef", "xdef", "let", "input", "include", "usepackage",
            "DeclareMathSizes", "magnification", "jlmExternalFont", "definecolor", "makeatletter",
            "jlmDynamic", "jlmXML", "fcscore");

    private FormulaLimits() {}

    /**
     * Why {@code latex} is not typeset, as a short phrase for "formula not shown: …", or {@code null}
     * when it may be. Runs in time linear in the length and never recurses.
     */
    static String refusal(String latex) {
        if (latex.length() > MAX_FORMULA_CHARS) {
            return "too long (" + latex.length() + " characters, at most " + MAX_FORMULA_CHARS + ")";
        }
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < latex.length(); i++) {
            char c = latex.charAt(i);
            if (c == '\\') {
                int start = i + 1;
                int end = start;
                // A command name is letters only: JLaTeXMath reads "\includegraphics@x" as \includegraphics.
                while (end < latex.length() && isAsciiLetter(latex.charAt(end))) end++;
                if (end == start) {
                    i++;                                       // \{, \}, \\ and the like: one character
                    continue;
                }
                String name = latex.substring(start, end);
                if (REFUSED_COMMANDS.contains(name)) return "\\" + name + " is not allowed in lessons";
                if (name.equals("left") || name.equals("begin")) depth++;
                else if (name.equals("right") || name.equals("end")) depth--;
                i = end - 1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            deepest = Math.max(deepest, depth);
            if (deepest > MAX_FORMULA_NESTING) return "too deeply nested (more than " + MAX_FORMULA_NESTING + " levels)";
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
