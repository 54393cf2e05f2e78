package org.mbrllab.app.lessons.alphazero;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.app.common.search.ExpandedNodes;
import org.mbrllab.engine.play.GameEngine;
import org.mbrllab.engine.play.GameSnapshot;
import org.mbrllab.engine.play.GameSnapshot.Waiting;
import org.mbrllab.engine.play.Mode;
import org.mbrllab.app.common.search.SearchFigure;
import org.mbrllab.engine.alphazero.AlphaZeroPlayers;
import org.mbrllab.engine.alphazero.AlphaZeroSettings;
import org.mbrllab.engine.alphazero.AlphaZeroSnapshot;
import org.mbrllab.engine.alphazero.AlphaZeroTrainer;
import org.mbrllab.engine.alphazero.BudgetComparison;
import org.mbrllab.engine.alphazero.NetworkEvaluator;
import org.mbrllab.engine.alphazero.NetworkFileException;
import org.mbrllab.engine.alphazero.PolicyValueNet;
import org.mbrllab.engine.alphazero.ShippedNetworks;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.Evaluator;
import org.mbrllab.engine.mcts.MctsEngine;
import org.mbrllab.engine.mcts.MctsSettings;
import org.mbrllab.engine.mcts.RootNoise;
import org.mbrllab.engine.mcts.Rollout;
import org.mbrllab.engine.mcts.SelectionRule;
import org.mbrllab.engine.run.RunStatus;
import org.mbrllab.engine.run.Runner;
import org.mbrllab.engine.play.AlphaZeroLessonEngine;
import org.mbrllab.engine.play.AlphaZeroLessonSnapshot;
import org.mbrllab.engine.play.AlphaZeroView;

/**
 * The AlphaZero lesson's view-model: the game, the view (play, training, comparison), the network that
 * guides the search, the parameters, and the runner of a {@link AlphaZeroLessonEngine}. It never touches a control,
 * so tests drive it synchronously.
 *
 * <p>Networks: the shipped one is read once per game; a missing or corrupt file is reported in
 * {@link #networkStatusProperty()} and the search falls back to UCB1 with random rollouts. The training
 * view's newest network (immutable, so it may cross threads) becomes "trained now" as soon as its first
 * training stage ends, and stays when the view changes. A change of view, game or network starts that
 * view afresh; training and comparison parameters take effect on the next reset.
 */
final class AlphaZeroViewModel extends RunnerViewModel<AlphaZeroLessonEngine, AlphaZeroLessonSnapshot> implements SearchFigure.Hooks {

    static final String C_PUCT = "c_puct";
    static final String SIMULATIONS = "simulations";
    static final String ALPHA = "alpha";
    static final String PLAY_NOISE = "play_noise";
    static final String TEMPERATURE = "temperature";
    static final String ITERATIONS = "iterations";
    static final String TRAIN_SIMULATIONS = "train_simulations";
    static final String GAMES = "games";
    static final String NOISE = "noise";
    static final String TEMPERATURE_MOVES = "temperature_moves";
    static final String EVAL_GAMES = "eval_games";
    static final String COMPARE_GAMES = "compare_games";
    static final String MAX_BUDGET = "max_budget";

    /** Runs faster than this (steps per second) search in batches of {@value #FAST_BATCH} simulations. */
    static final double FAST_SPEED = Runner.MAX_FPS;
    static final int FAST_BATCH = 50;
    /** Adam steps per iteration, batch size, buffer, hidden units, step size and L2: the shipped recipe. */
    private static final AlphaZeroSettings RECIPE = AlphaZeroSettings.ticTacToe(1, 1);

    /** Which parameters each view shows. */
    private static final Map<AlphaZeroView, List<String>> SHOWN = new EnumMap<>(Map.of(
            AlphaZeroView.PLAY, List.of(C_PUCT, SIMULATIONS, ALPHA, PLAY_NOISE, TEMPERATURE),
            AlphaZeroView.TRAINING, List.of(ITERATIONS, GAMES, TRAIN_SIMULATIONS, C_PUCT, ALPHA, NOISE, TEMPERATURE_MOVES, EVAL_GAMES),
            AlphaZeroView.COMPARISON, List.of(COMPARE_GAMES, MAX_BUDGET, C_PUCT)));

