package org.mbrllab.engine.alphazero;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.alphazero.AlphaZeroSnapshot.BatchLoss;
import org.mbrllab.engine.alphazero.AlphaZeroSnapshot.IterationResult;
import org.mbrllab.engine.alphazero.AlphaZeroSnapshot.Stage;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.games.Match;
import org.mbrllab.engine.games.Player;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.Mcts;
import org.mbrllab.engine.nn.PolicyValueGraph;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.run.Engine;

/**
 * AlphaZero self-play training (Silver et al. 2017, "Mastering the game of Go without human knowledge";
 * Silver et al. 2018, "A general reinforcement learning algorithm that masters chess, shogi and Go through
 * self-play"), small enough to watch. Each iteration:
 * <ol>
 *   <li><b>Self-play.</b> The network plays itself with MCTS (PUCT, {@link AlphaZeroSettings#simulations()}
 *       per move, Dirichlet noise at the root). Each position s is stored with the visit distribution
 *       π(a|s) = N(s, a) / Σ_b N(s, b) and, once the game is over, its outcome z ∈ {−1, 0, +1} for the side
 *       to move in s; positions are stored in all their symmetries ({@link BoardEncoding#symmetries}). The first
 *       {@link AlphaZeroSettings#temperatureMoves()} plies draw the move ∝ N(s, a) (temperature 1), later
 *       ones play the most visited move.</li>
 *   <li><b>Training.</b> Batches drawn uniformly from the replay buffer; one Adam step each on
 *       l = (z − v)² − πᵀ log p + c‖θ‖² ({@link PolicyValueGraph}, SameDiff autodiff).</li>
 *   <li><b>Evaluation.</b> The network (PUCT, no noise) plays pure MCTS (UCB1, random rollouts) at the same
 *       simulations, colours alternating; the tally is the iteration's W/D/L.</li>
 * </ol>
 * Unlike AlphaGo Zero there is no gating: the newest network always plays the next self-play games (as in
 * AlphaZero).
 *
 * <p>{@link #step()} does one unit: one self-play game, one batch, or one evaluation game. Everything is
 * seeded by {@link AlphaZeroSettings#seed()}. A non-finite loss throws {@link DivergenceException}.
 * Confined to one thread; only {@link #snapshot()}s and {@link #network()}s (immutable) leave it.
 */
public final class AlphaZeroTrainer implements Engine<AlphaZeroSnapshot> {
    private final AlphaZeroSettings settings;
    private final Game game;
    private final int inputs;
    private final int moves;
    private final int[][] symmetries;
    private final int[][] moveSymmetries;
    private final RandomGenerator selfPlayRng;
    private final RandomGenerator batchRng;
    private final RandomGenerator evalRng;
    private final PolicyValueGraph graph;
    private PolicyValueNet net;

    // The replay buffer: a ring of positions.
    private final float[] bufX;
    private final float[] bufIllegal;
    private final float[] bufPi;
    private final float[] bufZ;
    private int bufNext;
    private int bufSize;

    private int iteration = 1;
    private Stage stage = Stage.SELF_PLAY;
    private int unitInStage;
    private int gamesPlayed;
    private int batchesTrained;
    private final List<BatchLoss> losses = new ArrayList<>();
    private final List<IterationResult> history = new ArrayList<>();
    private int wins;
    private int draws;
    private int defeats;
    private double iterValueSum;
    private double iterPolicySum;
    private int iterBatches;
    private boolean done;

    /** Training from fresh weights (seeded). */
    public AlphaZeroTrainer(AlphaZeroSettings settings) {
        this(settings, PolicyValueNet.initial(settings.game(), settings.hiddenUnits(), Seeds.random(settings.seed())));
    }

