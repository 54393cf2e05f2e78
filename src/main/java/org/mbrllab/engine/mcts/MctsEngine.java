package org.mbrllab.engine.mcts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot.ChildTerm;
import org.mbrllab.engine.mcts.MctsSnapshot.SimulationView;
import org.mbrllab.engine.run.Engine;

/**
 * An {@link Mcts} search for a pane to step and draw: one phase, one simulation, a batch of simulations
 * or the rest of the budget per {@link #step()}, and snapshots that copy the visible part of the tree.
 *
 * <p>Phase and simulation steps record the simulation in detail (the selection terms at every choice,
 * the rollout's moves, the backed-up values); batch and budget steps call the search's own
 * {@link Mcts#search} loop and record nothing, so that running at full speed costs what the bare search
 * costs. The tree is the same whichever steps grew it.
 *
 * <p>The engine is done when the budget ({@link MctsSettings#simulations()}) of this move is spent, or
 * the game is over. {@link #play} then plays a move (the search's own, or a person's) and the next
 * move's budget starts.
 */
public final class MctsEngine implements Engine<MctsSnapshot> {

    /** How much one {@link #step()} does. */
    public enum StepSize {
        /** One phase: selection, expansion, simulation or backpropagation. */
        PHASE,
        /** One whole simulation. */
        SIMULATION,
        /** {@link #batch()} simulations, at full speed. */
        BATCH,
        /** The rest of the budget, at full speed. */
        BUDGET
    }

    public static final int DEFAULT_DEPTH = 3;
    public static final int DEFAULT_TOP_K = 5;
    public static final int DEFAULT_BATCH = 100;

    private final Mcts mcts;
    private StepSize stepSize = StepSize.SIMULATION;
    private int batch = DEFAULT_BATCH;
    private int maxDepth = DEFAULT_DEPTH;
    private int topK = DEFAULT_TOP_K;
    private Set<Integer> expanded = Set.of();
    private int expandedVersion;
    private final int[] rolloutBuffer;
    private Trace trace;

    /** A search from {@code root} whose randomness all comes from {@code seed}. */
    public MctsEngine(GameState root, MctsSettings settings, Evaluator evaluator, long seed) {
        this.mcts = new Mcts(root, settings, evaluator, Seeds.fast(seed));
        this.rolloutBuffer = new int[root.game().boardLength()];
    }

    // ---------------------------------------------------------------- Engine

    @Override
    public boolean step() {
        if (isDone()) return false;
        switch (stepSize) {
            case PHASE -> record(mcts.stepPhase(rolloutBuffer));
            case SIMULATION -> {
                do {
                    record(mcts.stepPhase(rolloutBuffer));
                } while (mcts.nextPhase() != Phase.SELECT);
            }
            case BATCH, BUDGET -> {
                mcts.finishSimulation();
                long left = mcts.settings().simulations() - mcts.simulations();
                if (left > 0) {
                    mcts.search((int) (stepSize == StepSize.BATCH ? Math.min(batch, left) : left));
                    trace = Trace.last(mcts);
                }
            }
        }
        return !isDone();
    }

    /** Whether the budget of this move is spent (and no simulation is half-done), or the game is over. */
    @Override
    public boolean isDone() {
        return gameOver() || (mcts.simulations() >= mcts.settings().simulations() && mcts.nextPhase() == Phase.SELECT);
    }

    @Override
    public MctsSnapshot snapshot() {
        GameState root = mcts.rootState();
        MctsSettings s = mcts.settings();
        SimulationView sim = trace == null ? null : trace.view();
        return new MctsSnapshot(mcts.game(), root.board(), root.toMove(), root.isOver(),
                root.isOver() ? root.winner() : Side.NONE, s.rule(), s.c(), mcts.evaluator().describe(), s.simulations(),
                mcts.simulations(), mcts.nodeCount(), mcts.treeVersion(), mcts.nextPhase(), mcts.bestMove(),
                mcts.rootValue(), mcts.rootVisits(), mcts.rootQ(), SnapshotBuilder.rootPriors(mcts),
                SnapshotBuilder.tree(mcts, maxDepth, topK, sim == null ? null : sim.path(),
                        expandedVersion == mcts.treeVersion() ? expanded : Set.of()), sim, maxDepth, topK);
    }

    // ---------------------------------------------------------------- playing and settings

    /** Plays {@code move} at the root (finishing a half-done simulation first); the next move's budget starts. */
    public void play(int move) {
        mcts.advance(move);
        trace = null;
    }

    /** Plays the search's choice and returns it; −1 (nothing played) before any simulation or when over. */
    public int playBest() {
        int move = gameOver() ? -1 : mcts.bestMove();
        if (move >= 0) play(move);
        return move;
    }

    /** Starts afresh from {@code state}. */
    public void setRoot(GameState state) {
        mcts.setRoot(state);
        trace = null;
    }

    public boolean gameOver() {
        return mcts.rootState().isOver();
    }