    private final ParameterModel parameters = new ParameterModel(parameterSpecs());
    private final ObjectProperty<Game> game = new SimpleObjectProperty<>(this, "game", Game.TIC_TAC_TOE);
    private final ObjectProperty<AlphaZeroView> view = new SimpleObjectProperty<>(this, "view", AlphaZeroView.PLAY);
    private final ObjectProperty<NetworkChoice> network = new SimpleObjectProperty<>(this, "network", NetworkChoice.SHIPPED);
    private final IntegerProperty searchSide = new SimpleIntegerProperty(this, "searchSide", Side.X);
    private final IntegerProperty viewDepth = new SimpleIntegerProperty(this, "viewDepth", 2);
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK", 3);
    private final ReadOnlyObjectWrapper<AlphaZeroLessonSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper networkStatus = new ReadOnlyStringWrapper(this, "networkStatus", "");
    private final ReadOnlyBooleanWrapper networkFailed = new ReadOnlyBooleanWrapper(this, "networkFailed", false);
    private final ReadOnlyBooleanWrapper trainedReady = new ReadOnlyBooleanWrapper(this, "trainedReady", false);
    private final Map<Game, PolicyValueNet> shipped = new EnumMap<>(Game.class);
    private final Map<Game, PolicyValueNet> trained = new EnumMap<>(Game.class);
    private final ExpandedNodes expanded = new ExpandedNodes();
    private Function<Game, PolicyValueNet> shippedSource = ShippedNetworks::load;
    private double speed = Runner.FULL_SPEED;

    AlphaZeroViewModel() {
        super("alphazero");
        for (ParameterSpec spec : parameters.specs()) {
            parameters.property(spec.key()).addListener((obs, o, n) -> { if (!isQuiet()) parameterChanged(spec.key()); });
        }
        game.addListener((obs, o, n) -> {
            if (isQuiet()) return;
            trainedReady.set(trained.containsKey(n));
            reset();
        });
        view.addListener((obs, o, n) -> {
            parameters.showOnly(SHOWN.get(n));
            if (!isQuiet()) reset();
        });
        network.addListener((obs, o, n) -> { if (!isQuiet() && view.get() != AlphaZeroView.TRAINING) reset(); });
        searchSide.addListener((obs, o, n) -> { if (!isQuiet() && view.get() == AlphaZeroView.PLAY) reset(); });
        viewDepth.addListener((obs, o, n) -> applyView());
        topK.addListener((obs, o, n) -> applyView());
        parameters.showOnly(SHOWN.get(AlphaZeroView.PLAY));
    }

