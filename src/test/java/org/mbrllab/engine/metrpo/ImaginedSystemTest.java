package org.mbrllab.engine.metrpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.model.EnsembleTrainer;
import org.mbrllab.engine.model.FrozenEnsemble;
import org.mbrllab.engine.model.ModelBasedPlanning;
import org.mbrllab.engine.model.ModelFeatures;
import org.mbrllab.engine.model.RolloutMode;
import org.mbrllab.engine.model.Transitions;

/** Which member answers an imagined step, and what it answers. */
class ImaginedSystemTest {

    private static final RealSystem REAL = new RealSystem(ControlSystem.PENDULUM);
    private static FrozenEnsemble ensemble;

    /** Four small members fitted to 400 random pendulum transitions: members that differ. */
    @BeforeAll
    static void fit() {
        RandomGenerator rng = Seeds.random(7);
        Transitions data = new Transitions(2);
        for (int i = 0; i < 400; i++) {
            double[] s = REAL.reset(rng);
            double u = -2 + 4 * rng.nextDouble();
            data.add(s, u, REAL.next(s, new double[] {u}, rng), 0);
        }
        ensemble = EnsembleTrainer.fit(ModelBasedPlanning.fitConfig(4, 16, 30, 1),
                data.regressionData(ModelFeatures.of(ControlSystem.PENDULUM))).freeze();
    }

    private static double[] memberNext(int k, double[] s, double u) {
        return new ImaginedSystem(REAL, ensemble, RolloutMode.ONE_MEMBER, k).next(s, new double[] {u}, Seeds.random(0));
    }

    @Test
    void aMemberPerStepDrawsEveryMemberAboutEquallyAndAnswersWithThatMember() {
        ImaginedSystem sys = new ImaginedSystem(REAL, ensemble, RolloutMode.MEMBER_PER_STEP, 0);
        RandomGenerator rng = Seeds.random(3);
        int[] counts = new int[4];
        double[] s = {0.5, -0.3};
        for (int i = 0; i < 4000; i++) {
            double[] next = sys.next(s, new double[] {0.7}, rng);
            int k = sys.lastMember();
            counts[k]++;
            assertArrayEquals(memberNext(k, s, 0.7), next, 0, "step " + i + " answered by member " + k);
        }
        // Binomial(4000, 1/4): sd ≈ 27, so ±150 is more than 5 sd.
        for (int c : counts) assertTrue(Math.abs(c - 1000) < 150, java.util.Arrays.toString(counts));
    }

    @Test
    void aMemberPerTrajectoryKeepsTheMemberDrawnAtReset() {
        ImaginedSystem sys = new ImaginedSystem(REAL, ensemble, RolloutMode.MEMBER_PER_TRAJECTORY, 0);
        RandomGenerator rng = Seeds.random(4);
        boolean[] used = new boolean[4];
        for (int path = 0; path < 40; path++) {
            double[] s = sys.reset(rng);
            sys.next(s, new double[] {0}, rng);
            int k = sys.lastMember();
            used[k] = true;
            for (int t = 0; t < 10; t++) {
                s = sys.next(s, new double[] {0.3}, rng);
                assertEquals(k, sys.lastMember());
            }
        }
        for (boolean u : used) assertTrue(u, "40 trajectories use all 4 members");
    }

    @Test
    void theEnsembleMeanIsTheAverageOfTheMembersNextStates() {
        ImaginedSystem sys = new ImaginedSystem(REAL, ensemble, RolloutMode.MEAN, 0);
        double[] s = {2.5, 1.5};
        double[] mean = new double[2];
        for (int k = 0; k < 4; k++) {
            double[] n = memberNext(k, s, -1.2);
            mean[0] += n[0] / 4;
            mean[1] += n[1] / 4;
        }
        assertArrayEquals(mean, sys.next(s, new double[] {-1.2}, Seeds.random(0)), 1e-12);
        assertEquals(-1, sys.lastMember());
    }

    @Test
    void actionsAreClippedToTheTorqueLimitAndTheRewardIsGymnasiums() {
        double[] s = {1.0, 0.5};
        assertArrayEquals(memberNext(2, s, 2), memberNext(2, s, 9), 0, "u = 9 acts as the limit 2");
        // −(θ² + 0.1 θ̇² + 0.001 u²) with u clipped to 2.
        assertEquals(-(1.0 + 0.1 * 0.25 + 0.001 * 4), REAL.reward(s, new double[] {9}), 1e-15);
        assertArrayEquals(new double[] {Math.cos(1.0), Math.sin(1.0), 0.5}, REAL.observe(s), 0);
    }
}
