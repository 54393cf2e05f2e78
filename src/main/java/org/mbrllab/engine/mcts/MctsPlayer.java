package org.mbrllab.engine.mcts;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.games.Player;

/**
 * A player that runs {@link MctsSettings#simulations()} simulations per move and plays the most visited
 * move. It follows the game through {@link #played}, so with tree reuse on it keeps the subtree of each
 * move played, its own and the opponent's.
 */
public final class MctsPlayer implements Player {
    private final MctsSettings settings;
    private final Evaluator evaluator;
    private final RandomGenerator rng;
    private Mcts mcts;

    public MctsPlayer(MctsSettings settings, Evaluator evaluator, RandomGenerator rng) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    @Override
    public void newGame(GameState start) {
        if (mcts == null || mcts.game() != start.game()) mcts = new Mcts(start, settings, evaluator, rng);
        else mcts.setRoot(start);
    }

    @Override
    public int chooseMove(GameState state) {
        if (mcts == null || mcts.game() != state.game() || !mcts.rootState().board().equals(state.board())) {
            newGame(state);
        }
        mcts.search(settings.simulations());
        return mcts.bestMove();
    }

    @Override
    public void played(int move) {
        if (mcts != null) mcts.advance(move);
    }

    /** The search, for tests that look at the tree after a move was chosen. */
    Mcts search() {
        return mcts;
    }

    @Override
    public String describe() {
        return "MCTS (" + settings.simulations() + " simulations, " + settings.rule() + ", c = "
                + (settings.c() == MctsSettings.SQRT_2 ? "√2" : Format.number(settings.c())) + ", " + evaluator.describe() + ")";
    }
}
