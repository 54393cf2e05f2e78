package org.mbrllab.engine.dreamer;

import java.util.Objects;
import org.mbrllab.engine.worldmodels.PlainLayers;

/**
 * The Kullback–Leibler divergence between two Gaussians with diagonal covariance, in nats: the term of the
 * world model's loss that pulls the posterior q(z_t | h_t, o_t) and the prior p(z_t | h_t) together, and the
 * number the latent-state view draws for each context step.
 * <pre>
 *   KL(q ‖ p) = Σ_j [ ln σ_p,j − ln σ_q,j + (σ_q,j² + (μ_q,j − μ_p,j)²) / (2 σ_p,j²) − ½ ]
 * </pre>
 * (the closed form for two normal densities, e.g. Kingma &amp; Welling 2014, appendix B, one dimension at a
 * time; {@link org.mbrllab.engine.nn.RssmGraph}'s loss writes the same sum with SameDiff ops, and
 * {@code GaussianKlTest} checks that the two agree). It is 0 only when the two Gaussians are equal, and it is
 * not symmetric: a prior too narrow for the posterior costs more than one too wide.
 *
 * <p>What it says about the model: over the context, a large KL at a step means the frame told the model
 * much that its prior had not expected (the first frame, where h = 0 and the prior knows nothing, always does);
 * a small one means the model could have imagined that frame without seeing it. Free nats (RssmConfig) let
 * each step keep up to that many nats without cost.
 */
public final class GaussianKl {
    private GaussianKl() {}

    /**
     * KL(N(μ_q, σ_q²) ‖ N(μ_p, σ_p²)) summed over the dimensions, in float64.
     *
     * @param meanQ μ_q, the first Gaussian's means
     * @param stdQ  σ_q, its standard deviations, each &gt; 0
     * @param meanP μ_p, the second's means (as many)
     * @param stdP  σ_p, its standard deviations, each &gt; 0
     */
    public static double divergence(float[] meanQ, float[] stdQ, float[] meanP, float[] stdP) {
        Objects.requireNonNull(meanQ, "meanQ");
        int n = meanQ.length;
        PlainLayers.check(stdQ.length, n, "stdQ");
        PlainLayers.check(meanP.length, n, "meanP");
        PlainLayers.check(stdP.length, n, "stdP");
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double sq = stdQ[j];
            double sp = stdP[j];
            if (!(sq > 0) || !(sp > 0)) {
                throw new IllegalArgumentException("standard deviations must be > 0: σ_q[" + j + "] = " + sq + ", σ_p[" + j + "] = " + sp);
            }
            double d = (double) meanQ[j] - meanP[j];
            sum += Math.log(sp / sq) + (sq * sq + d * d) / (2 * sp * sp) - 0.5;
        }
        return sum;
    }

    /**
     * KL(posterior ‖ prior) of a state that has seen a frame: q is the Gaussian the state's z was drawn from
     * ({@link FrozenRssm#observe}), p the prior {@link FrozenRssm#prior} gives at the same h, that is what the
     * model expected before the frame.
     *
     * @throws IllegalArgumentException if the state was imagined (it has no posterior)
     */
    public static double posteriorToPrior(FrozenRssm model, FrozenRssm.State state) {
        Objects.requireNonNull(model, "model");
        if (!state.posterior()) throw new IllegalArgumentException("an imagined state has no posterior: its z came from the prior");
        float[][] prior = model.prior(state);
        return divergence(state.mean(), state.std(), prior[0], prior[1]);
    }
}
