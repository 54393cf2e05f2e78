package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;
import org.mbrllab.engine.core.Seeds;

/** Dreamer's λ-return against its two limits and a case worked by hand. */
class LambdaReturnTest {
    private static final double TOLERANCE = 1e-9;

    private static double[] gaussians(RandomGenerator r, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = scale * r.nextGaussian();
        return v;
    }

    @Test
    void lambdaZeroIsTheOneStepTdTarget() {
        RandomGenerator r = Seeds.random(1);
        double[] rewards = gaussians(r, 15, 3);
        double[] values = gaussians(r, 16, 40);
        double gamma = 0.99;
        double[] v = LambdaReturn.compute(rewards, values, gamma, 0);
        for (int t = 0; t < 15; t++) assertEquals(rewards[t] + gamma * values[t + 1], v[t], TOLERANCE, "t = " + t);
    }

    @Test
    void lambdaOneIsTheDiscountedRewardSumPlusTheBootstrapFromTheLastState() {
        RandomGenerator r = Seeds.random(2);
        int h = 15;
        double[] rewards = gaussians(r, h, 3);
        double[] values = gaussians(r, h + 1, 40);
        double gamma = 0.97;
        double[] v = LambdaReturn.compute(rewards, values, gamma, 1);
        for (int t = 0; t < h; t++) {
            double sum = 0;
            for (int k = t; k < h; k++) sum += Math.pow(gamma, k - t) * rewards[k];
            assertEquals(sum + Math.pow(gamma, h - t) * values[h], v[t], TOLERANCE, "t = " + t);
        }
    }

    @Test
    void threeStepsWithLambdaOneHalfMatchTheHandComputedValues() {
        // r = (1, 2, 3), v(s_1), v(s_2), v(s_3) = (10, 30, 30), γ = 0.9, λ = 0.5:
        // V(3) = 30
        // V(2) = 3 + 0.9 (0.5·30 + 0.5·30) = 30
        // V(1) = 2 + 0.9 (0.5·30 + 0.5·30) = 29
        // V(0) = 1 + 0.9 (0.5·10 + 0.5·29) = 18.55
        double[] v = LambdaReturn.compute(new double[] {1, 2, 3}, new double[] {-99, 10, 30, 30}, 0.9, 0.5);
        assertEquals(18.55, v[0], TOLERANCE);
        assertEquals(29, v[1], TOLERANCE);
        assertEquals(30, v[2], TOLERANCE);
        // With v(s_2) = 20 instead: V(1) = 2 + 0.9 (0.5·20 + 0.5·30) = 24.5, V(0) = 1 + 0.9 (5 + 12.25) = 16.525.
        double[] w = LambdaReturn.compute(new double[] {1, 2, 3}, new double[] {-99, 10, 20, 30}, 0.9, 0.5);
        assertEquals(16.525, w[0], TOLERANCE);
        assertEquals(24.5, w[1], TOLERANCE);
        assertEquals(30, w[2], TOLERANCE);
    }

    @Test
    void aZeroContinueWeightCutsTheReturnAfterThatStep() {
        double[] v = LambdaReturn.compute(new double[] {1, 2, 3}, new double[] {0, 10, 20, 30}, new double[] {1, 0, 1},
                0.9, 0.5);
        // V(1) = r_1 = 2 (nothing after step 1 counts); V(0) = 1 + 0.9 (0.5·10 + 0.5·2) = 6.4.
        assertEquals(2, v[1], TOLERANCE);
        assertEquals(6.4, v[0], TOLERANCE);
    }

    @Test
    void mismatchedLengthsAndOutOfRangeDialsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LambdaReturn.compute(new double[3], new double[3], 0.9, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LambdaReturn.compute(new double[0], new double[1], 0.9, 0.5));
        assertThrows(OutOfRangeException.class, () -> LambdaReturn.compute(new double[1], new double[2], 1.5, 0.5));
        assertThrows(OutOfRangeException.class, () -> LambdaReturn.compute(new double[1], new double[2], 0.9, -0.1));
        assertThrows(OutOfRangeException.class,
                () -> LambdaReturn.compute(new double[1], new double[2], new double[] {2}, 0.9, 0.5));
    }
}
