package org.mbrllab.app.common.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * Shows a lesson's Markdown with typeset math, in a vertical scroll pane whose text wraps to its width.
 *
 * <p>Markdown is CommonMark with GFM tables. {@code $…$} is inline math and {@code $$…$$} display math
 * (which may span lines); {@code \$} is a dollar sign, and code keeps its dollars. Math is typeset with
 * JLaTeXMath in the colour given by {@link #setTextColor}; a formula that cannot be typeset shows its
 * source in a {@code lesson-math-error} node whose tooltip gives the reason. Images are never loaded:
 * their alternative text is shown.
 *
 * <p>Rendering happens off the FX thread: the Markdown is parsed and the formulas typeset on a
 * background thread, and only the nodes are built on the FX thread. A change ({@link #setMarkdown},
 * {@link #setBaseFontSize}, {@link #setTextColor}) therefore shows a moment later; the newest change
 * wins, and an older render that finishes late is dropped. {@link #renderingProperty} is true until
 * the newest change is shown. Lessons are data, so the work is bounded (see {@link PreparedLesson},
 * {@link FormulaLimits} and {@link MathRenderer}); when rendering fails anyway, an error paragraph
 * replaces the text, so the previous lesson never stays on screen. While a render takes longer than
 * {@link #PLACEHOLDER_DELAY_MS}, a "loading" line stands in for the old text.
 *
 * <p>Font sizes and spacing follow {@link #setBaseFontSize} (h1 1.6×, h2 1.3×, h3 1.15×, code 0.9×).
 * Colours, borders and backgrounds come from CSS: every node carries a {@code lesson-*} style class, and
 * this control's user-agent stylesheet gives neutral defaults that a theme overrides. A theme should not
 * set fonts on these classes, since CSS would win over the sizes set here.
 */
public final class LessonTextView extends javafx.scene.control.ScrollPane {

    /** Base font size when none is set, in pixels. */
    public static final double DEFAULT_BASE_FONT_SIZE = 16;
    /** How long the previous text may stay while a new lesson renders, in milliseconds. */
    public static final long PLACEHOLDER_DELAY_MS = 150;
    /** Stack of the render thread, in bytes: a margin for commonmark on deeply nested input. */
    private static final long RENDER_STACK_BYTES = 16L << 20;

    /** One thread renders for every view; each render first checks that it is still wanted. */
    private static final ExecutorService RENDERER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "lesson-text-render", RENDER_STACK_BYTES);
        t.setDaemon(true);
        return t;
    });

    private final VBox content = new VBox();
    private final Parser parser = parserBuilder().build();
    private final MathExtractor extractor = new MathExtractor(parserBuilder());
    private final ReadOnlyBooleanWrapper rendering = new ReadOnlyBooleanWrapper(this, "rendering", false);
    private final PauseTransition placeholder = new PauseTransition(Duration.millis(PLACEHOLDER_DELAY_MS));

    private String markdown = "";
    private double baseFontSize = DEFAULT_BASE_FONT_SIZE;
    private Color textColor = Color.BLACK;
    private Consumer<String> onLinkClicked = href -> {};
    /** The newest change; written on the FX thread, read by the render thread to drop stale work. */
    private volatile long generation;
    private boolean scrollToTop;
    /** Run on the render thread before each render; a test slows or breaks rendering with it. */
    volatile Runnable beforeRender = () -> {};

    public LessonTextView() {
        getStyleClass().add("lesson-text");
        content.getStyleClass().add("lesson-content");
        content.setFillWidth(true);
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        placeholder.setOnFinished(e -> {
            if (rendering.get()) {
                content.getChildren().setAll(note("Loading the lesson text…", "lesson-loading"));
            }
        });
        layoutContent();
    }

    /**
     * Shows {@code markdown} (without front matter), scrolled to the top, once it is rendered; until
     * then, for at most {@link #PLACEHOLDER_DELAY_MS}, the previous text stays.
     */
    public void setMarkdown(String markdown) {
        this.markdown = Objects.requireNonNull(markdown, "markdown");
        scrollToTop = true;
        placeholder.playFromStart();
        render();
    }

    public String getMarkdown() {
        return markdown;
    }

    /** Size of body text in pixels; headings, code and math scale with it. Keeps the scroll position. */
    public void setBaseFontSize(double px) {
        if (!(px >= 4 && px <= 200)) throw new IllegalArgumentException("base font size " + px + " px is outside [4, 200]");
        if (px == baseFontSize) return;
        baseFontSize = px;
        render();
    }

    public double getBaseFontSize() {
        return baseFontSize;
    }

    /** Colour of typeset math; set it with the theme's text colour (light on a dark theme). */
    public void setTextColor(Color color) {
        Objects.requireNonNull(color, "color");
        if (color.equals(textColor)) return;
        textColor = color;
        render();
    }

    public Color getTextColor() {
        return textColor;
    }

    /** Whether a change is still being rendered: true from a change until its text is shown. */
    public ReadOnlyBooleanProperty renderingProperty() {
        return rendering.getReadOnlyProperty();
    }

    public boolean isRendering() {
        return rendering.get();
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

    /** Starts rendering the current markdown, size and colour in the background; the newest wins. */
    private void render() {
        long gen = ++generation;
        rendering.set(true);
        String md = markdown;
        double size = baseFontSize;
        Color color = textColor;
        Runnable hook = beforeRender;
        RENDERER.execute(() -> {
            if (gen != generation) return;
            Object result;
            try {
                hook.run();
                result = PreparedLesson.prepare(md, size, color, parser, extractor, () -> gen != generation);
            } catch (CancellationException e) {
                return;
            } catch (Throwable e) {                            // incl. StackOverflowError, OutOfMemoryError
                result = e;
            }
            Object done = result;
            Platform.runLater(() -> show(gen, done, size));
        });
    }

    /** On the FX thread: shows a finished render unless a newer change has come since. */
    private void show(long gen, Object result, double size) {
        if (gen != generation) return;
        double v = getVvalue();
        try {
            if (result instanceof PreparedLesson lesson) {
                MarkdownRenderer renderer = new MarkdownRenderer(size, lesson.math(), lesson.typeset(),
                        href -> onLinkClicked.accept(href));
                List<javafx.scene.Node> blocks = new ArrayList<>(renderer.blocks(lesson.document()));
                if (lesson.cutNote() != null) blocks.add(note(lesson.cutNote(), "lesson-limit-note"));
                content.getChildren().setAll(blocks);
            } else {
                showError((Throwable) result);
            }
        } catch (RuntimeException | StackOverflowError e) {
            showError(e);
        }
        layoutContent();
        setVvalue(scrollToTop ? getVmin() : v);
        scrollToTop = false;
        placeholder.stop();
        rendering.set(false);
    }

    private void showError(Throwable e) {
        String why = e instanceof StackOverflowError ? "it is nested too deeply"
                : e instanceof OutOfMemoryError ? "it is too large"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        content.getChildren().setAll(note("This text could not be shown: " + why + ".", "lesson-render-error"));
    }

    /** A paragraph of italic text with {@code styleClass}, for notes in place of or after the text. */
    private TextFlow note(String text, String styleClass) {
        Text t = new Text(text);
        t.getStyleClass().addAll("lesson-run", "lesson-emph", styleClass);
        t.setFont(Font.font(Font.getDefault().getFamily(), FontPosture.ITALIC, baseFontSize));
        TextFlow flow = new TextFlow(t);
        flow.getStyleClass().addAll("lesson-paragraph", styleClass);
        flow.setMinWidth(0);
        return flow;
    }

    private void layoutContent() {
        content.setSpacing(baseFontSize * 0.75);
        content.setPadding(new Insets(baseFontSize, baseFontSize * 1.25, baseFontSize * 1.5, baseFontSize * 1.25));
    }
}
