package org.mbrllab.app.common.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The glide between published states that keeps the animation smooth at display rate. */
class InterpolatorTest {

    private static final long MS = 1_000_000L;

    @Test
    void glidesFromWhatIsDrawnToTheNewStateOverTheLastInterval() {
        Interpolator in = new Interpolator();
        assertNull(in.at(0));
        in.moveTo(new double[] {0, 0}, 0);
        in.moveTo(new double[] {1, 2}, 40 * MS);
        assertArrayEquals(new double[] {0, 0}, in.at(40 * MS), 1e-12);
        assertArrayEquals(new double[] {0.5, 1}, in.at(60 * MS), 1e-12, "half way after half the 40 ms interval");
        assertArrayEquals(new double[] {1, 2}, in.at(80 * MS), 1e-12);
        assertTrue(in.settled(80 * MS));
    }

    @Test
    void aNewTargetMidwayStartsFromWhereTheDrawingIs() {
        Interpolator in = new Interpolator();
        in.moveTo(new double[] {0}, 0);
        in.moveTo(new double[] {1}, 40 * MS);
        in.moveTo(new double[] {3}, 60 * MS);
        assertArrayEquals(new double[] {0.5}, in.at(60 * MS), 1e-12, "no jump");
    }

    @Test
    void aLongPauseGlidesNoLongerThanTheCap() {
        Interpolator in = new Interpolator();
        in.moveTo(new double[] {0}, 0);
        in.moveTo(new double[] {1}, 5_000 * MS);
        assertArrayEquals(new double[] {1}, in.at(5_000 * MS + Interpolator.MAX_NANOS), 1e-12);
    }

    @Test
    void aJumpShowsTheStateAtOnce() {
        Interpolator in = new Interpolator();
        in.moveTo(new double[] {0}, 0);
        in.jumpTo(new double[] {7}, 10 * MS);
        assertArrayEquals(new double[] {7}, in.at(10 * MS), 0);
    }
}
