package org.mbrllab.app.shell;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.mbrllab.app.common.LessonPane;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.RunControls;

/**
 * A lesson's pane shown twice, side by side: copy A is the lesson's own pane, copy B a second instance
 * made by the same factory with a {@link PaneHost} of its own, so that it has its own parameters, seed,
 * engine and runner. Both are driven by one set of run controls: this class is those controls, and
 * forwards Step, Run/Pause, Reset and the speed to both copies, so that they run in step.
 *
 * <p>"In step" means under the same commands at the same speed: each copy has its own worker, so at full
 * speed one may finish before the other, and a step of one is not synchronised with a step of the other.
 *
 * <p>The seed: the toolbar's seed field sets both copies (common random numbers, so that a difference
 * between A and B comes from their parameters, not from their luck); B's own seed field, in its header,
 * sets B alone. B starts with A's seed.
 *
 * <p>Everything this object subscribes to is registered in B's scope, so closing B's scope (split off,
 * or the lesson left) releases it together with B's runners.
 */
final class SideBySide implements RunControls {

    /** The lesson's own pane. */
    final LessonPane a;
    /** The second copy. */
    final LessonPane b;
    /** B's host; its scope is closed when the split ends. */
    final PaneHost hostB;
    private final RunControls ca;
    private final RunControls cb;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyLongWrapper steps = new ReadOnlyLongWrapper(this, "steps");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final TextField seedB = new TextField();
    private final SplitPane view = new SplitPane();
    private final Consumer<String> message;
    private final FlowPane headerA;
    private final FlowPane headerB;

    /**
     * @param a        the lesson's pane, already active
     * @param b        a second pane of the same kind, already active, made with {@code hostB}
     * @param hostB    B's host, whose scope holds what this object subscribes to
     * @param message  shows a sentence in the status bar
     * @param done     gives the keyboard back to the pane after Enter in B's seed field, so that R resets
     */
    SideBySide(LessonPane a, LessonPane b, PaneHost hostB, Consumer<String> message, Runnable done) {
        if (a.controls() == null || b.controls() == null) throw new IllegalArgumentException("only run-driven panes split");
        this.a = a;
        this.b = b;
        this.hostB = hostB;
        this.ca = a.controls();
        this.cb = b.controls();
        this.message = message;
        hostB.scope().onChange(this::update, ca.runningProperty(), cb.runningProperty(), ca.stepsProperty(),
                cb.stepsProperty(), ca.statusProperty(), cb.statusProperty(), ca.errorProperty(), cb.errorProperty());
        update();

        seedB.setId("seed-field-b");
        seedB.setPrefColumnCount(5);
        seedB.setText(Long.toString(cb.seed()));
        seedB.setTooltip(new Tooltip("B's own seed; takes effect on Reset. The toolbar's seed sets both A and B."));
        seedB.setOnAction(e -> {
            if (applySeedB()) done.run();
        });
        seedB.focusedProperty().addListener((obs, was, is) -> { if (!is) applySeedB(); });

        view.setId("side-by-side");
        BorderPane columnA = column("A", a, null);
        BorderPane columnB = column("B", b, seedB);
        headerA = (FlowPane) columnA.getTop();
        headerB = (FlowPane) columnB.getTop();
        view.getItems().setAll(columnA, columnB);
        showEdited(false);
        view.setDividerPositions(0.5);
    }

    /** The two copies in a horizontal split, each under a header with its letter and its own toolbar items. */
    Node view() {
        return view;
    }

