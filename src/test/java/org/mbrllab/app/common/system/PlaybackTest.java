package org.mbrllab.app.common.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Replaying a stored trajectory: x_0, x_1, x_2 at dt = 0.5 s, then x_2 held a second, in a loop. */
class PlaybackTest {

    private static final double EPS = 1e-9;
    private static final long SECOND = 1_000_000_000L;
    private static final double[][] STATES = {{0, 0}, {1, 10}, {3, 20}};
    private static final double[] ACTIONS = {5, 6};

    private static Playback started() {
        Playback p = new Playback();
        p.set(STATES, ACTIONS, 0.5, 0);
        return p;
    }

    @Test
    void betweenStepsTheStateIsInterpolated() {
        Playback.Sample s = started().at(SECOND / 4);
        assertArrayEquals(new double[] {0.5, 5}, s.state(), EPS);
        assertEquals(5, s.u(), EPS, "the action of the step under way");
        assertEquals(0.25, s.t(), EPS);
    }

    @Test
    void theNextSecondIsShownAsGhosts() {
        Playback p = started();
        p.at(SECOND / 4);
        assertEquals(2, p.ghosts().size(), "two steps of 0.5 s ahead");
        assertArrayEquals(STATES[1], p.ghosts().get(0), EPS);
    }

    @Test
    void theLastStateIsHeldOneSecondThenTheLoopStartsOver() {
        Playback p = started();
        Playback.Sample held = p.at(3 * SECOND / 2);
        assertArrayEquals(STATES[2], held.state(), EPS);
        assertEquals(1.0, held.t(), EPS, "the clock stops at T");
        assertEquals(6, held.u(), EPS, "the last action");
        assertArrayEquals(new double[] {0.5, 5}, p.at(2 * SECOND + SECOND / 4).state(), EPS, "a cycle is 2 s");
    }

    @Test
    void aNewTrajectoryKeepsTheClockAndNullStops() {
        Playback p = started();
        p.set(new double[][] {{0, 0}, {2, 0}, {4, 0}}, null, 0.5, SECOND);
        Playback.Sample s = p.at(SECOND / 4);
        assertArrayEquals(new double[] {1, 0}, s.state(), EPS, "still timed from 0");
        assertEquals(0, s.u(), EPS, "no actions: no arrow");
        p.set(null, null, 0.5, SECOND);
        assertFalse(p.on());
        p.set(new double[0][], null, 0.5, SECOND);
        assertTrue(p.on());
        assertFalse(p.playing(), "an empty trajectory has nothing to replay");
    }
}
