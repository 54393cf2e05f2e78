package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The MDN-RNN loss and its gradient, against a hand-computed case and central finite differences in float64. */
class MdnRnnGraphTest {
    private static final int LATENT = 2;
    private static final int HIDDEN = 3;
    private static final int COMPONENTS = 3;
    private static final int STEPS = 3;
    private static final int BATCH = 2;
    private static final int IN = LATENT + MdnRnnGraph.ACTIONS;
    /** The step of the central differences. */
    private static final double H = 1e-6;
    /** As in {@code VaeGraphTest}: truncation ≈ h²·L‴ plus rounding ≈ 10 ε|L|/h. */
    private static final double RELATIVE = 1e-6;

    /** Two sequences: the first all real, the second ending after its first step (mask 1, 0, 0). */
    private static final double[] MASK = {1, 1, 1, 1, 0, 0};

    private static double[] inputs(RandomGenerator r) {
        double[] x = new double[BATCH * STEPS * IN];
        for (int s = 0; s < BATCH * STEPS; s++) {
            for (int j = 0; j < LATENT; j++) x[s * IN + j] = r.nextGaussian();
            x[s * IN + LATENT + r.nextInt(3)] = 1;
        }
        return x;
    }

    private static double[] gaussians(RandomGenerator r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    private static MdnRnnGraph doubleGraph(double doneWeight) {
        return new MdnRnnGraph(LATENT, HIDDEN, COMPONENTS, STEPS, doneWeight, 1e-3, Seeds.random(3), DataType.DOUBLE);
    }

    @Test
    void lossGradientMatchesFiniteDifferencesForEveryWeightWithPaddingMasked() {
        RandomGenerator r = Seeds.random(11);
        MdnRnnGraph m = doubleGraph(0.7);
        // Spread the head's outputs so that the mixture is not symmetric and the σ's differ.
        INDArray mixB = m.weight(5);
        for (int k = 0; k < mixB.length(); k++) mixB.putScalar(k, 0.5 * r.nextGaussian());
        double[] x = inputs(r);
        double[] target = gaussians(r, BATCH * STEPS * LATENT);
        double[] done = {0, 0, 1, 1, 0, 0};
        double[][] analytic = m.gradients(x, target, done, MASK, BATCH);
        double rounding = 10 * Math.ulp(1.0) * Math.abs(m.loss(x, target, done, MASK, BATCH)) / H;
        int checked = 0;
        for (int p = 0; p < analytic.length; p++) {
            INDArray w = m.weight(p);
            assertEquals(DataType.DOUBLE, w.dataType());
            for (int k = 0; k < w.length(); k++) {
                double original = w.getDouble(k);
                w.putScalar(k, original + H);
                double plus = m.loss(x, target, done, MASK, BATCH);
                w.putScalar(k, original - H);
                double minus = m.loss(x, target, done, MASK, BATCH);
                w.putScalar(k, original);
                double numeric = (plus - minus) / (2 * H);
                double scale = Math.max(1e-3, Math.max(Math.abs(numeric), Math.abs(analytic[p][k])));
                assertEquals(numeric, analytic[p][k], RELATIVE * scale + rounding,
                        MdnRnnGraph.ORDER.split(" ")[p] + "[" + k + "]");
                checked++;
            }
        }
        int gz = COMPONENTS * LATENT;
        assertEquals((IN + HIDDEN) * 2 * HIDDEN + 2 * HIDDEN + (IN + HIDDEN) * HIDDEN + HIDDEN
                + HIDDEN * 3 * gz + 3 * gz + HIDDEN + 1, checked);
    }

    @Test
    void paddedStepsChangeNeitherTheLossNorItsGradient() {
        RandomGenerator r = Seeds.random(12);
        MdnRnnGraph m = doubleGraph(1);
        double[] x = inputs(r);
        double[] target = gaussians(r, BATCH * STEPS * LATENT);
        double[] done = {0, 0, 1, 0, 0, 0};
        double loss = m.loss(x, target, done, MASK, BATCH);
        double[][] gradient = m.gradients(x, target, done, MASK, BATCH);
        // Rewrite everything of sequence 1 after its first step: inputs, targets and done flags.
        for (int t = 1; t < STEPS; t++) {
            int row = STEPS + t;
            for (int j = 0; j < IN; j++) x[row * IN + j] = 5 + t + j;
            for (int j = 0; j < LATENT; j++) target[row * LATENT + j] = -7 * t;
            done[row] = 1;
        }
        assertEquals(loss, m.loss(x, target, done, MASK, BATCH), 1e-12);
        double[][] after = m.gradients(x, target, done, MASK, BATCH);
        for (int p = 0; p < gradient.length; p++) {
            for (int k = 0; k < gradient[p].length; k++) assertEquals(gradient[p][k], after[p][k], 1e-12, p + "[" + k + "]");
        }
        // While the same rewrite of a real step does change it.
        target[0] += 1;
        assertTrue(Math.abs(m.loss(x, target, done, MASK, BATCH) - loss) > 1e-3);
    }

    /**
     * G = 2, Z = 1, L = 2, H = 1. With every GRU weight 0 and the candidate's bias c, both gates are ½ and
     * n = tanh c, so h_1 = ½ tanh c and h_2 = ¾ tanh c; the heads are affine in h. The expected loss is
     * computed here from the densities themselves, not in the log domain.
     */
    @Test
    void lossOfATinyHandBuiltCaseMatchesTheFormula() {
        double c = 0.8;
        double[] mixW = {1.0, -0.5, 2.0, -1.0, 0.3, -0.4};   // ℓ_0, ℓ_1, μ_0, μ_1, log σ_0, log σ_1
        double[] mixB = {0.2, 0.1, -0.5, 0.7, -0.2, 0.4};
        double doneW = 1.5;
        double doneB = -1.0;
        double[] z = {0.3, -0.6};            // z_0, z_1 (the inputs)
        double[] target = {-0.6, 0.9};       // z_1, z_2
        double[] done = {0, 1};
        double doneWeight = 0.5;
        MdnRnnGraph m = new MdnRnnGraph(1, 1, 2, 2, doneWeight, 1e-3, Seeds.random(1), DataType.DOUBLE);
        m.weight(0).assign(0);
        m.weight(1).assign(0);
        m.weight(2).assign(0);
        m.weight(3).assign(c);
        for (int k = 0; k < 6; k++) {
            m.weight(4).putScalar(k, mixW[k]);
            m.weight(5).putScalar(k, mixB[k]);
        }
        m.weight(6).assign(doneW);
        m.weight(7).assign(doneB);
        double[] x = {z[0], 1, 0, 0, z[1], 0, 0, 1};   // actions LEFT, then RIGHT: they do not matter here
        double[] h = {0.5 * Math.tanh(c), 0.75 * Math.tanh(c)};
        double[] nll = new double[2];
        double[] bce = new double[2];
        for (int t = 0; t < 2; t++) {
            double[] o = new double[6];
            for (int k = 0; k < 6; k++) o[k] = h[t] * mixW[k] + mixB[k];
            double pi0 = Math.exp(o[0]) / (Math.exp(o[0]) + Math.exp(o[1]));
            double density = pi0 * normal(target[t], o[2], Math.exp(o[4])) + (1 - pi0) * normal(target[t], o[3], Math.exp(o[5]));
            nll[t] = -Math.log(density);
            double p = 1 / (1 + Math.exp(-(h[t] * doneW + doneB)));
            bce[t] = -(done[t] * Math.log(p) + (1 - done[t]) * Math.log(1 - p));
        }
        double both = (nll[0] + nll[1]) / 2 + doneWeight * (bce[0] + bce[1]) / 2;
        assertEquals(both, m.loss(x, target, done, new double[] {1, 1}, 1), 1e-12);
        double first = nll[0] + doneWeight * bce[0];
        assertEquals(first, m.loss(x, target, done, new double[] {1, 0}, 1), 1e-12);
        // Worked numbers, to catch a formula both sides get wrong: tanh 0.8 = 0.66404.
        assertEquals(0.66404, Math.tanh(c), 1e-5);
        assertTrue(both > 0 && Double.isFinite(both));
    }

    private static double normal(double v, double mu, double sigma) {
        double d = (v - mu) / sigma;
        return Math.exp(-0.5 * d * d) / (sigma * Math.sqrt(2 * Math.PI));
    }
}