    /** A copy's column: the letter, the pane's toolbar items (preset, algorithm …), then the pane. */
    private static BorderPane column(String letter, LessonPane pane, TextField seed) {
        Label badge = new Label(letter);
        badge.setId("copy-" + letter.toLowerCase());
        badge.getStyleClass().add("copy-badge");
        badge.setTooltip(new Tooltip("Copy " + letter + (letter.equals("A")
                ? ": the lesson's own pane; its settings are remembered"
                : ": a second copy with its own parameters and seed; the run controls drive both")));
        FlowPane header = new FlowPane(8, 6);
        header.getStyleClass().add("copy-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 8, 4, 8));
        header.getChildren().add(badge);
        if (seed != null) header.getChildren().addAll(new Label("Seed"), seed);
        header.getChildren().addAll(pane.toolbarItems());
        // Half the width is less than a pane asks for: it gets the column's width and is clipped to it,
        // rather than overflowing into the other copy.
        if (pane.view() instanceof Region r) r.setMinWidth(0);
        BorderPane column = new BorderPane(pane.view());
        column.setTop(header);
        column.setMinWidth(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(column.widthProperty());
        clip.heightProperty().bind(column.heightProperty());
        column.setClip(clip);
        return column;
    }

    /** Underlines the header of the copy the parameter panel edits: B if {@code isB}, else A. */
    void showEdited(boolean isB) {
        headerA.getStyleClass().remove("copy-edited");
        headerB.getStyleClass().remove("copy-edited");
        (isB ? headerB : headerA).getStyleClass().add("copy-edited");
    }

    /** Takes B's seed field; false when its text is not a whole number (the field then shows B's seed again). */
    private boolean applySeedB() {
        String text = seedB.getText().trim();
        try {
            long value = Long.parseLong(text);
            if (value != cb.seed()) {
                cb.setSeed(value);
                message.accept("B's seed is " + value + " from the next Reset.");
            }
            seedB.getStyleClass().remove("invalid");
            return true;
        } catch (NumberFormatException e) {
            if (!seedB.getStyleClass().contains("invalid")) seedB.getStyleClass().add("invalid");
            message.accept("Seed “" + text + "” is not a whole number between "
                    + Long.MIN_VALUE + " and " + Long.MAX_VALUE + ".");
            seedB.setText(Long.toString(cb.seed()));
            return false;
        }
    }

    private void update() {
        running.set(ca.runningProperty().get() || cb.runningProperty().get());
        steps.set(Math.max(ca.stepsProperty().get(), cb.stepsProperty().get()));
        status.set(statusLine());
        error.set(errorLine());
    }

    /** The status bar's line for both copies: "A: Converged · step 31   B: Running · step 12". */
    String statusLine() {
        return "A: " + ca.statusProperty().get() + " · step " + String.format("%,d", ca.stepsProperty().get())
                + "    B: " + cb.statusProperty().get() + " · step " + String.format("%,d", cb.stepsProperty().get());
    }

    /** Why a copy stopped, each prefixed with its letter; empty when neither did. */
    String errorLine() {
        String ea = ca.errorProperty().get();
        String eb = cb.errorProperty().get();
        boolean hasA = ea != null && !ea.isBlank();
        boolean hasB = eb != null && !eb.isBlank();
        if (hasA && hasB) return "A: " + ea + "   B: " + eb;
        if (hasA) return "A: " + ea;
        if (hasB) return "B: " + eb;
        return "";
    }

    // ---------------------------------------------------------------- RunControls of both

    @Override public void step() {
        ca.step();
        cb.step();
    }

    /** Pauses both if either runs; otherwise runs both. */
    @Override public void toggleRun() {
        if (ca.runningProperty().get() || cb.runningProperty().get()) {
            if (ca.runningProperty().get()) ca.toggleRun();
            if (cb.runningProperty().get()) cb.toggleRun();
        } else {
            ca.toggleRun();
            cb.toggleRun();
        }
    }

    /** Pauses both, if running, and takes both back to the start of their configurations. */
    void pauseAndReset() {
        if (ca.runningProperty().get()) ca.toggleRun();
        if (cb.runningProperty().get()) cb.toggleRun();
        reset();
    }

    @Override public void reset() {
        ca.reset();
        cb.reset();
    }

    @Override public void setSpeed(double stepsPerSecond) {
        ca.setSpeed(stepsPerSecond);
        cb.setSpeed(stepsPerSecond);
    }

    /** The toolbar's seed: both copies take it. */
    @Override public void setSeed(long seed) {
        ca.setSeed(seed);
        cb.setSeed(seed);
        seedB.setText(Long.toString(seed));
    }

    @Override public long seed() {
        return ca.seed();
    }

    @Override public double preferredSpeed() {
        return ca.preferredSpeed();
    }

    @Override public ReadOnlyDoubleProperty preferredSpeedProperty() {
        return ca.preferredSpeedProperty();
    }

    @Override public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    @Override public ReadOnlyLongProperty stepsProperty() { return steps.getReadOnlyProperty(); }
    @Override public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    @Override public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