    public int bestMove() {
        return mcts.bestMove();
    }

    /** New settings: rule and c from the next selection, the budget at once; the tree is kept. */
    public void setSettings(MctsSettings settings) {
        mcts.setSettings(settings);
    }

    public MctsSettings settings() {
        return mcts.settings();
    }

    /** A new evaluator (see {@link Mcts#setEvaluator}). */
    public void setEvaluator(Evaluator evaluator) {
        mcts.setEvaluator(evaluator);
        trace = null;
    }

    /** How much one step does; {@code batch} simulations per {@link StepSize#BATCH} step, in [1, 10⁷]. */
    public void setStepSize(StepSize size, int batchSize) {
        this.stepSize = Objects.requireNonNull(size, "size");
        this.batch = Check.inRange("batch", batchSize, 1, 10_000_000);
    }

    public StepSize stepSize() {
        return stepSize;
    }

    public int batch() {
        return batch;
    }

    /** How much of the tree snapshots copy: {@code depth} plies (0–42) and {@code topK} children per node (1–9). */
    public void setView(int depth, int k) {
        this.maxDepth = Check.inRange("depth", depth, 0, 42);
        this.topK = Check.inRange("topK", k, 1, 9);
    }

    /**
     * Nodes whose top children snapshots show even below the depth limit (a view's "expand this
     * subtree"). The ids belong to tree version {@code treeVersion}; once the tree is renumbered they are
     * ignored.
     */
    public void setExpanded(Set<Integer> nodeIds, int treeVersion) {
        this.expanded = Set.copyOf(nodeIds);
        this.expandedVersion = treeVersion;
    }

    /** The search itself, for what the engine does not wrap (confined to the engine's thread). */
    public Mcts search() {
        return mcts;
    }

    // ---------------------------------------------------------------- the recorded simulation

    private void record(Phase done) {
        Mcts m = mcts;
        switch (done) {
            case SELECT -> {
                trace = new Trace(m.simulations() + 1, true);
                trace.readPath(m);
                trace.chosenMove = m.pendingMove;
                List<List<ChildTerm>> terms = new ArrayList<>();
                for (int i = 0; i < m.pathLength; i++) {
                    if (i < m.pathLength - 1 || m.pendingMove >= 0) terms.add(SnapshotBuilder.terms(m, m.path[i]));
                }
                trace.selectionTerms = List.copyOf(terms);
            }
            case EXPAND -> {
                trace.readPath(m);
                trace.newNode = m.stored ? m.path[m.pathLength - 1] : -1;
            }
            case SIMULATE -> {
                trace.rolloutMoves = Arrays.copyOf(rolloutBuffer, m.rolloutLength);
                trace.valueSide = m.leafSide;
                trace.value = m.leafValue;
            }
            case BACKUP -> trace.backedUp = backedUp(m);
        }
        trace.lastPhase = done;
    }

    /** The value each path node received, in path order (see the backup in {@link Mcts}). */
    private static double[] backedUp(Mcts m) {
        double[] out = new double[m.pathLength];
        double v = m.pendingMove >= 0 && !m.stored ? m.leafValue : -m.leafValue;
        for (int i = m.pathLength - 1; i >= 0; i--) {
            out[i] = v;
            v = -v;
        }
        return out;
    }

    /** The simulation being recorded; becomes a {@link SimulationView} in each snapshot. */
    private static final class Trace {
        final long number;
        final boolean detailed;
        Phase lastPhase;
        int[] path = new int[0];
        int[] pathMoves = new int[0];
        int chosenMove = -1;
        int newNode = -1;
        int[] rolloutMoves = new int[0];
        int valueSide = Side.NONE;
        double value = Double.NaN;
        double[] backedUp = new double[0];
        List<List<ChildTerm>> selectionTerms = List.of();

        Trace(long number, boolean detailed) {
            this.number = number;
            this.detailed = detailed;
        }

        /** The last simulation of a full-speed run: path, value and backup, without details. */
        static Trace last(Mcts m) {
            Trace t = new Trace(m.simulations(), false);
            t.readPath(m);
            t.chosenMove = m.pendingMove;
            t.newNode = m.stored ? m.path[m.pathLength - 1] : -1;
            t.valueSide = m.leafSide;
            t.value = m.leafValue;
            t.backedUp = backedUp(m);
            t.lastPhase = Phase.BACKUP;
            return t;
        }

        void readPath(Mcts m) {
            path = Arrays.copyOf(m.path, m.pathLength);
            pathMoves = new int[path.length];
            for (int i = 0; i < path.length; i++) pathMoves[i] = path[i] == Mcts.ROOT ? -1 : m.tree.move[path[i]];
        }

        SimulationView view() {
            return new SimulationView(number, lastPhase, detailed, path.clone(), pathMoves.clone(), chosenMove, newNode,
                    rolloutMoves.clone(), valueSide, value, backedUp.clone(), selectionTerms);
        }
    }
}
