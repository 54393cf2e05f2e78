package org.mbrllab.app.lessons.mcts;

import org.mbrllab.engine.play.StepSize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.engine.play.GameSnapshot.Waiting;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.games.Player;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsEngine;
import org.mbrllab.engine.mcts.MctsSnapshot;
import org.mbrllab.engine.mcts.MctsSettings;
import org.mbrllab.engine.alphazero.PlayerSpec;
import org.mbrllab.engine.mcts.Rollout;
import org.mbrllab.engine.mcts.SelectionRule;
import org.mbrllab.engine.run.RunStatus;
import org.mbrllab.engine.run.Runner;
import org.mbrllab.engine.play.GameEngine;
import org.mbrllab.engine.play.GameSnapshot;
import org.mbrllab.app.common.SnapshotHistory;
import org.mbrllab.engine.play.Mode;
import org.mbrllab.app.common.search.ExpandedNodes;
import org.mbrllab.app.common.search.SearchFigure;

/**
 * The MCTS lesson's view-model: the game and who plays it, the search's settings, the step size, and the
 * runner of a {@link GameEngine}. It never touches a control, so tests drive it synchronously.
 *
 * <h2>Step sizes and speed</h2>
 * Step always does one step of the chosen size. A run slower than {@value #FAST_SPEED} steps per second
 * uses the chosen size too, so phases and simulations can be watched; a faster run switches phase and
 * simulation steps to batches of {@value #FAST_BATCH} simulations, which the engine runs without
 * recording anything, so a full-speed run costs what the bare search costs.
 */
final class MctsViewModel extends RunnerViewModel<GameEngine, GameSnapshot> implements SearchFigure.Hooks {

    static final String C = "c";
    static final String SIMULATIONS = "simulations";
    static final String BATCH = "batch";
    /** Runs faster than this (steps per second) use batch steps: no one can watch single phases there. */
    static final double FAST_SPEED = Runner.MAX_FPS;
    /** Simulations per step of a fast run that was set to phase or simulation steps. */
    static final int FAST_BATCH = 1000;
    /** Largest budget the pane offers, about a second per move (the engine takes up to 10⁷ from the command line). */
    static final int MAX_SIMULATIONS = 1_000_000;
    /** The opponents of a match, as {@link PlayerSpec} text. */
    static final List<String> OPPONENTS = List.of("minimax", "random", "mcts:100", "mcts:1000", "mcts:10000",
            "mcts:1000:0.5", "mcts:1000:4");

