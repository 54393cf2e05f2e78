package org.mbrllab.app.lessons.dyna;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import static org.mbrllab.app.common.PaneControls.converter;
import static org.mbrllab.app.common.PaneControls.label;

import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.Presets;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.app.common.Throttle;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.dp.Action;
import org.mbrllab.engine.dyna.AgentKind;
import org.mbrllab.engine.dyna.DynaFigures;
import org.mbrllab.engine.dyna.DynaLive;
import org.mbrllab.engine.dyna.HalfwayPolicy;
import org.mbrllab.engine.dyna.LiveStep;
import org.mbrllab.engine.dyna.Maze;

/**
 * The Dyna lesson's pane: the maze with the agent, its Q, its greedy actions and its model on the left;
 * on the right the book's figures for the maze and agent (learning curves, Figure 8.3's two policies,
 * Example 8.4's comparison), computed in the background and drawn as runs arrive.
 */
public final class DynaPane extends RunnerPane<DynaViewModel> {

    private final MazeCanvas maze = new MazeCanvas();
    private final MazeCanvas withoutPlanning = new MazeCanvas();
    private final MazeCanvas withPlanning = new MazeCanvas();
    private final Label withoutCaption = new Label();
    private final Label withCaption = new Label();
    private final CurveChart curves = new CurveChart();
    private final SweepingChart sweepingChart = new SweepingChart();
    private final Label counter = new Label();
    private final Label modelLine = new Label();
    private final Label figureStatus = new Label();
    private final ChoiceBox<String> mazeChoice = new ChoiceBox<>();
    private final ChoiceBox<AgentKind> agentChoice = new ChoiceBox<>();
    private final ToggleButton paint = new ToggleButton("Paint walls");
    private final TabPane figures = new TabPane();
    private final Throttle throttle = new Throttle(30);
    private boolean updatingMaze;
    private boolean liveChanged;
    private boolean figuresChanged;
    private boolean sweepingChanged;

