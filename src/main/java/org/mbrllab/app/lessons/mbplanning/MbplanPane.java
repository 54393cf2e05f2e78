package org.mbrllab.app.lessons.mbplanning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import static org.mbrllab.app.common.PaneControls.converter;
import static org.mbrllab.app.common.PaneControls.label;

import org.mbrllab.app.common.Presets;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.PresetText;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunControls;
import org.mbrllab.app.common.Scrubber;
import org.mbrllab.app.common.StageStrip;
import org.mbrllab.app.common.system.SystemView;
import org.mbrllab.app.common.Throttle;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.model.MbrlSettings.Version;
import org.mbrllab.engine.model.MbrlSnapshot;
import org.mbrllab.engine.model.ModelBasedPlanning;

/**
 * "Planning with a learned model: V1 to V4": step through the loop (collect, fit, plan, execute,
 * aggregate) one step, one phase or one iteration at a time, with the real system animated and the
 * current plan's predicted states drawn ahead as ghosts; where the data lie, the fit's losses, predicted
 * against real return (the gap is the model exploitation), the rewards of the episode under way and the
 * k-step prediction error of one network against the ensemble. A {@link Scrubber} under the phase strip
 * replays the steps of the episode under way (or the one just finished, while the model is refitted):
 * the animation shows the held step from the newest snapshot's history, and a cursor marks it on the
 * reward chart. A second tab compares V1 … V4 over three seeds: recorded at once, or recomputed live on
 * its own worker.
 */
public final class MbplanPane extends RunnerPane<MbplanViewModel> {

    /** The narrowest a chart gets before the grid goes from three columns to two. */
    static final double MIN_CELL_WIDTH = 300;
    /** The lowest a chart gets; below, the grid scrolls. */
    static final double MIN_CELL_HEIGHT = 200;

    /** Charts are rebuilt at most this often; the animation runs at display rate. */
    static final double CHART_UPDATES_PER_SECOND = 5;

    private final ComparisonViewModel comparison = new ComparisonViewModel(vm::settings);
    private final SystemView systemView = new SystemView();
    private final LoopCharts charts = new LoopCharts();
    private final ComparisonChart comparisonChart = new ComparisonChart();
    private final Throttle chartThrottle = new Throttle(CHART_UPDATES_PER_SECOND);
    private final Scrubber scrubber = new Scrubber();
    private final ChoiceBox<Version> versionChoice = new ChoiceBox<>();
    private final ChoiceBox<ControlSystem> systemChoice = new ChoiceBox<>();
    private final ChoiceBox<MbplanViewModel.Granularity> granularityChoice = new ChoiceBox<>();
    private final StageStrip<LoopStage> stages = new StageStrip<>(List.of(LoopStage.values()), LoopStage::label,
            LoopStage::tooltip, st -> "stage-" + st.label());
    private final Label info = new Label();
    private final Label comparisonNote = new Label();
    private final Button recompute = new Button("Recompute live");
    private final Button recorded = new Button("Show recorded");
    private final TabPane tabs = new TabPane();
    private final GridPane grid = new GridPane();
    private int gridColumns;
    private int lastEpisode = -1;
    private int lastStep = -1;
    /** The newest snapshot, whose episode the scrubber replays. */
    private MbrlSnapshot latest;

