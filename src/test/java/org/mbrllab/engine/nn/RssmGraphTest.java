package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The RSSM's loss and its gradient, against hand-computed parts and central finite differences in float64. */
class RssmGraphTest {
    private static final RssmGraph.Sizes TINY = new RssmGraph.Sizes(5, 4, 3, 3, 2, 3, 1, 3, 2);
    private static final int ROWS = TINY.steps() * TINY.batch();
    /** The step of the central differences. */
    private static final double H = 1e-6;
    /** As in {@code MdnRnnGraphTest}: truncation ≈ h²·L‴ plus rounding ≈ 10 ε|L|/h. */
    private static final double RELATIVE = 1e-6;

    /** {frames, actions, rewards, eps}, time-major. */
    private static double[][] batch(long seed) {
        RandomGenerator r = Seeds.random(seed);
        double[] frames = new double[ROWS * TINY.pixels()];
        for (int i = 0; i < frames.length; i++) frames[i] = r.nextDouble();
        return new double[][] {frames, gaussians(r, ROWS), gaussians(r, ROWS), gaussians(r, ROWS * TINY.stochastic())};
    }

    private static double[] gaussians(RandomGenerator r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    private static RssmGraph graph(double freeNats, boolean balance) {
        return new RssmGraph(TINY, freeNats, balance, 0.8, 1e-3, Seeds.random(3), DataType.DOUBLE);
    }

    /** KL(N(μq, σq²) ‖ N(μp, σp²)) of one dimension, from the closed form. */
    static double kl(double muQ, double sigmaQ, double muP, double sigmaP) {
        return Math.log(sigmaP / sigmaQ) + (sigmaQ * sigmaQ + (muQ - muP) * (muQ - muP)) / (2 * sigmaP * sigmaP) - 0.5;
    }

    @Test
    void theClosedFormKlMatchesWorkedNumbers() {
        // KL(N(1, 0.5²) ‖ N(0, 1)) = ln 2 + (0.25 + 1)/2 − ½ = 0.8181472; KL(p ‖ p) = 0.
        assertEquals(0.8181472, kl(1, 0.5, 0, 1), 1e-7);
        assertEquals(0, kl(0.3, 1.7, 0.3, 1.7), 1e-15);
        // And against the integral ∫ q log(q/p), by the midpoint rule.
        double sum = 0;
        double dx = 1e-3;
        for (double x = -12; x < 12; x += dx) {
            double m = x + dx / 2;
            double q = normal(m, 0.4, 0.7);
            sum += q * Math.log(q / normal(m, -0.5, 1.3)) * dx;
        }
        assertEquals(sum, kl(0.4, 0.7, -0.5, 1.3), 1e-8);
    }

    private static double normal(double x, double mu, double sigma) {
        double d = (x - mu) / sigma;
        return Math.exp(-0.5 * d * d) / (sigma * Math.sqrt(2 * Math.PI));
    }

    @Test
    void everyLossPartMatchesTheFormulaOnTheGraphsOwnOutputs() {
        double free = 0.05;
        RssmGraph g = graph(free, false);
        double[][] in = batch(5);
        double[] losses = g.losses(in[0], in[1], in[2], in[3]);
        double[][] out = g.outputs(in[0], in[1], in[3]);
        int z = TINY.stochastic();
        int p = TINY.pixels();
        int b = TINY.batch();
        double recon = 0, reward = 0, kl = 0, floored = 0;
        for (int row = 0; row < ROWS; row++) {
            for (int i = 0; i < p; i++) {
                double d = out[6][row * p + i] - in[0][row * p + i];
                recon += 0.5 * d * d / ROWS;
            }
            if (row >= b) reward += 0.5 * Math.pow(out[7][row] - in[2][row], 2) / (ROWS - b);
            double k = 0;
            for (int j = 0; j < z; j++) {
                int c = row * z + j;
                k += kl(out[2][c], out[3][c], out[4][c], out[5][c]);
                // z = μ_q + σ_q ε, and σ ≥ 0.1.
                assertEquals(out[2][c] + out[3][c] * in[3][c], out[1][c], 1e-12);
                assertEquals(true, out[3][c] > RssmGraph.MIN_STD && out[5][c] > RssmGraph.MIN_STD);
            }
            kl += k / ROWS;
            floored += Math.max(k, free) / ROWS;
        }
        assertEquals(recon, losses[1], 1e-12);
        assertEquals(reward, losses[2], 1e-12);
        assertEquals(kl, losses[3], 1e-12);
        assertEquals(recon + reward + floored, losses[0], 1e-12);
        // The first step starts from h_0 = 0.
        for (int k = 0; k < b * TINY.deterministic(); k++) assertEquals(0, out[0][k]);
    }

    @Test
    void freeNatsAboveTheKlMakeItCostAConstantAndGiveThePriorNoGradient() {
        RssmGraph g = graph(50, false);
        double[][] in = batch(6);
        double[] losses = g.losses(in[0], in[1], in[2], in[3]);
        assertEquals(losses[1] + losses[2] + 50, losses[0], 1e-12);
        double[][] grad = g.gradients(in[0], in[1], in[2], in[3]);
        for (int i = 8; i < 12; i++) {
            for (double v : grad[i]) assertEquals(0, v, "prior weight array " + i);
        }
    }

    @Test
    void lossGradientMatchesFiniteDifferencesForEveryWeight() {
        RssmGraph g = graph(0, false);
        RandomGenerator r = Seeds.random(8);
        // Spread the biases of the prior and posterior, so that μ and σ differ between them.
        for (int i : new int[] {11, 15}) {
            INDArray bias = g.weight(i);
            for (int k = 0; k < bias.length(); k++) bias.putScalar(k, 0.5 * r.nextGaussian());
        }
        double[][] in = batch(9);
        double[][] analytic = g.gradients(in[0], in[1], in[2], in[3]);
        double rounding = 10 * Math.ulp(1.0) * Math.abs(g.losses(in[0], in[1], in[2], in[3])[0]) / H;
        int checked = 0;
        for (int p = 0; p < analytic.length; p++) {
            INDArray w = g.weight(p);
            assertEquals(DataType.DOUBLE, w.dataType());
            for (int k = 0; k < w.length(); k++) {
                double original = w.getDouble(k);
                w.putScalar(k, original + H);
                double plus = g.losses(in[0], in[1], in[2], in[3])[0];
                w.putScalar(k, original - H);
                double minus = g.losses(in[0], in[1], in[2], in[3])[0];
                w.putScalar(k, original);
                double numeric = (plus - minus) / (2 * H);
                double scale = Math.max(1e-3, Math.max(Math.abs(numeric), Math.abs(analytic[p][k])));
                assertEquals(numeric, analytic[p][k], RELATIVE * scale + rounding, RssmGraph.ORDER.split(" ")[p] + "[" + k + "]");
                checked++;
            }
        }
        int pix = 5, ue = 4, e = 3, h = 3, z = 2, u = 3, a = 1;
        int expected = pix * ue + ue + ue * e + e + (z + a + h) * 3 * h + 3 * h + h * u + u + u * 2 * z + 2 * z
                + (h + e) * u + u + u * 2 * z + 2 * z + (h + z) * ue + ue + ue * pix + pix + (h + z) * u + u + u + 1;
        assertEquals(expected, checked);
    }

    @Test
    void klBalancingKeepsTheValueAndScalesThePriorsGradientByAlpha() {
        RssmGraph plain = graph(0, false);
        RssmGraph balanced = graph(0, true);
        double[][] in = batch(10);
        assertEquals(plain.losses(in[0], in[1], in[2], in[3])[0], balanced.losses(in[0], in[1], in[2], in[3])[0], 1e-12);
        double[][] gp = plain.gradients(in[0], in[1], in[2], in[3]);
        double[][] gb = balanced.gradients(in[0], in[1], in[2], in[3]);
        // The prior's weights reach the loss only through the KL: α of the plain gradient.
        for (int i = 8; i < 12; i++) {
            for (int k = 0; k < gp[i].length; k++) assertEquals(0.8 * gp[i][k], gb[i][k], 1e-12, "prior " + i + "[" + k + "]");
        }
        // The decoder's and the reward head's never see the KL: unchanged.
        for (int i = 16; i < 24; i++) {
            for (int k = 0; k < gp[i].length; k++) assertEquals(gp[i][k], gb[i][k], 1e-12, "head " + i + "[" + k + "]");
        }
        // While the posterior's differ (1 − α of their KL part): balancing does something there.
        double diff = 0;
        for (int k = 0; k < gp[14].length; k++) diff += Math.abs(gp[14][k] - gb[14][k]);
        assertEquals(true, diff > 1e-6);
    }

    @Test
    void aTrainingStepKeepsThePosteriorStatesOfItsBatchBeforeItsUpdate() {
        RssmGraph g = new RssmGraph(TINY, 0, false, 0.8, 1e-2, Seeds.random(3));
        assertEquals(null, g.lastPosteriorStates());
        double[][] in = batch(11);
        float[][] f = new float[4][];
        for (int i = 0; i < 4; i++) {
            f[i] = new float[in[i].length];
            for (int k = 0; k < f[i].length; k++) f[i][k] = (float) in[i][k];
        }
        float[][] before = g.outputs(f[0], f[1], f[3]);
        g.train(f[0], f[1], f[2], f[3]);
        float[][] kept = g.lastPosteriorStates();
        float[][] after = g.outputs(f[0], f[1], f[3]);
        double moved = 0;
        for (int i = 0; i < 2; i++) {
            assertEquals(before[i].length, kept[i].length);
            for (int k = 0; k < kept[i].length; k++) {
                assertEquals(before[i][k], kept[i][k], 1e-6, (i == 0 ? "h" : "z") + "[" + k + "]");
                moved += Math.abs(after[i][k] - kept[i][k]);
            }
        }
        // The step did change the weights, so the states kept are the ones before it.
        assertEquals(true, moved > 1e-4, "moved " + moved);
    }

    @Test
    void badSizesAndArraysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RssmGraph.Sizes(5, 4, 3, 3, 2, 3, 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new RssmGraph.Sizes(5, 0, 3, 3, 2, 3, 1, 3, 2));
        RssmGraph g = graph(0, false);
        assertThrows(IllegalArgumentException.class, () -> g.losses(new double[3], new double[ROWS], new double[ROWS],
                new double[ROWS * 2]));
    }
}
