package org.mbrllab.app.common.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The simulation strip says where a value came from: a rollout, the value network, or a finished game. */
class RolloutTitleTest {

    @Test
    void aRolloutCountsItsMoves() {
        assertEquals("rollout · 7 moves", TreeCanvas.rolloutTitle(7, 1.0));
        assertEquals("rollout · 1 move", TreeCanvas.rolloutTitle(1, -1.0));
    }

    @Test
    void noMovesAndAFractionalValueIsTheNetworks() {
        assertEquals("value network", TreeCanvas.rolloutTitle(0, 0.37));
        assertEquals("value network", TreeCanvas.rolloutTitle(0, -0.05));
    }

    @Test
    void noMovesAndAGameResultIsAFinishedGame() {
        assertEquals("game over", TreeCanvas.rolloutTitle(0, 1.0));
        assertEquals("game over", TreeCanvas.rolloutTitle(0, 0.0));
    }
}
