package org.mbrllab.engine.core;

import java.util.random.RandomGenerator;

/**
 * A small, fast seeded generator for hot loops (MCTS rollouts): xorshift64* (Vigna, "An experimental
 * exploration of Marsaglia's xorshift generators, scrambled", ACM TOMS 42(4), 2016), seeded through one
 * SplitMix64 step so that every seed, 0 included, gives a non-zero state.
 *
 * <p>{@link #nextInt(int)} maps the high 32 bits of an output into [0, bound) by a multiply and a shift,
 * with Lemire's rejection step ("Fast random integer generation in an interval", ACM TOMACS 29(1),
 * 2019), so it is exactly uniform and needs no division in the common case.
 *
 * <p>Not thread-safe; one generator per thread. Not for cryptography.
 */
public final class FastRandom implements RandomGenerator {

    private long state;

    /** The generator for {@code seed}; the same seed always gives the same stream. */
    public FastRandom(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        state = z == 0 ? 0x9E3779B97F4A7C15L : z;
    }

    @Override
    public long nextLong() {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        return x * 0x2545F4914F6CDD1DL;
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in [0, bound); {@code bound} must be positive. */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }
}
