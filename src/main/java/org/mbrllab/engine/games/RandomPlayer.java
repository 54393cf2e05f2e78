package org.mbrllab.engine.games;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** Plays a legal move uniformly at random. */
public final class RandomPlayer implements Player {
    private final RandomGenerator rng;

    public RandomPlayer(RandomGenerator rng) {
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    @Override
    public int chooseMove(GameState state) {
        return GameState.randomBit(state.legalMoves(), rng);
    }

    @Override
    public String describe() {
        return "random";
    }
}