    public DynaPane(PaneHost host) {
        super(host, new DynaViewModel());
        maze.setId("dyna-maze");
        counter.setId("dyna-counter");
        modelLine.setId("dyna-model-line");
        figureStatus.setId("dyna-figure-status");
        counter.setWrapText(true);
        modelLine.setWrapText(true);

        // Toolbar: maze and agent.
        mazeChoice.setId("dyna-maze-choice");
        mazeChoice.setTooltip(new Tooltip("The maze: the book's Dyna maze (Example 8.1), the blocking maze (8.2) or the shortcut maze (8.3)"));
        mazeChoice.valueProperty().addListener((obs, o, n) -> {
            if (updatingMaze || n == null || n.isEmpty()) return;
            try {
                vm.loadMaze(n);
            } catch (RuntimeException e) {
                host.messages().accept("The maze “" + n + "” was not loaded: " + e.getMessage());
                Platform.runLater(this::showMazeName);
            }
        });
        vm.mazeNameProperty().addListener((obs, o, n) -> showMazeName());
        agentChoice.setId("dyna-agent-choice");
        agentChoice.getItems().setAll(AgentKind.values());
        agentChoice.setConverter(converter(AgentKind::displayName));
        agentChoice.valueProperty().bindBidirectional(vm.agentProperty());
        agentChoice.setTooltip(new Tooltip("Q-learning (no planning), Dyna-Q, Dyna-Q+ (exploration bonus) or prioritized sweeping"));

        // Pane strip: step size, colouring, model, painting.
        ChoiceBox<LiveStep> stepChoice = new ChoiceBox<>();
        stepChoice.setId("dyna-step-choice");
        stepChoice.getItems().setAll(LiveStep.values());
        stepChoice.setConverter(converter(LiveStep::displayName));
        stepChoice.valueProperty().bindBidirectional(vm.stepSizeProperty());
        stepChoice.setTooltip(new Tooltip("What one press of Step (→) does. One planning update at a time shows each simulated backup flash on the maze."));
        ChoiceBox<MazeCanvas.Colouring> colourChoice = new ChoiceBox<>();
        colourChoice.setId("dyna-colour-choice");
        colourChoice.getItems().setAll(MazeCanvas.Colouring.values());
        colourChoice.setValue(MazeCanvas.Colouring.Q);
        colourChoice.valueProperty().addListener((obs, o, n) -> maze.setColouring(n));
        colourChoice.setTooltip(new Tooltip("What the four triangles of a cell show: Q(s, a); √τ, the root of the real steps since (s, a) was last tried "
                + "(Dyna-Q+'s bonus is κ√τ); or prioritized sweeping's queue priority"));
        CheckBox modelBox = new CheckBox("Model");
        modelBox.setId("dyna-show-model");
        modelBox.setSelected(true);
        modelBox.selectedProperty().addListener((obs, o, n) -> maze.setShowModel(n));
        modelBox.setTooltip(new Tooltip("A dot on a cell's side: the model knows that move (filled: tried for real; hollow: Dyna-Q+ assumes it stays put with reward 0)"));
        paint.setId("dyna-paint");
        paint.setFocusTraversable(false);
        paint.setTooltip(new Tooltip("Click a cell to build or remove a wall while the agent runs: its model stays as it was, and is wrong there"));
        FlowPane strip = new FlowPane(10, 6, label("Step"), stepChoice, label("Triangles"), colourChoice, modelBox, paint);
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setPadding(new Insets(6, 8, 6, 8));

        // Left: the live maze.
        VBox.setVgrow(maze, Priority.ALWAYS);
        VBox live = new VBox(4, maze, counter, modelLine);
        live.setPadding(new Insets(0, 6, 6, 8));

        // Right: the figures.
        Tab curvesTab = new Tab("Learning curves", curves.node());
        curvesTab.setTooltip(new Tooltip("Figure 8.2 for a maze that stays the same; Figures 8.4 and 8.5 for one that changes"));
        VBox left = captioned(withoutCaption, withoutPlanning);
        VBox right = captioned(withCaption, withPlanning);
        TwoUp pair = new TwoUp(left, right);
        pair.setPadding(new Insets(8));
        Tab halfwayTab = new Tab("Figure 8.3", pair);
        halfwayTab.setTooltip(new Tooltip("The greedy policy half-way through episode 2, without planning and with n = 50"));
        Tab sweepingTab = new Tab("Prioritized sweeping", sweepingChart.node());
        sweepingTab.setTooltip(new Tooltip("Updates until the greedy policy solves the maze, for Dyna-Q and prioritized sweeping, as the maze grows"));
        figures.getTabs().setAll(curvesTab, halfwayTab, sweepingTab);
        figures.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        figures.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n == sweepingTab) vm.wantSweeping();
        });
        VBox.setVgrow(figures, Priority.ALWAYS);
        VBox figureBox = new VBox(4, figures, figureStatus);
        figureStatus.setPadding(new Insets(0, 8, 6, 8));

        SplitPane split = new SplitPane(live, figureBox);
        split.setDividerPositions(0.5);
        view.setTop(strip);
        view.setCenter(split);

        // Drawing follows the view-model.
        maze.setOnCell((r, c) -> {
            if (!paint.isSelected()) return;
            String problem = vm.paint(r, c);
            if (problem != null) host.messages().accept("No wall there: " + problem);
        });
        // One throttle keeps only the latest update, so each stream marks itself changed and one redraw
        // shows what changed.
        vm.snapshotProperty().addListener((obs, o, n) -> {
            liveChanged = true;
            throttle.submit(this::redraw);
        });
        vm.figuresProperty().addListener((obs, o, n) -> {
            figuresChanged = true;
            throttle.submit(this::redraw);
        });
        vm.sweepingProperty().addListener((obs, o, n) -> {
            sweepingChanged = true;
            throttle.submit(this::redraw);
        });
        figureStatus.textProperty().bind(vm.figureStatusProperty());
        vm.agentProperty().addListener((obs, o, n) -> {
            if (n == AgentKind.PRIORITIZED_SWEEPING && colourChoice.getValue() == MazeCanvas.Colouring.TAU) colourChoice.setValue(MazeCanvas.Colouring.PRIORITY);
            if (n != AgentKind.PRIORITIZED_SWEEPING && colourChoice.getValue() == MazeCanvas.Colouring.PRIORITY) colourChoice.setValue(MazeCanvas.Colouring.Q);
        });
        withoutPlanning.setShowModel(false);
        withPlanning.setShowModel(false);
        withoutPlanning.setId("dyna-halfway-n0");
        withPlanning.setId("dyna-halfway-n50");
        followTheme();
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return DynaViewModel.parameterSpecs();
    }

    /**
     * Figure 8.3's two mazes side by side in a wide tab and one above the other in a tall one: whichever
     * gives each the bigger cells.
     */
    static final class TwoUp extends javafx.scene.layout.Pane {
        private static final double GAP = 8;

        TwoUp(Node first, Node second) {
            getChildren().addAll(first, second);
        }

        /** Whether the last layout stacked the two (tests). */
        boolean stacked() {
            return getChildren().get(1).getLayoutY() > getChildren().get(0).getLayoutY();
        }

        @Override
        protected void layoutChildren() {
            Insets in = getInsets();
            double w = getWidth() - in.getLeft() - in.getRight();
            double h = getHeight() - in.getTop() - in.getBottom();
            // The pair's cells are as large as the smaller side of each half allows.
            double sideBySide = Math.min((w - GAP) / 2, h);
            double stacked = Math.min(w, (h - GAP) / 2);
            Node a = getChildren().get(0);
            Node b = getChildren().get(1);
            if (stacked > sideBySide) {
                double half = (h - GAP) / 2;
                a.resizeRelocate(in.getLeft(), in.getTop(), w, half);
                b.resizeRelocate(in.getLeft(), in.getTop() + half + GAP, w, half);
            } else {
                double half = (w - GAP) / 2;
                a.resizeRelocate(in.getLeft(), in.getTop(), half, h);
                b.resizeRelocate(in.getLeft() + half + GAP, in.getTop(), half, h);
            }
        }
    }

    private static VBox captioned(Label caption, MazeCanvas canvas) {
        caption.setWrapText(true);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        VBox box = new VBox(4, caption, canvas);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private void showMazeName() {
        updatingMaze = true;
        String n = vm.mazeNameProperty().get();
        mazeChoice.setValue(n == null || n.isEmpty() ? null : n);
        updatingMaze = false;
    }

    // ---------------------------------------------------------------- LessonPane

    @Override public List<Node> toolbarItems() {
        return List.of(label("Maze"), mazeChoice, label("Agent"), agentChoice);
    }

    @Override
    public void activate(PaneContext context) {
        updatingMaze = true;
        mazeChoice.getItems().setAll(context.presets().stream().map(PaneContext.Preset::name).toList());
        updatingMaze = false;
        super.activate(context);
        showMazeName();
    }

    @Override
    protected void startDrawing() {
        throttle.start();
    }

    @Override
    protected void stopDrawing() {
        throttle.stop();
        maze.stopAnimation();
    }

    @Override public Node figure() { return view.getCenter(); }

    @Override
    public Optional<Presets> presets() {
        return Optional.of(Presets.of("dyna", vm::presetText, vm::loadPreset));
    }

    /** The learning curves, Figure 8.3's two Q tables and, once computed, Example 8.4's comparison. */
    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(() -> {
            List<ChartExport.Table> tables = new ArrayList<>();
            DynaFigures.Snapshot f = vm.figuresProperty().get();
            if (f != null) {
                tables.add(new ChartExport.Table("curves", CurveChart.csv(f)));
                for (HalfwayPolicy h : f.halfway()) {
                    tables.add(new ChartExport.Table("halfway-n" + h.config().planningSteps(), qCsv(h.q(), vm.mazeProperty().get())));
                }
            }
            if (vm.sweepingProperty().get() != null) tables.add(new ChartExport.Table("sweeping", SweepingChart.csv(vm.sweepingProperty().get())));
            return tables;
        });
    }

    /** One row per open cell: row, col and Q of each action. */
    static String qCsv(double[] q, Maze m) {
        StringBuilder b = new StringBuilder("row,col,q_up,q_down,q_left,q_right\n");
        for (int s = 0; s < m.states(); s++) {
            if (m.isWall(s, 0)) continue;
            b.append(s / m.cols()).append(',').append(s % m.cols());
            for (int a = 0; a < Action.COUNT; a++) b.append(',').append(q[s * Action.COUNT + a]);
            b.append('\n');
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- drawing

    private void redraw() {
        if (liveChanged) showLive(vm.snapshotProperty().get());
        if (figuresChanged) showFigures(vm.figuresProperty().get());
        if (sweepingChanged) sweepingChart.update(vm.sweepingProperty().get());
        liveChanged = false;
        figuresChanged = false;
        sweepingChanged = false;
    }

    private void showLive(DynaLive.Snapshot s) {
        if (s == null) return;
        maze.show(new MazeCanvas.View(s.rows(), s.cols(), s.wall(), s.terminal(), s.start(), s.state(), s.q(), s.known(),
                s.predicted(), s.tau(), s.priority(), s.lastPlanned()));
        counter.setText(counterText(s));
        modelLine.setText(modelText(s));
    }

    /** "Episode 3 · 1,204 real steps · 60,200 planning updates (50 per real step) · last episode 16 steps". */
    static String counterText(DynaLive.Snapshot s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Episode %d (%d %s so far) · %,d real %s · %,d planning updates",
                s.episodes() + 1, s.episodeSteps(), s.episodeSteps() == 1 ? "step" : "steps", s.realSteps(),
                s.realSteps() == 1 ? "step" : "steps", s.planningUpdates()));
        if (s.config().agent().plans()) {
            b.append(s.config().agent() == AgentKind.PRIORITIZED_SWEEPING
                    ? String.format(Locale.ROOT, " (at most %d per real step)", s.config().planningSteps())
                    : String.format(Locale.ROOT, " (%d per real step)", s.config().planningSteps()));
        }
        int[] lengths = s.episodeLengths();
        if (lengths.length > 0) b.append(String.format(Locale.ROOT, " · last episode %d steps", lengths[lengths.length - 1]));
        if (s.switchStep() != Maze.NEVER) {
            b.append(s.changed() ? String.format(Locale.ROOT, " · the walls changed at step %,d", s.switchStep())
                    : String.format(Locale.ROOT, " · the walls change at step %,d", s.switchStep()));
        }
        return b.toString();
    }

    /** The model in one line: pairs known, and what the last planning update or the queue holds. */
    static String modelText(DynaLive.Snapshot s) {
        if (!s.config().agent().plans()) return "Q-learning keeps no model: it learns only from real steps.";
        int open = 0;
        for (int c = 0; c < s.wall().length; c++) if (!s.wall()[c] && !s.terminal()[c]) open++;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "The model knows %d of %d moves", s.knownPairs(), open * Action.COUNT));
        if (s.lastPlanned() >= 0) {
            int sa = s.lastPlanned();
            int from = sa / Action.COUNT;
            int to = s.predicted()[sa];
            b.append(String.format(Locale.ROOT, " · planned: (%d, %d) %s → (%d, %d), reward %s",
                    from / s.cols(), from % s.cols(), Action.of(sa % Action.COUNT).arrow(), to / s.cols(), to % s.cols(),
                    org.mbrllab.engine.core.Format.number(s.predictedReward()[sa])));
            if (s.config().agent() == AgentKind.DYNA_Q_PLUS) {
                b.append(String.format(Locale.ROOT, " + bonus κ√τ = %.3g (τ = %,d)",
                        s.config().kappa() * Math.sqrt(s.tau()[sa]), s.tau()[sa]));
            }
        }
        if (s.config().agent() == AgentKind.DYNA_Q_PLUS) {
            // Why a large κ collapses Dyna-Q+: the bonus of a pair left alone for τ steps passes the goal's 1.
            double kappa = s.config().kappa();
            b.append(kappa > 0 ? String.format(Locale.ROOT, " · κ√τ passes the goal's reward 1 after τ = 1/κ² = %s real steps",
                    org.mbrllab.engine.core.Format.number(Math.rint(1 / (kappa * kappa)))) : " · κ = 0: no bonus");
        }
        if (s.priority() != null) b.append(queueText(s));
        if (s.pendingPlanning() > 0 && s.stepSize() == LiveStep.PLANNING_UPDATE) {
            b.append(String.format(Locale.ROOT, " · %d planning updates left for this real step", s.pendingPlanning()));
        }
        return b.toString();
    }

    /** " · queue: 12 pairs, first (3, 7) ↑ 0.045, (2, 7) ↑ 0.043, (4, 6) → 0.041 …". */
    static String queueText(DynaLive.Snapshot s) {
        double[] p = s.priority();
        Integer[] queued = java.util.stream.IntStream.range(0, p.length).filter(i -> p[i] >= 0).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(queued, (x, y) -> Double.compare(p[y], p[x]));
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, " · queue: %d %s", queued.length, queued.length == 1 ? "pair" : "pairs"));
        for (int k = 0; k < Math.min(3, queued.length); k++) {
            int sa = queued[k];
            int cell = sa / Action.COUNT;
            b.append(k == 0 ? ", first " : ", ").append(String.format(Locale.ROOT, "(%d, %d) %s %.3g",
                    cell / s.cols(), cell % s.cols(), Action.of(sa % Action.COUNT).arrow(), p[sa]));
        }
        if (queued.length > 3) b.append(" …");
        return b.toString();
    }

    private void showFigures(DynaFigures.Snapshot f) {
        curves.update(f);
        if (f == null || f.halfway().size() < 2) {
            withoutPlanning.show(null);
            withPlanning.show(null);
            return;
        }
        Maze m = vm.mazeProperty().get();
        showHalfway(withoutPlanning, withoutCaption, f.halfway().get(0), m);
        showHalfway(withPlanning, withCaption, f.halfway().get(1), m);
    }

    private static void showHalfway(MazeCanvas canvas, Label caption, HalfwayPolicy h, Maze m) {
        int n = m.states();
        boolean[] wall = new boolean[n];
        boolean[] terminal = new boolean[n];
        for (int s = 0; s < n; s++) {
            wall[s] = m.isWall(s, 0);
            terminal[s] = m.isTerminal(s, 0);
        }
        canvas.show(new MazeCanvas.View(m.rows(), m.cols(), wall, terminal, m.start(), h.state(), h.q(), null, null, null, null, -1));
        caption.setText(String.format(Locale.ROOT, "%s: step %d of episode 2's %d",
                h.config().planningSteps() == 0 ? "Without planning (n = 0)" : "With planning (n = " + h.config().planningSteps() + ")",
                h.stepsInto(), h.episode2()));
    }

    @Override
    protected void applyTheme() {
        double size = appearance.fontSize();
        for (MazeCanvas c : new MazeCanvas[] {maze, withoutPlanning, withPlanning}) c.setTheme(appearance.theme(), size);
        curves.setTheme(appearance.theme(), size);
        sweepingChart.setTheme(appearance.theme(), size);
    }

    // ---------------------------------------------------------------- tests

    MazeCanvas mazeCanvas() { return maze; }

    /** Draws what is waiting for the next frame now (tests). */
    void flush() { throttle.flush(); }

    TabPane figureTabs() { return figures; }

    CurveChart curveChart() { return curves; }


}
