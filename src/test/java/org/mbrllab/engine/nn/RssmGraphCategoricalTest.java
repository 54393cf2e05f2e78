package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The RSSM with categorical latents (DreamerV2): its draws, the 1 % uniform mix, the categorical KL and the
 * straight-through gradient, against hand-computed values and central finite differences in float64.
 */
class RssmGraphCategoricalTest {
    /** G = 2 groups of K = 3 classes: z has 6 values. */
    private static final RssmGraph.Sizes CAT = new RssmGraph.Sizes(5, 4, 3, 3, 2, 3, 1, 3, 2, 3);
    private static final int G = 2, K = 3, Z = G * K;
    private static final int ROWS = CAT.steps() * CAT.batch();
    /** The step of the central differences. */
    private static final double H = 1e-6;
    /** As in {@code RssmGraphTest}: truncation ≈ h²·L‴ plus rounding ≈ 10 ε|L|/h. */
    private static final double RELATIVE = 1e-6;
    private static final int POST_W2 = 14, POST_B2 = 15, PRIOR_W2 = 10, PRIOR_B2 = 11;

    /** {frames, actions, rewards, uniforms u in (0, 1)}, time-major. */
    private static double[][] batch(long seed) {
        RandomGenerator r = Seeds.random(seed);
        double[] frames = new double[ROWS * CAT.pixels()];
        for (int i = 0; i < frames.length; i++) frames[i] = r.nextDouble();
        double[] actions = new double[ROWS];
        double[] rewards = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            actions[i] = r.nextGaussian();
            rewards[i] = r.nextGaussian();
        }
        double[] u = new double[ROWS * Z];
        for (int i = 0; i < u.length; i++) u[i] = 1e-9 + (1 - 2e-9) * r.nextDouble();
        return new double[][] {frames, actions, rewards, u};
    }

    private static RssmGraph graph(double freeNats, boolean balance, boolean surrogate) {
        return new RssmGraph(CAT, freeNats, balance, 0.8, 1e-3, Seeds.random(3), DataType.DOUBLE, surrogate);
    }

    /** Spreads the heads' output biases, so that the prior and the posterior differ and no class is even. */
    private static void spreadBiases(RssmGraph g) {
        RandomGenerator r = Seeds.random(8);
        for (int i : new int[] {PRIOR_B2, POST_B2}) {
            INDArray bias = g.weight(i);
            for (int k = 0; k < bias.length(); k++) bias.putScalar(k, r.nextGaussian());
        }
    }

    /** Σ_k q_k ln(q_k / p_k): the KL of two categoricals, straight from its definition. */
    static double kl(double[] q, double[] p) {
        double s = 0;
        for (int k = 0; k < q.length; k++) s += q[k] * Math.log(q[k] / p[k]);
        return s;
    }

    /** 0.99 · softmax(ℓ) + 0.01/K. */
    static double[] unimix(double... logits) {
        double sum = 0;
        for (double l : logits) sum += Math.exp(l);
        double[] p = new double[logits.length];
        for (int k = 0; k < p.length; k++) p[k] = 0.99 * Math.exp(logits[k]) / sum + 0.01 / logits.length;
        return p;
    }

    @Test
    void eachGroupIsAGumbelMaxOneHotOfTheUnimixedPosteriorAndTheLossPartsFollow() {
        double free = 0.05;
        RssmGraph g = graph(free, false, false);
        spreadBiases(g);
        double[][] in = batch(5);
        double[][] out = g.outputs(in[0], in[1], in[3]);
        double[] losses = g.losses(in[0], in[1], in[2], in[3]);
        double kl = 0, floored = 0;
        int drawnOtherThanTheMode = 0;
        for (int row = 0; row < ROWS; row++) {
            double rowKl = 0;
            for (int grp = 0; grp < G; grp++) {
                int from = row * Z + grp * K;
                double[] q = new double[K], p = new double[K];
                double sumQ = 0;
                int best = 0, mode = 0;
                for (int k = 0; k < K; k++) {
                    q[k] = out[2][from + k];
                    p[k] = out[4][from + k];
                    sumQ += q[k];
                    // The standard deviation of a one-hot's entry: √(q (1 − q)).
                    assertEquals(Math.sqrt(q[k] * (1 - q[k])), out[3][from + k], 1e-12);
                    double score = Math.log(q[k]) - Math.log(-Math.log(in[3][from + k]));
                    double bestScore = Math.log(q[best]) - Math.log(-Math.log(in[3][from + best]));
                    if (score > bestScore) best = k;
                    if (q[k] > q[mode]) mode = k;
                }
                assertEquals(1, sumQ, 1e-12, "row " + row + " group " + grp);
                for (int k = 0; k < K; k++) {
                    // z is the one-hot of the Gumbel-max class (the straight-through p − sg(p) adds nothing to it).
                    assertEquals(k == best ? 1 : 0, out[1][from + k], 1e-12, "row " + row + " group " + grp + " class " + k);
                }
                if (best != mode) drawnOtherThanTheMode++;
                rowKl += kl(q, p);
            }
            kl += rowKl / ROWS;
            floored += Math.max(rowKl, free) / ROWS;
        }
        assertTrue(drawnOtherThanTheMode > 0, "the draws are random, not always the mode");
        assertEquals(kl, losses[3], 1e-12);
        assertEquals(losses[1] + losses[2] + floored, losses[0], 1e-12);
    }

    @Test
    void theUnimixKeepsEveryProbabilityAtLeastAHundredthOfUniform() {
        RssmGraph g = graph(0, false, false);
        // Logits of hundreds: the softmax alone would give probabilities of e^−100 and less.
        RandomGenerator r = Seeds.random(12);
        for (int i : new int[] {PRIOR_W2, PRIOR_B2, POST_W2, POST_B2}) {
            INDArray w = g.weight(i);
            for (int k = 0; k < w.length(); k++) w.putScalar(k, 300 * r.nextGaussian());
        }
        double[][] in = batch(13);
        double[][] out = g.outputs(in[0], in[1], in[3]);
        double floor = 0.01 / K;
        double smallest = 1;
        for (int which : new int[] {2, 4}) {
            for (double p : out[which]) {
                assertTrue(p >= floor * (1 - 1e-12), "p = " + p + " below 0.01/K = " + floor);
                assertTrue(p <= 0.99 + floor + 1e-12, "p = " + p);
                smallest = Math.min(smallest, p);
            }
        }
        // The floor is reached (the softmax did saturate), and the KL stays finite there.
        assertEquals(floor, smallest, 1e-12);
        assertTrue(Double.isFinite(g.losses(in[0], in[1], in[2], in[3])[3]));
    }

    @Test
    void theCategoricalKlWithUnimixMatchesTheClosedForm() {
        RssmGraph g = graph(0, false, false);
        // Heads that ignore h: the logits are the output biases. Posterior groups (ln 4, 0, 0) and (0, 0, ln 4);
        // the prior uniform (logits 0), which the mix leaves uniform.
        for (int i : new int[] {PRIOR_W2, POST_W2}) g.weight(i).assign(0);
        g.weight(PRIOR_B2).assign(0);
        double ln4 = Math.log(4);
        double[] post = {ln4, 0, 0, 0, 0, ln4};
        for (int k = 0; k < Z; k++) g.weight(POST_B2).putScalar(k, post[k]);
        double[][] in = batch(14);
        // softmax (2/3, 1/6, 1/6); mixed q = (0.66333…, 0.16833…, 0.16833…); KL to uniform Σ q ln(3q) per group:
        // 0.6633333 ln 1.99 + 0.3366667 ln 0.505 = 0.2264530 (without the mix it would be ln(2)/3 = 0.2310491).
        assertEquals(0.2264530376, kl(unimix(ln4, 0, 0), unimix(0, 0, 0)), 1e-10);
        assertEquals(2 * 0.2264530376, g.losses(in[0], in[1], in[2], in[3])[3], 1e-10);
        // And a prior that is not uniform, (1, −1, 0.5) in both groups, against the definition.
        double[] prior = {1, -1, 0.5, 1, -1, 0.5};
        for (int k = 0; k < Z; k++) g.weight(PRIOR_B2).putScalar(k, prior[k]);
        double expected = kl(unimix(ln4, 0, 0), unimix(1, -1, 0.5)) + kl(unimix(0, 0, ln4), unimix(1, -1, 0.5));
        assertEquals(expected, g.losses(in[0], in[1], in[2], in[3])[3], 1e-12);
    }

    /**
     * The straight-through estimator against its definition. The loss L(θ) of a draw z = onehot(k*(θ, u)) + p(θ)
     * − sg(p(θ)) is, as a function of θ, piecewise constant in the one-hot (argmax is flat almost everywhere) and
     * does not depend on p through z at all (p − p = 0), so the finite differences of the sampled loss see no
     * path from z back to the posterior, the GRU and the encoder: that path is what the estimator adds. What the
     * graph's autodiff computes is, by construction, the gradient at θ₀ of the surrogate
     * <pre>
     *   L̃(θ) = L with z_t = s_t + p_t(θ) − c_t,   s_t = onehot(k*(θ₀, u)),  c_t = p_t(θ₀)  held fixed,
     * </pre>
     * which has the same value as L at θ₀ and whose gradient is an ordinary one, so its central finite
     * differences must match autodiff for every weight. A second graph evaluates L̃ from s and c fed in, with the
     * same weights. Then, to show the check has teeth: the finite differences of the sampled loss itself agree
     * with autodiff exactly where the estimator adds nothing (the prior, which reaches the loss only through the
     * KL; the decoder and the reward head, whose inputs z are the one-hot values), and miss it on the posterior's
     * output layer.
     */
    @Test
    void theStraightThroughGradientIsTheGradientOfTheSurrogateWithTheDrawsHeldFixed() {
        RssmGraph g = graph(0, false, false);
        spreadBiases(g);
        RssmGraph s = graph(0, false, true);
        for (int i = 0; i < 24; i++) s.weight(i).assign(g.weight(i));
        double[][] in = batch(9);
        double[][] out = g.outputs(in[0], in[1], in[3]);
        double[] sample = new double[ROWS * Z];
        for (int i = 0; i < sample.length; i++) sample[i] = Math.rint(out[1][i]);
        double[] probs = out[2];
        double loss = g.losses(in[0], in[1], in[2], in[3])[0];
        assertEquals(loss, s.surrogateLosses(in[0], in[1], in[2], in[3], sample, probs)[0], 1e-12, "the same value at θ₀");
        double[][] analytic = g.gradients(in[0], in[1], in[2], in[3]);
        double rounding = 10 * Math.ulp(1.0) * Math.abs(loss) / H;
        String[] names = RssmGraph.ORDER.split(" ");
        int checked = 0;
        double missed = 0;
        for (int p = 0; p < analytic.length; p++) {
            INDArray ws = s.weight(p);
            INDArray wg = g.weight(p);
            for (int k = 0; k < ws.length(); k++) {
                double original = ws.getDouble(k);
                ws.putScalar(k, original + H);
                double plus = s.surrogateLosses(in[0], in[1], in[2], in[3], sample, probs)[0];
                ws.putScalar(k, original - H);
                double minus = s.surrogateLosses(in[0], in[1], in[2], in[3], sample, probs)[0];
                ws.putScalar(k, original);
                double numeric = (plus - minus) / (2 * H);
                double scale = Math.max(1e-3, Math.max(Math.abs(numeric), Math.abs(analytic[p][k])));
                assertEquals(numeric, analytic[p][k], RELATIVE * scale + rounding, names[p] + "[" + k + "] (surrogate)");
                checked++;
                // The sampled loss's own finite differences.
                boolean exact = (p >= 8 && p < 12) || p >= 16;
                if (exact || p == POST_W2) {
                    wg.putScalar(k, original + H);
                    double sPlus = g.losses(in[0], in[1], in[2], in[3])[0];
                    wg.putScalar(k, original - H);
                    double sMinus = g.losses(in[0], in[1], in[2], in[3])[0];
                    wg.putScalar(k, original);
                    double sampled = (sPlus - sMinus) / (2 * H);
                    if (exact) {
                        assertEquals(sampled, analytic[p][k], RELATIVE * scale + rounding, names[p] + "[" + k + "] (sampled)");
                    } else {
                        missed = Math.max(missed, Math.abs(sampled - analytic[p][k]));
                    }
                }
            }
        }
        int pix = 5, ue = 4, e = 3, h = 3, u = 3, a = 1, z = Z;
        int expected = pix * ue + ue + ue * e + e + (z + a + h) * 3 * h + 3 * h + h * u + u + u * z + z
                + (h + e) * u + u + u * z + z + (h + z) * ue + ue + ue * pix + pix + (h + z) * u + u + u + 1;
        assertEquals(expected, checked);
        assertTrue(missed > 1e-4, "the sampled loss's differences miss the straight-through term: " + missed);
    }

    @Test
    void balancingAndFreeNatsActOnTheCategoricalKlAsOnTheGaussian() {
        RssmGraph plain = graph(0, false, false);
        RssmGraph balanced = graph(0, true, false);
        RssmGraph free = graph(50, false, false);
        for (RssmGraph g : new RssmGraph[] {plain, balanced, free}) spreadBiases(g);
        double[][] in = batch(10);
        assertEquals(plain.losses(in[0], in[1], in[2], in[3])[0], balanced.losses(in[0], in[1], in[2], in[3])[0], 1e-12);
        double[][] gp = plain.gradients(in[0], in[1], in[2], in[3]);
        double[][] gb = balanced.gradients(in[0], in[1], in[2], in[3]);
        double[][] gf = free.gradients(in[0], in[1], in[2], in[3]);
        double[] lf = free.losses(in[0], in[1], in[2], in[3]);
        assertEquals(lf[1] + lf[2] + 50, lf[0], 1e-12);
        for (int i = 8; i < 12; i++) {
            for (int k = 0; k < gp[i].length; k++) {
                // The prior reaches the loss only through the KL: α of its plain gradient, none under the free nats.
                assertEquals(0.8 * gp[i][k], gb[i][k], 1e-12, "prior " + i + "[" + k + "]");
                assertEquals(0, gf[i][k], "prior " + i + "[" + k + "] under free nats");
            }
        }
        double diff = 0;
        for (int k = 0; k < gp[POST_W2].length; k++) diff += Math.abs(gp[POST_W2][k] - gb[POST_W2][k]);
        assertTrue(diff > 1e-6, "balancing changes the posterior's gradient");
    }

    @Test
    void badClassCountsAndNoiseOfTheWrongWidthAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RssmGraph.Sizes(5, 4, 3, 3, 2, 3, 1, 3, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new RssmGraph.Sizes(5, 4, 3, 3, 2, 3, 1, 3, 2, -2));
        assertEquals(Z, CAT.latent());
        assertEquals(Z, CAT.headOutputs());
        RssmGraph g = graph(0, false, false);
        double[][] in = batch(15);
        // G uniforms per row (the Gaussian's width) instead of G·K.
        assertThrows(IllegalArgumentException.class, () -> g.losses(in[0], in[1], in[2], new double[ROWS * G]));
    }
}
