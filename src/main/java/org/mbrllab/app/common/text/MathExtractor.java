package org.mbrllab.app.common.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Takes the TeX math out of Markdown before commonmark sees it, since commonmark has no math syntax and
 * would read {@code _} and {@code *} inside formulas as emphasis.
 *
 * <p>Rules, close to Pandoc's {@code tex_math_dollars}:
 * <ul>
 *   <li>{@code $$…$$} is display math and may span lines, but not a blank line.</li>
 *   <li>{@code $…$} is inline math: the opening {@code $} is followed by a non-space, the closing one
 *       follows a non-space and is not followed by a digit, and both lie in the same paragraph. So
 *       "between $5 and $10" stays text.</li>
 *   <li>{@code \$} is a literal dollar (commonmark turns the escape into {@code $}).</li>
 *   <li>Nothing inside code spans, fenced or indented code blocks is math. Those are found by a first
 *       commonmark parse with source positions.</li>
 * </ul>
 * Each formula is replaced by a token {@code U+E000 index U+E001}: private-use characters that
 * commonmark treats as plain text, so a token always stays whole inside one text node.
 */
final class MathExtractor {

    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';
    static final Pattern TOKEN = Pattern.compile(OPEN + "(\\d+)" + CLOSE);
    /** Block-quote markers at the start of a continuation line inside display math. */
    private static final Pattern QUOTE_PREFIX = Pattern.compile("\n[ \t]*(?:>[ \t]?)+");

    /** One formula: its TeX, whether it is display math, and the original text with dollars. */
    record Formula(String latex, boolean display, String source) {}

    /** Markdown with tokens in place of formulas, and the formulas by token index. */
    record Result(String markdown, List<Formula> formulas) {
        Result {
            formulas = List.copyOf(formulas);
        }

        /** {@code text} with every token put back as its original source, for places that show raw text. */
        String restore(String text) {
            Matcher m = TOKEN.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(formulas.get(Integer.parseInt(m.group(1))).source()));
            }
            return m.appendTail(out).toString();
        }
    }

    private final Parser codeFinder;

    /** @param parser a commonmark parser builder with the same extensions as the real parse */
    MathExtractor(Parser.Builder parser) {
        this.codeFinder = parser.includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    }

    Result extract(String markdown) {
        String s = markdown.replace("\r\n", "\n").replace('\r', '\n')
                .replace(OPEN, ' ').replace(CLOSE, ' ');
        boolean[] code = codeMask(s);
        List<Formula> formulas = new ArrayList<>();
        // Where the last failed search for a closing $ (or $$) stopped: a search from an opening before
        // there would fail too, so it is skipped. This keeps extraction linear on text with many lone $.
        int[] stop = new int[1];
        int inlineDeadUntil = -1;
        int displayDeadUntil = -1;
        int lineStart = 0;
        int scanned = 0;
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (code[i]) {
                out.append(c);
                i++;
            } else if (c == '\\' && i + 1 < n && !code[i + 1]) {
                out.append(c).append(s.charAt(i + 1));        // keeps \$ and \\ for commonmark
                i += 2;
            } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '$') {
                int end = i + 2 < displayDeadUntil ? -1 : findDisplayEnd(s, code, i + 2, stop);
                if (end < 0) displayDeadUntil = Math.max(displayDeadUntil, stop[0]);
                if (end < 0) {
                    out.append("\\$\\$");
                    i += 2;
                } else {
                    String latex = s.substring(i + 2, end);
                    while (scanned < i) {                      // the start of i's line, found in linear time
                        if (s.charAt(scanned++) == '\n') lineStart = scanned;
                    }
                    if (isQuoted(s, lineStart, i)) latex = QUOTE_PREFIX.matcher(latex).replaceAll("\n");
                    out.append(token(formulas, new Formula(latex.strip(), true, s.substring(i, end + 2))));
                    i = end + 2;
                }
            } else if (c == '$') {
                int end = i + 1 < inlineDeadUntil ? -1 : findInlineEnd(s, code, i + 1, stop);
                if (end < 0) inlineDeadUntil = Math.max(inlineDeadUntil, stop[0]);
                if (end < 0) {
                    out.append("\\$");
                    i++;
                } else {
                    out.append(token(formulas, new Formula(s.substring(i + 1, end), false, s.substring(i, end + 1))));
                    i = end + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return new Result(out.toString(), formulas);
    }

    private static String token(List<Formula> formulas, Formula f) {
        formulas.add(f);
        return OPEN + Integer.toString(formulas.size() - 1) + CLOSE;
    }

    /** Index of the closing {@code $$}, or -1 with the index where the search stopped in {@code stop[0]}. */
    private static int findDisplayEnd(String s, boolean[] code, int from, int[] stop) {
        stop[0] = s.length();
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (code[j] || (c == '\n' && nextLineBlank(s, j))) {
                stop[0] = j;
                return -1;
            }
            if (c == '\\') {
                j++;
            } else if (c == '$' && j + 1 < s.length() && s.charAt(j + 1) == '$' && !code[j + 1]) {
                if (j > from) return j;
                stop[0] = j;                                   // "$$$$": empty, and no later search may pass it
                return -1;
            }
        }
        return -1;
    }

    /**
     * Index of the closing {@code $} of inline math opened just before {@code from}, or -1 with the index
     * where the search stopped in {@code stop[0]}.
     */
    private static int findInlineEnd(String s, boolean[] code, int from, int[] stop) {
        stop[0] = from;
        if (from >= s.length() || Character.isWhitespace(s.charAt(from))) return -1;
        stop[0] = s.length();
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (code[j] || (c == '\n' && nextLineBlank(s, j))) {
                stop[0] = j;
                return -1;
            }
            if (c == '\\') {
                j++;
            } else if (c == '$') {
                boolean afterText = j > from && !Character.isWhitespace(s.charAt(j - 1));
                boolean beforeDigit = j + 1 < s.length() && Character.isDigit(s.charAt(j + 1));
                if (afterText && !beforeDigit) return j;
            }
        }
        return -1;
    }

    /** Whether the line after the newline at {@code nl} is empty, blanks or block-quote markers only. */
    private static boolean nextLineBlank(String s, int nl) {
        for (int j = nl + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\n') return true;
            if (c != ' ' && c != '\t' && c != '>') return false;
        }
        return true;
    }

    /** Whether the line from {@code start}, which holds {@code i}, starts with a block-quote marker. */
    private static boolean isQuoted(String s, int start, int i) {
        int j = start;
        while (j < i && Character.isWhitespace(s.charAt(j))) j++;
        return j < i && s.charAt(j) == '>';
    }

    /**
     * true for every character of {@code s} inside a code span or code block. The tree is walked
     * without recursion, since a lesson may nest quotes or lists thousands deep.
     */
    private boolean[] codeMask(String s) {
        boolean[] mask = new boolean[s.length()];
        Node doc = codeFinder.parse(s);
        for (Node node = doc.getFirstChild(); node != null; node = next(node, doc)) {
            if (node instanceof Code || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
                for (SourceSpan span : node.getSourceSpans()) {
                    int from = Math.max(0, span.getInputIndex());
                    int to = Math.min(s.length(), from + span.getLength());
                    for (int k = from; k < to; k++) mask[k] = true;
                }
            }
        }
        return mask;
    }

    /** The node after {@code node} in document order under {@code root}, or null at the end. */
    static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) return node.getFirstChild();
        for (Node n = node; n != null && n != root; n = n.getParent()) {
            if (n.getNext() != null) return n.getNext();
        }
        return null;
    }
}
