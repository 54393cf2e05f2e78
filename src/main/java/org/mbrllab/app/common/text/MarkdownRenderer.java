package org.mbrllab.app.common.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;

/**
 * Turns a commonmark document (whose formulas were swapped for tokens by {@link MathExtractor}) into
 * JavaFX nodes. Sizes and spacing are set here, relative to the base font size; colours, borders and
 * backgrounds come from CSS through the {@code lesson-*} style classes.
 */
final class MarkdownRenderer {

    /** Heading sizes relative to the base size, for levels 1, 2, 3 and beyond. */
    static final double[] HEADING_SCALE = {1.6, 1.3, 1.15, 1.0};
    /** Code, in code spans and blocks, relative to the surrounding text. */
    static final double CODE_SCALE = 0.9;
    private static final String[] BULLETS = {"•", "◦", "▪"};
    /**
     * Deepest nesting of blocks (quotes, lists, list items) and of inline markup (emphasis, links) that is
     * drawn as such; anything deeper is shown as plain text with a note. Lessons nest two or three
     * deep; the limit keeps the renderer's recursion, and JavaFX's recursive CSS and layout passes over
     * the nodes it makes, far from a stack overflow.
     */
    static final int MAX_NESTING = 8;

    private final double base;
    private final MathExtractor.Result math;
    private final Map<Integer, MathRenderer.Result> typeset;
    private final Consumer<String> onLink;
    private final String family = Font.getDefault().getFamily();
    private int blockDepth;
    private int inlineDepth;

    /** The look of a run of inline text. */
    private record Style(double size, boolean bold, boolean italic) {
        Style withBold() {
            return new Style(size, true, italic);
        }

        Style withItalic() {
            return new Style(size, bold, true);
        }
    }

    /**
     * @param typeset the typeset formulas by token index, as made by {@link PreparedLesson#prepare}; a formula
     *                missing from it is shown as source
     */
    MarkdownRenderer(double baseSize, MathExtractor.Result math, Map<Integer, MathRenderer.Result> typeset,
            Consumer<String> onLink) {
        this.base = baseSize;
        this.math = math;
        this.typeset = typeset;
        this.onLink = onLink;
    }