    /** The numeric parameters of this pane, in panel order. */
    static List<ParameterSpec> parameterSpecs() {
        ParameterSpec c = MctsSettings.C_PUCT;
        return List.of(
                ParameterSpec.real(C_PUCT, c.label(), 0, 10, 2, c.tooltip()),
                ParameterSpec.whole(SIMULATIONS, "sims per move", 1, 20_000, 200,
                        "Simulations the search runs before each of its moves in a game against you."),
                ParameterSpec.real(ALPHA, "Dirichlet α", 0.01, 10, 0.5,
                        "Shape of the root noise η ~ Dir(α): small α piles it onto one or two moves, large α spreads it evenly."),
                ParameterSpec.real(PLAY_NOISE, "noise weight ε", 0, 1, 0,
                        "P′ = (1 − ε)·P + ε·η at the root of each search against you. 0 (the default) plays its strongest."),
                ParameterSpec.real(TEMPERATURE, "temperature T", 0, 2, 0,
                        "The search's move is drawn ∝ N(s,a)^(1/T). 0 plays the most visited move; 1 in proportion to the visits."),
                ParameterSpec.whole(ITERATIONS, "iterations", 1, 500, 60,
                        "Each iteration: self-play games, then 60 training batches of 64 positions, then games against pure MCTS. Takes effect on Reset."),
                ParameterSpec.whole(GAMES, "games / iteration", 1, 200, 30,
                        "Games the network plays against itself per iteration; their positions go into the replay buffer."),
                ParameterSpec.whole(TRAIN_SIMULATIONS, "sims / move (training)", 2, 1000, 40,
                        "Simulations per move in self-play and in the games against pure MCTS (which gets the same budget)."),
                ParameterSpec.real(NOISE, "self-play noise ε", 0, 1, 0.25,
                        "P′ = (1 − ε)·P + ε·η at the root in self-play; the papers use ε = 0.25. 0 lets self-play repeat itself."),
                ParameterSpec.whole(TEMPERATURE_MOVES, "temperature plies", 0, 42, 3,
                        "Self-play draws the first this-many moves ∝ N(s,a) (T = 1), later ones play the most visited move (T → 0)."),
                ParameterSpec.whole(EVAL_GAMES, "games vs pure MCTS", 0, 100, 10,
                        "Games per iteration against MCTS with random rollouts at the same simulations, colours alternating (the W/D/L chart)."),
                ParameterSpec.whole(COMPARE_GAMES, "games per budget", 1, 100, 10,
                        "Games each search plays against minimax at each budget, colours alternating. Takes effect on Reset."),
                ParameterSpec.whole(MAX_BUDGET, "largest budget", 2, 4096, 512,
                        "The budgets compared are 2, 4, 8, … up to this many simulations per move. Takes effect on Reset."));
    }

    // ---------------------------------------------------------------- properties

    @Override public ParameterModel parameters() { return parameters; }
    ObjectProperty<Game> gameProperty() { return game; }
    ObjectProperty<AlphaZeroView> viewProperty() { return view; }
    ObjectProperty<NetworkChoice> networkProperty() { return network; }
    IntegerProperty searchSideProperty() { return searchSide; }
    @Override public IntegerProperty viewDepthProperty() { return viewDepth; }
    @Override public IntegerProperty topKProperty() { return topK; }
    ReadOnlyObjectProperty<AlphaZeroLessonSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    AlphaZeroLessonSnapshot snapshot() { return snapshot.get(); }
    /** Why a click could not be played, or empty. */
    ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** Which network the search uses, or why it fell back to rollouts. */
    ReadOnlyStringProperty networkStatusProperty() { return networkStatus.getReadOnlyProperty(); }
    /** Whether the chosen network could not be used (the status says why). */
    ReadOnlyBooleanProperty networkFailedProperty() { return networkFailed.getReadOnlyProperty(); }
    /** Whether a network trained in this session exists for the current game. */
    ReadOnlyBooleanProperty trainedReadyProperty() { return trainedReady.getReadOnlyProperty(); }

    @Override
    public boolean running() {
        return lastStatus() != null && lastStatus().running();
    }

