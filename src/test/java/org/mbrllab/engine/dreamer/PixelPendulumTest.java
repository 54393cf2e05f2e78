package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.control.Pendulum;

/** The pixel pendulum: its picture, its action repeat, and Gymnasium's reward. */
class PixelPendulumTest {
    private static final int S = PixelPendulum.SIZE;

    private static float[] frame(double theta) {
        float[] f = new float[PixelPendulum.PIXELS];
        PixelPendulum.render(theta, f);
        return f;
    }

    private static double sum(float[] f, int rowFrom, int rowTo, int colFrom, int colTo) {
        double s = 0;
        for (int r = rowFrom; r < rowTo; r++) {
            for (int c = colFrom; c < colTo; c++) s += f[r * S + c];
        }
        return s;
    }

    @Test
    void anUprightRodLightsTheUpperMiddleAndHangingTheLower() {
        float[] up = frame(0);
        // The rod runs from (8, 8) up to (8, 1.5): the pixel centres of columns 7 and 8 lie 0.5 from its
        // axis, so they are lit to 0.75 + 0.5 − 0.5 = 0.75 all the way up, and nothing lies below row 9.
        for (int row = 2; row < 8; row++) {
            assertEquals(0.75, up[row * S + 7], 0.5 / 255, "row " + row);
            assertEquals(0.75, up[row * S + 8], 0.5 / 255, "row " + row);
            assertEquals(0, up[row * S + 5], "row " + row + " column 5 is off the rod");
        }
        assertEquals(0, sum(up, 10, S, 0, S));
        float[] down = frame(Math.PI);
        assertEquals(0, sum(down, 0, 6, 0, S), 1e-6);
        assertEquals(0.75, down[12 * S + 7], 0.5 / 255);
        // And θ = π/2 points left (Gymnasium's picture: positive θ turns counter-clockwise).
        float[] left = frame(Math.PI / 2);
        assertTrue(sum(left, 6, 10, 0, 6) > 4);
        assertEquals(0, sum(left, 0, S, 10, S), 1e-6);
    }

    @Test
    void framesStayInTheUnitIntervalOnMultiplesOf1Over255AndChangeSmoothlyWithTheAngle() {
        for (double theta = -4; theta < 4; theta += 0.37) {
            float[] f = frame(theta);
            for (float v : f) {
                assertTrue(v >= 0 && v <= 1, "value " + v);
                assertEquals(Math.round(v * 255), v * 255, 1e-3);
            }
            // Anti-aliased: a turn of 0.02 rad moves the tip 0.13 pixel, and no pixel jumps by more than that scale.
            float[] g = frame(theta + 0.02);
            for (int i = 0; i < f.length; i++) assertEquals(f[i], g[i], 0.15, "pixel " + i + " at θ " + theta);
        }
    }

    @Test
    void oneAgentStepIsTwoSimulatorStepsWithTheSameTorque() {
        PixelPendulum p = new PixelPendulum(7);
        double[] s = p.state();
        Pendulum sim = Pendulum.gymnasium();
        double[] once = sim.step(s, 1.3);
        double[] twice = sim.step(once, 1.3);
        p.step(1.3);
        assertArrayEquals(twice, p.state(), 0);
        assertEquals(1, p.steps());
    }

    /** Gymnasium's Pendulum-v1 written out here with its own constants: g = 10, m = l = 1, dt = 0.05. */
    private static double gymnasiumStep(double[] s, double u) {
        u = Math.max(-2, Math.min(2, u));
        double th = s[0];
        double thdot = s[1];
        double norm = ((th + Math.PI) % (2 * Math.PI) + 2 * Math.PI) % (2 * Math.PI) - Math.PI;
        double cost = norm * norm + 0.1 * thdot * thdot + 0.001 * u * u;
        double newThdot = thdot + (3 * 10 / 2.0 * Math.sin(th) + 3.0 * u) * 0.05;
        newThdot = Math.max(-8, Math.min(8, newThdot));
        s[0] = th + newThdot * 0.05;
        s[1] = newThdot;
        return -cost;
    }

    @Test
    void rewardIsGymnasiumsSummedOverTheActionRepeatWithTheTorqueClipped() {
        PixelPendulum p = new PixelPendulum(3);
        double[] s = p.state();
        double[] torques = {0.5, -3.0, 2.0, 7.0, -0.1};
        for (double u : torques) {
            double expected = gymnasiumStep(s, u) + gymnasiumStep(s, u);
            assertEquals(expected, p.step(u), 1e-9, "torque " + u);
            assertArrayEquals(s, p.state(), 1e-9);
        }
        // The start lies in Gymnasium's reset ranges.
        for (long seed = 0; seed < 50; seed++) {
            double[] st = new PixelPendulum(seed).state();
            assertTrue(Math.abs(st[0]) <= Math.PI && Math.abs(st[1]) <= 1, "seed " + seed);
        }
    }

    @Test
    void anEpisodeEndsAfter100AgentStepsAndTheSameSeedGivesTheSameStart() {
        PixelPendulum p = new PixelPendulum(11);
        assertArrayEquals(new PixelPendulum(11).state(), p.state(), 0);
        assertFalse(java.util.Arrays.equals(new PixelPendulum(12).state(), p.state()));
        for (int t = 0; t < PixelPendulum.EPISODE_STEPS; t++) {
            assertFalse(p.isDone());
            p.step(0);
        }
        assertTrue(p.isDone());
        assertThrows(IllegalStateException.class, () -> p.step(0));
        assertThrows(IllegalArgumentException.class, () -> new PixelPendulum(1).step(Double.NaN));
        p.reset(11);
        assertEquals(0, p.steps());
        assertArrayEquals(new PixelPendulum(11).state(), p.state(), 0);
    }
}