    public MbplanPane(PaneHost host) {
        super(host, new MbplanViewModel());
        versionChoice.setId("version-choice");
        versionChoice.getItems().setAll(Version.values());
        versionChoice.valueProperty().bindBidirectional(vm.versionProperty());
        versionChoice.setTooltip(new Tooltip("V1 fits once; V2 refits on all data after every episode; V3 fits an "
                + "ensemble and plans through a random member; V4 adds MPC (execute the first action, replan). "
                + "Choosing one starts a fresh run."));
        systemChoice.setId("system-choice");
        systemChoice.getItems().setAll(ControlSystem.values());
        systemChoice.setConverter(converter(s -> s == ControlSystem.PENDULUM ? "Pendulum (swing-up)" : "Cartpole (balance)"));
        systemChoice.valueProperty().bindBidirectional(vm.systemProperty());
        systemChoice.setTooltip(new Tooltip("The real system the loop learns and controls (Gymnasium's constants)"));
        granularityChoice.setId("granularity-choice");
        granularityChoice.getItems().setAll(MbplanViewModel.Granularity.values());
        granularityChoice.valueProperty().bindBidirectional(vm.granularityProperty());
        granularityChoice.setTooltip(new Tooltip("How far Step (→) goes: one real step or fitting epoch, to the end "
                + "of the phase (the random data, the fit, the episode), or a whole iteration (fit + episode)"));

        // 1. The phase strip and the numbers of the last episode.
        stages.setId("phase-indicator");
        info.setId("loop-info");
        info.setWrapText(true);
        info.getStyleClass().add("mono");
        // Two lines, always: the charts below do not jump when the second line comes and goes.
        info.setMinHeight(Region.USE_PREF_SIZE);
        scrubber.setOnScrub(this::showScrubbed);
        scrubber.setStepText(this::stepText);
        // The scrubber shares the stage strip's row, so the charts keep their height (and the figure half the
        // window on a projector).
        javafx.scene.layout.HBox stageRow = new javafx.scene.layout.HBox(12, stages, scrubber);
        stageRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(scrubber, javafx.scene.layout.Priority.ALWAYS);
        stages.setPrefWrapLength(660); // one row of the five stages at the projector's size; it wraps when squeezed
        scrubber.setMinWidth(380);
        VBox top = new VBox(4, stageRow, info);
        top.setPadding(new Insets(6, 8, 6, 8));

        // 2. The animation and the five charts.
        systemView.setId("mbplan-view");
        systemView.setRoomBelow(1.0);
        grid.setHgap(4);
        grid.setVgap(4);
        grid.setId("loop-grid");
        systemView.setPrefSize(200, 150);
        layoutGrid(3);
        ScrollPane scroller = new ScrollPane(grid);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // Three columns when there is room for charts of a readable size, else two (and scroll).
        scroller.widthProperty().addListener((obs, o, n) -> layoutGrid(n.doubleValue() >= 3 * MIN_CELL_WIDTH ? 3 : 2));
        BorderPane loop = new BorderPane(scroller);
        loop.setTop(top);

        // 3. The comparison.
        recompute.setId("recompute-comparison");
        recompute.setFocusTraversable(false);
        recompute.setTooltip(new Tooltip("Run V1–V4 on seeds 0–2, " + ComparisonViewModel.EPISODES + " episodes each, "
                + "with this pane's system, K, H and samples, in the background (a few minutes; V4 is the slow one)"));
        recompute.setOnAction(e -> comparison.recompute(runners));
        recorded.setId("show-recorded");
        recorded.setFocusTraversable(false);
        recorded.setTooltip(new Tooltip("Stop a live comparison and show the recorded one"));
        recorded.setOnAction(e -> comparison.showRecorded());
        comparisonNote.setId("comparison-note");
        comparisonNote.setWrapText(true);
        FlowPane buttons = new FlowPane(8, 6, recompute, recorded);
        VBox comparisonTop = new VBox(6, comparisonNote, buttons);
        comparisonTop.setPadding(new Insets(6, 8, 6, 8));
        BorderPane comparisonView = new BorderPane(comparisonChart.node());
        comparisonView.setTop(comparisonTop);
        comparison.tableProperty().addListener((obs, o, n) -> comparisonChart.show(n));
        comparison.noteProperty().addListener((obs, o, n) -> comparisonNote.setText(n));

        Tab loopTab = new Tab("The loop", loop);
        loopTab.setId("loop-tab");
        Tab comparisonTab = new Tab("V1–V4 over seeds", comparisonView);
        comparisonTab.setId("comparison-tab");
        for (Tab t : List.of(loopTab, comparisonTab)) t.setClosable(false);
        tabs.getTabs().setAll(loopTab, comparisonTab);
        view.setCenter(tabs);

        vm.snapshotProperty().addListener((obs, o, n) -> showSnapshot(n));
        followTheme();
    }

    /** The animation and the five charts in {@code columns} columns. */
    private void layoutGrid(int columns) {
        if (columns == gridColumns) return;
        gridColumns = columns;
        List<Node> cells = List.of(systemView, charts.coverage(), charts.losses(), charts.returns(), charts.rewards(),
                charts.kStep());
        int rows = (cells.size() + columns - 1) / columns;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (int i = 0; i < cells.size(); i++) {
            Node n = cells.get(i);
            grid.add(n, i % columns, i / columns);
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setVgrow(n, Priority.ALWAYS);
        }
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        for (int i = 0; i < rows; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(100.0 / rows);
            r.setMinHeight(MIN_CELL_HEIGHT);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
    }


    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return MbplanViewModel.parameterSpecs();
    }