    /**
     * The size of text (and so of math) of a text node: larger in headings. Must agree with what
     * {@link #blocks} uses, since formulas are typeset ahead at this size.
     */
    static double textSize(Node text, double base) {
        for (Node p = text.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Heading h) return base * HEADING_SCALE[Math.min(Math.max(1, h.getLevel()), HEADING_SCALE.length) - 1];
        }
        return base;
    }

    /** Whether a text node's formulas are typeset: not inside a link or an image, which show source. */
    static boolean showsMath(Node text) {
        for (Node p = text.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Link || p instanceof Image) return false;
        }
        return true;
    }

    /** Token indices of the formulas in a text node's literal. */
    static List<Integer> formulaIndices(String literal) {
        List<Integer> out = new ArrayList<>();
        Matcher m = MathExtractor.TOKEN.matcher(literal);
        while (m.find()) out.add(Integer.parseInt(m.group(1)));
        return out;
    }

    /** The nodes of the blocks under {@code parent}. */
    List<javafx.scene.Node> blocks(Node parent) {
        List<javafx.scene.Node> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            javafx.scene.Node block = block(n);
            if (block != null) out.add(block);
        }
        return out;
    }

    private javafx.scene.Node block(Node n) {
        if (blockDepth >= MAX_NESTING) return tooDeep(n);
        blockDepth++;
        try {
            return blockAtDepth(n);
        } finally {
            blockDepth--;
        }
    }

    /** A block nested deeper than {@link #MAX_NESTING}: its text, unformatted, with a note. */
    private javafx.scene.Node tooDeep(Node n) {
        Style style = new Style(base, false, false);
        return flow(List.of(run(math.restore(plainText(n)).strip() + " ", style, null),
                run("(nested too deeply to format)", style.withItalic(), "lesson-limit-note")), "lesson-paragraph");
    }

    private javafx.scene.Node blockAtDepth(Node n) {
        if (n instanceof Heading h) return heading(h);
        if (n instanceof Paragraph p) return paragraph(p, new Style(base, false, false), "lesson-paragraph");
        if (n instanceof ListBlock l) return list(l, depth(l));
        if (n instanceof BlockQuote q) return quote(q);
        if (n instanceof FencedCodeBlock c) return codeBlock(c.getLiteral());
        if (n instanceof IndentedCodeBlock c) return codeBlock(c.getLiteral());
        if (n instanceof ThematicBreak) return rule();
        if (n instanceof TableBlock t) return table(t);
        if (n instanceof HtmlBlock h) return flow(List.of(run(math.restore(h.getLiteral()).strip(),
                new Style(base, false, false), "lesson-html")), "lesson-paragraph");
        VBox box = stack(blocks(n));                          // unknown container: its children
        return box.getChildren().isEmpty() ? null : box;
    }

    // ----------------------------------------------------------------- blocks

    private javafx.scene.Node heading(Heading h) {
        int level = Math.max(1, h.getLevel());
        double size = base * HEADING_SCALE[Math.min(level, HEADING_SCALE.length) - 1];
        javafx.scene.Node node = paragraph(h, new Style(size, true, false), "lesson-heading");
        node.getStyleClass().add("lesson-h" + Math.min(level, 6));
        VBox.setMargin(node, new Insets(level <= 2 ? base * 0.6 : base * 0.3, 0, 0, 0));
        return node;
    }

    /**
     * A paragraph: one TextFlow, or, when display math sits among its lines, a VBox of TextFlows and
     * centred formulas.
     */
    private javafx.scene.Node paragraph(Node p, Style style, String styleClass) {
        List<javafx.scene.Node> inline = new ArrayList<>();
        inlines(p, style, inline);
        List<javafx.scene.Node> parts = new ArrayList<>();
        List<javafx.scene.Node> line = new ArrayList<>();
        for (javafx.scene.Node n : inline) {
            if (n.getStyleClass().contains("lesson-math-display")) {
                if (hasContent(line)) parts.add(flow(line, styleClass));
                line = new ArrayList<>();
                parts.add(n);
            } else {
                line.add(n);
            }
        }
        if (hasContent(line)) parts.add(flow(line, styleClass));
        if (parts.size() == 1) return parts.get(0);
        VBox box = stack(parts);
        box.getStyleClass().add(styleClass);
        return box;
    }

    private VBox list(ListBlock list, int depth) {
        VBox box = new VBox(base * (list.isTight() ? 0.25 : 0.5));
        box.getStyleClass().addAll("lesson-list", list instanceof OrderedList ? "lesson-ordered-list" : "lesson-bullet-list");
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        String delimiter = list instanceof OrderedList o && o.getMarkerDelimiter() != null ? o.getMarkerDelimiter() : ".";
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) continue;
            String marker = list instanceof OrderedList ? (number++) + delimiter : BULLETS[depth % BULLETS.length];
            Text mark = run(marker, new Style(base, false, false), "lesson-list-marker");
            TextFlow markFlow = new TextFlow(mark);
            double width = base * (list instanceof OrderedList ? 1.8 : 1.2);
            markFlow.setMinWidth(width);
            markFlow.setPrefWidth(width);
            markFlow.setMaxWidth(width);
            VBox body = stack(blocks(item));
            body.setSpacing(base * (list.isTight() ? 0.25 : 0.5));
            HBox.setHgrow(body, Priority.ALWAYS);
            HBox row = new HBox(markFlow, body);
            row.setAlignment(Pos.BASELINE_LEFT);
            row.getStyleClass().add("lesson-list-item");
            box.getChildren().add(row);
        }
        return box;
    }

    /** Nesting depth of a list among lists, for the bullet shape. */
    private static int depth(ListBlock list) {
        int depth = 0;
        for (Node p = list.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ListBlock) depth++;
        }
        return depth;
    }

    private VBox quote(BlockQuote q) {
        VBox box = stack(blocks(q));
        box.getStyleClass().add("lesson-quote");
        box.setPadding(new Insets(base * 0.5, base * 0.8, base * 0.5, base * 0.8));
        Node first = q.getFirstChild();
        if (first instanceof Paragraph && plainText(first).strip().toLowerCase(Locale.ROOT).startsWith("try it")) {
            box.getStyleClass().add("lesson-try-it");
        }
        return box;
    }

    private VBox codeBlock(String literal) {
        String code = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        Text text = new Text(code);
        text.getStyleClass().addAll("lesson-run", "lesson-code");
        text.setFont(Font.font("Monospaced", base * CODE_SCALE));
        TextFlow flow = new TextFlow(text);
        flow.getStyleClass().add("lesson-code-text");
        VBox box = new VBox(flow);
        box.getStyleClass().add("lesson-code-block");
        box.setPadding(new Insets(base * 0.5, base * 0.8, base * 0.5, base * 0.8));
        return box;
    }

    private Region rule() {
        Region rule = new Region();
        rule.getStyleClass().add("lesson-rule");
        rule.setMinHeight(1);
        rule.setPrefHeight(1);
        rule.setMaxHeight(1);
        VBox.setMargin(rule, new Insets(base * 0.3, 0, base * 0.3, 0));
        return rule;
    }

    /**
     * A table that fits the text column: at its natural width when there is room; narrower, its cells
     * wrapping at word boundaries, down to the widest word of each column; and in a column narrower still
     * (a six-column table beside the figure at 1280 × 800), one block per row, each cell under its column's
     * name, so that it never scrolls sideways.
     */
    private javafx.scene.Node table(TableBlock table) {
        GridPane grid = tableGrid(table);
        VBox rows = stackedTable(table);
        return new FittedTable(grid, rows);
    }

    /**
     * Shows the grid when its columns fit the width it is given, else the stacked rows. Both are always
     * children (so styles reach both); the one not shown is hidden and left out of the layout.
     */
    static final class FittedTable extends Region {
        private final GridPane grid;
        private final VBox rows;

        FittedTable(GridPane grid, VBox rows) {
            this.grid = grid;
            this.rows = rows;
            getStyleClass().add("lesson-table-fitted");
            grid.setManaged(false);
            rows.setManaged(false);
            getChildren().addAll(grid, rows);
            setMinWidth(0);
        }

        /** Whether the grid is shown (false: the rows, stacked). */
        boolean showsGrid() {
            return grid.isVisible();
        }

        private boolean gridFits(double width) {
            return width < 0 || width >= grid.minWidth(-1);
        }

        @Override
        public javafx.geometry.Orientation getContentBias() {
            return javafx.geometry.Orientation.HORIZONTAL;
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }

        @Override
        protected double computePrefWidth(double height) {
            return grid.prefWidth(-1);
        }

        @Override
        protected double computeMaxWidth(double height) {
            return grid.prefWidth(-1);
        }

        @Override
        protected double computePrefHeight(double width) {
            if (gridFits(width)) return grid.prefHeight(width < 0 ? -1 : Math.min(width, grid.prefWidth(-1)));
            return rows.prefHeight(width);
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            boolean fits = gridFits(w);
            grid.setVisible(fits);
            rows.setVisible(!fits);
            if (fits) {
                double gw = Math.min(w, grid.prefWidth(-1));
                grid.resizeRelocate(0, 0, gw, grid.prefHeight(gw));
            } else {
                rows.resizeRelocate(0, 0, w, rows.prefHeight(w));
            }
        }
    }

    /** The table as one block per body row: each cell's text under its column's name (the header's text). */
    private VBox stackedTable(TableBlock table) {
        List<Node> headers = new ArrayList<>();
        VBox out = new VBox(base * 0.5);
        out.getStyleClass().add("lesson-table-stacked");
        out.setMinWidth(0);
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) continue;
                if (head) {
                    for (Node c = r.getFirstChild(); c != null; c = c.getNext()) if (c instanceof TableCell) headers.add(c);
                    continue;
                }
                VBox block = new VBox(base * 0.15);
                block.getStyleClass().add("lesson-table");
                block.setPadding(new Insets(base * 0.3, base * 0.6, base * 0.3, base * 0.6));
                block.setMinWidth(0);
                int col = 0;
                for (Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (!(c instanceof TableCell cell)) continue;
                    List<javafx.scene.Node> inline = new ArrayList<>();
                    if (col < headers.size()) {
                        // The column's name, bold, then the cell; the first column names the row, so it is the title.
                        if (col > 0) {
                            Style bold = new Style(base, true, false);
                            inlines(headers.get(col), bold, inline);
                            inline.add(run(": ", bold, null));
                        }
                    }
                    inlines(cell, new Style(base, col == 0, false), inline);
                    TextFlow flow = flow(inline, "lesson-table-stacked-cell");
                    flow.setMaxWidth(Double.MAX_VALUE);
                    block.getChildren().add(flow);
                    col++;
                }
                out.getChildren().add(block);
            }
        }
        return out;
    }

    /** The widest word (or formula) of a cell, plus its padding: the narrowest the cell may get. */
    private static double longestWord(TextFlow flow) {
        double widest = 0;
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        for (javafx.scene.Node child : flow.getChildren()) {
            if (child instanceof javafx.scene.text.Text t) {
                probe.setFont(t.getFont());
                for (String word : t.getText().split("\\s+")) {
                    probe.setText(word);
                    widest = Math.max(widest, probe.getLayoutBounds().getWidth());
                }
            } else {
                widest = Math.max(widest, child.prefWidth(-1));
            }
        }
        return Math.ceil(widest + flow.getPadding().getLeft() + flow.getPadding().getRight() + 2);
    }

    private GridPane tableGrid(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("lesson-table");
        grid.setMaxWidth(Region.USE_PREF_SIZE);
        int row = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) continue;
                int col = 0;
                for (Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (!(c instanceof TableCell cell)) continue;
                    Style style = new Style(base, head, false);
                    List<javafx.scene.Node> inline = new ArrayList<>();
                    inlines(cell, style, inline);
                    TextFlow flow = flow(inline, "lesson-table-cell");
                    if (head) flow.getStyleClass().add("lesson-table-header");
                    flow.getStyleClass().add(row % 2 == 0 ? "lesson-table-row-even" : "lesson-table-row-odd");
                    flow.setPadding(new Insets(base * 0.3, base * 0.6, base * 0.3, base * 0.6));
                    flow.setTextAlignment(alignment(cell.getAlignment()));
                    flow.setMaxWidth(Double.MAX_VALUE);
                    flow.setMaxHeight(Double.MAX_VALUE);
                    flow.setMinWidth(longestWord(flow));
                    grid.add(flow, col++, row);
                }
                row++;
            }
        }
        return grid;
    }

    private static TextAlignment alignment(TableCell.Alignment a) {
        if (a == null) return TextAlignment.LEFT;
        return switch (a) {
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
            default -> TextAlignment.LEFT;
        };
    }

    // ----------------------------------------------------------------- inlines

    private void inlines(Node parent, Style style, List<javafx.scene.Node> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) inline(n, style, out);
    }

    private void inline(Node n, Style style, List<javafx.scene.Node> out) {
        if (inlineDepth >= MAX_NESTING) {
            out.add(run(math.restore(n instanceof org.commonmark.node.Text t ? t.getLiteral() : plainText(n)), style, null));
            return;
        }
        inlineDepth++;
        try {
            inlineAtDepth(n, style, out);
        } finally {
            inlineDepth--;
        }
    }

    private void inlineAtDepth(Node n, Style style, List<javafx.scene.Node> out) {
        if (n instanceof org.commonmark.node.Text t) {
            textWithMath(t.getLiteral(), style, out);
        } else if (n instanceof Code c) {
            Text code = new Text(c.getLiteral());
            code.getStyleClass().addAll("lesson-run", "lesson-code");
            code.setFont(Font.font("Monospaced", style.bold ? FontWeight.BOLD : FontWeight.NORMAL,
                    style.size * CODE_SCALE));
            out.add(code);
        } else if (n instanceof Emphasis) {
            inlines(n, style.withItalic(), out);
        } else if (n instanceof StrongEmphasis) {
            inlines(n, style.withBold(), out);
        } else if (n instanceof Link link) {
            out.add(link(link, style));
        } else if (n instanceof Image image) {
            out.add(run("[" + math.restore(plainText(image)) + "]", style.withItalic(), "lesson-image-alt"));
        } else if (n instanceof SoftLineBreak) {
            out.add(run(" ", style, null));
        } else if (n instanceof HardLineBreak) {
            out.add(run("\n", style, null));
        } else if (n instanceof HtmlInline h) {
            out.add(run(math.restore(h.getLiteral()), style, "lesson-html"));
        } else {
            inlines(n, style, out);
        }
    }

    /** Text runs with the formula tokens replaced by typeset math. */
    private void textWithMath(String literal, Style style, List<javafx.scene.Node> out) {
        Matcher m = MathExtractor.TOKEN.matcher(literal);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) out.add(run(literal.substring(last, m.start()), style, null));
            formula(Integer.parseInt(m.group(1)), style, out);
            last = m.end();
        }
        if (last < literal.length()) out.add(run(literal.substring(last), style, null));
    }

    /** Typeset math, or the formula's source with the reason it is not typeset. */
    private void formula(int index, Style style, List<javafx.scene.Node> out) {
        MathExtractor.Formula f = math.formulas().get(index);
        MathRenderer.Result r = typeset.getOrDefault(index, new MathRenderer.Failed("not typeset", "not typeset"));
        List<javafx.scene.Node> nodes = new ArrayList<>();
        if (r instanceof MathRenderer.Typeset t) {
            nodes.add(new MathView(t, f.latex(), f.display()));
        } else {
            MathRenderer.Failed failed = (MathRenderer.Failed) r;
            Label error = new Label(f.source());
            error.getStyleClass().add("lesson-math-error");
            error.setFont(Font.font("Monospaced", style.size * CODE_SCALE));
            error.setTooltip(new Tooltip("Cannot typeset this formula: " + failed.message()));
            error.setMinWidth(Region.USE_PREF_SIZE);
            nodes.add(error);
            if (failed.note() != null) {
                nodes.add(run(" (formula not shown: " + failed.note() + ")", style.withItalic(), "lesson-limit-note"));
            }
        }
        if (!f.display()) {
            out.addAll(nodes);
            return;
        }
        HBox box = new HBox(nodes.toArray(javafx.scene.Node[]::new));
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("lesson-math-display");
        box.setPadding(new Insets(base * 0.3, 0, base * 0.3, 0));
        out.add(box);
    }

    private Hyperlink link(Link link, Style style) {
        String text = math.restore(plainText(link));
        Hyperlink h = new Hyperlink(text.isEmpty() ? link.getDestination() : text);
        h.getStyleClass().add("lesson-link");
        h.setFont(font(style));
        h.setPadding(Insets.EMPTY);
        h.setBorder(null);
        String href = link.getDestination();
        if (link.getTitle() != null && !link.getTitle().isBlank()) h.setTooltip(new Tooltip(link.getTitle()));
        h.setOnAction(e -> onLink.accept(href));
        return h;
    }

    // ----------------------------------------------------------------- helpers

    private Text run(String s, Style style, String extraClass) {
        Text t = new Text(s);
        t.getStyleClass().add("lesson-run");
        if (style.bold) t.getStyleClass().add("lesson-strong");
        if (style.italic) t.getStyleClass().add("lesson-emph");
        if (extraClass != null) t.getStyleClass().add(extraClass);
        t.setFont(font(style));
        return t;
    }

    private Font font(Style style) {
        return Font.font(family, style.bold ? FontWeight.BOLD : FontWeight.NORMAL,
                style.italic ? FontPosture.ITALIC : FontPosture.REGULAR, style.size);
    }

    private TextFlow flow(List<javafx.scene.Node> children, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getChildren().setAll(trimTrailingBreaks(children));
        flow.getStyleClass().add(styleClass);
        flow.setLineSpacing(base * 0.2);
        flow.setMinWidth(0);
        return flow;
    }

    private VBox stack(List<javafx.scene.Node> children) {
        VBox box = new VBox(base * 0.6);
        box.getChildren().setAll(children);
        box.setMinWidth(0);
        return box;
    }

    /** Drops the soft breaks and spaces left at the start or end of a line split by display math. */
    private static List<javafx.scene.Node> trimTrailingBreaks(List<javafx.scene.Node> nodes) {
        int from = 0;
        int to = nodes.size();
        while (from < to && isBlankRun(nodes.get(from))) from++;
        while (to > from && isBlankRun(nodes.get(to - 1))) to--;
        return nodes.subList(from, to);
    }

    private static boolean isBlankRun(javafx.scene.Node n) {
        return n instanceof Text t && t.getText().isBlank();
    }

    private static boolean hasContent(List<javafx.scene.Node> nodes) {
        return nodes.stream().anyMatch(n -> !isBlankRun(n));
    }

    /** The text under a node, without markup; walked without recursion, however deep the nesting. */
    static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node n = node.getFirstChild(); n != null; n = MathExtractor.next(n, node)) {
            if (n instanceof org.commonmark.node.Text t) sb.append(t.getLiteral());
            else if (n instanceof Code c) sb.append(c.getLiteral());
            else if (n instanceof FencedCodeBlock c) sb.append(c.getLiteral());
            else if (n instanceof IndentedCodeBlock c) sb.append(c.getLiteral());
            else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) sb.append(' ');
            else if (n instanceof Paragraph && sb.length() > 0) sb.append(' ');
        }
        return sb.toString();
    }
}
