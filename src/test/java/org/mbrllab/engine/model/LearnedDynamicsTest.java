package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.ModelError;
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.engine.core.Seeds;

/** A learned pendulum: the rollout modes, and the k-step error of models against the real pendulum. */
class LearnedDynamicsTest {

    private static final ModelFeatures FEATURES = ModelFeatures.of(ControlSystem.PENDULUM);
    private static final Pendulum REAL = Pendulum.gymnasium();
    private static FrozenEnsemble ensemble;

    /** Three members fitted to 600 random pendulum transitions. */
    @BeforeAll
    static void fit() {
        RandomGenerator r = Seeds.random(4);
        Transitions d = new Transitions(2);
        for (int i = 0; i < 600; i++) {
            double[] x = {2 * Math.PI * r.nextDouble() - Math.PI, 16 * r.nextDouble() - 8};
            double u = 4 * r.nextDouble() - 2;
            d.add(x, u, REAL.step(x, u), 0);
        }
        ensemble = EnsembleTrainer.fit(ModelBasedPlanning.fitConfig(3, 32, 40, 7), d.regressionData(FEATURES)).freeze();
    }

    private static double[] stepAll(LearnedDynamics model, double[] xs, double[] us) {
        double[] next = new double[xs.length];
        model.stepBatch(xs, us, next, us.length);
        return next;
    }

    private static double[] member(int k, double[] x, double u) {
        double[] delta = new double[2];
        ensemble.predictMeans(FEATURES.input(x, u), new int[] {k}, delta, 1);
        return new double[] {x[0] + delta[0], x[1] + delta[1]};
    }

    @Test
    void featuresAreCosSinOfTheAngleThenTheRestThenTheControl() {
        assertArrayEquals(new double[] {Math.cos(1), Math.sin(1), -2, 0.5}, FEATURES.input(new double[] {1, -2}, 0.5));
        ModelFeatures cartpole = ModelFeatures.of(ControlSystem.CARTPOLE);
        assertArrayEquals(new double[] {0.1, 0.2, Math.cos(0.3), Math.sin(0.3), 0.4, -1},
                cartpole.input(new double[] {0.1, 0.2, 0.3, 0.4}, -1));
        assertEquals(0.2, FEATURES.distance(new double[] {Math.PI - 0.1, 0}, 0, new double[] {-Math.PI + 0.1, 0}, 0), 1e-12,
                "the angle difference wraps");
    }

    @Test
    void eachModeAsksTheMembersItShould() {
        double[] xs = {0.1, 0.5, 3.0, -1, -2, 2, 1, 0};
        double[] us = {0.5, -1, 2, 0};
        double[] perTrajectory = stepAll(new LearnedDynamics(ensemble, FEATURES, 2, RolloutMode.MEMBER_PER_TRAJECTORY, 0, 1),
                xs, us);
        double[] one = stepAll(new LearnedDynamics(ensemble, FEATURES, 2, RolloutMode.ONE_MEMBER, 2, 1), xs, us);
        double[] mean = stepAll(new LearnedDynamics(ensemble, FEATURES, 2, RolloutMode.MEAN, 0, 1), xs, us);
        for (int i = 0; i < 4; i++) {
            double[] x = {xs[2 * i], xs[2 * i + 1]};
            assertArrayEquals(member(i % 3, x, us[i]), Arrays.copyOfRange(perTrajectory, 2 * i, 2 * i + 2), 1e-12);
            assertArrayEquals(member(2, x, us[i]), Arrays.copyOfRange(one, 2 * i, 2 * i + 2), 1e-12);
            for (int j = 0; j < 2; j++) {
                double avg = (member(0, x, us[i])[j] + member(1, x, us[i])[j] + member(2, x, us[i])[j]) / 3;
                assertEquals(avg, mean[2 * i + j], 1e-9);
            }
        }
    }

    @Test
    void memberPerStepDealsTheMembersEvenlyAndReproducibly() {
        double[] xs = new double[12];
        double[] us = new double[6];
        LearnedDynamics a = new LearnedDynamics(ensemble, FEATURES, 2, RolloutMode.MEMBER_PER_STEP, 0, 11);
        LearnedDynamics b = new LearnedDynamics(ensemble, FEATURES, 2, RolloutMode.MEMBER_PER_STEP, 0, 11);
        double[] first = stepAll(a, xs, us);
        assertArrayEquals(first, stepAll(b, xs, us), "same seed, same dealing");
        // Six identical rows, three members: each member's answer appears exactly twice.
        for (int k = 0; k < 3; k++) {
            double[] answer = member(k, new double[2], 0);
            int count = 0;
            for (int i = 0; i < 6; i++) if (first[2 * i] == answer[0] && first[2 * i + 1] == answer[1]) count++;
            assertEquals(2, count, "member " + k);
        }
        boolean redealt = false;
        for (int s = 0; s < 10 && !redealt; s++) redealt = !Arrays.equals(first, stepAll(a, xs, us));
        assertTrue(redealt, "a new step deals anew");
    }

    @Test
    void theRealSystemHasNoCompoundingErrorAndAWrongOneDrifts() {
        RandomGenerator r = Seeds.random(2);
        double[][] states = new double[41][];
        double[] actions = new double[40];
        states[0] = new double[] {0.5, 0};
        for (int t = 0; t < 40; t++) {
            actions[t] = 4 * r.nextDouble() - 2;
            states[t + 1] = REAL.step(states[t], actions[t]);
        }
        double[] none = CompoundingError.kStep(REAL, FEATURES, List.<double[][]>of(states), List.<double[]>of(actions), 10);
        for (double e : none) assertEquals(0, e, 0);
        double[] drift = CompoundingError.kStep(REAL.withModelError(ModelError.uniform(1.2)), FEATURES,
                List.<double[][]>of(states), List.<double[]>of(actions), 10);
        assertEquals(10, drift.length);
        assertTrue(drift[0] > 0);
        assertTrue(drift[9] > 5 * drift[0], "the error compounds: " + Arrays.toString(drift));
        double[] learned = CompoundingError.kStep(new LearnedDynamics(ensemble, FEATURES, 2, RolloutMode.MEAN, 0, 0),
                FEATURES, List.<double[][]>of(states), List.<double[]>of(actions), 10);
        assertTrue(learned[0] < 0.05, "a fitted model is close one step ahead: " + learned[0]);
        assertNotEquals(learned[0], learned[9]);
    }

    @Test
    void aModelOfTheWrongShapeIsRefused() {
        ModelFeatures cartpole = ModelFeatures.of(ControlSystem.CARTPOLE);
        assertThrows(IllegalArgumentException.class,
                () -> new LearnedDynamics(ensemble, cartpole, 10, RolloutMode.MEAN, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new LearnedDynamics(ensemble, FEATURES, 2, RolloutMode.ONE_MEMBER, 3, 0));
    }
}
