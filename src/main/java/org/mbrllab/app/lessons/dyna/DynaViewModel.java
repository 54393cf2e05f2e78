package org.mbrllab.app.lessons.dyna;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.PresetText;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.dp.GridLayout;
import org.mbrllab.engine.dp.LayoutException;
import org.mbrllab.engine.dyna.AgentKind;
import org.mbrllab.engine.dyna.DynaConfig;
import org.mbrllab.engine.dyna.DynaFigures;
import org.mbrllab.engine.dyna.DynaLive;
import org.mbrllab.engine.dyna.DynaPreset;
import org.mbrllab.engine.dyna.ExperimentPlan;
import org.mbrllab.engine.dyna.LiveStep;
import org.mbrllab.engine.dyna.Maze;
import org.mbrllab.engine.dyna.SweepingComparison;
import org.mbrllab.engine.run.Published;
import org.mbrllab.engine.run.RunStatus;
import org.mbrllab.engine.run.Runner;

/**
 * The Dyna pane's view-model: the maze (a lesson preset, perhaps with painted walls), the agent and its
 * settings, and three runners: the live run (the run controls drive it), the book's figures for the maze
 * and agent (restarted in the background after every change, drawn as runs arrive), and, when asked for,
 * Example 8.4's comparison of prioritized sweeping with Dyna-Q. It never touches a control, so tests drive
 * it synchronously.
 */
final class DynaViewModel extends RunnerViewModel<DynaLive, DynaLive.Snapshot> {

    static final ParameterSpec ALPHA = DynaConfig.ALPHA;
    static final ParameterSpec GAMMA = DynaConfig.GAMMA;
    static final ParameterSpec EPSILON = DynaConfig.EPSILON;
    static final ParameterSpec PLANNING_STEPS = DynaConfig.PLANNING_STEPS;
    static final ParameterSpec KAPPA_EXP = ParameterSpec.real("kappa_exp", "log₁₀ κ (Dyna-Q+ bonus)", -6, 1, -4,
            "Dyna-Q+ adds κ√τ to simulated rewards, τ = real steps since the pair was last tried. −4 is κ = 0.0001; "
                    + "from about −1 the bonus outweighs the goal's reward of 1 and Dyna-Q+ wanders.");
    static final ParameterSpec THETA_EXP = ParameterSpec.real("theta_exp", "log₁₀ θ (priority threshold)", -8, 0, -4,
            "Prioritized sweeping queues a pair only when its update would change Q by more than θ (−4 is 0.0001).");
    static final ParameterSpec RUNS = ExperimentPlan.RUNS.withDefault(30);

    /** The maze name of a maze opened from a file rather than the lesson's menu. */
    static final String CUSTOM = "";

    private final ParameterModel parameters = new ParameterModel(parameterSpecs());
    private final ObjectProperty<AgentKind> agent = new SimpleObjectProperty<>(this, "agent", AgentKind.DYNA_Q);
    private final ObjectProperty<LiveStep> stepSize = new SimpleObjectProperty<>(this, "stepSize", LiveStep.REAL_STEP);
    private final ReadOnlyObjectWrapper<Maze> maze = new ReadOnlyObjectWrapper<>(this, "maze");
    private final ReadOnlyStringWrapper mazeName = new ReadOnlyStringWrapper(this, "mazeName", CUSTOM);
    private final ReadOnlyObjectWrapper<DynaLive.Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<DynaFigures.Snapshot> figures = new ReadOnlyObjectWrapper<>(this, "figures");
    private final ReadOnlyObjectWrapper<SweepingComparison.Snapshot> sweeping = new ReadOnlyObjectWrapper<>(this, "sweeping");
    private final ReadOnlyStringWrapper figureStatus = new ReadOnlyStringWrapper(this, "figureStatus", "");
    private PaneContext context;
    /** Cells painted since the maze was loaded, in order: +cell for a wall, −cell−1 for an opening. */
    private final List<int[]> painted = new ArrayList<>();
    private Runner<DynaFigures, DynaFigures.Snapshot> figureRunner;
    private Runner<SweepingComparison, SweepingComparison.Snapshot> sweepRunner;
    private boolean sweepWanted;

    DynaViewModel() {
        super("dyna");
        for (ParameterSpec spec : parameters.specs()) parameters.property(spec.key()).addListener((obs, o, n) -> changed());
        agent.addListener((obs, o, n) -> {
            parameters.shownProperty(KAPPA_EXP.key()).set(n == AgentKind.DYNA_Q_PLUS || (maze.get() != null && maze.get().changes()));
            parameters.shownProperty(THETA_EXP.key()).set(n == AgentKind.PRIORITIZED_SWEEPING);
            parameters.shownProperty(PLANNING_STEPS.key()).set(n.plans());
            changed();
        });
        stepSize.addListener((obs, o, n) -> {
            if (!isQuiet() && isStarted()) reset();
        });
        parameters.shownProperty(THETA_EXP.key()).set(false);
    }

