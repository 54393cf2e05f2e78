package org.mbrllab.engine.core;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** The one place random generators are made, so that a seed always means the same stream. */
public final class Seeds {
    private Seeds() {}

    /** The generator for {@code seed}. */
    public static RandomGenerator random(long seed) {
        return new SplittableRandom(seed);
    }

    /** A fast generator for {@code seed}, for hot loops such as MCTS rollouts (see {@link FastRandom}). */
    public static FastRandom fast(long seed) {
        return new FastRandom(seed);
    }
}
