package org.mbrllab.engine.games;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The move-mask lookup of {@link GameState#nthBit} against the plain loop it replaces. */
class NthBitTest {

    private static int byLoop(int mask, int index) {
        for (int i = 0; i < index; i++) mask &= mask - 1;
        return Integer.numberOfTrailingZeros(mask);
    }

    @Test
    void everyMaskOfUpToNineBitsAndEveryIndexGivesTheLoopsAnswer() {
        for (int mask = 1; mask < 512; mask++) {
            for (int index = 0; index < Integer.bitCount(mask); index++) {
                assertEquals(byLoop(mask, index), GameState.nthBit(mask, index), "mask " + mask + ", index " + index);
            }
        }
        assertEquals(6, GameState.nthBit(0b1010101, 3), "the fourth of columns 0, 2, 4, 6");
    }

    @Test
    void widerMasksStillWork() {
        assertEquals(20, GameState.nthBit((1 << 20) | 0b11, 2));
        assertEquals(byLoop(0xF0F0F0, 7), GameState.nthBit(0xF0F0F0, 7));
    }
}