    ComparisonViewModel comparison() { return comparison; }
    LoopCharts charts() { return charts; }
    ComparisonChart comparisonChart() { return comparisonChart; }
    SystemView systemView() { return systemView; }
    Scrubber scrubber() { return scrubber; }

    /** Flushes the throttled chart update (tests). */
    void flushCharts() {
        chartThrottle.flush();
    }

    // ---------------------------------------------------------------- drawing

    private void showSnapshot(MbrlSnapshot s) {
        if (s == null) return;
        systemView.setSystem(s.settings().system().gymnasium());
        int step = s.step();
        boolean newEpisode = s.episode() != lastEpisode || step < lastStep;
        lastEpisode = s.episode();
        lastStep = step;
        latest = s;
        systemView.setRoomBelow(s.settings().system() == ControlSystem.PENDULUM ? 1.0 : 0.35);
        // The held episode's steps are gone with a new episode (or a reset): follow the run again.
        if (newEpisode && !scrubber.isLive()) scrubber.goLive();
        scrubber.setRange(0, step);
        if (scrubber.isLive()) {
            double[] state = s.episodeStates()[step];
            double u = step > 0 ? s.episodeActions()[step - 1] : 0;
            double t = step * timeStep(s);
            if (newEpisode) systemView.jump(state, u, t);
            else systemView.show(state, u, t);
            systemView.setGhosts(ghosts(s, step));
        }
        systemView.setTitle(s.settings().version() + " · " + switch (s.phase()) {
            case COLLECT -> "random policy π₀";
            case FIT -> s.episode() == 0 ? "fitting the model" : "episode " + s.episode() + " over; refitting";
            case ACT -> "episode " + s.episode();
            case EVALUATE -> "episode " + s.episode() + " over; " + MbplanViewModel.evalWhere(s);
            case DONE -> "done";
        });
        stages.show(LoopStage.current(s));
        chartThrottle.submit(() -> {
            charts.show(s);
            info.setText(infoText(s));
        });
    }

    /**
     * Draws what the scrubber asks for: step k of the newest snapshot's episode (its real state, the action
     * that led to it, the current plan's ghosts if that plan was already in force at k), or the live run.
     */
    private void showScrubbed() {
        MbrlSnapshot s = latest;
        if (s == null) return;
        int k = scrubber.isLive() ? s.step() : scrubber.step();
        double[] state = s.episodeStates()[k];
        double u = k > 0 ? s.episodeActions()[k - 1] : 0;
        systemView.jump(state, u, k * timeStep(s));
        systemView.setGhosts(ghosts(s, k));
        charts.setCursor(scrubber.isLive() ? Double.NaN : k);
    }

    /** Seconds per step of the real system. */
    private static double timeStep(MbrlSnapshot s) {
        return s.settings().system().gymnasium().timeStep();
    }

    /** The scrubber's label for step k of the shown episode: "step 40 · t = 2.00 s". */
    private String stepText(int k) {
        double dt = latest == null ? 0 : timeStep(latest);
        return "step " + k + " · t = " + Format.fixed(k * dt, 2) + " s";
    }

    /**
     * The current plan's predicted states from the one for step k on; none when the plan was made after k
     * (an earlier plan was in force then, and the snapshot does not keep it).
     */
    static List<double[]> ghosts(MbrlSnapshot s, int k) {
        double[][] planned = s.plannedStates();
        int from = k - s.planStart();
        if (planned.length == 0 || from < 0 || from >= planned.length || s.phase() != ModelBasedPlanning.Phase.ACT) {
            return List.of();
        }
        List<double[]> out = new ArrayList<>();
        for (int i = Math.max(1, from); i < planned.length; i++) out.add(planned[i]);
        return out;
    }

