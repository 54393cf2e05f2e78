package org.mbrllab.engine.games;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** Plays one of the moves {@link Minimax} finds best at a fixed depth, chosen at random among ties. */
public final class MinimaxPlayer implements Player {
    private final Minimax minimax = new Minimax();
    private final int depth;
    private final RandomGenerator rng;

    /**
     * @param depth plies searched, at least 1 ({@link Minimax#FULL_DEPTH} for an exact search)
     * @param rng   breaks ties between equally good moves
     */
    public MinimaxPlayer(int depth, RandomGenerator rng) {
        if (depth < 1) throw new IllegalArgumentException("minimax depth must be at least 1, got " + depth);
        this.depth = depth;
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    @Override
    public int chooseMove(GameState state) {
        return minimax.bestMoves(state, depth).pick(rng);
    }

    @Override
    public String describe() {
        return depth >= Minimax.FULL_DEPTH ? "minimax (exact)" : "minimax (depth " + depth + ")";
    }
}
