package org.mbrllab.app.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.mbrllab.engine.core.Format;

/**
 * A replay scrubber for a run whose history the snapshots carry: a slider over the steps the history
 * holds, the time of the shown step ("t = 2.34 s") and a <em>Live</em> button. While live, the slider
 * follows the newest step and the pane draws the run as it goes. Dragging the slider, or pressing ←, →,
 * Home or End while it has the focus, holds the pane at a step of the past: the pane redraws that step
 * from the newest snapshot's history (never from the engine, which goes on running). Pressing Live, or
 * moving to the newest step, follows the run again.
 *
 * <p>The pane calls {@link #setRange} with each snapshot and listens to {@link #setOnScrub}, which runs
 * whenever the shown step or {@link #liveProperty() live} changes by the student's hand (or because the
 * held step fell out of the history). Steps are whole numbers; time is {@code step × dt}.
 *
 * <p>The shell steps the run on → from a filter on its scene. While the slider has the focus the arrows
 * belong to the slider, so the scrubber takes its keys in a filter on the window, which runs before the
 * scene's.
 */
public final class Scrubber extends HBox {

    private final Slider slider = new Slider(0, 1, 0);
    private final Label time = new Label();
    private final Button liveButton = new Button("Live");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live", true);
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
    private final EventHandler<KeyEvent> keys = this::key;
    private int first;
    private int last;
    private double dt = 1;
    /** Whether the newest step counts as live (a growing run), or is a step like any other (a replay loop). */
    private boolean endIsLive = true;
    /** Set while the scrubber moves the slider itself, so that only the student's moves hold the pane. */
    private boolean updating;
    private Runnable onScrub = () -> {};
    /** The label for a held step; by default its time. */
    private java.util.function.IntFunction<String> stepText;

