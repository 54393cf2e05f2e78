package org.mbrllab.engine.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Wrapping θ, finding where a plot must break, and the wrapped cost the views plot. */
class AnglesTest {

    @Test
    void normalizeWrapsIntoMinusPiExclusiveToPiInclusive() {
        assertEquals(0, Angles.normalize(2 * Math.PI), 1e-12);
        assertEquals(Math.PI, Angles.normalize(-Math.PI), 1e-12);
        assertEquals(Math.toRadians(-118.9), Angles.normalize(Math.toRadians(-118.9) - 20 * Math.PI), 1e-9);
    }

    @Test
    void aStepPastHangingDownCrossesTheCutAndASmallStepDoesNot() {
        assertTrue(Angles.crossesCut(Math.toRadians(179), Math.toRadians(-179)));
        assertTrue(Angles.crossesCut(Math.toRadians(-175), Math.toRadians(178)));
        assertFalse(Angles.crossesCut(Math.toRadians(-1), Math.toRadians(1)), "passing upright is no cut");
        assertFalse(Angles.crossesCut(Math.toRadians(170), Math.toRadians(179)));
    }

    /** θ = −65 rad is −65 + 20π ≈ −2.168 rad (−124.2°) wrapped: the shown cost is 10·θ̃², not 10·65² = 42 250. */
    @Test
    void theCartpolesCostWithThetaWrappedPricesTheAngleTheHeaderShows() {
        QuadraticCost planner = ControlSystem.CARTPOLE.defaultCost();
        QuadraticCost shown = planner.wrapping(Cartpole.THETA);
        double[] spun = {0, 0, -65, 0};
        assertEquals(42_250, planner.stage(spun, 0), 1e-9, "the planner's cost does not wrap");
        double wrapped = -65 + 20 * Math.PI;
        assertEquals(10 * wrapped * wrapped, shown.stage(spun, 0), 1e-9);
        assertEquals(0, shown.stage(new double[] {0, 0, 2 * Math.PI, 0}, 0), 1e-20, "upright after a full turn is free");
        assertSame(Pendulum.GYMNASIUM_COST, Pendulum.GYMNASIUM_COST.wrapping(Pendulum.THETA), "already wrapped");
    }
}
