package org.mbrllab.app.common;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The arrangement of a pane that shows one chart: a wrapping caption above it, and a line of progress
 * under it (the figure a PNG export takes is the chart with that line).
 */
public final class CaptionedFigure {

    private CaptionedFigure() {}

    /** Puts {@code caption} at the top of {@code view} and the figure in its centre; returns the figure. */
    public static VBox layOut(BorderPane view, Text caption, Node chart, Label progress) {
        TextFlow strip = new TextFlow(caption);
        strip.setPadding(new Insets(6, 8, 4, 8));
        progress.setPadding(new Insets(4, 8, 6, 8));
        VBox figure = new VBox(chart, progress);
        VBox.setVgrow(chart, Priority.ALWAYS);
        view.setTop(strip);
        view.setCenter(figure);
        return figure;
    }

    /** The caption in the theme's muted colour at the chosen font size. */
    public static void applyTheme(Text caption, Appearance appearance) {
        caption.setFill(appearance.theme().muted());
        caption.setFont(Font.font(appearance.fontSize()));
    }
}
