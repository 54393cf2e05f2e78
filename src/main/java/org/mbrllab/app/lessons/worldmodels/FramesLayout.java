package org.mbrllab.app.lessons.worldmodels;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Two frames side by side with their controls beneath them or to their right, whichever leaves the frames
 * bigger: beneath on a narrow figure (the lesson text open), to the right on a wide one (a projector with
 * the text folded away). The frames are square, so what counts is the side each would get.
 */
final class FramesLayout extends BorderPane {
    /** Height the controls take beneath the frames, and width they take beside them. */
    private final double below;
    private final double beside;
    private final Node first;
    private final Node second;
    private Boolean right;

    /**
     * @param frames the frames' row (it grows)
     * @param first  the first control block (on the left beneath, on top beside)
     * @param second the second
     */
    FramesLayout(Node frames, Node first, Node second, double below, double beside) {
        this.first = first;
        this.second = second;
        this.below = below;
        this.beside = beside;
        setCenter(frames);
        setPadding(new Insets(4));
        widthProperty().addListener((obs, o, n) -> arrange());
        heightProperty().addListener((obs, o, n) -> arrange());
        arrange();
    }

    /** Whether the controls are to the right of the frames (tests). */
    boolean controlsBeside() {
        return Boolean.TRUE.equals(right);
    }

    private void arrange() {
        double w = getWidth(), h = getHeight();
        boolean wide = w > 0 && h > 0 && Math.min((w - beside) / 2, h) > Math.min(w / 2, h - below);
        if (right != null && right == wide) return;
        right = wide;
        setBottom(null);
        setRight(null);
        if (wide) {
            VBox box = new VBox(8, first, second);
            box.setPrefWidth(beside);
            box.setMinWidth(beside * 0.8);
            VBox.setVgrow(first, Priority.NEVER);
            BorderPane.setMargin(box, new Insets(0, 0, 0, 8));
            setRight(box);
        } else {
            HBox box = new HBox(8, first, second);
            BorderPane.setMargin(box, new Insets(6, 0, 0, 0));
            setBottom(box);
        }
    }
}