    private final ParameterModel parameters = new ParameterModel(parameterSpecs());
    private final ObjectProperty<Game> game = new SimpleObjectProperty<>(this, "game", Game.TIC_TAC_TOE);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.PLAY);
    private final IntegerProperty mctsSide = new SimpleIntegerProperty(this, "mctsSide", Side.X);
    private final StringProperty opponent = new SimpleStringProperty(this, "opponent", OPPONENTS.get(0));
    private final ObjectProperty<Rollout> rollout = new SimpleObjectProperty<>(this, "rollout", Rollout.UNIFORM_RANDOM);
    private final BooleanProperty reuse = new SimpleBooleanProperty(this, "reuse", true);
    private final BooleanProperty autoAnswer = new SimpleBooleanProperty(this, "autoAnswer", true);
    private final ObjectProperty<StepSize> stepSize = new SimpleObjectProperty<>(this, "stepSize", StepSize.SIMULATION);
    private final IntegerProperty viewDepth = new SimpleIntegerProperty(this, "viewDepth", 2);
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK", 2);
    private final ReadOnlyObjectWrapper<GameSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** Snapshots kept for the scrubber. */
    static final int HISTORY = 500;
    private final SnapshotHistory<GameSnapshot> history = new SnapshotHistory<>(HISTORY);
    private final ExpandedNodes expanded = new ExpandedNodes();
    private String startBoard = "";
    private double speed = Runner.FULL_SPEED;

    MctsViewModel() {
        super("mcts");
        for (ParameterSpec spec : parameters.specs()) {
            parameters.property(spec.key()).addListener((obs, o, n) -> {
                if (isQuiet()) return;
                if (spec.key().equals(BATCH)) applyStepSize(stepSize.get());
                else {
                    MctsSettings s = settings();
                    apply(e -> e.setSettings(s));
                }
            });
        }
        reuse.addListener((obs, o, n) -> {
            if (isQuiet()) return;
            MctsSettings s = settings();
            apply(e -> e.setSettings(s));
        });
        rollout.addListener((obs, o, n) -> { if (!isQuiet()) apply(e -> e.setEvaluator(n)); });
        autoAnswer.addListener((obs, o, n) -> { if (!isQuiet()) apply(e -> e.setAutoAnswer(n)); });
        stepSize.addListener((obs, o, n) -> { if (!isQuiet()) applyStepSize(n); });
        viewDepth.addListener((obs, o, n) -> applyView());
        topK.addListener((obs, o, n) -> applyView());
        game.addListener((obs, o, n) -> {
            if (isQuiet()) return;
            startBoard = "";
            reset();
        });
        mode.addListener((obs, o, n) -> { if (!isQuiet()) reset(); });
        mctsSide.addListener((obs, o, n) -> { if (!isQuiet()) reset(); });
        opponent.addListener((obs, o, n) -> { if (!isQuiet() && mode.get() == Mode.MATCH) reset(); });
    }

    /** The numeric parameters of this pane, in panel order. */
    static List<ParameterSpec> parameterSpecs() {
        ParameterSpec c = MctsSettings.C;
        ParameterSpec sims = MctsSettings.SIMULATIONS;
        return List.of(
                new ParameterSpec(c.key(), c.label(), 0, 10, c.defaultValue(), false, c.tooltip()),
                new ParameterSpec(sims.key(), "sims per move", 1, MAX_SIMULATIONS, 1000, true, sims.tooltip()),
                ParameterSpec.whole(BATCH, "N per step", 1, MAX_SIMULATIONS, 100,
                        "What one press of Step does when the step is “N simulations”."));
    }

    // ---------------------------------------------------------------- properties

    @Override public ParameterModel parameters() { return parameters; }
    ObjectProperty<Game> gameProperty() { return game; }
    ObjectProperty<Mode> modeProperty() { return mode; }
    IntegerProperty mctsSideProperty() { return mctsSide; }
    StringProperty opponentProperty() { return opponent; }
    ObjectProperty<Rollout> rolloutProperty() { return rollout; }
    BooleanProperty reuseProperty() { return reuse; }
    BooleanProperty autoAnswerProperty() { return autoAnswer; }
    ObjectProperty<StepSize> stepSizeProperty() { return stepSize; }
    @Override public IntegerProperty viewDepthProperty() { return viewDepth; }
    @Override public IntegerProperty topKProperty() { return topK; }
    @Override public boolean running() { return lastStatus() != null && lastStatus().running(); }
    ReadOnlyObjectProperty<GameSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    /** A sentence for the status bar when a click could not be played. */
    ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    GameSnapshot snapshot() { return snapshot.get(); }

    /** The status that came with the newest snapshot (running or not), for views that pace themselves. */
    @Override
    protected RunStatus lastStatus() { return super.lastStatus(); }

    /** The search settings the parameters describe. */
    MctsSettings settings() {
        return new MctsSettings(SelectionRule.UCB1, parameters.get(C), (int) parameters.get(SIMULATIONS), reuse.get(),
                (int) MctsSettings.MAX_NODES.defaultValue());
    }

    // ---------------------------------------------------------------- lifecycle

    /** Takes the lesson's defaults and starts a game; then loads the lesson's default preset, if any. */
    @Override
    public void open(PaneContext context, RunnerFactory runners) {
        quietly(() -> parameters.setKnown(context.parameterDefaults()));
        start(runners);
        String first = context.defaultPreset().isEmpty() && !context.presets().isEmpty()
                ? context.presets().get(0).name() : context.defaultPreset();
        context.preset(first).ifPresent(p -> loadPreset(p.text(), p.source()));
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- engine

    @Override
    protected Supplier<GameEngine> engineFactory() {
        Game g = game.get();
        GameState start = startBoard.isEmpty() ? g.newGame() : g.parse(startBoard);
        MctsSettings s = settings();
        Rollout r = rollout.get();
        long seed = seed();
        Mode m = mode.get();
        int side = mctsSide.get();
        PlayerSpec spec = PlayerSpec.parse(opponent.get());
        boolean auto = autoAnswer.get();
        MctsEngine.StepSize size = stepSize.get().engineSize();
        int batch = (int) parameters.get(BATCH);
        int depth = viewDepth.get();
        int k = topK.get();
        expanded.clear();
        return () -> {
            Player other = m == Mode.MATCH ? spec.create(g, Seeds.random(seed)) : null;
            GameEngine e = new GameEngine(start, s, r, seed, m, side, other, auto);
            e.setStepSize(size, batch);
            e.setView(depth, k);
            return e;
        };
    }

    @Override
    protected void onSnapshot(GameSnapshot s, RunStatus status) {
        expanded.follow(s.search().treeVersion());
        if (!sameMoment(history.newest(), s)) history.record(s);
        snapshot.set(s);
    }

    /**
     * Whether two snapshots show the same moment of the game and search (a step publishes one snapshot
     * as it runs and another as it pauses): the scrubber keeps one of them, so that each of its steps shows
     * something new.
     */
    static boolean sameMoment(GameSnapshot a, GameSnapshot b) {
        if (a == null || b == null) return false;
        MctsSnapshot x = a.search();
        MctsSnapshot y = b.search();
        return x.treeVersion() == y.treeVersion() && x.simulations() == y.simulations() && x.nextPhase() == y.nextPhase()
                && x.rootBoard().equals(y.rootBoard()) && a.moves().size() == b.moves().size() && a.waiting() == b.waiting()
                && x.game() == y.game() && a.mode() == b.mode();
    }

    /**
     * The last {@link #HISTORY} published snapshots, for the pane's scrubber: the engine keeps only the
     * tree as it stands, so the view-model keeps what it was shown (each snapshot is already an immutable
     * copy). Phase steps, simulations and moves alike: whatever each published snapshot showed.
     */
    SnapshotHistory<GameSnapshot> history() {
        return history;
    }

    @Override
    protected String describe(RunStatus s) {
        GameSnapshot snap = snapshot.get();
        if (snap != null && !s.running() && !s.stoppedOnError()) {
            return switch (snap.waiting()) {
                case OVER -> "Game over: " + snap.result();
                case YOUR_MOVE -> "Your move (" + Side.name(snap.search().rootToMove()) + "): click the board";
                case MCTS_MOVE -> snap.mode() == Mode.PLAY && !autoAnswer.get()
                        ? "Budget spent: press “MCTS move”" : "Budget spent: the next step plays";
                case SEARCH -> "Paused";
                case OPPONENT_MOVE -> "Paused: the opponent moves next";
            };
        }
        return super.describe(s);
    }

    @Override
    public void step() {
        applyStepSize(stepSize.get());
        super.step();
    }

    @Override
    public void toggleRun() {
        if (!runningProperty().get()) applyStepSize(runSize());
        super.toggleRun();
    }

    @Override
    public void setSpeed(double stepsPerSecond) {
        super.setSpeed(stepsPerSecond);
        speed = stepsPerSecond;
        if (runningProperty().get()) applyStepSize(runSize());
    }

    @Override
    public void reset() {
        expanded.clear();
        super.reset();
    }

    /** The step size a run at the current speed uses: the chosen one, or batches when too fast to watch. */
    StepSize runSize() {
        return speed > FAST_SPEED && stepSize.get().detailed() ? null : stepSize.get();
    }

    /** Sets the engine's step size; null means "fast batches". */
    private void applyStepSize(StepSize size) {
        int n = (int) parameters.get(BATCH);
        MctsEngine.StepSize engineSize = size == null ? MctsEngine.StepSize.BATCH : size.engineSize();
        int batch = size == null ? Math.max(n, FAST_BATCH) : n;
        apply(e -> e.setStepSize(engineSize, batch));
    }

    private void applyView() {
        int d = viewDepth.get();
        int k = topK.get();
        apply(e -> e.setView(d, k));
    }

    /** Starts the runner at the current speed (an answer to a click), whatever it was doing. */
    private void runNow() {
        if (runner() == null) return;
        applyStepSize(runSize());
        runner().run();
    }

    // ---------------------------------------------------------------- playing

    /**
     * A click on the board: plays {@code move} for the person, then, if MCTS answers on its own, runs the
     * search to its budget at the current speed and plays its move.
     *
     * @return whether the move was played; if not, {@link #messageProperty()} says why
     */
    @Override
    public boolean playAt(int move) {
        GameSnapshot s = snapshot.get();
        if (s == null) return false;
        String why = s.refusal(move, "It is MCTS's turn (" + Side.name(s.mctsSide()) + "): press Step, Run or “MCTS move”.",
                "In a match both sides are played for you: press Step or “Next move”.");
        message.set(why);
        if (!why.isEmpty()) return false;
        apply(e -> e.playMove(move));
        if (autoAnswer.get()) runNow();
        return true;
    }

    /**
     * "MCTS move": finishes the budget at full speed and plays the search's move, whoever is to move; in a
     * match on the opponent's turn, plays the opponent's move ("Next move").
     */
    void playSearchMove() {
        GameSnapshot s = snapshot.get();
        if (s == null || s.waiting() == Waiting.OVER) return;
        boolean forPerson = s.waiting() == Waiting.YOUR_MOVE;
        message.set("");
        apply(GameEngine::playSearchMove);
        if (forPerson && autoAnswer.get()) runNow();
    }

    /**
     * Opens or closes a node below the depth limit ("expand on click"). The ids belong to tree version
     * {@code treeVersion}; a move played renumbers the tree and drops them.
     */
    @Override
    public void toggleExpanded(int nodeId, int treeVersion) {
        Set<Integer> ids = expanded.toggle(nodeId, treeVersion);
        apply(e -> e.setExpanded(ids, treeVersion));
    }

    @Override
    public boolean isExpanded(int nodeId, int treeVersion) {
        return expanded.contains(nodeId, treeVersion);
    }

    // ---------------------------------------------------------------- presets

    private MctsPreset current() {
        Map<String, Double> numbers = new LinkedHashMap<>(parameters.values());
        return new MctsPreset(game.get(), startBoard, mode.get(), mctsSide.get(), opponent.get(), rollout.get(),
                reuse.get(), autoAnswer.get(), stepSize.get(), numbers);
    }

    String presetText() {
        return current().format();
    }

    /**
     * Loads preset text and starts its game.
     *
     * @throws IllegalArgumentException "source:line: problem"; nothing changes
     */
    void loadPreset(String text, String source) {
        MctsPreset p = MctsPreset.parse(text, source, current().withBoard(""));
        quietly(() -> {
            game.set(p.game());
            mode.set(p.mode());
            mctsSide.set(p.mctsSide());
            opponent.set(p.opponent());
            rollout.set(p.rollout());
            reuse.set(p.reuse());
            autoAnswer.set(p.autoAnswer());
            stepSize.set(p.step());
            p.numbers().forEach(parameters::set);
        });
        startBoard = p.board();
        reset();
    }

}