    /** For tests: where shipped networks come from (e.g. a missing or corrupt file). */
    void setShippedSource(Function<Game, PolicyValueNet> source) {
        shippedSource = source;
        shipped.clear();
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void open(PaneContext context, RunnerFactory runners) {
        quietly(() -> parameters.setKnown(context.parameterDefaults()));
        start(runners);
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- networks

    /**
     * The network the choice names for the current game, or null for rollouts; says which in
     * {@link #networkStatusProperty()}.
     */
    PolicyValueNet chosenNetwork() {
        Game g = game.get();
        networkFailed.set(false);
        switch (network.get()) {
            case SHIPPED -> {
                try {
                    PolicyValueNet net = shipped.computeIfAbsent(g, shippedSource);
                    networkStatus.set("Shipped " + g.displayName() + " network loaded (" + net.parameterCount()
                            + " weights): PUCT with its priors P and values v.");
                    return net;
                } catch (NetworkFileException e) {
                    networkFailed.set(true);
                    networkStatus.set("Could not load the shipped network: " + e.getMessage()
                            + ". Falling back to UCB1 with random rollouts.");
                    return null;
                }
            }
            case TRAINED -> {
                PolicyValueNet net = trained.get(g);
                if (net == null) {
                    networkFailed.set(true);
                    networkStatus.set("No " + g.displayName() + " network trained yet: run the Training view first. "
                            + "Using UCB1 with random rollouts.");
                }
                else networkStatus.set("Network trained now (" + net.parameterCount() + " weights): PUCT with its priors P and values v.");
                return net;
            }
            case NONE -> {
                networkStatus.set("No network: UCB1 with random rollouts, as in the MCTS lesson.");
                return null;
            }
        }
        throw new AssertionError(network.get());
    }

    // ---------------------------------------------------------------- engine

    @Override
    protected Supplier<AlphaZeroLessonEngine> engineFactory() {
        expanded.clear();
        long seed = seed();
        Game g = game.get();
        return switch (view.get()) {
            case PLAY -> playFactory(g, seed);
            case TRAINING -> {
                AlphaZeroSettings s = trainingSettings();
                networkStatus.set("Training a fresh " + g.displayName() + " network (" + s.hiddenUnits() + " hidden units) from seed " + seed + ".");
                networkFailed.set(false);
                yield () -> AlphaZeroLessonEngine.training(new AlphaZeroTrainer(s));
            }
            case COMPARISON -> {
                PolicyValueNet chosen = chosenNetwork();
                PolicyValueNet net = chosen;
                if (net == null) {
                    NetworkChoice was = network.get();
                    try {
                        net = shipped.computeIfAbsent(g, shippedSource);
                        networkStatus.set((was == NetworkChoice.NONE ? "The comparison needs a network" : networkStatus.get())
                                + " The comparison uses the shipped network.");
                    } catch (NetworkFileException e) {
                        net = PolicyValueNet.initial(g, RECIPE.hiddenUnits(), Seeds.random(seed));
                        networkFailed.set(true);
                        networkStatus.set("No network to compare (" + e.getMessage() + "): using an untrained one.");
                    }
                }
                PolicyValueNet n = net;
                List<Integer> budgets = budgets((int) parameters.get(MAX_BUDGET));
                int games = (int) parameters.get(COMPARE_GAMES);
                double c = parameters.get(C_PUCT);
                yield () -> AlphaZeroLessonEngine.comparison(new BudgetComparison(n, budgets, games, c, seed));
            }
        };
    }

    private Supplier<AlphaZeroLessonEngine> playFactory(Game g, long seed) {
        PolicyValueNet net = chosenNetwork();
        int sims = (int) parameters.get(SIMULATIONS);
        MctsSettings settings = searchSettings(g, net != null);
        Evaluator evaluator = net == null ? Rollout.UNIFORM_RANDOM : new NetworkEvaluator(net);
        RootNoise noise = rootNoise(net != null);
        double tau = parameters.get(TEMPERATURE);
        int side = searchSide.get();
        MctsEngine.StepSize size = stepSize(false);
        int depth = viewDepth.get();
        int k = topK.get();
        return () -> {
            GameEngine e = new GameEngine(g.newGame(), settings, evaluator, seed, Mode.PLAY, side, null, true);
            e.setStepSize(size, Math.min(FAST_BATCH, sims));
            e.setView(depth, k);
            e.setRootNoise(noise);
            e.setTemperature(tau, seed * 7 + 5);
            return AlphaZeroLessonEngine.play(e);
        };
    }

    /** PUCT with the network, or UCB1 (c = √2) with rollouts; the budget from the parameters. */
    private MctsSettings searchSettings(Game g, boolean withNetwork) {
        int sims = (int) parameters.get(SIMULATIONS);
        return withNetwork ? AlphaZeroPlayers.puct(g, sims, parameters.get(C_PUCT)) : AlphaZeroPlayers.rollouts(g, sims);
    }

    private RootNoise rootNoise(boolean withNetwork) {
        double eps = parameters.get(PLAY_NOISE);
        return withNetwork && eps > 0 ? new RootNoise(parameters.get(ALPHA), eps) : RootNoise.OFF;
    }

    /** The training settings the parameters describe (the rest is the shipped tic-tac-toe recipe). */
    AlphaZeroSettings trainingSettings() {
        return new AlphaZeroSettings(game.get(), (int) parameters.get(ITERATIONS), (int) parameters.get(GAMES),
                RECIPE.batchesPerIteration(), RECIPE.batchSize(), RECIPE.bufferCapacity(), (int) parameters.get(TRAIN_SIMULATIONS),
                parameters.get(C_PUCT), new RootNoise(parameters.get(ALPHA), parameters.get(NOISE)),
                (int) parameters.get(TEMPERATURE_MOVES), RECIPE.hiddenUnits(), RECIPE.learningRate(), RECIPE.l2(),
                (int) parameters.get(EVAL_GAMES), seed());
    }

    /** 2, 4, 8, … up to {@code max}. */
    static List<Integer> budgets(int max) {
        List<Integer> out = new ArrayList<>();
        for (int b = 2; b <= max; b *= 2) out.add(b);
        return out;
    }

    private void parameterChanged(String key) {
        if (view.get() != AlphaZeroView.PLAY) return;
        switch (key) {
            case C_PUCT, SIMULATIONS -> {
                MctsSettings s = searchSettings(game.get(), usesNetwork());
                int batch = Math.min(FAST_BATCH, (int) parameters.get(SIMULATIONS));
                MctsEngine.StepSize size = stepSize(running());
                applyPlay(e -> {
                    e.setSettings(s);
                    e.setStepSize(size, batch);
                });
            }
            case ALPHA, PLAY_NOISE -> {
                boolean net = usesNetwork();
                RootNoise noise = rootNoise(net);
                applyPlay(e -> e.setRootNoise(noise));
            }
            case TEMPERATURE -> {
                double tau = parameters.get(TEMPERATURE);
                long seed = seed() * 7 + 5;
                applyPlay(e -> e.setTemperature(tau, seed));
            }
            default -> { }
        }
    }

    private boolean usesNetwork() {
        AlphaZeroLessonSnapshot s = snapshot.get();
        return s != null && s.play() != null && s.play().search().rule() == SelectionRule.PUCT;
    }

    private void applyPlay(Consumer<GameEngine> change) {
        apply(e -> e.onGame(change));
    }

    @Override
    protected void onSnapshot(AlphaZeroLessonSnapshot s, RunStatus status) {
        if (s.play() != null) expanded.follow(s.play().search().treeVersion());
        AlphaZeroSnapshot t = s.training();
        if (t != null && t.batchesTrained() > 0 && t.network() != null && t.network().game() == game.get()) {
            trained.put(game.get(), t.network());
            trainedReady.set(true);
        }
        snapshot.set(s);
    }

    @Override
    protected String describe(RunStatus status) {
        AlphaZeroLessonSnapshot s = snapshot.get();
        if (s != null && !status.running() && !status.stoppedOnError()) {
            if (s.play() != null) {
                GameSnapshot g = s.play();
                return switch (g.waiting()) {
                    case OVER -> "Game over: " + g.result();
                    case YOUR_MOVE -> "Your move (" + Side.name(g.search().rootToMove()) + "): click the board";
                    case MCTS_MOVE -> "Budget spent: the next step plays";
                    case SEARCH -> status.steps() == 0 ? "Press Run (Space) to let AlphaZero search, or Step (→) for one simulation" : "Paused";
                    case OPPONENT_MOVE -> "Paused";
                };
            }
            if (s.training() != null && s.training().done()) {
                return "Training done: " + s.training().iterations() + " iterations, " + s.training().gamesPlayed()
                        + " self-play games. Choose “Trained now” to play it";
            }
            if (s.comparison() != null && s.comparison().done()) return "Comparison done: " + s.comparison().totalGames() + " games";
        }
        if (s != null && status.running() && s.training() != null) {
            AlphaZeroSnapshot t = s.training();
            return "Training: iteration " + t.iteration() + " of " + t.iterations() + ", " + stageName(t.stage());
        }
        return super.describe(status);
    }

    static String stageName(AlphaZeroSnapshot.Stage stage) {
        return switch (stage) {
            case SELF_PLAY -> "self-play";
            case TRAINING -> "training batches";
            case EVALUATION -> "games against pure MCTS";
        };
    }

    // ---------------------------------------------------------------- run controls

    @Override
    public void step() {
        applyStepSize(false);
        super.step();
    }

    @Override
    public void toggleRun() {
        if (!runningProperty().get()) applyStepSize(true);
        super.toggleRun();
    }

    @Override
    public void setSpeed(double stepsPerSecond) {
        super.setSpeed(stepsPerSecond);
        speed = stepsPerSecond;
        if (runningProperty().get()) applyStepSize(true);
    }

    @Override
    public void reset() {
        expanded.clear();
        message.set("");
        super.reset();
    }

    /** One simulation per step, or batches for a run too fast to watch. */
    private MctsEngine.StepSize stepSize(boolean run) {
        return run && speed > FAST_SPEED ? MctsEngine.StepSize.BATCH : MctsEngine.StepSize.SIMULATION;
    }

    private void applyStepSize(boolean run) {
        if (view.get() != AlphaZeroView.PLAY) return;
        MctsEngine.StepSize size = stepSize(run);
        int batch = Math.min(FAST_BATCH, (int) parameters.get(SIMULATIONS));
        applyPlay(e -> e.setStepSize(size, batch));
    }

    private void applyView() {
        int d = viewDepth.get();
        int k = topK.get();
        applyPlay(e -> e.setView(d, k));
    }

    // ---------------------------------------------------------------- playing

    /** A click on the board: plays {@code move} for the person, then lets the search answer at the run speed. */
    @Override
    public boolean playAt(int move) {
        AlphaZeroLessonSnapshot ls = snapshot.get();
        if (ls == null || ls.play() == null) return false;
        GameSnapshot s = ls.play();
        String why = s.refusal(move, "It is AlphaZero's turn (" + Side.name(s.mctsSide()) + "): press Run, Step or “AlphaZero move”.", "");
        message.set(why);
        if (!why.isEmpty()) return false;
        applyPlay(e -> e.playMove(move));
        if (runner() != null) {
            applyStepSize(true);
            runner().run();
        }
        return true;
    }

    /** "AlphaZero move": finishes the budget at full speed and plays the search's move for the side to move. */
    void playSearchMove() {
        AlphaZeroLessonSnapshot ls = snapshot.get();
        if (ls == null || ls.play() == null || ls.play().waiting() == Waiting.OVER) return;
        boolean forPerson = ls.play().waiting() == Waiting.YOUR_MOVE;
        message.set("");
        applyPlay(GameEngine::playSearchMove);
        if (forPerson && runner() != null) {
            applyStepSize(true);
            runner().run();
        }
    }

    /** Switches to the play view with the network just trained. */
    void playTrained() {
        boolean wasPlay = view.get() == AlphaZeroView.PLAY;
        quietly(() -> network.set(NetworkChoice.TRAINED));
        if (wasPlay) reset(); else view.set(AlphaZeroView.PLAY);
    }

    @Override
    public void toggleExpanded(int nodeId, int treeVersion) {
        Set<Integer> ids = expanded.toggle(nodeId, treeVersion);
        applyPlay(e -> e.setExpanded(ids, treeVersion));
    }

    @Override
    public boolean isExpanded(int nodeId, int treeVersion) {
        return expanded.contains(nodeId, treeVersion);
    }

}
