package org.mbrllab.app.common.text;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * One inline formula outside the lesson text, typeset like the lesson's math (JLaTeXMath, the same size
 * and colour rules), for a table cell or a caption. It takes its font size and colour from CSS like a
 * label (style it through {@link #getStyleClass()}); until the formula is typeset off the FX thread, and
 * if it cannot be, it shows the plain text it was given instead.
 */
public final class MathLabel extends StackPane {

    /** One thread typesets for every label; {@link MathRenderer#render} blocks, so never on the FX thread. */
    private static final ExecutorService TYPESETTER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "math-label");
        t.setDaemon(true);
        return t;
    });

    private final String latex;
    /** The plain text, shown until the formula is typeset; it also carries the CSS font and colour. */
    private final Label plain;
    private MathView typeset;
    private long generation;

    /**
     * @param latex the formula, without dollars
     * @param plain what to show until it is typeset, or if it cannot be
     */
    public MathLabel(String latex, String plain) {
        this.latex = latex;
        this.plain = new Label(plain);
        this.plain.getStyleClass().add("math-label-text");
        getChildren().add(this.plain);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setAccessibleText(plain);
        this.plain.fontProperty().addListener((obs, o, n) -> typeset());
        this.plain.textFillProperty().addListener((obs, o, n) -> typeset());
        typeset();
    }

    /**
     * The style classes of the text the formula stands for: CSS that sets a label's font size and text
     * colour ({@code -fx-text-fill} is not inherited) is applied to the formula through them.
     */
    public javafx.collections.ObservableList<String> textStyleClass() {
        return plain.getStyleClass();
    }

    /** The TeX source. */
    public String latex() {
        return latex;
    }

    /** Whether the formula is shown typeset (tests). */
    public boolean isTypeset() {
        return typeset != null && getChildren().contains(typeset);
    }

    private void typeset() {
        double size = plain.getFont().getSize();
        Paint fill = plain.getTextFill();
        Color color = fill instanceof Color c ? c : Color.BLACK;
        long wanted = ++generation;
        TYPESETTER.execute(() -> {
            MathRenderer.Result result = MathRenderer.render(latex, size, color, false);
            Platform.runLater(() -> {
                if (wanted != generation) return;
                if (result instanceof MathRenderer.Typeset t) {
                    typeset = new MathView(t, latex, false);
                    // The plain label stays, hidden and out of the layout, so that CSS keeps reaching it.
                    plain.setVisible(false);
                    plain.setManaged(false);
                    getChildren().setAll(plain, typeset);
                } else {
                    plain.setVisible(true);
                    plain.setManaged(true);
                    getChildren().setAll(plain);
                }
            });
        });
    }
}
