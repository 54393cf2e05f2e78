package org.mbrllab.engine.metrpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;

/**
 * The hand-written derivatives of the Gaussian MLP policy and the TRPO update, checked against finite
 * differences in doubles: J v and Jᵀ u, the surrogate's gradient, and the Fisher product against the
 * Hessian of the mean KL.
 */
class TrustRegionTest {

    private static final int[] SIZES = {3, 8, 8, 2};

    private static GaussianMlpPolicy policy(long seed) {
        GaussianMlpPolicy p = GaussianMlpPolicy.initialised(Seeds.fast(seed), SIZES);
        double[] theta = p.parameters();
        RandomGenerator rng = Seeds.fast(seed + 100);
        for (int k = 0; k < theta.length; k++) theta[k] += 0.1 * rng.nextGaussian(); // biases and log σ not all 0
        p.setParameters(theta);
        return p;
    }

    private static double[][] states(int n, long seed) {
        RandomGenerator rng = Seeds.fast(seed);
        double[][] s = new double[n][SIZES[0]];
        for (double[] row : s) for (int i = 0; i < row.length; i++) row[i] = rng.nextGaussian();
        return s;
    }

    private static double[] randomVector(int n, long seed) {
        RandomGenerator rng = Seeds.fast(seed);
        double[] v = new double[n];
        for (int k = 0; k < n; k++) v[k] = rng.nextGaussian();
        return v;
    }

    private static double relativeError(double[] actual, double[] expected) {
        double diff = 0;
        double norm = 0;
        for (int k = 0; k < actual.length; k++) {
            diff += (actual[k] - expected[k]) * (actual[k] - expected[k]);
            norm += expected[k] * expected[k];
        }
        return Math.sqrt(diff / norm);
    }

    @Test
    void jacobianVectorProductMatchesFiniteDifferencesOfTheMean() {
        GaussianMlpPolicy p = policy(1);
        double[] s = states(1, 2)[0];
        double[] v = randomVector(p.parameterCount(), 3);
        double[] theta = p.parameters();
        double eps = 1e-6;
        GaussianMlpPolicy plus = p.copy();
        GaussianMlpPolicy minus = p.copy();
        double[] tp = theta.clone();
        double[] tm = theta.clone();
        for (int k = 0; k < p.meanParameterCount(); k++) {
            tp[k] += eps * v[k];
            tm[k] -= eps * v[k];
        }
        plus.setParameters(tp);
        minus.setParameters(tm);
        double[] fd = new double[p.actionSize()];
        for (int d = 0; d < fd.length; d++) fd[d] = (plus.mean(s)[d] - minus.mean(s)[d]) / (2 * eps);
        assertTrue(relativeError(p.jacobianTimes(s, v), fd) < 1e-8, "J v");
    }

    @Test
    void vectorJacobianProductIsTheAdjointOfTheJacobianVectorProduct() {
        GaussianMlpPolicy p = policy(4);
        double[] s = states(1, 5)[0];
        double[] v = randomVector(p.parameterCount(), 6);
        double[] u = randomVector(p.actionSize(), 7);
        double[] jtu = new double[p.parameterCount()];
        p.addJacobianTransposeTimes(s, u, jtu);
        double left = TrustRegion.dot(u, p.jacobianTimes(s, v));
        double right = 0;
        for (int k = 0; k < p.meanParameterCount(); k++) right += jtu[k] * v[k];
        assertEquals(left, right, 1e-12 * Math.max(1, Math.abs(left)));
    }

    /** The test: F v against the finite-difference Hessian of the mean KL at θ_old, relative error < 1e-5. */
    @Test
    void fisherVectorProductMatchesTheFiniteDifferenceHessianOfTheMeanKl() {
        GaussianMlpPolicy old = policy(8);
        double[][] states = states(20, 9);
        double[] theta = old.parameters();
        double[] v = randomVector(theta.length, 10);
        double[] fv = TrustRegion.fisherTimes(old, states, v, 0);
        double eps = 1e-4;
        double[] hv = new double[theta.length];
        GaussianMlpPolicy q = old.copy();
        for (int j = 0; j < theta.length; j++) {
            double sum = 0;
            for (int sj = -1; sj <= 1; sj += 2) {
                for (int sv = -1; sv <= 1; sv += 2) {
                    double[] t = theta.clone();
                    t[j] += sj * eps;
                    for (int k = 0; k < t.length; k++) t[k] += sv * eps * v[k];
                    q.setParameters(t);
                    sum += sj * sv * TrustRegion.meanKl(old, q, states);
                }
            }
            hv[j] = sum / (4 * eps * eps);
        }
        double error = relativeError(fv, hv);
        assertTrue(error < 1e-5, "relative error " + error);
    }

