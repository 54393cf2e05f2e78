package org.mbrllab.app.common.text;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Shows a lesson's Markdown with typeset math, in a vertical scroll pane whose text wraps to its width.
 *
 * <p>Markdown is CommonMark with GFM tables. {@code $…$} is inline math and {@code $$…$$} display math
 * (which may span lines); {@code \$} is a dollar sign, and code keeps its dollars. Math is typeset with
 * JLaTeXMath in the colour given by {@link #setTextColor}; a formula that cannot be typeset shows its
 * source in a {@code lesson-math-error} node whose tooltip gives the reason.
 *
 * <p>Font sizes and spacing follow {@link #setBaseFontSize} (h1 1.6×, h2 1.3×, h3 1.15×, code 0.9×).
 * Colours, borders and backgrounds come from CSS: every node carries a {@code lesson-*} style class, and
 * this control's user-agent stylesheet gives neutral defaults that a theme overrides. A theme should not
 * set fonts on these classes, since CSS would win over the sizes set here.
 */
public final class LessonTextView extends javafx.scene.control.ScrollPane {

    /** Base font size when none is set, in pixels. */
    public static final double DEFAULT_BASE_FONT_SIZE = 16;

    private final VBox content = new VBox();
    private final Parser parser = parserBuilder().build();
    private final MathExtractor extractor = new MathExtractor(parserBuilder());

    private String markdown = "";
    private MathExtractor.Result extracted = new MathExtractor.Result("", List.of());
    private Node document = parser.parse("");
    private double baseFontSize = DEFAULT_BASE_FONT_SIZE;
    private Color textColor = Color.BLACK;
    private Consumer<String> onLinkClicked = href -> {};

    public LessonTextView() {
        getStyleClass().add("lesson-text");
        content.getStyleClass().add("lesson-content");
        content.setFillWidth(true);
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        rebuild();
    }

    /** Shows {@code markdown} (without front matter), scrolled to the top. */
    public void setMarkdown(String markdown) {
        this.markdown = Objects.requireNonNull(markdown, "markdown");
        this.extracted = extractor.extract(markdown);
        this.document = parser.parse(extracted.markdown());
        rebuild();
        setVvalue(getVmin());
    }

    public String getMarkdown() {
        return markdown;
    }

    /** Size of body text in pixels; headings, code and math scale with it. Keeps the scroll position. */
    public void setBaseFontSize(double px) {
        if (!(px >= 4 && px <= 200)) throw new IllegalArgumentException("base font size " + px + " px is outside [4, 200]");
        if (px == baseFontSize) return;
        baseFontSize = px;
        rebuild();
    }

    public double getBaseFontSize() {
        return baseFontSize;
    }

    /** Colour of typeset math; set it with the theme's text colour (light on a dark theme). */
    public void setTextColor(Color color) {
        Objects.requireNonNull(color, "color");
        if (color.equals(textColor)) return;
        textColor = color;
        rebuild();
    }

    public Color getTextColor() {
        return textColor;
    }

    /** Called with a link's destination when the student clicks it. */
    public void setOnLinkClicked(Consumer<String> onLinkClicked) {
        this.onLinkClicked = onLinkClicked == null ? href -> {} : onLinkClicked;
    }

    @Override
    public String getUserAgentStylesheet() {
        return LessonTextView.class.getResource("lesson-text.css").toExternalForm();
    }

    /** CommonMark with GFM tables; a new builder each time, since builders are mutable. */
    private static Parser.Builder parserBuilder() {
        return Parser.builder().extensions(List.of(TablesExtension.create()));
    }

    private void rebuild() {
        double v = getVvalue();
        MarkdownRenderer renderer = new MarkdownRenderer(baseFontSize, textColor, extracted,
                href -> onLinkClicked.accept(href));
        content.setSpacing(baseFontSize * 0.75);
        content.setPadding(new Insets(baseFontSize, baseFontSize * 1.25, baseFontSize * 1.5, baseFontSize * 1.25));
        content.getChildren().setAll(renderer.blocks(document));
        setVvalue(v);
    }
}
