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
}
