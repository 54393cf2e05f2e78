package org.mbrllab.app.common.text;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import javafx.scene.paint.Color;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * A lesson's text made ready to show, off the FX thread: cut to size, its nesting limited, its math
 * taken out, its Markdown parsed and its formulas typeset. Building the nodes from it on the FX thread
 * is then quick.
 *
 * <p>Lessons are data and may be hostile or just broken, so every stage is bounded: at most
 * {@link #MAX_LESSON_CHARS} of Markdown and {@link #MAX_BLOCKS} blocks, containers nested at most {@link MarkdownRenderer#MAX_NESTING}
 * deep on a line, at most {@link #MAX_FORMULAS} formulas typeset taking at most
 * {@link #LESSON_MATH_TIME_BUDGET_MS} together, and each formula bounded by {@link MathRenderer}.
 *
 * @param math      the Markdown with formula tokens, and the formulas
 * @param document  the parsed Markdown
 * @param typeset   typeset formulas (or why not) by token index; formulas in links and images, which
 *                  show their source, are not typeset
 * @param cutNote   a note to show at the end when the lesson was cut to size, or null
 */
record PreparedLesson(MathExtractor.Result math, Node document, Map<Integer, MathRenderer.Result> typeset,
        String cutNote) {

    /**
     * Longest lesson text read, in characters; the bundled lessons have under 10 000. Parsing is quick,
     * but the text ends up as JavaFX nodes, built and laid out on the FX thread.
     */
    static final int MAX_LESSON_CHARS = 100_000;
    /**
     * Most top-level blocks (paragraphs, headings, lists, quotes, tables…) shown; the bundled lessons
     * have under 100. Each costs several milliseconds of FX-thread time to build, style and lay out,
     * so this bounds how long a lesson can freeze the window.
     */
    static final int MAX_BLOCKS = 200;
    /** Most formulas typeset in one lesson; the rest show their source. Bundled lessons have under 200. */
    static final int MAX_FORMULAS = 2000;
    /**
     * Time all of a lesson's formulas may take together, in milliseconds; formulas after it is used
     * up show their source. A bundled lesson needs well under a second.
     */
    static final long LESSON_MATH_TIME_BUDGET_MS = 10_000;

    PreparedLesson {
        typeset = Map.copyOf(typeset);
    }

    /**
     * Prepares {@code markdown} for text of {@code baseSize} pixels and math in {@code color}.
     *
     * @param stale polled between formulas: when it turns true the work is dropped
     * @throws CancellationException when {@code stale} turned true
     */
    static PreparedLesson prepare(String markdown, double baseSize, Color color, Parser parser,
            MathExtractor extractor, BooleanSupplier stale) {
        String text = markdown;
        String cutNote = null;
        if (text.length() > MAX_LESSON_CHARS) {
            int cut = text.lastIndexOf('\n', MAX_LESSON_CHARS);
            if (cut < MAX_LESSON_CHARS / 2) cut = MAX_LESSON_CHARS;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) cut--;
            text = text.substring(0, cut);
            cutNote = String.format("The lesson text is cut off here: it has %,d characters and at most %,d are shown.",
                    markdown.length(), MAX_LESSON_CHARS);
        }
        text = limitNesting(text, MarkdownRenderer.MAX_NESTING);
        MathExtractor.Result math = extractor.extract(text);
        if (stale.getAsBoolean()) throw new CancellationException();
        Node document = parser.parse(math.markdown());
        int blocks = 0;
        for (Node b = document.getFirstChild(); b != null; ) {
            Node next = b.getNext();
            if (++blocks > MAX_BLOCKS) {
                b.unlink();
                if (cutNote == null) {
                    cutNote = String.format("The lesson text is cut off here: it has more than %,d blocks"
                            + " (paragraphs, lists, tables…) and at most %,d are shown.", MAX_BLOCKS, MAX_BLOCKS);
                }
            }
            b = next;
        }

        Map<Integer, MathRenderer.Result> typeset = new HashMap<>();
        long start = System.nanoTime();
        for (Node n = document.getFirstChild(); n != null; n = MathExtractor.next(n, document)) {
            if (!(n instanceof org.commonmark.node.Text t) || !MarkdownRenderer.showsMath(t)) continue;
            for (int index : MarkdownRenderer.formulaIndices(t.getLiteral())) {
                if (stale.getAsBoolean()) throw new CancellationException();
                MathExtractor.Formula f = math.formulas().get(index);
                MathRenderer.Result r;
                if (typeset.size() >= MAX_FORMULAS) {
                    r = new MathRenderer.Failed("The lesson has more than " + MAX_FORMULAS + " formulas.",
                            "more than " + MAX_FORMULAS + " formulas in the lesson");
                } else if (System.nanoTime() - start > LESSON_MATH_TIME_BUDGET_MS * 1_000_000) {
                    r = new MathRenderer.Failed("The lesson's math took longer than " + LESSON_MATH_TIME_BUDGET_MS
                            + " ms in all.", "the lesson's time for math ran out");
                } else {
                    r = MathRenderer.render(f.latex(), MarkdownRenderer.textSize(t, baseSize), color, f.display());
                }
                typeset.put(index, r);
            }
        }
        return new PreparedLesson(math, document, typeset, cutNote);
    }

    /**
     * {@code markdown} with at most {@code max} container markers (block quote {@code >}, list item
     * {@code -}, {@code +}, {@code *} or {@code 1.}) at the start of any line: the markers after the
     * first {@code max} are dropped, so that deeper text joins the deepest allowed container. The
     * commonmark parser and the renderer then never see deeper nesting from one line. (Nesting by
     * indentation alone is limited by the renderer.)
     */
    static String limitNesting(String markdown, int max) {
        StringBuilder out = null;
        int copied = 0;
        int lineStart = 0;
        int n = markdown.length();
        while (lineStart < n) {
            int lineEnd = markdown.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = n;
            int containers = 0;
            int dropFrom = -1;
            int i = lineStart;
            while (true) {
                int j = i;
                while (j < lineEnd && (markdown.charAt(j) == ' ' || markdown.charAt(j) == '\t')) j++;
                int end = markerEnd(markdown, j, lineEnd);
                if (end < 0) break;
                if (++containers == max + 1) dropFrom = i;
                i = end;
            }
            if (dropFrom >= 0) {
                if (out == null) out = new StringBuilder(n);
                out.append(markdown, copied, dropFrom).append(' ');
                copied = i;
            }
            lineStart = lineEnd + 1;
        }
        if (out == null) return markdown;
        return out.append(markdown, copied, n).toString();
    }

    /** The end of a container marker starting at {@code i}, or -1 when there is none. */
    private static int markerEnd(String s, int i, int lineEnd) {
        if (i >= lineEnd) return -1;
        char c = s.charAt(i);
        if (c == '>') return i + 1;
        if ((c == '-' || c == '+' || c == '*') && i + 1 < lineEnd && isBlank(s.charAt(i + 1))) return i + 1;
        int j = i;
        while (j < lineEnd && j - i < 9 && Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) j++;
        if (j > i && j + 1 < lineEnd && (s.charAt(j) == '.' || s.charAt(j) == ')') && isBlank(s.charAt(j + 1))) return j + 1;
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
