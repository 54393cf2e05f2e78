package org.mbrllab.app.lessons.gridworld;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dp.Algorithm;
import org.mbrllab.engine.dp.DpSettings;
import org.mbrllab.engine.dp.DpSnapshot;
import org.mbrllab.engine.dp.DpSolver;
import org.mbrllab.engine.dp.EvaluatedPolicy;
import org.mbrllab.engine.dp.Granularity;
import org.mbrllab.engine.dp.GreedyEpisode;
import org.mbrllab.engine.dp.GridLayout;
import org.mbrllab.engine.dp.GridWorld;
import org.mbrllab.engine.dp.GridWorldParams;
import org.mbrllab.engine.dp.LayoutException;
import org.mbrllab.engine.dp.Sweep;
import org.mbrllab.engine.run.Published;
import org.mbrllab.engine.run.RunStatus;
import org.mbrllab.engine.run.Runner;

/**
 * The grid-world lesson's view-model: the layout being edited, the algorithm settings and the numeric
 * parameters, the DP engine's runner, and the "play" episode. It never touches a control, so it can be
 * driven synchronously in tests. The FX thread only calls its methods and reads its properties.
 */
final class GridWorldViewModel extends RunnerViewModel<DpSolver, DpSnapshot> {

    static final String TOLERANCE = "tolerance_exp";
    static final String ROWS = "rows";
    static final String COLS = "cols";
    /** Largest grid the pane offers; the engine takes up to 300 × 300 from files. */
    static final int MAX_SIZE = 300;
    /** Play moves per second. */
    static final double PLAY_SPEED = 4;
    /** Play gives up after this many moves (an agent may never reach a terminal). */
    static final int PLAY_MAX_STEPS = 500;

    private final ParameterModel parameters = new ParameterModel(parameterSpecs());
    private final ObjectProperty<GridLayout> layout = new SimpleObjectProperty<>(this, "layout");
    private final ObjectProperty<Algorithm> algorithm = new SimpleObjectProperty<>(this, "algorithm", Algorithm.VALUE_ITERATION);
    private final ObjectProperty<Sweep> sweep = new SimpleObjectProperty<>(this, "sweep", Sweep.SYNCHRONOUS);
    private final ObjectProperty<StepSize> stepSize = new SimpleObjectProperty<>(this, "stepSize", StepSize.SWEEP);
    private final ObjectProperty<EvaluatedPolicy> evaluated = new SimpleObjectProperty<>(this, "evaluated", EvaluatedPolicy.RANDOM);
    private final ObjectProperty<PaintTool> tool = new SimpleObjectProperty<>(this, "tool", PaintTool.NONE);
    private final ReadOnlyObjectWrapper<DpSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<GreedyEpisode.Snapshot> episode = new ReadOnlyObjectWrapper<>(this, "episode");
    private final StringProperty presetName = new SimpleStringProperty(this, "preset", "");
    private final List<PaneContext.Preset> presets = new ArrayList<>();
    private Runner<GreedyEpisode, GreedyEpisode.Snapshot> player;

    GridWorldViewModel() {
        super("gridworld");
        layout.set(GridLayout.empty(5, 5, new GridWorldParams(0.9, 0, 0, -1, 1, -1)));
        for (ParameterSpec spec : parameters.specs()) {
            parameters.property(spec.key()).addListener((obs, o, n) -> parameterChanged(spec.key(), n.doubleValue()));
        }
        algorithm.addListener((obs, o, n) -> {
            if (!isQuiet()) {
                layout.set(layout.get().withAlgorithm(n));
                reset();
            }
        });
        sweep.addListener((obs, o, n) -> apply(e -> e.setSweep(n)));
        evaluated.addListener((obs, o, n) -> { if (!isQuiet()) reset(); });
        stepSize.addListener((obs, o, n) -> apply(e -> e.setGranularity(granularity(n))));
    }

