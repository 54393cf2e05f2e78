package org.mbrllab.engine.play;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import java.util.random.RandomGenerator;

import org.mbrllab.engine.alphazero.MoveChoice;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.games.Player;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.Evaluator;
import org.mbrllab.engine.mcts.MctsEngine;
import org.mbrllab.engine.mcts.MctsSettings;
import org.mbrllab.engine.mcts.MctsSnapshot;
import org.mbrllab.engine.mcts.RootNoise;
import org.mbrllab.engine.run.Engine;
import org.mbrllab.engine.play.GameSnapshot.MoveRecord;
import org.mbrllab.engine.play.GameSnapshot.Waiting;

/**
 * The pane's engine: one game, with an {@link MctsEngine} searching for the side MCTS plays and, on the
 * other side, a person (play mode) or an opponent {@link Player} (match mode). It runs on the runner's
 * worker; the pane sees only {@link GameSnapshot}s.
 *
 * <h2>One step</h2>
 * <ol>
 *   <li>MCTS to move, budget left: one step of the search (a phase, a simulation, a batch or the rest of
 *       the budget, as set by {@link #setStepSize}).</li>
 *   <li>MCTS to move, budget spent: the search's move is played, in a match or when MCTS answers on its
 *       own; otherwise the game waits for {@link #playSearchMove()}.</li>
 *   <li>The opponent to move (match): the opponent's move is played, one move per step.</li>
 *   <li>A person to move: nothing to do until {@link #playMove} is called.</li>
 * </ol>
 * So in a match, stepping at budget granularity shows the finished search, then its move, then the
 * opponent's reply, one step each.
 */
public final class GameEngine implements Engine<GameSnapshot> {

    private final MctsEngine search;
    private final Mode mode;
    private final int mctsSide;
    private final Player opponent;
    private final List<MoveRecord> moves = new ArrayList<>();
    private boolean autoAnswer;
    private double temperature;
    private RandomGenerator moveRng = Seeds.fast(0);

    /**
     * @param start      the start position (copied)
     * @param mctsSide   the side the search plays
     * @param opponent   the other side in a match; ignored (may be null) in play mode
     * @param autoAnswer in play mode, whether the search plays its move as soon as its budget is spent
     */
    public GameEngine(GameState start, MctsSettings settings, Evaluator evaluator, long seed, Mode mode, int mctsSide,
               Player opponent, boolean autoAnswer) {
        this.search = new MctsEngine(start, settings, evaluator, seed);
        this.mode = Objects.requireNonNull(mode, "mode");
        if (mctsSide != Side.X && mctsSide != Side.O) throw new IllegalArgumentException("mctsSide must be X or O, got " + mctsSide);
        this.mctsSide = mctsSide;
        this.opponent = mode == Mode.MATCH ? Objects.requireNonNull(opponent, "opponent") : null;
        this.autoAnswer = autoAnswer;
        if (this.opponent != null) this.opponent.newGame(start.copy());
    }

    // ---------------------------------------------------------------- Engine

    @Override
    public boolean step() {
        switch (waiting()) {
            case SEARCH -> search.step();
            case MCTS_MOVE -> {
                if (mode == Mode.MATCH || autoAnswer) playSearchMove();
            }
            case OPPONENT_MOVE -> {
                GameState state = search.search().rootState();
                int move = opponent.chooseMove(state.copy());
                if (!state.isLegal(move)) {
                    throw new IllegalStateException(opponent.describe() + " chose the illegal move " + move);
                }
                record(move, opponent.describe(), null);
            }
            case YOUR_MOVE, OVER -> { }
        }
        return !isDone();
    }

    /** Done while the game waits for a person (a click, or "MCTS move" when MCTS does not answer on its own) or is over. */
    @Override
    public boolean isDone() {
        return switch (waiting()) {
            case SEARCH, OPPONENT_MOVE -> false;
            case MCTS_MOVE -> !(mode == Mode.MATCH || autoAnswer);
            case YOUR_MOVE, OVER -> true;
        };
    }

