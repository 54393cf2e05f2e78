package org.mbrllab.app.lessons.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.text.LessonTextView;
import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.app.common.system.SystemView;
import org.mbrllab.app.common.Scrubber;
import org.mbrllab.app.common.Throttle;
import org.mbrllab.engine.control.LqrSnapshot;

/**
 * The LQR lesson's pane: the cartpole or pendulum balanced by u = −K·x on the nonlinear plant, pushed with
 * the mouse; K, the closed-loop eigenvalues, the Riccati iterations and the numeric A and B beside it,
 * recomputed as the Q and R sliders move; below, the live plots, K_t against t for the finite horizon,
 * and the region-of-attraction sweep. A {@link Scrubber} under the drawing replays the steps the snapshot's
 * history holds, with a cursor on the time plots.
 */
public final class LqrPane extends ControlPane<LqrViewModel> {

    /** The explain panel's typeset math is rebuilt at most this often while sliders move. */
    static final double EXPLAIN_UPDATES_PER_SECOND = 6;

    private final SystemView canvas = new SystemView();
    private final Scrubber scrubber = new Scrubber();
    private final LessonTextView explain = new LessonTextView();
    private final TimeSeriesCharts charts = new TimeSeriesCharts(List.of(""));
    private final GainChart gainChart = new GainChart();
    private final AttractionChart attraction = new AttractionChart();
    private final Throttle explainThrottle = new Throttle(EXPLAIN_UPDATES_PER_SECOND);
    private final Label gainLabel = new Label();
    private final Label loopLabel = new Label();
    private final CheckBox limit = new CheckBox();
    private final TabPane tabs = new TabPane();
    private final Tab timeTab = new Tab("Time plots");
    private final Tab matrixTab = new Tab("K, A and B");
    private final Tab gainTab = new Tab("K_t against t");
    private final Tab sweepTab = new Tab("Region of attraction");
    private final SplitPane figure;
    private String explainText = "";
    private int lastStep = -1;
    private ControlSystem chartedSystem;
    private double chartedStep = Double.NaN;
    /** The newest snapshot, whose history the scrubber replays. */
    private LqrSnapshot latest;

    public LqrPane(PaneHost host) {
        super(host, new LqrViewModel(), "Balance the cartpole or the pendulum; choosing one loads its "
                + "Gymnasium constants and default cost");
        canvas.setId("system-view");
        canvas.setOnPush(vm::push);
        canvas.setRoomBelow(0.35);
        explain.setId("lqr-explain");
        explain.getStyleClass().add("explain-panel");
        gainLabel.setId("gain-label");
        gainLabel.getStyleClass().add("mono");
        gainLabel.setStyle("-fx-font-weight: bold;");
        gainLabel.setTooltip(new Tooltip("The gain of u = −K·x, recomputed on the engine's worker whenever Q, R or the plant change"));


        ChoiceBox<LqrViewModel.Horizon> horizon = new ChoiceBox<>();
        horizon.setId("horizon-choice");
        horizon.getItems().setAll(LqrViewModel.Horizon.values());
        horizon.valueProperty().bindBidirectional(vm.horizonProperty());
        horizon.setTooltip(new Tooltip("Infinite horizon: one gain K from the Riccati fixed point. Finite horizon: "
                + "a gain K_t for each of T steps from the backward recursion; the run stops after T steps."));
        limit.setId("limit-box");
        limit.selectedProperty().bindBidirectional(vm.limitedProperty());
        Button sweep = new Button("Sweep θ₀");
        sweep.setId("sweep-button");
        sweep.setFocusTraversable(false);
        sweep.setTooltip(new Tooltip("Start the closed loop on the nonlinear plant from every initial angle, in the "
                + "background, and mark where the linear controller catches the pole. Follows later changes."));
        sweep.setOnAction(e -> {
            vm.sweep();
            tabs.getSelectionModel().select(sweepTab);
        });

        loopLabel.setId("loop-label");
        loopLabel.setWrapText(true);
        loopLabel.setTooltip(new Tooltip("The eigenvalues of the closed loop A − BK of the linear model: inside the unit "
                + "circle, every deviation dies away. The Riccati recursion ran this many times to its fixed point."));
        FlowPane strip = new FlowPane(12, 6, horizon, limit, sweep);
        strip.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, strip, gainLabel, loopLabel);
        top.setPadding(new Insets(6, 8, 6, 8));

        timeTab.setContent(charts);
        matrixTab.setContent(explain);
        gainTab.setContent(gainChart);
        sweepTab.setContent(attraction);
        for (Tab t : List.of(timeTab, matrixTab, gainTab, sweepTab)) t.setClosable(false);
        tabs.getTabs().setAll(timeTab, matrixTab, gainTab, sweepTab);
        tabs.setId("lqr-tabs");

        // The canvas gets the full width; K and the closed loop read in the strip above it, and A, B and K
        // typeset in a tab below, where the matrices have room even in the projector theme.
        VBox animation = new VBox(canvas, scrubber);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        scrubber.setOnScrub(this::showScrubbed);
        figure = new SplitPane(animation, tabs);
        figure.setOrientation(Orientation.VERTICAL);
        ControlPanes.splitKeepingChartsTall(figure, 0.55);
        view.setTop(top);
        view.setCenter(figure);

