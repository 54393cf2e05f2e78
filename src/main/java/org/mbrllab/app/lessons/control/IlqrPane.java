package org.mbrllab.app.lessons.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.IlqrSnapshot;
import org.mbrllab.engine.control.InitialControls;
import org.mbrllab.engine.control.Trajectory;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.app.common.system.SystemView;
import org.mbrllab.app.common.Scrubber;
import org.mbrllab.app.common.Throttle;

/**
 * The iLQR lesson's pane: every accepted iteration's trajectory drawn as the path of the pole's tip, the
 * newest highlighted and played back in real time, the best finished start dashed; the cost per
 * iteration, the angle over the horizon per iteration and the newest controls; μ and α in the strip.
 * Step (→) runs one iteration. A {@link Scrubber} under the drawing stops the replay loop and holds the
 * newest trajectory at one step of the horizon, with a cursor on the angle and control charts; later
 * iterations then show how x_t at that step changes. Play returns to the loop.
 */
public final class IlqrPane extends ControlPane<IlqrViewModel> {

    /** Overlays and charts are rebuilt at most this often while iterations stream in. */
    static final double REDRAWS_PER_SECOND = 10;

    private final SystemView canvas = new SystemView();
    private final Scrubber scrubber = new Scrubber();
    private final IterationCharts charts = new IterationCharts();
    private final Throttle redraw = new Throttle(REDRAWS_PER_SECOND);
    private final Label stats = new Label();
    private final Label stop = new Label();
    private final SplitPane figure;
    /** The newest snapshot, whose trajectory the scrubber steps through. */
    private IlqrSnapshot latest;

    public IlqrPane(PaneHost host) {
        super(host, new IlqrViewModel(), "Swing up the pendulum or the cartpole; choosing one loads its "
                + "Gymnasium constants and a horizon long enough for the swing-up");
        canvas.setId("system-view");
        canvas.setRoomBelow(1.0);
        canvas.setFixedCamera(true);
        canvas.setTitle("");
        stats.setId("ilqr-stats");
        stats.getStyleClass().add("mono");
        stats.setStyle("-fx-font-weight: bold;");
        stats.setWrapText(true);
        stats.setTooltip(new Tooltip("J: the trajectory's cost Σ c(x_t, u_t). μ: the regularisation added in the backward "
                + "pass (large: short, careful steps). α: the line-search step of the last accepted iteration (1: the full step)."));
        stop.setId("ilqr-stop");
        stop.setWrapText(true);

        ChoiceBox<InitialControls> init = new ChoiceBox<>();
        init.setId("init-choice");
        init.getItems().setAll(InitialControls.values());
        init.setConverter(ControlPanes.converter(i -> i == InitialControls.ZERO ? "Zero controls" : "Random controls"));
        init.valueProperty().bindBidirectional(vm.initProperty());
        init.setTooltip(new Tooltip("Where the first start's control sequence comes from; further starts (multi-start) "
                + "are always random, seeded by the seed field"));

        FlowPane strip = new FlowPane(12, 6, ControlPanes.label("Start from"), init, stats);
        strip.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, strip, stop);
        top.setPadding(new Insets(6, 8, 6, 8));

        scrubber.setEndIsLive(false, "Play");
        scrubber.setOnScrub(() -> {
            if (latest != null) showTrajectory(latest);
        });
        VBox animation = new VBox(canvas, scrubber);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        figure = new SplitPane(animation, charts);
        figure.setOrientation(Orientation.VERTICAL);
        figure.setDividerPositions(0.55);
        view.setTop(top);
        view.setCenter(figure);

        vm.snapshotProperty().addListener((obs, o, n) -> showSnapshot(n));
        followTheme();
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return IlqrViewModel.specs();
    }

    SystemView canvas() { return canvas; }
    Scrubber scrubber() { return scrubber; }
    IterationCharts charts() { return charts; }

    /** Runs the pending redraw now (tests). */
    void flushRedraw() { redraw.flush(); }

    // ---------------------------------------------------------------- LessonPane

    @Override
    protected void startDrawing() {
        canvas.start();
        redraw.start();
    }

    @Override
    protected void stopDrawing() {
        canvas.stop();
        redraw.stop();
    }

    @Override public Node figure() { return figure; }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(this::chartCsv));
    }

    private Optional<String> chartCsv() {
        redraw.flush();
        String csv = charts.csv();
        return csv.isEmpty() ? Optional.empty() : Optional.of(csv);
    }

    // ---------------------------------------------------------------- drawing

    private void showSnapshot(IlqrSnapshot s) {
        if (s == null) return;
        stats.setText(IlqrViewModel.describe(s));
        stop.setText(stopText(s));
        latest = s;
        ControlSystem system = vm.system();
        double dt = vm.plant().timeStep();
        scrubber.setTimeStep(dt);
        scrubber.setRange(0, s.trajectory().steps());
        redraw.submit(() -> {
            canvas.setSystem(vm.plant());
            List<double[][]> paths = new ArrayList<>();
            for (Trajectory t : s.accepted()) paths.add(t.states());
            boolean showBest = s.best() != null && (s.restarts() > 1);
            canvas.setOverlays(paths, showBest ? s.best().states() : null);
            showTrajectory(s);
            charts.show(s, system, dt);
        });
    }

    /** The newest trajectory replayed in a loop, or held at the scrubber's step x_k (with u_{k−1}). */
    private void showTrajectory(IlqrSnapshot s) {
        double dt = vm.plant().timeStep();
        Trajectory tr = s.trajectory();
        if (scrubber.isLive()) {
            canvas.setPlayback(tr.states(), tr.actions(), dt);
            charts.setCursor(Double.NaN);
            return;
        }
        int k = Math.min(scrubber.step(), tr.steps());
        canvas.setPlayback(null, null, dt);
        canvas.jump(tr.state(k), k > 0 ? tr.u(k - 1) : 0, k * dt);
        charts.setCursor(k * dt);
    }

    /** Why the current start stopped, and the finished starts' costs; empty while it runs. */
    static String stopText(IlqrSnapshot s) {
        StringBuilder sb = new StringBuilder();
        if (s.stopReason() != null) {
            sb.append(s.stopReason().converged() ? "Converged: " : "Stopped: ").append(s.stopReason().description()).append('.');
        }
        if (s.restarts() > 1 && !s.finishedCosts().isEmpty()) {
            // A range, not a list: sixty starts would fill the strip.
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double c : s.finishedCosts()) {
                lo = Math.min(lo, c);
                hi = Math.max(hi, c);
            }
            if (sb.length() > 0) sb.append(' ');
            int n = s.finishedCosts().size();
            sb.append(n).append(n == 1 ? " start finished: J = " : " starts finished: J from ")
                    .append(org.mbrllab.engine.core.Format.fixed(lo, 1));
            if (n > 1) sb.append(" to ").append(org.mbrllab.engine.core.Format.fixed(hi, 1));
            if (s.best() != null) sb.append("; the best (start ").append(s.bestRestart() + 1).append(") dashed");
            sb.append('.');
        }
        return sb.toString();
    }

    @Override
    protected void applyTheme() {
        double size = appearance.fontSize();
        canvas.setTheme(appearance.theme(), size);
        charts.setTheme(appearance.theme(), size);
    }
}