    /** "|D| = 400 · episode 2: real return −812.4, predicted −95.1, gap 717.3 · fit 23 epochs", and the episode under way. */
    static String infoText(MbrlSnapshot s) {
        StringBuilder sb = new StringBuilder("|D| = ").append(s.datasetSize());
        if (!s.results().isEmpty()) {
            MbrlSnapshot.EpisodeResult r = s.results().get(s.results().size() - 1);
            sb.append(" · episode ").append(r.episode()).append(": real return ").append(Format.fixed(r.realReturn(), 1))
                    .append(", predicted ").append(Format.fixed(r.predictedReturn(), 1))
                    .append(", gap ").append(Format.fixed(r.predictedReturn() - r.realReturn(), 1));
            if (!r.evalReturns().isEmpty()) sb.append(" · fixed starts ").append(Format.fixed(r.evalReturn(), 1));
            sb.append(" · fit ").append(r.fitEpochs()).append(" epochs");
        } else {
            sb.append(" · no planning episode finished yet");
        }
        // The second line: the episode under way (a blank line otherwise, so that the height stays).
        if (s.phase() == ModelBasedPlanning.Phase.ACT && s.step() > 0) {
            double real = 0;
            double predicted = 0;
            for (int i = 0; i < s.step(); i++) {
                real += s.realRewards()[i];
                predicted += s.predictedRewards()[i];
            }
            sb.append(String.format(Locale.ROOT, "\nepisode %d so far: real %.1f, predicted %.1f", s.episode(), real, predicted));
        } else if (s.phase() == ModelBasedPlanning.Phase.EVALUATE) {
            sb.append("\nepisode ").append(s.episode()).append("'s model from the ").append(MbplanViewModel.evalWhere(s));
        } else {
            sb.append("\n ");
        }
        return sb.toString();
    }

    /** Which stages are highlighted now (tests). */
    Set<LoopStage> shownStages() {
        return stages.shown();
    }

    @Override
    protected void applyTheme() {
        double size = appearance.fontSize();
        systemView.setTheme(appearance.theme(), size);
        charts.setTheme(appearance.theme(), size);
        comparisonChart.setTheme(appearance.theme(), size);
        stages.setTheme(appearance.theme());
    }

    // ---------------------------------------------------------------- LessonPane


    @Override
    public List<Node> toolbarItems() {
        return List.of(label("Version"), versionChoice, label("System"), systemChoice, label("Step"), granularityChoice);
    }




    @Override
    public void activate(PaneContext context) {
        lastEpisode = -1;
        lastStep = -1;
        super.activate(context);
        comparison.useLessonFiles(context);
        comparison.showRecorded();
    }

    @Override
    public void deactivate() {
        super.deactivate();
        comparison.close();
    }

    @Override
    protected void startDrawing() {
        systemView.start();
        chartThrottle.start();
    }

    @Override
    protected void stopDrawing() {
        systemView.stop();
        chartThrottle.stop();
    }

    /** What File › Export figure takes: the loop's animation and charts, or the comparison chart, without buttons. */
    @Override public Node figure() {
        return tabs.getSelectionModel().getSelectedIndex() == 1 ? comparisonChart.node() : grid;
    }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(this::chartCsv));
    }

    private Optional<String> chartCsv() {
        boolean compare = tabs.getSelectionModel().getSelectedIndex() == 1;
        return Optional.of(compare ? comparisonChart.csv() : charts.csv());
    }

    private String savePresetText() {
        StringBuilder sb = new StringBuilder("# Model-based planning: version, system and parameters\n")
                .append("version: ").append(vm.versionProperty().get().cliName()).append('\n')
                .append("system: ").append(vm.systemProperty().get().cliName()).append('\n');
        vm.parameters().values().forEach((k, v) -> sb.append(k).append(": ").append(Format.number(v)).append('\n'));
        return sb.toString();
    }

    @Override
    public Optional<Presets> presets() {
        return Optional.of(Presets.of("yaml", this::savePresetText, this::loadPreset));
    }

    private void loadPreset(String text, String source) {
        Version version = vm.versionProperty().get();
        ControlSystem system = vm.systemProperty().get();
        Map<String, Double> values = new LinkedHashMap<>();
        for (PresetText.Line line : PresetText.parse(text, source)) {
            try {
                switch (line.key()) {
                    case "version" -> version = Version.fromCliName(line.value());
                    case "system" -> system = ControlSystem.fromCliName(line.value());
                    default -> values.put(line.key(), line.parameter(vm.parameters()));
                }
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(line.where()) ? e : line.error(e.getMessage());
            }
        }
        vm.setAll(version, system, values);
    }
}
