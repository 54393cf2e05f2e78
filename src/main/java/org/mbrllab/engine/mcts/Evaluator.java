package org.mbrllab.engine.mcts;

import java.util.random.RandomGenerator;
import org.mbrllab.engine.games.GameState;

/**
 * What {@link Mcts} asks at the new leaf of each simulation: how good is this position for the side to
 * move, and (for a network) which moves look promising. A random rollout answers the first question by
 * playing the game out; a policy/value network (AlphaZero) answers both at once. The tree code is the
 * same for both.
 *
 * <p>An evaluator holds no randomness of its own: the search passes its seeded generator in, so one seed
 * fixes the whole tree.
 */
public interface Evaluator {

    /**
     * The value of {@code state} for the side to move there, in [−1, 1] (+1 a sure win). {@code state} is
     * not over. It is the search's scratch copy: a rollout may play on it.
     *
     * @param rng          the search's generator
     * @param priors       null, or (only when {@link #providesPriors()}) an array of {@link
     *                     org.mbrllab.engine.games.Game#moves()} entries to fill with P(s, a) for every
     *                     legal move a, summing to 1 over the legal moves
     * @param rolloutMoves null, or an array that receives the moves a rollout plays, from index 0 (the count
     *                     is the growth of {@code state.plies()}); for a view of the simulation phase
     */
    double evaluate(GameState state, RandomGenerator rng, double[] priors, int[] rolloutMoves);

    /** Whether {@link #evaluate} fills the priors; if not, the search takes them uniform over the legal moves. */
    default boolean providesPriors() {
        return false;
    }

    /** What a student reads, e.g. "uniform random rollout". */
    String describe();
}