    public Scrubber() {
        getStyleClass().add("scrubber");
        setId("scrubber");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(4, 8, 4, 8));
        slider.setId("scrubber-slider");
        slider.setBlockIncrement(1);
        slider.setTooltip(new Tooltip("Drag back through the run's steps; ← and → move one step, Home and End "
                + "to the first and the newest. The run goes on meanwhile; Live follows it again."));
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        time.setId("scrubber-time");
        time.getStyleClass().add("mono");
        time.setMinWidth(USE_PREF_SIZE);
        liveButton.setId("scrubber-live");
        liveButton.setFocusTraversable(false);
        liveButton.setTooltip(new Tooltip("Follow the run again"));
        liveButton.disableProperty().bind(live);
        liveButton.setOnAction(e -> goLive());
        slider.valueProperty().addListener((obs, o, n) -> {
            if (!updating) moveTo((int) Math.round(n.doubleValue()));
        });
        // The button and the label keep their text whole; the slider gives way when room is short.
        liveButton.setMinWidth(Region.USE_PREF_SIZE);
        time.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(liveButton, slider, time);
        sceneProperty().addListener((obs, o, n) -> {
            if (o != null) o.windowProperty().removeListener(windowListener);
            if (n != null) n.windowProperty().addListener(windowListener);
            moveFilter(o == null ? null : o.getWindow(), n == null ? null : n.getWindow());
        });
        showTime();
    }

    private final javafx.beans.value.ChangeListener<Window> windowListener = (obs, o, n) -> moveFilter(o, n);

    private void moveFilter(Window from, Window to) {
        if (from != null) from.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        if (to != null) to.addEventFilter(KeyEvent.KEY_PRESSED, keys);
    }

    // ---------------------------------------------------------------- what the pane says

    /**
     * The steps the history holds now, {@code first} … {@code last} (the newest). While live the slider
     * moves to {@code last}; while held it stays, unless its step left the range: before {@code first} it
     * moves to {@code first}, and past {@code last} (the run was reset) the scrubber goes live.
     */
    public void setRange(int first, int last) {
        int lo = Math.max(0, first);
        int hi = Math.max(lo, last);
        boolean reset = hi < this.last;
        this.first = lo;
        this.last = hi;
        withSlider(() -> {
            slider.setMin(lo);
            slider.setMax(Math.max(hi, lo + 1)); // a slider needs a range; the step never passes hi
        });
        if (live.get()) {
            step.set(hi);
            withSlider(() -> slider.setValue(hi));
        } else if (reset && step.get() > hi) {
            goLive();
            return;
        } else if (step.get() < lo || step.get() > hi) {
            int k = Math.max(lo, Math.min(hi, step.get()));
            step.set(k);
            withSlider(() -> slider.setValue(k));
            onScrub.run();
        } else {
            withSlider(() -> slider.setValue(step.get()));
        }
        showTime();
    }

    /** Seconds per step, for the time label. */
    public void setTimeStep(double dt) {
        this.dt = dt;
        showTime();
    }

    /**
     * Whether reaching the newest step follows the run again (true, the default, for a growing run). False
     * for a trajectory replayed in a loop, where the last step is a state to look at like the others and
     * only the button returns to the replay; {@code buttonText} names that button (e.g. "Play").
     */
    public void setEndIsLive(boolean endIsLive, String buttonText) {
        this.endIsLive = endIsLive;
        liveButton.setText(buttonText);
    }

    /**
     * What the label says for step k, instead of its time: for a history that is not a time series (the
     * snapshots of a search). Null for the time.
     */
    public void setStepText(java.util.function.IntFunction<String> stepText) {
        this.stepText = stepText;
        showTime();
    }

    /** Runs after the student moved the scrubber or returned to live. */
    public void setOnScrub(Runnable onScrub) {
        this.onScrub = onScrub == null ? () -> {} : onScrub;
    }

    // ---------------------------------------------------------------- what the pane reads

    /** Whether the pane follows the run (true) or shows the held {@link #step()}. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public boolean isLive() {
        return live.get();
    }

    /** The step shown: the newest while live, else the held one. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public int step() {
        return step.get();
    }

    /** The shown step's time, {@code step × dt}, in seconds. */
    public double time() {
        return step.get() * dt;
    }

    public Slider slider() {
        return slider;
    }

    // ---------------------------------------------------------------- moving

    /** Holds the pane at step {@code k} (clamped to the range), or follows the run when that is the newest. */
    public void moveTo(int k) {
        int clamped = Math.max(first, Math.min(last, k));
        boolean toLive = endIsLive && clamped >= last;
        if (toLive) {
            goLive();
            return;
        }
        boolean changed = live.get() || clamped != step.get();
        live.set(false);
        step.set(clamped);
        withSlider(() -> slider.setValue(clamped));
        showTime();
        if (changed) onScrub.run();
    }

    /** Follows the run again from its newest step. */
    public void goLive() {
        boolean changed = !live.get() || step.get() != last;
        live.set(true);
        step.set(last);
        withSlider(() -> slider.setValue(last));
        showTime();
        if (changed) onScrub.run();
    }

    private void key(KeyEvent e) {
        Scene scene = getScene();
        if (scene == null || scene.getFocusOwner() != slider || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
        switch (e.getCode()) {
            case LEFT, KP_LEFT -> moveTo(step.get() - 1);
            case RIGHT, KP_RIGHT -> moveTo(step.get() + 1);
            case HOME -> moveTo(first);
            case END -> moveTo(last);
            default -> { return; }
        }
        e.consume();
    }

    private void withSlider(Runnable r) {
        boolean was = updating;
        updating = true;
        try {
            r.run();
        } finally {
            updating = was;
        }
    }

    private void showTime() {
        // A replay loop has no single time while it plays.
        if (live.get() && !endIsLive) time.setText("t = –");
        else if (stepText != null) time.setText(stepText.apply(step.get()));
        else time.setText("t = " + Format.fixed(step.get() * dt, 2) + " s");
    }
}
