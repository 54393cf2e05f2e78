package org.mbrllab.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FastRandomTest {

    @Test
    void sameSeedSameStreamAndSeedZeroWorks() {
        FastRandom a = new FastRandom(0);
        FastRandom b = new FastRandom(0);
        for (int i = 0; i < 1000; i++) assertEquals(a.nextLong(), b.nextLong());
        assertNotEquals(new FastRandom(1).nextLong(), new FastRandom(2).nextLong());
        assertNotEquals(0, new FastRandom(0).nextLong());
    }

    @Test
    void nextIntIsUniformOverItsBound() {
        // 7 cells, 700 000 draws: each count is 100 000 ± 3·σ with σ = √(n·p·(1 − p)) ≈ 293; allow 6σ.
        FastRandom r = new FastRandom(12345);
        int[] count = new int[7];
        for (int i = 0; i < 700_000; i++) count[r.nextInt(7)]++;
        for (int c : count) assertTrue(Math.abs(c - 100_000) < 1_800, "count " + c);
    }

    @Test
    void nextIntStaysInRangeForAwkwardBounds() {
        FastRandom r = new FastRandom(3);
        for (int bound : new int[] {1, 2, 3, 1_000_000_007, Integer.MAX_VALUE}) {
            for (int i = 0; i < 10_000; i++) {
                int x = r.nextInt(bound);
                assertTrue(x >= 0 && x < bound, bound + ": " + x);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> r.nextInt(0));
    }
}
