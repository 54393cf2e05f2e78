package org.mbrllab.app.shell;

import java.util.function.Consumer;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.mbrllab.app.common.RunControls;

/**
 * Step, Run/Pause, Reset, speed and seed: the same controls for every pane. The speed slider is
 * logarithmic, from 1 step per second to 1000, and its right end means full speed.
 */
final class RunControlsBar extends HBox {

    /** Slider position meaning "full speed": 10^3.5 and above. */
    static final double FULL_SPEED_POSITION = 3.5;

    final Button step = new Button("Step");
    final Button run = new Button("Run");
    final Button reset = new Button("Reset");
    final Slider speed = new Slider(0, FULL_SPEED_POSITION, FULL_SPEED_POSITION);
    private final Label speedLabel = new Label();
    final TextField seed = new TextField("1");

    private RunControls controls;
    private final ChangeListener<Boolean> runningListener = (obs, o, n) -> showRunning(n);
    private final ChangeListener<Number> preferredListener = (obs, o, n) -> showSpeed(n.doubleValue());
    private javafx.beans.property.ReadOnlyDoubleProperty preferred;
    private final Consumer<String> message;

    RunControlsBar(Consumer<String> message) {
        this.message = message;
        getStyleClass().add("run-controls");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        step.setId("step-button");
        run.setId("run-button");
        reset.setId("reset-button");
        speed.setId("speed-slider");
        seed.setId("seed-field");
        step.setTooltip(new Tooltip("Do one step at the chosen granularity (→)"));
        run.setTooltip(new Tooltip("Run or pause (Space)"));
        reset.setTooltip(new Tooltip("Start again from the current settings (R)"));
        speed.setTooltip(new Tooltip("Steps per second while running; the right end runs at full speed"));
        seed.setTooltip(new Tooltip("Seed for everything random (slips in Play); takes effect on Reset"));
        run.setMinWidth(80);
        for (Button b : new Button[]{step, run, reset}) b.setFocusTraversable(false);
        speed.setPrefWidth(160);
        speedLabel.setMinWidth(80);
        seed.setPrefColumnCount(7);

        step.setOnAction(e -> { if (controls != null) controls.step(); });
        run.setOnAction(e -> { if (controls != null) controls.toggleRun(); });
        reset.setOnAction(e -> { if (controls != null) controls.reset(); });
        speed.valueProperty().addListener((obs, o, n) -> applySpeed());
        seed.setOnAction(e -> applySeed());
        seed.focusedProperty().addListener((obs, was, is) -> { if (!is) applySeed(); });

        Label speedName = new Label("Speed");
        Label seedName = new Label("Seed");
        getChildren().addAll(step, run, reset, new Label(" "), speedName, speed, speedLabel, seedName, seed);
        applySpeed();
    }

    void bind(RunControls next) {
        if (controls != null) controls.runningProperty().removeListener(runningListener);
        if (preferred != null) preferred.removeListener(preferredListener);
        preferred = null;
        controls = next;
        boolean enabled = next != null;
        step.setDisable(!enabled);
        run.setDisable(!enabled);
        reset.setDisable(!enabled);
        if (next != null) {
            next.runningProperty().addListener(runningListener);
            showRunning(next.runningProperty().get());
            showSpeed(next.preferredSpeed());
            preferred = next.preferredSpeedProperty();
            preferred.addListener(preferredListener);
            seed.setText(Long.toString(next.seed()));
        }
    }

    /** Moves the slider to {@code stepsPerSecond} and applies it. */
    private void showSpeed(double stepsPerSecond) {
        speed.setValue(Double.isInfinite(stepsPerSecond) ? FULL_SPEED_POSITION
                : Math.max(0, Math.min(FULL_SPEED_POSITION - 0.01, Math.log10(stepsPerSecond))));
        applySpeed();
    }

    private void showRunning(boolean running) {
        run.setText(running ? "Pause" : "Run");
    }

    /** Steps per second for the slider's position; infinity at the right end. */
    static double stepsPerSecond(double position) {
        return position >= FULL_SPEED_POSITION - 1e-9 ? Double.POSITIVE_INFINITY : Math.round(Math.pow(10, position));
    }

    private void applySpeed() {
        double sps = stepsPerSecond(speed.getValue());
        speedLabel.setText(Double.isInfinite(sps) ? "full speed" : (long) sps + " / s");
        if (controls != null) controls.setSpeed(sps);
    }

    private void applySeed() {
        String text = seed.getText().trim();
        try {
            long value = Long.parseLong(text);
            if (controls != null) controls.setSeed(value);
            seed.getStyleClass().remove("invalid");
        } catch (NumberFormatException e) {
            if (!seed.getStyleClass().contains("invalid")) seed.getStyleClass().add("invalid");
            message.accept("Seed “" + text + "” is not a whole number between "
                    + Long.MIN_VALUE + " and " + Long.MAX_VALUE + ".");
            if (controls != null) seed.setText(Long.toString(controls.seed()));
        }
    }
}