    static List<ParameterSpec> parameterSpecs() {
        return List.of(ALPHA, GAMMA, EPSILON, PLANNING_STEPS, KAPPA_EXP, THETA_EXP, RUNS);
    }

    @Override public ParameterModel parameters() { return parameters; }
    ObjectProperty<AgentKind> agentProperty() { return agent; }
    ObjectProperty<LiveStep> stepSizeProperty() { return stepSize; }
    ReadOnlyObjectProperty<Maze> mazeProperty() { return maze.getReadOnlyProperty(); }
    /** The lesson preset the maze came from, or "" for one opened from a file. */
    ReadOnlyStringProperty mazeNameProperty() { return mazeName.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<DynaLive.Snapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<DynaFigures.Snapshot> figuresProperty() { return figures.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<SweepingComparison.Snapshot> sweepingProperty() { return sweeping.getReadOnlyProperty(); }
    /** "Figure: 12 of 30 runs", "Figure: done", or why it stopped. */
    ReadOnlyStringProperty figureStatusProperty() { return figureStatus.getReadOnlyProperty(); }

    /** Opens the lesson's default maze with the lesson's parameter defaults; the live run waits paused. */
    @Override
    public void open(PaneContext context, RunnerFactory runners) {
        this.context = context;
        String first = context.defaultPreset().isEmpty() ? DynaPreset.DYNA_MAZE.cliName() : context.defaultPreset();
        try {
            quietly(() -> loadMaze(first));
        } catch (RuntimeException e) {
            quietly(() -> setMaze(bundled(DynaPreset.DYNA_MAZE), DynaPreset.DYNA_MAZE.cliName()));
        }
        quietly(() -> parameters.setKnown(context.parameterDefaults()));
        start(runners);
    }

    @Override
    public void close() {
        stopFigures();
        stopSweeping();
        stop();
    }

    // ---------------------------------------------------------------- mazes

    /**
     * Loads the lesson preset {@code name}: its layout, the layout it changes to if the lesson has
     * {@code NAME-changed}, and for the book's three mazes their switch step and the figure's settings.
     *
     * @throws IllegalArgumentException naming the file and line if the maze does not read; nothing changes
     */
    void loadMaze(String name) {
        PaneContext.Preset preset = context == null ? null : context.preset(name).orElse(null);
        Optional<DynaPreset> book = bookPreset(name);
        Maze m;
        try {
            if (preset == null) {
                if (book.isEmpty()) throw new IllegalArgumentException("the lesson has no maze '" + name + "'");
                m = bundled(book.get());
            } else {
                GridLayout first = GridLayout.parse(preset.text(), preset.source());
                PaneContext.Preset changed = context.dataFiles().get("presets/" + name + "-changed");
                if (book.isPresent() && book.get().switchStep() != Maze.NEVER && changed != null) {
                    m = Maze.changing(first, GridLayout.parse(changed.text(), changed.source()), book.get().switchStep());
                } else {
                    m = Maze.of(first);
                }
            }
        } catch (LayoutException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Maze chosen = m;
        quietly(() -> {
            setMaze(chosen, name);
            book.ifPresent(this::useBookSettings);
        });
        changed();
    }

    private static Optional<DynaPreset> bookPreset(String name) {
        try {
            return Optional.of(DynaPreset.fromCliName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Maze bundled(DynaPreset p) {
        try {
            return p.maze();
        } catch (LayoutException e) {
            throw new IllegalStateException("the bundled maze " + p.cliName() + " does not read: " + e.getMessage(), e);
        }
    }

    /** α, n, κ and runs of the book's figure for {@code p}; γ of the maze's file. */
    private void useBookSettings(DynaPreset p) {
        DynaConfig c = p.config(AgentKind.DYNA_Q_PLUS, maze.get().gamma());
        parameters.set(ALPHA.key(), c.alpha());
        parameters.set(GAMMA.key(), c.gamma());
        parameters.set(EPSILON.key(), c.epsilon());
        parameters.set(PLANNING_STEPS.key(), c.planningSteps());
        parameters.set(KAPPA_EXP.key(), Math.log10(c.kappa()));
        parameters.set(RUNS.key(), p.runs());
    }

    private void setMaze(Maze m, String name) {
        painted.clear();
        maze.set(m);
        mazeName.set(name);
        parameters.shownProperty(KAPPA_EXP.key()).set(agent.get() == AgentKind.DYNA_Q_PLUS || m.changes());
    }

    /**
     * Paints a wall on an empty cell, or opens a wall, under the running agent: it keeps Q and its model,
     * which is now wrong there. The figures restart on the new maze.
     *
     * @return null if painted, else why not (the start, a goal, or a wall that would cut off every goal)
     */
    String paint(int row, int col) {
        Maze m = maze.get();
        DynaLive.Snapshot s = snapshot.get();
        int cell = row * m.cols() + col;
        boolean wallNow = s != null ? s.wall()[cell] : m.isWall(cell, 0);
        Maze next;
        try {
            next = m.withWall(row, col, !wallNow);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        painted.add(new int[] {row, col, wallNow ? 0 : 1});
        maze.set(next);
        apply(e -> e.changeMaze(next));
        if (isStarted()) {
            restartFigures();
            if (sweepWanted) restartSweeping();
        }
        return null;
    }

    // ---------------------------------------------------------------- settings

    /** The agent's settings from the parameters. */
    DynaConfig config() {
        AgentKind a = agent.get();
        return new DynaConfig(a, parameters.get(ALPHA.key()), parameters.get(GAMMA.key()), parameters.get(EPSILON.key()),
                a.plans() ? (int) parameters.get(PLANNING_STEPS.key()) : 0, kappa(), theta());
    }

    double kappa() {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", Math.pow(10, parameters.get(KAPPA_EXP.key()))));
    }

    double theta() {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", Math.pow(10, parameters.get(THETA_EXP.key()))));
    }

    /** Episodes (a fixed maze) or time steps (a changing one) of each figure run. */
    int figureLength() {
        Maze m = maze.get();
        if (!m.changes()) return DynaPreset.DYNA_MAZE.episodes();
        Optional<DynaPreset> book = bookPreset(mazeName.get());
        if (book.isPresent() && book.get().steps() > 0 && book.get().switchStep() == m.switchStep()) return book.get().steps();
        return (int) Math.min(1_000_000, 3 * m.switchStep());
    }

    private void changed() {
        if (isQuiet() || !isStarted()) return;
        reset();
    }

    // ---------------------------------------------------------------- runners

    @Override
    public void reset() {
        super.reset();
        restartFigures();
        if (sweepWanted) restartSweeping();
    }

    private void restartFigures() {
        stopFigures();
        Maze m = maze.get();
        DynaConfig c = config();
        int length = figureLength();
        int runs = (int) parameters.get(RUNS.key());
        long seed = seed();
        figureStatus.set("Figure: starting…");
        figureRunner = runners().create("dyna-figures", this::acceptFigures);
        figureRunner.load(() -> new DynaFigures(m, c, length, runs, seed));
        figureRunner.runToEnd();
    }

    private void acceptFigures(Published<DynaFigures.Snapshot> p) {
        DynaFigures.Snapshot s = p.snapshot();
        figures.set(s);
        RunStatus st = p.status();
        if (st.stoppedOnError()) {
            figureStatus.set("Figure stopped: " + st.message());
        } else if (s.complete()) {
            figureStatus.set("Figure: all " + s.curves().get(0).statistics().runs() + " runs done");
        } else if (!s.curves().isEmpty()) {
            int done = s.curves().stream().mapToInt(c -> c.statistics().runsDone()).min().orElse(0);
            figureStatus.set("Figure: " + done + " of " + s.curves().get(0).statistics().runs() + " runs");
        }
    }

    private void stopFigures() {
        if (figureRunner != null) figureRunner.close();
        figureRunner = null;
    }

    /** Starts Example 8.4's comparison (the prioritized-sweeping tab is shown), once per maze and settings. */
    void wantSweeping() {
        if (sweepWanted) return;
        sweepWanted = true;
        if (isStarted()) restartSweeping();
    }

    private void restartSweeping() {
        stopSweeping();
        Maze m = maze.get();
        if (m.changes()) {
            sweeping.set(null);
            return;
        }
        DynaConfig c = config();
        long seed = seed();
        sweepRunner = runners().create("dyna-sweeping", p -> sweeping.set(p.snapshot()));
        sweepRunner.load(() -> new SweepingComparison(m, c, SWEEP_SIZES, SWEEP_RUNS, seed));
        sweepRunner.runToEnd();
    }

    /** Example 8.4's sizes (k = 1 … 4: 47 to 752 open cells of the Dyna maze) and runs per size. */
    static final int SWEEP_SIZES = 4;
    static final int SWEEP_RUNS = 5;

    private void stopSweeping() {
        if (sweepRunner != null) sweepRunner.close();
        sweepRunner = null;
    }

    /** Ten real steps a second: slow enough to follow the agent; the speed slider goes up to full speed. */
    @Override
    public double preferredSpeed() {
        return 10;
    }

    @Override
    protected Supplier<DynaLive> engineFactory() {
        Maze m = maze.get();
        DynaConfig c = config();
        long seed = seed();
        LiveStep step = stepSize.get();
        return () -> new DynaLive(m, c, seed, step);
    }

    @Override
    protected void onSnapshot(DynaLive.Snapshot s, RunStatus status) {
        snapshot.set(s);
    }

    @Override
    protected String describe(RunStatus s) {
        DynaLive.Snapshot last = snapshot.get();
        String where = last == null ? "" : String.format(Locale.ROOT, ": episode %d, %,d real steps, %,d planning updates",
                last.episodes() + 1, last.realSteps(), last.planningUpdates());
        return switch (s.state()) {
            case RUNNING -> "Running" + where;
            case PAUSED -> "Paused" + where;
            case DONE -> "Stopped after " + String.format(Locale.ROOT, "%,d", DynaLive.MAX_REAL_STEPS) + " real steps; Reset starts again";
            case DIVERGED -> "Stopped: Q diverged";
            case FAILED -> "Stopped: " + s.message();
        };
    }

    // ---------------------------------------------------------------- presets

    /** The pane's state as {@code key: value} lines: maze, agent, step, parameters, painted cells. */
    String presetText() {
        StringBuilder b = new StringBuilder("# MBRL Lab Dyna preset\n");
        b.append("maze: ").append(mazeName.get()).append('\n');
        b.append("agent: ").append(agent.get().cliName()).append('\n');
        b.append("step: ").append(stepSize.get().name().toLowerCase(Locale.ROOT).replace('_', '-')).append('\n');
        for (ParameterSpec spec : parameters.specs()) {
            b.append(spec.key()).append(": ").append(Format.number(parameters.get(spec.key()))).append('\n');
        }
        for (int[] p : painted) b.append(p[2] == 1 ? "wall: " : "open: ").append(p[0]).append(' ').append(p[1]).append('\n');
        return b.toString();
    }

    /**
     * Restores a state written by {@link #presetText}. A line that does not read changes nothing; a painted
     * cell that cannot be painted leaves the maze as it was.
     *
     * @throws IllegalArgumentException naming the source, the line and what is wrong
     */
    void loadPreset(String text, String source) {
        List<PresetText.Line> lines = PresetText.parse(text, source);
        String mazeName = null;
        AgentKind a = agent.get();
        LiveStep step = stepSize.get();
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        List<int[]> cells = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>(List.of("maze", "agent", "step", "wall", "open"));
        for (PresetText.Line line : lines) {
            switch (line.key()) {
                case "maze" -> mazeName = line.value();
                case "agent" -> {
                    try {
                        a = AgentKind.fromCliName(line.value());
                    } catch (IllegalArgumentException e) {
                        throw line.error(e.getMessage());
                    }
                }
                case "step" -> step = line.enumValue(LiveStep.class);
                case "wall", "open" -> {
                    String[] rc = line.value().trim().split("\\s+");
                    try {
                        if (rc.length != 2) throw new NumberFormatException();
                        cells.add(new int[] {Integer.parseInt(rc[0]), Integer.parseInt(rc[1]), line.key().equals("wall") ? 1 : 0});
                    } catch (NumberFormatException e) {
                        throw line.error(line.key() + " \"" + line.value() + "\" is not ROW COL");
                    }
                }
                default -> {
                    if (known.contains(line.key())) break;
                    values.put(line.key(), line.parameter(parameters));
                }
            }
        }
        String name = mazeName;
        AgentKind chosen = a;
        LiveStep chosenStep = step;
        Maze before = maze.get();
        String beforeName = this.mazeName.get();
        quietly(() -> {
            if (name != null && !name.isEmpty()) loadMaze(name);
            agent.set(chosen);
            stepSize.set(chosenStep);
            values.forEach(parameters::set);
        });
        Maze m = maze.get();
        try {
            for (int[] c : cells) {
                m = m.withWall(c[0], c[1], c[2] == 1);
                painted.add(c);
            }
        } catch (IllegalArgumentException e) {
            quietly(() -> setMaze(before, beforeName));
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        maze.set(m);
        if (isStarted()) reset();
    }
}