    /** Training that continues from {@code start} (its hidden size wins over the settings'). */
    public AlphaZeroTrainer(AlphaZeroSettings settings, PolicyValueNet start) {
        if (start.game() != settings.game()) throw new IllegalArgumentException("a " + start.game() + " network cannot train for " + settings.game());
        this.settings = settings;
        this.game = settings.game();
        this.inputs = BoardEncoding.inputs(game);
        this.moves = game.moves();
        this.symmetries = BoardEncoding.symmetries(game);
        this.moveSymmetries = BoardEncoding.moveSymmetries(game);
        this.selfPlayRng = Seeds.fast(settings.seed() * 3 + 1);
        this.batchRng = Seeds.random(settings.seed() * 3 + 2);
        this.evalRng = Seeds.fast(settings.seed() * 3 + 3);
        this.net = start;
        this.graph = new PolicyValueGraph(inputs, start.hiddenUnits(), moves, start.allWeights(), settings.learningRate(),
                settings.l2());
        int cap = settings.bufferCapacity();
        bufX = new float[cap * inputs];
        bufIllegal = new float[cap * moves];
        bufPi = new float[cap * moves];
        bufZ = new float[cap];
    }

    @Override
    public boolean step() {
        if (done) return false;
        switch (stage) {
            case SELF_PLAY -> {
                selfPlayGame();
                advance(settings.gamesPerIteration(), Stage.TRAINING);
            }
            case TRAINING -> {
                trainBatch();
                advance(settings.batchesPerIteration(), Stage.EVALUATION);
            }
            case EVALUATION -> {
                evaluationGame();
                advance(settings.evaluationGames(), null);
            }
        }
        return !done;
    }

    /** The graph's current weights as an immutable network. */
    private PolicyValueNet trainedNetwork() {
        return new PolicyValueNet(game, graph.hiddenUnits(), graph.weights());
    }

    /** Moves on to {@code next} once {@code units} units of the stage are done (skipping empty stages). */
    private void advance(int units, Stage next) {
        unitInStage++;
        if (unitInStage < units) return;
        unitInStage = 0;
        if (next == Stage.EVALUATION) net = trainedNetwork();
        Stage s = next;
        if (s == Stage.EVALUATION && settings.evaluationGames() == 0) s = null;
        if (s == Stage.TRAINING && settings.batchesPerIteration() == 0) {
            net = trainedNetwork();
            s = settings.evaluationGames() == 0 ? null : Stage.EVALUATION;
        }
        if (s == null) {
            finishIteration();
        } else {
            stage = s;
        }
    }

    private void finishIteration() {
        history.add(new IterationResult(iteration, gamesPlayed, iterBatches == 0 ? Double.NaN : iterValueSum / iterBatches,
                iterBatches == 0 ? Double.NaN : iterPolicySum / iterBatches, wins, draws, defeats));
        wins = draws = defeats = 0;
        iterValueSum = iterPolicySum = 0;
        iterBatches = 0;
        stage = Stage.SELF_PLAY;
        if (iteration == settings.iterations()) done = true;
        else iteration++;
    }

    // 1. Self-play
    private void selfPlayGame() {
        GameState state = game.newGame();
        Mcts mcts = new Mcts(state, AlphaZeroPlayers.puct(game, settings.simulations(), settings.cPuct()), new NetworkEvaluator(net),
                selfPlayRng);
        mcts.setRootNoise(settings.noise());
        List<float[]> xs = new ArrayList<>();
        List<float[]> pis = new ArrayList<>();
        List<float[]> illegals = new ArrayList<>();
        List<Integer> sides = new ArrayList<>();
        while (!state.isOver()) {
            mcts.search(settings.simulations());
            int[] visits = mcts.rootVisits();
            float[] x = new float[inputs];
            BoardEncoding.encode(state, x);
            float[] pi = new float[moves];
            float[] illegal = new float[moves];
            double total = 0;
            for (int v : visits) total += Math.max(v, 0);
            for (int a = 0; a < moves; a++) {
                illegal[a] = visits[a] < 0 ? 1 : 0;
                pi[a] = visits[a] <= 0 ? 0 : (float) (visits[a] / total);
            }
            xs.add(x);
            pis.add(pi);
            illegals.add(illegal);
            sides.add(state.toMove());
            int move = state.plies() < settings.temperatureMoves() ? MoveChoice.choose(visits, 1, selfPlayRng) : mcts.bestMove();
            state.play(move);
            mcts.advance(move);
        }
        int winner = state.winner();
        for (int i = 0; i < xs.size(); i++) {
            float z = (float) Side.outcome(winner, sides.get(i));
            for (int k = 0; k < symmetries.length; k++) {
                int[] moveMap = moveSymmetries[k];
                store(BoardEncoding.permute(xs.get(i), symmetries[k]), BoardEncoding.permute(illegals.get(i), moveMap),
                        BoardEncoding.permute(pis.get(i), moveMap), z);
            }
        }
        gamesPlayed++;
    }