    @Test
    void surrogateGradientMatchesFiniteDifferences() {
        GaussianMlpPolicy p = policy(11);
        double[][] states = states(15, 12);
        RandomGenerator rng = Seeds.fast(13);
        double[][] actions = new double[states.length][];
        double[] adv = new double[states.length];
        for (int i = 0; i < states.length; i++) {
            actions[i] = p.sample(states[i], rng);
            adv[i] = rng.nextGaussian();
        }
        PolicyBatch batch = PolicyBatch.of(p, states, actions, adv);
        double[] g = TrustRegion.surrogateGradient(p, batch);
        double[] theta = p.parameters();
        double[] fd = new double[theta.length];
        GaussianMlpPolicy q = p.copy();
        double eps = 1e-6;
        for (int k = 0; k < theta.length; k++) {
            double[] t = theta.clone();
            t[k] += eps;
            q.setParameters(t);
            double up = TrustRegion.surrogate(q, batch);
            t[k] -= 2 * eps;
            q.setParameters(t);
            fd[k] = (up - TrustRegion.surrogate(q, batch)) / (2 * eps);
        }
        assertTrue(relativeError(g, fd) < 1e-7, "relative error " + relativeError(g, fd));
    }

    @Test
    void conjugateGradientSolvesASymmetricPositiveDefiniteSystem() {
        double[][] a = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
        double[] b = {1, 2, 3};
        double[] residual = new double[1];
        double[] x = TrustRegion.conjugateGradient(v -> new double[] {
                a[0][0] * v[0] + a[0][1] * v[1] + a[0][2] * v[2],
                a[1][0] * v[0] + a[1][1] * v[1] + a[1][2] * v[2],
                a[2][0] * v[0] + a[2][1] * v[1] + a[2][2] * v[2]}, b, 10, residual);
        // numpy.linalg.solve: [0.2222, 0.1111, 1.4444] = [2/9, 1/9, 13/9]; CG is exact in n = 3 steps.
        assertArrayEquals(new double[] {2.0 / 9, 1.0 / 9, 13.0 / 9}, x, 1e-12);
        assertTrue(residual[0] < 1e-10);
    }

    /** Every accepted step has KL̄ ≤ δ and a higher surrogate; a step that cannot improve leaves θ as it was. */
    @Test
    void acceptedStepsStayInsideTheTrustRegionAndRejectedStepsChangeNothing() {
        for (long seed = 20; seed < 30; seed++) {
            GaussianMlpPolicy p = policy(seed);
            // Seeds 28 and 29 take a batch large enough for the Fisher products' tenth-of-the-batch subsample.
            double[][] states = states(seed < 28 ? 64 : TrustRegion.FISHER_SUBSAMPLE_FROM + 500, seed + 1);
            RandomGenerator rng = Seeds.fast(seed + 2);
            double[][] actions = new double[states.length][];
            double[] adv = new double[states.length];
            for (int i = 0; i < states.length; i++) {
                actions[i] = p.sample(states[i], rng);
                adv[i] = actions[i][0] - states[i][0]; // a learnable preference
            }
            PolicyBatch batch = PolicyBatch.of(p, states, actions, adv);
            GaussianMlpPolicy before = p.copy();
            double surrogateBefore = TrustRegion.surrogate(before, batch);
            TrustRegion.Step step = TrustRegion.update(p, batch, 0.01);
            assertTrue(step.accepted(), "seed " + seed);
            double kl = TrustRegion.meanKl(before, p, states);
            assertTrue(kl <= 0.01 + 1e-12, "KL " + kl);
            assertEquals(step.meanKl(), kl, 1e-12);
            assertTrue(TrustRegion.surrogate(p, batch) > surrogateBefore);
        }
        GaussianMlpPolicy p = policy(40);
        double[][] states = states(32, 41);
        double[][] actions = new double[states.length][];
        for (int i = 0; i < states.length; i++) actions[i] = p.mean(states[i]);
        PolicyBatch nothing = PolicyBatch.of(p, states, actions, new double[states.length]); // Â = 0: L is flat
        double[] theta = p.parameters();
        TrustRegion.Step step = TrustRegion.update(p, nothing, 0.01);
        assertFalse(step.accepted());
        assertArrayEquals(theta, p.parameters(), 0);
    }
}
