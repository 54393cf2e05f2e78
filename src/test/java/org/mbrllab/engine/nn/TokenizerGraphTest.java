package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The VQ tokenizer's forward values and its straight-through gradient, against float64 central finite
 * differences of the pieces the class comment names: the decoder's weights get the loss's derivative, the
 * codebook the codebook term's, and the encoder (∂recon/∂ẑ)(∂z/∂θ) + β ∂commit/∂θ.
 */
class TokenizerGraphTest {
    private static final TokenizerGraph.Sizes TINY = new TokenizerGraph.Sizes(4, 2, 5, 3, 6, 7, 0.25);
    private static final int N = 3;
    private static final double H = 1e-6;
    /** Relative tolerance of a central difference in float64 (truncation ≈ h², rounding ≈ ε|L|/h). */
    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE = 1e-8;

    private static double[] frames() {
        RandomGenerator r = Seeds.random(11);
        double[] x = new double[N * TINY.pixels()];
        // Grey everywhere: a black patch would put the encoder's ELU exactly at its kink (biases start at 0), where a
        // central difference errs by O(h).
        for (int i = 0; i < x.length; i++) x[i] = 0.05 + 0.9 * r.nextDouble();
        return x;
    }

    private static TokenizerGraph graph() {
        return new TokenizerGraph(TINY, 1e-3, Seeds.random(3), DataType.DOUBLE);
    }

    /** The quantised vectors q_i = C[k_i] of the chosen codes (n·T·D). */
    private static double[] quantised(TokenizerGraph g, int[] codes) {
        INDArray c = g.weight(TokenizerGraph.CODEBOOK);
        int d = TINY.dimension();
        double[] q = new double[codes.length * d];
        for (int i = 0; i < codes.length; i++) {
            for (int j = 0; j < d; j++) q[i * d + j] = c.getDouble(codes[i], j);
        }
        return q;
    }

    private static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertEquals(expected, actual, RELATIVE * scale + ABSOLUTE, what);
    }

    @Test
    void codesAreTheNearestAndTheLossIsReconPlusCodebookPlusBetaCommit() {
        TokenizerGraph g = graph();
        double[] x = frames();
        int[] codes = g.codes(x, N);
        double[] z = g.z(x, N);
        INDArray c = g.weight(TokenizerGraph.CODEBOOK);
        int d = TINY.dimension();
        double squared = 0;
        for (int i = 0; i < codes.length; i++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            double[] distance = new double[TINY.codes()];
            for (int k = 0; k < TINY.codes(); k++) {
                for (int j = 0; j < d; j++) distance[k] += Math.pow(z[i * d + j] - c.getDouble(k, j), 2);
                if (distance[k] < bestDistance) {
                    bestDistance = distance[k];
                    best = k;
                }
            }
            assertEquals(best, codes[i], "patch " + i);
            squared += bestDistance;
        }
        double[] q = quantised(g, codes);
        double[] v = g.scalars(x, q, N, "loss", "recon", "codebook_loss", "commit", "recon_in");
        assertEquals(squared / N, v[2], 1e-12, "codebook term: Σ‖z − q‖² per frame");
        assertEquals(v[2], v[3], 1e-12, "the commitment term has the same value");
        assertEquals(v[1] + v[2] + 0.25 * v[3], v[0], 1e-12);
        assertEquals(v[4], v[1], 1e-12, "the decoder on q gives the straight-through forward value");
    }

    @Test
    void decoderGradientIsTheLossDerivative() {
        TokenizerGraph g = graph();
        double[] x = frames();
        double[][] analytic = g.gradients(x, N);
        double[] q = quantised(g, g.codes(x, N));
        for (int p = 5; p <= 8; p++) {
            INDArray w = g.weight(p);
            for (int k = 0; k < w.length(); k++) {
                double numeric = difference(g, w, k, () -> g.scalars(x, q, N, "loss")[0]);
                assertClose(numeric, analytic[p][k], TokenizerGraph.ORDER.split(" ")[p] + "[" + k + "]");
            }
        }
    }

    @Test
    void codebookGradientIsTheCodebookTermsDerivativeOnly() {
        TokenizerGraph g = graph();
        double[] x = frames();
        int[] codes = g.codes(x, N);
        double[][] analytic = g.gradients(x, N);
        INDArray c = g.weight(TokenizerGraph.CODEBOOK);
        double[] zero = new double[N * TINY.tokens() * TINY.dimension()];
        int nonZero = 0;
        for (int k = 0; k < c.length(); k++) {
            double numeric = difference(g, c, k, () -> g.scalars(x, zero, N, "codebook_loss")[0]);
            assertClose(numeric, analytic[TokenizerGraph.CODEBOOK][k], "codebook[" + k + "]");
            if (Math.abs(numeric) > 1e-6) nonZero++;
        }
        assertArrayEquals(codes, g.codes(x, N), "the nudges must not change the choice");
        assertEquals(true, nonZero > 0, "some code is chosen, so some gradient is not zero");
    }

    @Test
    void encoderGradientIsTheStraightThroughChainRule() {
        TokenizerGraph g = graph();
        double[] x = frames();
        int[] codes = g.codes(x, N);
        double[][] analytic = g.gradients(x, N);
        double[] q = quantised(g, codes);
        // ∂recon/∂ẑ at ẑ = q, through the decoder alone.
        double[] dRecon = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            double original = q[i];
            q[i] = original + H;
            double plus = g.scalars(x, q, N, "recon_in")[0];
            q[i] = original - H;
            double minus = g.scalars(x, q, N, "recon_in")[0];
            q[i] = original;
            dRecon[i] = (plus - minus) / (2 * H);
        }
        int checked = 0;
        for (int p = 0; p <= 3; p++) {
            INDArray w = g.weight(p);
            for (int k = 0; k < w.length(); k++) {
                double original = w.getDouble(k);
                w.putScalar(k, original + H);
                double[] zPlus = g.z(x, N);
                double commitPlus = g.scalars(x, q, N, "commit")[0];
                assertArrayEquals(codes, g.codes(x, N));
                w.putScalar(k, original - H);
                double[] zMinus = g.z(x, N);
                double commitMinus = g.scalars(x, q, N, "commit")[0];
                w.putScalar(k, original);
                double chain = 0;
                for (int i = 0; i < dRecon.length; i++) chain += dRecon[i] * (zPlus[i] - zMinus[i]) / (2 * H);
                double expected = chain + 0.25 * (commitPlus - commitMinus) / (2 * H);
                assertClose(expected, analytic[p][k], TokenizerGraph.ORDER.split(" ")[p] + "[" + k + "]");
                checked++;
            }
        }
        assertEquals(4 * 5 + 5 + 5 * 3 + 3, checked);
    }

    private static double difference(TokenizerGraph g, INDArray w, int k, java.util.function.DoubleSupplier loss) {
        double original = w.getDouble(k);
        w.putScalar(k, original + H);
        double plus = loss.getAsDouble();
        w.putScalar(k, original - H);
        double minus = loss.getAsDouble();
        w.putScalar(k, original);
        return (plus - minus) / (2 * H);
    }

    @Test
    void patchesAreCutRowMajorOverTheGrid() {
        float[] frame = new float[16];
        for (int i = 0; i < 16; i++) frame[i] = i;
        // 4×4 frame, 2×2 patches: patch 0 is pixels 0 1 4 5, patch 1 is 2 3 6 7, patch 2 is 8 9 12 13.
        float[] expected = {0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15};
        assertArrayEquals(expected, TokenizerGraph.patches(frame, TINY), 0);
    }
}