    private void store(float[] x, float[] illegal, float[] pi, float z) {
        int i = bufNext;
        System.arraycopy(x, 0, bufX, i * inputs, inputs);
        System.arraycopy(illegal, 0, bufIllegal, i * moves, moves);
        System.arraycopy(pi, 0, bufPi, i * moves, moves);
        bufZ[i] = z;
        bufNext = (bufNext + 1) % settings.bufferCapacity();
        bufSize = Math.min(bufSize + 1, settings.bufferCapacity());
    }

    // 2. Training
    private void trainBatch() {
        int rows = settings.batchSize();
        float[] x = new float[rows * inputs];
        float[] illegal = new float[rows * moves];
        float[] pi = new float[rows * moves];
        float[] z = new float[rows];
        for (int r = 0; r < rows; r++) {
            int i = batchRng.nextInt(bufSize);
            System.arraycopy(bufX, i * inputs, x, r * inputs, inputs);
            System.arraycopy(bufIllegal, i * moves, illegal, r * moves, moves);
            System.arraycopy(bufPi, i * moves, pi, r * moves, moves);
            z[r] = bufZ[i];
        }
        double[] l = graph.train(x, illegal, pi, z, rows);
        batchesTrained++;
        try {
            checkFinite(l, batchesTrained);
        } catch (DivergenceException e) {
            done = true;
            throw e;
        }
        losses.add(new BatchLoss(batchesTrained, l[0], l[1], l[2]));
        iterValueSum += l[0];
        iterPolicySum += l[1];
        iterBatches++;
    }

    /** Throws {@link DivergenceException} unless the batch's {value, policy, L2} losses are all finite. */
    static void checkFinite(double[] l, int batch) {
        if (!Double.isFinite(l[0]) || !Double.isFinite(l[1]) || !Double.isFinite(l[2])) {
            throw new DivergenceException("AlphaZero training diverged at batch " + batch + ": the loss is not finite (value "
                    + l[0] + ", policy " + l[1] + ", L2 " + l[2] + "); try a smaller learning rate");
        }
    }

    // 3. Evaluation
    private void evaluationGame() {
        boolean networkIsX = unitInStage % 2 == 0;
        Player az = AlphaZeroPlayers.network(net, settings.simulations(), settings.cPuct(), evalRng);
        Player mcts = AlphaZeroPlayers.pureMcts(game, settings.simulations(), evalRng);
        int winner = networkIsX ? Match.play(game, game.newGame(), az, mcts) : Match.play(game, game.newGame(), mcts, az);
        if (winner == Side.NONE) draws++;
        else if ((winner == Side.X) == networkIsX) wins++;
        else defeats++;
    }

    // ================================================================ results

    @Override
    public boolean isDone() {
        return done;
    }

    /** The latest network (after the last finished training stage); immutable, safe to hand to another thread. */
    public PolicyValueNet network() {
        return net;
    }

    public AlphaZeroSettings settings() {
        return settings;
    }

    @Override
    public AlphaZeroSnapshot snapshot() {
        BatchLoss last = losses.isEmpty() ? null : losses.get(losses.size() - 1);
        return new AlphaZeroSnapshot(iteration, settings.iterations(), stage, gamesPlayed, batchesTrained, bufferSize(),
                last == null ? Double.NaN : last.value(), last == null ? Double.NaN : last.policy(), losses, history, done, net);
    }

    int bufferSize() {
        return bufSize;
    }

    /** Runs to the end (for the command line and tests). */
    public void run() {
        while (step()) {
            // keep going
        }
    }
}