    @Override
    public GameSnapshot snapshot() {
        return new GameSnapshot(search.snapshot(), mode, mctsSide,
                mode == Mode.PLAY ? "you" : opponent.describe(), moves, waiting());
    }

    // ---------------------------------------------------------------- commands

    /** What the game waits for now. */
    public Waiting waiting() {
        if (search.gameOver()) return Waiting.OVER;
        int toMove = search.search().rootState().toMove();
        if (toMove == mctsSide) return search.isDone() ? Waiting.MCTS_MOVE : Waiting.SEARCH;
        return mode == Mode.MATCH ? Waiting.OPPONENT_MOVE : Waiting.YOUR_MOVE;
    }

    /**
     * A person plays {@code move} for the side to move (play mode, the person's turn).
     *
     * @return false, changing nothing, when it is not the person's turn or the move is illegal
     */
    public boolean playMove(int move) {
        if (waiting() != Waiting.YOUR_MOVE) return false;
        if (!search.search().rootState().isLegal(move)) return false;
        record(move, "you", null);
        return true;
    }

    /**
     * Finishes the search's budget at full speed and plays its choice, whoever is to move (in play mode
     * this lets the search move for the person too). In a match on the opponent's turn, plays the
     * opponent's move instead.
     *
     * @return the move played, or −1 when the game is over
     */
    public int playSearchMove() {
        Waiting w = waiting();
        if (w == Waiting.OVER) return -1;
        if (w == Waiting.OPPONENT_MOVE) {
            step();
            return moves.get(moves.size() - 1).move();
        }
        MctsEngine.StepSize size = search.stepSize();
        int batch = search.batch();
        search.setStepSize(MctsEngine.StepSize.BUDGET, batch);
        while (!search.isDone()) search.step();
        search.setStepSize(size, batch);
        MctsSnapshot s = search.snapshot();
        int move = search.bestMove();
        if (move < 0) return -1;
        if (temperature > 0) move = MoveChoice.choose(s.rootVisits(), temperature, moveRng);
        record(move, "MCTS", s);
        return move;
    }

    /** Plays {@code move} everywhere: on the search's root (which keeps its subtree) and for the opponent. */
    private void record(int move, String by, MctsSnapshot decision) {
        int side = search.search().rootState().toMove();
        if (decision != null) {
            int rootVisits = 0;
            for (int v : decision.rootVisits()) rootVisits += Math.max(0, v);
            int kept = (int) Math.max(0, decision.tree().visits() - decision.simulations());
            moves.add(new MoveRecord(side, move, by, decision.rootVisits()[move], rootVisits, decision.rootQ()[move], kept));
        } else {
            moves.add(new MoveRecord(side, move, by, -1, -1, Double.NaN, -1));
        }
        search.play(move);
        if (opponent != null) opponent.played(move);
    }

    // ---------------------------------------------------------------- settings

    public void setStepSize(MctsEngine.StepSize size, int batch) {
        search.setStepSize(size, batch);
    }

    public void setSettings(MctsSettings settings) {
        search.setSettings(settings);
    }

    public void setEvaluator(Evaluator evaluator) {
        search.setEvaluator(evaluator);
    }

    /**
     * The search's move drawn ∝ N(root, a)^{1/τ} ({@link MoveChoice}); τ = 0 (the default) plays the most
     * visited move. {@code seed} seeds the draws.
     */
    public void setTemperature(double tau, long seed) {
        temperature = tau;
        moveRng = Seeds.fast(seed);
    }

    /** Dirichlet noise on the root's priors from the next search on (AlphaZero's self-play exploration). */
    public void setRootNoise(RootNoise noise) {
        search.search().setRootNoise(noise);
    }

    public void setAutoAnswer(boolean on) {
        autoAnswer = on;
    }

    public void setView(int depth, int topK) {
        search.setView(depth, topK);
    }

    public void setExpanded(Set<Integer> ids, int treeVersion) {
        search.setExpanded(ids, treeVersion);
    }

    /** The search (confined to the engine's thread). */
    public MctsEngine search() {
        return search;
    }
}
