package org.mbrllab.app.lessons.control;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.Cartpole;
import org.mbrllab.engine.control.ClosedLoopSnapshot;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.MpcSnapshot;
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.engine.control.PlannerKind;
import org.mbrllab.engine.control.Trajectory;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.app.common.system.SystemView;
import org.mbrllab.app.common.Scrubber;
import org.mbrllab.app.common.Throttle;
import org.mbrllab.engine.control.MpcComparison;

/**
 * The MPC lesson's pane: two animations side by side on the same true plant, MPC replanning every step
 * (its current plan drawn ahead as ghosts) and one plan played open loop (the states its plan expected
 * drawn as ghosts, so the drift shows); the planner choice and the wall time of every replan with its
 * median; the states, controls and costs of both runs, and the replan times, plotted live. A {@link
 * Scrubber} under the animations replays both runs' steps from the snapshot, with a cursor on the time plots.
 */
public final class MpcPane extends ControlPane<MpcViewModel> {

    private final SystemView mpcView = new SystemView();
    private final SystemView openView = new SystemView();
    private final Scrubber scrubber = new Scrubber();
    private final TimeSeriesCharts charts = new TimeSeriesCharts(List.of("MPC", "open loop"));
    private final ReplanChart replanChart = new ReplanChart();
    /** The replan chart is repainted at most this often. */
    private final Throttle replanThrottle = new Throttle(TimeSeriesCharts.FLUSHES_PER_SECOND);
    private final Label replan = new Label();
    private final Label openNote = new Label();
    private final TabPane tabs = new TabPane();
    private final SplitPane figure;
    private int lastStep = -1;
    private ControlSystem chartedSystem;
    private double chartedStep = Double.NaN;
    /** The newest snapshot, whose histories the scrubber replays. */
    private MpcComparison.Snapshot latest;

    public MpcPane(PaneHost host) {
        super(host, new MpcViewModel(), "Balance the cartpole or swing up the pendulum; choosing one "
                + "loads its Gymnasium constants and start");
        mpcView.setId("mpc-view");
        openView.setId("open-loop-view");
        mpcView.setOnPush(dx -> vm.push(true, dx));
        openView.setOnPush(dx -> vm.push(false, dx));
        for (SystemView v : List.of(mpcView, openView)) HBox.setHgrow(v, Priority.ALWAYS);
        replan.setId("replan-label");
        replan.getStyleClass().add("mono");
        replan.setStyle("-fx-font-weight: bold;");
        replan.setTooltip(new Tooltip("Wall time of the last replan and the median over the run. To run on the real "
                + "system, a replan must finish within one time step (the budget)."));
        openNote.setId("open-loop-note");
        openNote.setWrapText(true);

        ChoiceBox<PlannerKind> planner = new ChoiceBox<>();
        planner.setId("planner-choice");
        planner.getItems().setAll(PlannerKind.values());
        planner.setConverter(ControlPanes.converter(PlannerKind::displayName));
        planner.valueProperty().bindBidirectional(vm.plannerProperty());
        planner.setTooltip(new Tooltip("What MPC replans with at every step: iLQR warm-started from the previous plan, "
                + "random shooting, or the cross-entropy method. Switching takes effect at the next step."));

        FlowPane strip = new FlowPane(12, 6, ControlPanes.label("Planner"), planner, replan);
        strip.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, strip, openNote);
        top.setPadding(new Insets(6, 8, 6, 8));

        Tab timeTab = new Tab("Time plots", charts);
        Tab replanTab = new Tab("Replan time", replanChart);
        timeTab.setClosable(false);
        replanTab.setClosable(false);
        tabs.getTabs().setAll(timeTab, replanTab);
        HBox animations = new HBox(mpcView, openView);
        VBox.setVgrow(animations, Priority.ALWAYS);
        scrubber.setOnScrub(this::showScrubbed);
        figure = new SplitPane(new VBox(animations, scrubber), tabs);
        figure.setOrientation(Orientation.VERTICAL);
        ControlPanes.splitKeepingChartsTall(figure, 0.5);
        view.setTop(top);
        view.setCenter(figure);

