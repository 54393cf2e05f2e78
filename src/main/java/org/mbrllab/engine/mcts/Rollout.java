package org.mbrllab.engine.mcts;

import java.util.random.RandomGenerator;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.games.Side;

/**
 * Evaluation by one rollout: the game is played out from the leaf and its result, +1, 0 or −1 for the
 * side to move at the leaf, is the value. Priors are uniform.
 */
public enum Rollout implements Evaluator {
    /** Every rollout move uniform among the legal moves (the course's "random rollout"). */
    UNIFORM_RANDOM("uniform random rollout", false),
    /** A move that wins at once is always played; otherwise uniform. A little knowledge, much less noise. */
    TAKE_IMMEDIATE_WIN("rollout that takes an immediate win", true);

    private final String description;
    private final boolean takeWins;

    Rollout(String description, boolean takeWins) {
        this.description = description;
        this.takeWins = takeWins;
    }

    @Override
    public double evaluate(GameState state, RandomGenerator rng, double[] priors, int[] rolloutMoves) {
        int side = state.toMove();
        int winner = state.playout(rng, takeWins, rolloutMoves);
        return winner == Side.NONE ? 0 : winner == side ? 1 : -1;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
