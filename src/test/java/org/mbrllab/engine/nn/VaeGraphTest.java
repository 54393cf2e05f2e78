package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The VAE loss and its gradient, against the formulas and against central finite differences in float64. */
class VaeGraphTest {
    private static final int PIXELS = 12;
    private static final int HIDDEN = 6;
    private static final int LATENT = 3;
    private static final int ROWS = 4;
    /** The step of the central differences. */
    private static final double H = 1e-6;
    /**
     * Central differences in float64 err by about h²·L‴ (truncation, ≈ 1e-12 here) plus the rounding of the
     * two losses, about ε·|L| / h (ε ≈ 1.1e-16): so a relative 1e-6 plus an absolute 10 ε|L|/h.
     */
    private static final double RELATIVE = 1e-6;

    private static double[] frames(RandomGenerator r) {
        double[] x = new double[ROWS * PIXELS];
        // Sparse frames in {0, 0.5, 1}, like Dodge's.
        for (int i = 0; i < x.length; i++) x[i] = r.nextDouble() < 0.3 ? (r.nextBoolean() ? 1 : 0.5) : 0;
        return x;
    }

    private static double[] noise(RandomGenerator r) {
        double[] e = new double[ROWS * LATENT];
        for (int i = 0; i < e.length; i++) e[i] = r.nextGaussian();
        return e;
    }

    /** Every weight's analytic gradient against (L(θ + h) − L(θ − h)) / 2h. */
    private static void assertGradientsMatchFiniteDifferences(double freeBits) {
        RandomGenerator r = Seeds.random(11);
        VaeGraph vae = new VaeGraph(PIXELS, HIDDEN, LATENT, freeBits, 1e-3, Seeds.random(3), DataType.DOUBLE);
        double[] x = frames(r);
        double[] eps = noise(r);
        double[][] analytic = vae.gradients(x, eps, ROWS);
        double rounding = 10 * Math.ulp(1.0) * Math.abs(vae.loss(x, eps, ROWS)) / H;
        int checked = 0;
        for (int p = 0; p < analytic.length; p++) {
            INDArray w = vae.weight(p);
            assertEquals(DataType.DOUBLE, w.dataType());
            for (int k = 0; k < w.length(); k++) {
                double original = w.getDouble(k);
                w.putScalar(k, original + H);
                double plus = vae.loss(x, eps, ROWS);
                w.putScalar(k, original - H);
                double minus = vae.loss(x, eps, ROWS);
                w.putScalar(k, original);
                double numeric = (plus - minus) / (2 * H);
                double scale = Math.max(1e-3, Math.max(Math.abs(numeric), Math.abs(analytic[p][k])));
                assertEquals(numeric, analytic[p][k], RELATIVE * scale + rounding,
                        VaeGraph.ORDER.split(" ")[p] + "[" + k + "]");
                checked++;
            }
        }
        assertEquals(PIXELS * HIDDEN + HIDDEN + 2 * (HIDDEN * LATENT + LATENT) + LATENT * HIDDEN + HIDDEN
                + HIDDEN * PIXELS + PIXELS, checked);
    }

    @Test
    void lossGradientMatchesFiniteDifferencesWithoutFreeBits() {
        assertGradientsMatchFiniteDifferences(0);
    }

    @Test
    void lossGradientMatchesFiniteDifferencesWithTheFloorAboveEveryKl() {
        assertGradientsMatchFiniteDifferences(50);
    }

    @Test
    void lossIsReconstructionPlusKlOrTheFloorWhicheverIsLarger() {
        RandomGenerator r = Seeds.random(5);
        float[] x = new float[ROWS * PIXELS];
        for (int i = 0; i < x.length; i++) x[i] = r.nextDouble() < 0.3 ? 1 : 0;
        float[] eps = new float[ROWS * LATENT];
        for (int i = 0; i < eps.length; i++) eps[i] = (float) r.nextGaussian();
        VaeGraph free = new VaeGraph(PIXELS, HIDDEN, LATENT, 0, 1e-3, Seeds.random(3));
        double[] l = free.losses(x, eps, ROWS);
        assertEquals(l[1] + l[2], l[0], 1e-5 * Math.abs(l[0]), "no floor: rec + KL");
        assertTrue(l[2] > 0 && l[2] < 50 * LATENT, "KL " + l[2]);
        VaeGraph floored = new VaeGraph(PIXELS, HIDDEN, LATENT, 50, 1e-3, Seeds.random(3));
        double[] f = floored.losses(x, eps, ROWS);
        assertEquals(l[1], f[1], 1e-6, "same weights, same reconstruction");
        assertEquals(f[1] + 50 * LATENT, f[0], 1e-4, "floor above every KL: rec + λZ");
    }

    @Test
    void reconstructionIsTheBinaryCrossEntropyOfTheDecodedPixels() {
        RandomGenerator r = Seeds.random(8);
        float[] x = new float[PIXELS];
        for (int i = 0; i < x.length; i++) x[i] = r.nextDouble() < 0.4 ? 1 : 0;
        VaeGraph vae = new VaeGraph(PIXELS, HIDDEN, LATENT, 0, 1e-3, Seeds.random(3));
        // With ε = 0 the sample is μ, so the decoded frame is decode(μ).
        float[] mu = vae.encode(x, 1)[0];
        float[] p = vae.decode(mu, 1);
        double bce = 0;
        for (int i = 0; i < PIXELS; i++) bce -= x[i] * Math.log(p[i]) + (1 - x[i]) * Math.log(1 - p[i]);
        assertEquals(bce, vae.losses(x, new float[LATENT], 1)[1], 1e-4 * bce);
    }
}