        vm.snapshotProperty().addListener((obs, o, n) -> showSnapshot(n));
        vm.plannerProperty().addListener((obs, o, n) -> mpcView.setTitle(mpcTitle(n)));
        mpcView.setTitle(mpcTitle(vm.plannerProperty().get()));
        openView.setTitle("Open loop: one plan, no feedback");
        followTheme();
    }

    private static String mpcTitle(PlannerKind kind) {
        return "MPC: replans every step (" + kind.displayName() + ")";
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return MpcViewModel.specs();
    }

    SystemView mpcView() { return mpcView; }
    SystemView openView() { return openView; }
    Scrubber scrubber() { return scrubber; }
    TimeSeriesCharts charts() { return charts; }

    // ---------------------------------------------------------------- LessonPane

    @Override
    protected void startDrawing() {
        mpcView.start();
        openView.start();
        charts.start();
        replanThrottle.start();
    }

    @Override
    protected void stopDrawing() {
        mpcView.stop();
        openView.stop();
        charts.stop();
        replanThrottle.stop();
    }

    @Override public Node figure() { return figure; }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(this::chartCsv));
    }

    private Optional<String> chartCsv() {
        return Optional.of(charts.csv());
    }

    // ---------------------------------------------------------------- drawing

    private void showSnapshot(MpcComparison.Snapshot s) {
        if (s == null) return;
        latest = s;
        MpcSnapshot m = s.mpc();
        mpcView.setSystem(s.plant());
        openView.setSystem(s.plant());
        boolean restarted = m.step() < lastStep || m.step() == 0;
        lastStep = m.step();
        int angle = s.plant().angleIndex();
        double startAngle = Math.abs(m.executed().x(0, angle));
        // Room below the track only when the pole starts hanging down (a swing-up).
        for (SystemView v : List.of(mpcView, openView)) v.setRoomBelow(startAngle > Math.PI / 2 ? 1.0 : 0.35);
        scrubber.setTimeStep(s.plant().timeStep());
        scrubber.setRange(0, m.step());
        if (scrubber.isLive()) showLive(s, restarted);
        chart(s);
    }

    /** The newest step of both runs, gliding there unless the run {@code restarted}. */
    private void showLive(MpcComparison.Snapshot s, boolean restarted) {
        MpcSnapshot m = s.mpc();
        int angle = s.plant().angleIndex();
        double startAngle = Math.abs(m.executed().x(0, angle));
        double u = m.step() > 0 ? m.executed().u(m.step() - 1) : 0;
        show(mpcView, m.state(), u, s.time(), restarted);
        mpcView.setGhosts(m.plan() == null ? List.of() : ahead(m.plan(), 1));
        mpcView.setBadge(fell(startAngle, m.maxAbsTheta()) ? "the pole fell" : "");
        ClosedLoopSnapshot o = s.open();
        if (o != null) {
            double uo = o.step() > 0 ? o.history().u(o.step() - 1) : 0;
            show(openView, o.state(), uo, o.step() * s.plant().timeStep(), restarted);
            openView.setGhosts(s.openPlan() == null ? List.of() : ahead(s.openPlan(), o.step() + 1));
            openView.setBadge(!s.openProblem().isEmpty() ? "stopped" : fell(startAngle, o.maxAbsTheta()) ? "the pole fell" : "");
        }
    }

    /**
     * Draws what the scrubber asks for: step k of both runs from the newest snapshot (the open loop's
     * last step if it stopped before k), with the open-loop plan's states after k as ghosts; MPC's plan at
     * step k is not kept, so it has none. Or the live runs again.
     */
    private void showScrubbed() {
        MpcComparison.Snapshot s = latest;
        if (s == null) return;
        if (scrubber.isLive()) {
            showLive(s, true);
            charts.setCursor(Double.NaN);
            return;
        }
        int k = scrubber.step();
        double dt = s.plant().timeStep();
        int angle = s.plant().angleIndex();
        MpcSnapshot m = s.mpc();
        double startAngle = Math.abs(m.executed().x(0, angle));
        Trajectory executed = m.executed();
        mpcView.jump(executed.state(k), k > 0 ? executed.u(k - 1) : 0, k * dt);
        mpcView.setGhosts(List.of());
        mpcView.setBadge(fell(startAngle, maxAbsTheta(executed, k, angle)) ? "the pole fell" : "");
        ClosedLoopSnapshot o = s.open();
        if (o != null) {
            int j = Math.min(k, o.step());
            Trajectory h = o.history();
            openView.jump(h.state(j), j > 0 ? h.u(j - 1) : 0, j * dt);
            openView.setGhosts(s.openPlan() == null ? List.of() : ahead(s.openPlan(), j + 1));
            openView.setBadge(fell(startAngle, maxAbsTheta(h, j, angle)) ? "the pole fell" : "");
        }
        charts.setCursor(k * dt);
    }

    /** max |θ| over x_0 … x_k of {@code t}, θ wrapped to (−π, π]. */
    private static double maxAbsTheta(Trajectory t, int k, int angle) {
        double max = 0;
        for (int i = 0; i <= k; i++) max = Math.max(max, Math.abs(Angles.normalize(t.x(i, angle))));
        return max;
    }

    private void chart(MpcComparison.Snapshot s) {
        MpcSnapshot m = s.mpc();
        ClosedLoopSnapshot o = s.open();

        if (chartedSystem != s.system() || chartedStep != s.plant().timeStep()) {
            chartedSystem = s.system();
            chartedStep = s.plant().timeStep();
            int[] entries = s.system() == ControlSystem.CARTPOLE ? new int[] {Cartpole.X, Cartpole.THETA}
                    : new int[] {Pendulum.THETA, Pendulum.THETA_DOT};
            charts.configure(s.system(), entries, s.plant().timeStep());
        }
        charts.append(0, m.executed(), 0, s.cost());
        if (o != null) charts.append(1, o.history(), 0, s.cost());
        double budget = s.plant().timeStep() * 1000;
        // The chart and the numbers above it change with every replan; they are redrawn a few times a second.
        replanThrottle.submit(() -> {
            replanChart.show(m.replanMillis(), budget);
            replan.setText(replanText(m, budget));
            openNote.setText(openText(s));
        });
    }

    private static void show(SystemView v, double[] state, double u, double t, boolean restarted) {
        if (restarted) v.jump(state, u, t);
        else v.show(state, u, t);
    }

    /** The states of {@code plan} from index {@code from} on, at most one horizon's worth. */
    private static List<double[]> ahead(Trajectory plan, int from) {
        int n = plan.steps() + 1;
        int end = Math.min(n, from + Math.max(1, Math.min(100, n)));
        if (from >= n) return List.of();
        double[][] out = new double[end - from][];
        for (int i = from; i < end; i++) out[i - from] = plan.state(i);
        return List.of(out);
    }

    /** A run that started within 90° of upright and went past it. */
    static boolean fell(double startAngle, double maxAbsTheta) {
        return startAngle < Math.PI / 2 && maxAbsTheta > Math.PI / 2;
    }

    /** "replan 2.14 ms · median 2.05 ms · budget 20 ms". */
    static String replanText(MpcSnapshot m, double budgetMillis) {
        if (m.replanMillis().isEmpty()) return "replan: – · budget " + Format.number(budgetMillis) + " ms";
        double last = m.replanMillis().get(m.replanMillis().size() - 1);
        return "replan " + ms(last) + " · median " + ms(m.medianReplanMillis()) + " · budget "
                + Format.number(budgetMillis) + " ms";
    }

    private static String ms(double millis) {
        return Format.fixed(millis, millis < 1 ? 3 : millis < 10 ? 2 : 1) + " ms";
    }

    static String openText(MpcComparison.Snapshot s) {
        if (s.openPlan() == null) return s.openProblem();
        String text = "Open loop: one iLQR plan of " + s.openPlan().steps() + " steps, made once at the start with the "
                + "same model (" + Format.fixed(s.openPlanMillis(), 0) + " ms), then played without looking at the state.";
        return s.openProblem().isEmpty() ? text : text + " " + s.openProblem();
    }

    @Override
    protected void applyTheme() {
        double size = appearance.fontSize();
        mpcView.setTheme(appearance.theme(), size);
        openView.setTheme(appearance.theme(), size);
        charts.setTheme(appearance.theme(), size);
        replanChart.setTheme(appearance.theme(), size);
    }
}
