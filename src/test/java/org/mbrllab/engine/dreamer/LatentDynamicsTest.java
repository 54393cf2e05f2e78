package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.control.CemPlanner;
import org.mbrllab.engine.control.Planner;
import org.mbrllab.engine.control.StageCost;
import org.mbrllab.engine.control.Trajectory;

/**
 * The world model as a planner's model: its step is {@link FrozenRssm#imagine} with ε = 0, its cost is minus the
 * reward head, and CEM through it finds torques the model expects to pay better than doing nothing.
 */
class LatentDynamicsTest {
    /** Both sides compute the same floats; 1e-6 leaves room for nothing but rounding. */
    private static final double TOLERANCE = 1e-6;
    private static final FrozenRssm MODEL = shipped();
    /** Five frames of a pendulum left alone from a seeded reset, with the torque (0) taken between them. */
    private static final PixelEpisodes ALONE = PixelEpisodes.collect((frame, random) -> 0, 1, 3);

    private static FrozenRssm shipped() {
        try {
            return DreamerNetworks.shipped().model();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The posterior state (z its mean) after filtering frames o_0 … o_{count−1} of {@link #ALONE}. */
    private static FrozenRssm.State filtered(int count) {
        float[] frame = new float[PixelPendulum.PIXELS];
        FrozenRssm.State s = null;
        for (int t = 0; t < count; t++) {
            ALONE.frame(0, t, frame);
            s = MODEL.observe(s, t == 0 ? 0 : ALONE.action(0, t - 1), frame, null);
        }
        return s;
    }

    private static void close(float[] expected, double[] x, int from, String what) {
        for (int k = 0; k < expected.length; k++) assertEquals(expected[k], x[from + k], TOLERANCE, what + " [" + k + "]");
    }

    @Test
    void aBatchStepIsImagineWithThePriorMeanForEverySequence() {
        LatentDynamics f = new LatentDynamics(MODEL);
        int n = f.stateSize();
        assertEquals(MODEL.deterministic() + MODEL.stochastic(), n);
        // Four sequences from two different states, with torques inside and outside the ±2 limit.
        FrozenRssm.State[] s = {filtered(2), filtered(5), filtered(2), filtered(5)};
        double[] u = {-3, -1, 0.5, 2};
        double[] xs = new double[4 * n];
        for (int i = 0; i < 4; i++) System.arraycopy(f.state(s[i]), 0, xs, i * n, n);
        double[] next = new double[4 * n];
        for (int step = 1; step <= 3; step++) {
            f.stepBatch(xs, u, next, 4);
            for (int i = 0; i < 4; i++) {
                s[i] = MODEL.imagine(s[i], u[i], null);
                close(s[i].h(), next, i * n, "step " + step + " sequence " + i + " h");
                close(s[i].z(), next, i * n + MODEL.deterministic(), "step " + step + " sequence " + i + " z");
            }
            double[] swap = xs;
            xs = next;
            next = swap;
        }
        // Sequences 0 and 2 started from the same state; -3 N·m acts as -2, 0.5 does not: they differ.
        assertTrue(Math.abs(xs[0] - xs[2 * n]) > 1e-4, "different torques lead to different h");
        assertEquals(2.0, f.controlLimit(), 0);
        assertEquals(-2.0, f.clip(-7), 0);
    }

    @Test
    void theCostIsMinusThePredictedRewardWhateverTheTorque() {
        LatentDynamics f = new LatentDynamics(MODEL);
        StageCost c = f.cost();
        FrozenRssm.State s = filtered(4);
        double[] x = f.state(s);
        double r = MODEL.reward(s);
        assertTrue(r < -0.5, "the pendulum left alone is far from upright, so the predicted reward is well below 0: " + r);
        for (double u : new double[] {-2, 0, 1.3}) assertEquals(-r, c.stageAt(x, 0, u), TOLERANCE * Math.abs(r));
        assertEquals(-r, c.terminalAt(x, 0), TOLERANCE * Math.abs(r));
        // In a batch layout, at an offset.
        double[] two = new double[2 * x.length];
        System.arraycopy(x, 0, two, x.length, x.length);
        assertEquals(-r, c.stageAt(two, x.length, 0), TOLERANCE * Math.abs(r));
        assertEquals(r, f.predictedReward(two, x.length), TOLERANCE * Math.abs(r));
    }

    /** Σ_{t=0}^{H} r̂ along {@code torques} imagined from {@code s} with {@link FrozenRssm#imagine}, by hand. */
    private static double predictedReturn(FrozenRssm.State s, double[] torques) {
        double sum = MODEL.reward(s);
        for (double u : torques) {
            s = MODEL.imagine(s, u, null);
            sum += MODEL.reward(s);
        }
        return sum;
    }

    @Test
    void cemThroughTheShippedModelPlansABetterPredictedReturnThanZeroTorque() {
        LatentDynamics f = new LatentDynamics(MODEL);
        PlanetPolicy.Settings settings = PlanetPolicy.Settings.defaults();
        int horizon = settings.horizon();
        FrozenRssm.State s = filtered(5);
        double[] x0 = f.state(s);
        Planner.Plan plan = new CemPlanner(f, f.cost(), horizon, settings.samples(), settings.elites(),
                settings.iterations(), 4).plan(x0, null);
        double[] torques = plan.actions();
        double planned = predictedReturn(s, torques);
        double zero = predictedReturn(s, new double[horizon]);
        // The planner's J is minus the same sum, computed through the batch path.
        assertEquals(planned, -plan.predicted().cost(), TOLERANCE * Math.abs(planned));
        assertEquals(zero, -Trajectory.rollout(f, f.cost(), x0, new double[horizon]).cost(), TOLERANCE * Math.abs(zero));
        // CEM tries zero torque first (its initial mean), so it can only tie or win; it must win clearly.
        assertTrue(planned > zero + 5, "CEM " + planned + " against zero torque " + zero);
        for (double u : torques) assertTrue(Math.abs(u) <= FrozenRssm.MAX_TORQUE);
    }

    @Test
    void thePolicyActsWithTheFirstTorqueOfAPlanFromTheFilteredState() {
        PlanetPolicy.Settings settings = new PlanetPolicy.Settings(8, 40, 5, 3, 9);
        PlanetPolicy policy = new PlanetPolicy(MODEL, settings);
        LatentDynamics f = new LatentDynamics(MODEL);
        CemPlanner planner = new CemPlanner(f, f.cost(), 8, 40, 5, 3, 9);
        float[] frame = new float[PixelPendulum.PIXELS];
        ALONE.frame(0, 0, frame);
        double u0 = policy.torque(frame.clone(), null);
        FrozenRssm.State s0 = MODEL.observe(null, 0, frame, null);
        Planner.Plan p0 = planner.plan(f.state(s0), null);
        assertEquals((float) p0.actions()[0], u0, 0, "the first torque of the same seeded plan");
        assertEquals(-p0.predicted().cost(), policy.lastPredictedReturn(), 0);
        // The next frame is filtered with the torque just taken, and the plan is warm-started from the last one.
        ALONE.frame(0, 1, frame);
        double u1 = policy.torque(frame.clone(), null);
        FrozenRssm.State s1 = MODEL.observe(s0, u0, frame, null);
        Planner.Plan p1 = planner.plan(f.state(s1), org.mbrllab.engine.control.Mpc.shift(p0.actions()));
        assertEquals((float) p1.actions()[0], u1, 0);
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PlanetPolicy.Settings(0, 100, 10, 5, 0))
                .getMessage().contains("horizon"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PlanetPolicy.Settings(12, 100, 101, 5, 0))
                .getMessage().contains("elites"));
        assertThrows(IllegalArgumentException.class, () -> new PlanetPolicy.Settings(12, 1, 1, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> new PlanetPolicy.Settings(12, 100, 10, 0, 0));
    }
}