        vm.snapshotProperty().addListener((obs, o, n) -> showSnapshot(n));
        vm.sweepProperty().addListener((obs, o, n) -> attraction.show(n, vm.system().controlName()));
        vm.horizonProperty().addListener((obs, o, n) -> {
            if (n == LqrViewModel.Horizon.FINITE) tabs.getSelectionModel().select(gainTab);
        });
        vm.systemProperty().addListener((obs, o, n) -> showLimitLabel());
        showLimitLabel();
        followTheme();
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return LqrViewModel.specs();
    }

    SystemView canvas() { return canvas; }
    TimeSeriesCharts charts() { return charts; }
    Scrubber scrubber() { return scrubber; }

    // ---------------------------------------------------------------- LessonPane

    @Override
    protected void startDrawing() {
        canvas.start();
        charts.start();
        explainThrottle.start();
    }

    @Override
    protected void stopDrawing() {
        canvas.stop();
        charts.stop();
        explainThrottle.stop();
    }

    @Override public Node figure() { return figure; }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(this::chartCsv));
    }

    private Optional<String> chartCsv() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        String csv = t == gainTab ? gainChart.csv() : t == sweepTab ? attraction.csv() : charts.csv();
        return csv.isEmpty() ? Optional.empty() : Optional.of(csv);
    }

    // ---------------------------------------------------------------- drawing

    private void showSnapshot(LqrSnapshot s) {
        if (s == null) return;
        latest = s;
        canvas.setSystem(s.plant());
        boolean restarted = s.step() < lastStep || s.step() == 0;
        lastStep = s.step();
        scrubber.setTimeStep(s.plant().timeStep());
        // The history's first state has no control before it unless the run starts there.
        scrubber.setRange(s.historyStart() == 0 ? 0 : s.historyStart() + 1, s.step());
        if (scrubber.isLive()) {
            if (restarted) canvas.jump(s.state(), s.control(), s.time());
            else canvas.show(s.state(), s.control(), s.time());
            canvas.setGhosts(List.of(s.prediction()));
            canvas.setBadge(badge(s, s.state()));
        }
        if (chartedSystem != s.system() || chartedStep != s.plant().timeStep()) {
            chartedSystem = s.system();
            chartedStep = s.plant().timeStep();
            int[] all = new int[s.system().stateSize()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            charts.configure(s.system(), all, s.plant().timeStep());
        }
        charts.append(0, s.history(), s.historyStart(), s.cost());
        double[] infinite = s.gain() == null ? null : s.gain().row();
        gainChart.show(s.system(), s.finiteGains(), infinite, s.step());
        gainLabel.setText(gainText(s));
        loopLabel.setText(loopText(s));
        String text = LqrExplanation.markdown(s);
        if (!text.equals(explainText)) {
            explainText = text;
            explainThrottle.submit(() -> explain.setMarkdown(text));
        }
    }

    private static String badge(LqrSnapshot s, double[] state) {
        int angle = s.plant().angleIndex();
        return Math.abs(Angles.normalize(state[angle])) > Math.PI / 2 ? "the pole fell" : "";
    }

    /**
     * Draws what the scrubber asks for: the held step from the newest snapshot's history (the state, the
     * control that led to it, no ghosts: the linear prediction belongs to the live step), or the live run.
     */
    private void showScrubbed() {
        LqrSnapshot s = latest;
        if (s == null) return;
        if (scrubber.isLive()) {
            canvas.jump(s.state(), s.control(), s.time());
            canvas.setGhosts(List.of(s.prediction()));
            canvas.setBadge(badge(s, s.state()));
            charts.setCursor(Double.NaN);
            return;
        }
        int k = scrubber.step();
        int i = k - s.historyStart();
        double[] state = s.history().state(i);
        double u = i > 0 ? s.history().u(i - 1) : 0;
        canvas.jump(state, u, k * s.plant().timeStep());
        canvas.setGhosts(List.of());
        canvas.setBadge(badge(s, state));
        charts.setCursor(k * s.plant().timeStep());
    }

    /** "K = [−2.78  −5.32  −46.4  −12]" (K_t for the finite horizon). */
    static String gainText(LqrSnapshot s) {
        double[] k = s.currentGain();
        if (k == null) return "K: none";
        List<String> parts = new ArrayList<>();
        for (double v : k) parts.add(Format.fixed(v, Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 10 ? 2 : 3));
        return (s.finite() ? "K_" + Math.min(s.step(), s.finiteGains().length - 1) : "K") + " = [" + String.join("  ", parts) + "]";
    }

    /** "max |λ(A − BK)| = 0.9751, stable · 616 Riccati iterations". */
    static String loopText(LqrSnapshot s) {
        if (!s.problem().isEmpty()) return s.problem();
        double radius = s.spectralRadius();
        return "max |λ(A − BK)| = " + Format.fixed(radius, 4) + (radius < 1 ? ", stable" : ", NOT stable") + " · "
                + (s.finite() ? s.finiteGains().length + " backward Riccati steps"
                : Format.number(s.gain().iterations()) + " Riccati iterations");
    }

    private void showLimitLabel() {
        ControlSystem s = vm.system();
        limit.setText(s == ControlSystem.CARTPOLE ? "Force limit" : "Torque limit");
        limit.setTooltip(new Tooltip("Clip the " + s.controlName() + " to ± the limit set in the "
                + "parameters (" + (s == ControlSystem.CARTPOLE ? "10 N" : "2 N·m") + " by default). Off: the "
                + "controller gets every " + s.controlName() + " it asks for."));
    }

    @Override
    protected void applyTheme() {
        double size = appearance.fontSize();
        canvas.setTheme(appearance.theme(), size);
        charts.setTheme(appearance.theme(), size);
        gainChart.setTheme(appearance.theme(), size);
        attraction.setTheme(appearance.theme(), size);
        explain.setBaseFontSize(size);
        explain.setTextColor(appearance.theme().foreground());
    }
}