    /** The numeric parameters of this pane, in panel order. */
    static List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>(GridWorldParams.specs());
        specs.add(ParameterSpec.whole(TOLERANCE, "tolerance (10^x)", -14, -1, -10,
                "Stop when the largest change of V in a sweep, max|ΔV|, falls below 10^x."));
        specs.add(ParameterSpec.whole(ROWS, "rows", 1, MAX_SIZE, 5, "Number of rows of the grid. Cells outside the new size are dropped."));
        specs.add(ParameterSpec.whole(COLS, "columns", 1, MAX_SIZE, 5, "Number of columns of the grid. Cells outside the new size are dropped."));
        return specs;
    }

    // ---------------------------------------------------------------- properties

    @Override public ParameterModel parameters() { return parameters; }
    ReadOnlyObjectProperty<GridLayout> layoutProperty() { return layout; }
    GridLayout layout() { return layout.get(); }
    ObjectProperty<Algorithm> algorithmProperty() { return algorithm; }
    ObjectProperty<Sweep> sweepProperty() { return sweep; }
    ObjectProperty<StepSize> stepSizeProperty() { return stepSize; }
    ObjectProperty<EvaluatedPolicy> evaluatedProperty() { return evaluated; }
    ObjectProperty<PaintTool> toolProperty() { return tool; }
    ReadOnlyObjectProperty<DpSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<GreedyEpisode.Snapshot> episodeProperty() { return episode.getReadOnlyProperty(); }
    StringProperty presetNameProperty() { return presetName; }
    List<PaneContext.Preset> presets() { return List.copyOf(presets); }

    // ---------------------------------------------------------------- lifecycle

    /** Takes the lesson's presets and defaults, then loads the default preset. */
    @Override
    public void open(PaneContext context, RunnerFactory runners) {
        presets.clear();
        presets.addAll(context.presets());
        quietly(() -> parameters.setKnown(context.parameterDefaults()));
        start(runners);
        String first = context.defaultPreset().isEmpty() && !presets.isEmpty() ? presets.get(0).name() : context.defaultPreset();
        context.preset(first).ifPresent(p -> loadPreset(p.name()));
    }

    @Override
    public void close() {
        stopPlay();
        stop();
    }

    /** Loads a preset of the lesson by name. */
    void loadPreset(String name) {
        Optional<PaneContext.Preset> p = presets.stream().filter(x -> x.name().equals(name)).findFirst();
        if (p.isEmpty()) throw new IllegalArgumentException("no preset named " + name);
        loadLayout(p.get().text(), p.get().source());
        presetName.set(name);
    }

    /**
     * Parses layout text and shows it.
     *
     * @throws IllegalArgumentException naming the source and line of the first problem; nothing changes
     */
    void loadLayout(String text, String source) {
        GridLayout parsed;
        try {
            parsed = GridLayout.parse(text, source);
        } catch (LayoutException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        stopPlay();
        quietly(() -> {
            GridWorldParams p = parsed.params();
            for (ParameterSpec s : GridWorldParams.specs()) parameters.set(s.key(), p.get(s.key()));
            parameters.set(ROWS, parsed.rows());
            parameters.set(COLS, parsed.cols());
            algorithm.set(parsed.algorithm());
        });
        layout.set(parsed);
        presetName.set(presetOf(parsed));
        reset();
    }

    /**
     * The name of the lesson's preset that {@code grid} comes from, or "" if none: a preset whose grid it is
     * exactly, else one whose {@code name:} line it carries (a preset the user painted on or changed γ of; the
     * menu keeps a preset's name through such edits while the lesson is open, so a grid remembered across a
     * restart or saved and opened again reads the same). A preset that does not parse is skipped.
     */
    private String presetOf(GridLayout grid) {
        String sameName = "";
        for (PaneContext.Preset p : presets) {
            GridLayout candidate;
            try {
                candidate = GridLayout.parse(p.text(), p.source());
            } catch (LayoutException | IllegalArgumentException e) {
                continue;
            }
            if (candidate.equals(grid)) return p.name();
            if (sameName.isEmpty() && candidate.name().equals(grid.name())) sameName = p.name();
        }
        return sameName;
    }

    /** The layout with the current parameters, as preset text. */
    String presetText() {
        return layout.get().format();
    }

    /** How a layout becomes a world (its MDP); called on the worker only. Tests watch it. */
    private Function<GridLayout, GridWorld> worlds = GridWorld::new;

    /** For tests: builds worlds with {@code worlds} instead. */
    void setWorldBuilder(Function<GridLayout, GridWorld> worlds) {
        this.worlds = worlds;
    }

    // ---------------------------------------------------------------- engine

    @Override
    protected Supplier<DpSolver> engineFactory() {
        // The layout is immutable; its MDP (|S|·|A| transitions, 360 000 on a 300 × 300 grid) is built on
        // the worker, never on the FX thread.
        GridLayout current = layout.get();
        Function<GridLayout, GridWorld> build = worlds;
        Algorithm alg = algorithm.get();
        DpSettings settings = new DpSettings(sweep.get(), granularity(stepSize.get()),
                Math.pow(10, parameters.get(TOLERANCE)), DpSettings.defaults().maxIterations(), evaluated.get());
        return () -> DpSolver.create(alg, build.apply(current), settings);
    }

    @Override
    protected void onSnapshot(DpSnapshot s, RunStatus status) {
        snapshot.set(s);
    }

    @Override
    protected String describe(RunStatus s) {
        DpSnapshot snap = snapshot.get();
        if (s.state() == RunStatus.State.DONE && snap != null) {
            return snap.converged() ? "Converged" : "Stopped at the iteration limit";
        }
        return super.describe(s);
    }

    @Override
    public void step() {
        if (stepSize.get() == StepSize.CONVERGE) runToEnd(); else super.step();
    }

    @Override
    public void reset() {
        stopPlay();
        super.reset();
    }

    private static Granularity granularity(StepSize size) {
        return size == StepSize.BACKUP ? Granularity.BACKUP : Granularity.SWEEP;
    }

    private void parameterChanged(String key, double value) {
        if (isQuiet()) return;
        GridLayout current = layout.get();
        GridLayout next;
        try {
            if (key.equals(ROWS) || key.equals(COLS)) {
                next = current.withSize((int) parameters.get(ROWS), (int) parameters.get(COLS));
            } else if (key.equals(TOLERANCE)) {
                double tol = Math.pow(10, value);
                boolean wasDone = lastStatus().state() == RunStatus.State.DONE;
                apply(e -> e.setTolerance(tol));
                if (wasDone) runToEnd();
                return;
            } else {
                next = current.withParams(current.params().with(key, value));
            }
        } catch (IllegalArgumentException e) {
            return;
        }
        changeLayout(next);
    }

    /** Paints {@code tool} at a cell (a click or a drag over it). */
    void paint(int row, int col) {
        GridLayout current = layout.get();
        if (row < 0 || col < 0 || row >= current.rows() || col >= current.cols()) return;
        GridLayout next = switch (tool.get()) {
            case NONE -> current;
            case WALL -> current.withCell(row, col, GridLayout.Cell.wall());
            case GOAL -> current.withCell(row, col, GridLayout.Cell.goal());
            case PIT -> current.withCell(row, col, GridLayout.Cell.pit());
            case START -> current.withStart(row, col);
            case ERASE -> current.withCell(row, col, GridLayout.Cell.empty());
        };
        // Only this cell (or the start) can differ: compare it, not two formatted 300 × 300 layouts.
        boolean same = next == current || (next.cell(row, col).equals(current.cell(row, col))
                && next.startRow() == current.startRow() && next.startCol() == current.startCol());
        if (!same) changeLayout(next);
    }

    /** Swaps in a new layout: the engine keeps its values where it can and re-converges if it had. */
    private void changeLayout(GridLayout next) {
        stopPlay();
        // A converged run re-converges after a change, so sliders feel live; a paused one stays paused.
        boolean wasDone = lastStatus().state() == RunStatus.State.DONE;
        layout.set(next);
        Function<GridLayout, GridWorld> build = worlds;
        apply(e -> e.setWorld(build.apply(next)));
        if (wasDone) runToEnd();
    }


    // ---------------------------------------------------------------- play

    /**
     * Sends an agent from the start along the current greedy policy, slips sampled with the seed,
     * animated at {@value #PLAY_SPEED} moves per second.
     */
    void play() {
        DpSnapshot s = snapshot.get();
        if (s == null) return;
        stopPlay();
        GridLayout current = layout.get();
        Function<GridLayout, GridWorld> build = worlds;
        int[] greedy = s.greedy().clone();
        long seed = seed();
        player = runners().create("gridworld-play", this::acceptEpisode);
        player.setSpeed(PLAY_SPEED);
        player.load(() -> new GreedyEpisode(build.apply(current), greedy, Seeds.random(seed), PLAY_MAX_STEPS));
        player.run();
    }

    void stopPlay() {
        if (player != null) player.close();
        player = null;
        episode.set(null);
    }

    boolean playing() {
        return player != null;
    }

    private void acceptEpisode(Published<GreedyEpisode.Snapshot> p) {
        episode.set(p.snapshot());
    }

    /** The status line for an episode: moves, return, and how it ended. */
    static String describe(GreedyEpisode.Snapshot e, double gamma) {
        String g = "return " + Format.fixed(e.totalReward(), 2) + " (discounted " + Format.fixed(e.discountedReturn(), 3) + ")";
        return e.steps() + " moves, " + g + (e.finished() ? " — " + e.outcome() : "");
    }
}
