package org.mbrllab.engine.dreamer;

import org.mbrllab.engine.nn.RssmGraph;
import org.mbrllab.engine.worldmodels.PlainLayers;

/**
 * An immutable copy of a trained RSSM ({@link RssmGraph}), run in plain Java: the world model as the
 * imagination viewer, open-loop evaluation and (later) behaviour learning use it, one step at a time. Made by
 * {@link RssmTrainer#freeze()}. Thousands of single steps in SameDiff would cost about 17 µs per op in
 * overhead alone (STACK.md); here a step is a few matrix-vector products. Holds no INDArray, changes nothing
 * after construction, and every {@link State} it returns is immutable, so one copy can be handed to any
 * number of threads. {@code FrozenRssmTest} checks that it gives the graph's numbers.
 *
 * <h2>The steps (float32, as the graph; see {@link RssmGraph} for the equations)</h2>
 * <pre>
 *   observe (filtering):  h_t = GRU(h_{t−1}, [z_{t−1}, a_{t−1}]) (h_0 = 0),  z_t = μ_q + σ_q ε   from q(z | h_t, e(o_t))
 *   imagine (prediction): h_t = GRU(h_{t−1}, [z_{t−1}, a_{t−1}]),           z_t = μ_p + σ_p ε   from p(z | h_t)
 *   decode:  ô_t from [h_t, z_t];    reward: symexp(r̂_t), the reward of the step that led to o_t
 * </pre>
 * ε = null means ε = 0: z is the distribution's mean, the deterministic choice open-loop evaluation makes.
 *
 * <h2>Categorical latents ({@link #categorical()}; DreamerV2)</h2>
 * z is G groups of K classes, one-hot per group: p = 0.99 · softmax(ℓ) + 0.01/K per group, from the head's G·K
 * logits, and the draw is Gumbel-max from the given uniforms u (G·K values in (0, 1), passed as {@code eps}):
 * class argmax_k (log p_gk − log(−log u_gk)), as the graph draws it. With null the draw is each group's mode,
 * argmax_k p_gk (the first on a tie): the counterpart of the Gaussian's mean, and still a one-hot, the kind of z
 * the decoder was trained on (the mean p is not). A state's {@link State#mean()} is then p, the mean of the
 * one-hot, and {@link State#std()} √(p (1 − p)).
 *
 * <h2>Units</h2>
 * The model's action is the torque divided by {@value #MAX_TORQUE} after the environment's clip, so that it
 * lies in [−1, 1] ({@link #action}); its reward head predicts symlog r = sign(r) ln(1 + |r|) (DreamerV3), so
 * that the pendulum's rewards, from about −33 to 0 per step, become −3.5 to 0 ({@link #symlog}).
 */
public final class FrozenRssm {
    /** The torque limit of the pendulum: torques are clipped to ± this and divided by it. */
    public static final double MAX_TORQUE = 2;

    private final int pixels, encoderUnits, embedding, hidden, stochastic, classes, latent, headUnits;
    private final float[][] w;

    /**
     * @param sizes   the graph's sizes (only its model sizes matter: one action value is expected)
     * @param weights the 24 arrays of {@link RssmGraph#weights()}, not copied (the caller gives up its copy)
     */
    FrozenRssm(RssmGraph.Sizes sizes, float[][] weights) {
        if (weights.length != 24) throw new IllegalArgumentException(weights.length + " weight arrays, expected 24");
        if (sizes.actions() != 1) throw new IllegalArgumentException(sizes.actions() + " action values, expected 1");
        pixels = sizes.pixels();
        encoderUnits = sizes.encoderUnits();
        embedding = sizes.embedding();
        hidden = sizes.deterministic();
        stochastic = sizes.stochastic();
        classes = sizes.classes();
        latent = sizes.latent();
        headUnits = sizes.headUnits();
        int p = pixels, ue = encoderUnits, e = embedding, h = hidden, z = latent, u = headUnits, o = sizes.headOutputs();
        int[] lengths = {p * ue, ue, ue * e, e, (z + 1 + h) * 2 * h, 2 * h, (z + 1 + h) * h, h,
            h * u, u, u * o, o, (h + e) * u, u, u * o, o,
            (h + z) * ue, ue, ue * p, p, (h + z) * u, u, u, 1};
        String[] names = RssmGraph.ORDER.split(" ");
        for (int i = 0; i < 24; i++) PlainLayers.check(weights[i].length, lengths[i], names[i]);
        this.w = weights;
    }

    /** The model's action for a torque: clipped to ±{@value #MAX_TORQUE}, then divided by it. */
    public static float action(double torque) {
        return (float) (Math.max(-MAX_TORQUE, Math.min(MAX_TORQUE, torque)) / MAX_TORQUE);
    }

    /** symlog x = sign(x) ln(1 + |x|). */
    public static double symlog(double x) {
        return Math.signum(x) * Math.log1p(Math.abs(x));
    }

    /** symexp y = sign(y) (e^{|y|} − 1), the inverse of {@link #symlog}. */
    public static double symexp(double y) {
        return Math.signum(y) * Math.expm1(Math.abs(y));
    }

    /** P, values per frame. */
    public int pixels() {
        return pixels;
    }

    /** H, the deterministic state's size. */
    public int deterministic() {
        return hidden;
    }

    /** Z, the Gaussian stochastic state's size; for categorical latents G, the groups. */
    public int stochastic() {
        return stochastic;
    }

    /** K, the classes of each group of a categorical z; 0 for a Gaussian z. */
    public int classes() {
        return classes;
    }

    /** Whether z is categorical (G groups of K classes, one-hot each) rather than Gaussian. */
    public boolean categorical() {
        return classes > 0;
    }

    /** What z is: Gaussian or categorical. */
    public RssmConfig.Latents latents() {
        return categorical() ? RssmConfig.Latents.CATEGORICAL : RssmConfig.Latents.GAUSSIAN;
    }

    /** The values in z: Z, or G·K for a categorical z. */
    public int latent() {
        return latent;
    }

    /** The model's sizes, as a graph of them would take them (one action value; steps and batch are unused: 2 and 1). */
    RssmGraph.Sizes sizes() {
        return new RssmGraph.Sizes(pixels, encoderUnits, embedding, hidden, stochastic, headUnits, 1, 2, 1, classes);
    }

    /** Copies of the 24 weight arrays, in {@link RssmGraph#ORDER} (for {@link DreamerNetworks}). */
    float[][] weights() {
        float[][] copy = new float[w.length][];
        for (int i = 0; i < w.length; i++) copy[i] = w[i].clone();
        return copy;
    }

    /**
     * A filtering step: the posterior state after seeing {@code frame}.
     *
     * @param previous the state before, or null for a sequence's first frame (h = 0; the torque is then unused)
     * @param torque   the torque taken in {@code previous}, in N·m
     * @param frame    o_t, {@link #pixels()} values
     * @param eps      ε ({@link #latent()} values; for a categorical z the uniforms u), or null for the mean (the mode)
     */
    public State observe(State previous, double torque, float[] frame, float[] eps) {
        PlainLayers.check(frame.length, pixels, "frame");
        float[] h = previous == null ? new float[hidden] : transition(previous, torque);
        float[] a1 = new float[encoderUnits];
        PlainLayers.dense(frame, w[0], w[1], pixels, encoderUnits, a1);
        elu(a1);
        float[] in = new float[hidden + embedding];
        System.arraycopy(h, 0, in, 0, hidden);
        float[] e = new float[embedding];
        PlainLayers.dense(a1, w[2], w[3], encoderUnits, embedding, e);
        elu(e);
        System.arraycopy(e, 0, in, hidden, embedding);
        return sample(h, distribution(in, hidden + embedding, 12), eps, true);
    }

    /**
     * A prediction step: the prior state after taking {@code torque} in {@code previous}, without a frame.
     * Feeding its result back in is how a dream runs on: the state carried forward is always the one just
     * imagined.
     *
     * @param eps ε ({@link #latent()} values; for a categorical z the uniforms u), or null for the mean (the mode)
     */
    public State imagine(State previous, double torque, float[] eps) {
        float[] h = transition(previous, torque);
        return sample(h, distribution(h, hidden, 8), eps, false);
    }

    /**
     * {@link #imagine} with ε = 0 on a state given as one array [h, z] of H + Z values: the next state's
     * [h, z] (z the prior's mean; for a categorical z its mode), for planners that keep states as plain numbers ({@link LatentDynamics}).
     * The same arithmetic as {@code imagine(state, torque, null)}, so the same floats.
     */
    float[] imagineMean(float[] hz, double torque) {
        PlainLayers.check(hz.length, hidden + latent, "[h, z]");
        float[] hp = new float[hidden];
        float[] zp = new float[latent];
        System.arraycopy(hz, 0, hp, 0, hidden);
        System.arraycopy(hz, hidden, zp, 0, latent);
        float[] h = transition(hp, zp, torque);
        float[] next = new float[hidden + latent];
        System.arraycopy(h, 0, next, 0, hidden);
        System.arraycopy(sample(h, distribution(h, hidden, 8), null, false).z, 0, next, hidden, latent);
        return next;
    }

    /**
     * The prior p(z | h) at a state's h, as {mean, std}: what the model expected before seeing the frame (for a
     * categorical z: {p, √(p (1 − p))}).
     */
    public float[][] prior(State state) {
        return distribution(state.h, hidden, 8);
    }

    /** The decoded frame ô: the mean of the model's Gaussian over pixels, for a state. */
    public float[] decode(State state) {
        float[] f = feature(state);
        float[] a = new float[encoderUnits];
        PlainLayers.dense(f, w[16], w[17], hidden + latent, encoderUnits, a);
        elu(a);
        float[] out = new float[pixels];
        PlainLayers.dense(a, w[18], w[19], encoderUnits, pixels, out);
        return out;
    }

    /** The reward head's output r̂, in symlog units: the predicted symlog of the reward that led to this state. */
    public double rewardSymlog(State state) {
        return rewardSymlog(feature(state));
    }

    /** {@link #rewardSymlog(State)} of the state [h, z] given as one array of H + Z values. */
    double rewardSymlog(float[] f) {
        PlainLayers.check(f.length, hidden + latent, "[h, z]");
        float[] a = new float[headUnits];
        PlainLayers.dense(f, w[20], w[21], hidden + latent, headUnits, a);
        elu(a);
        float[] out = new float[1];
        PlainLayers.dense(a, w[22], w[23], headUnits, 1, out);
        return out[0];
    }

    /** The predicted reward of the step that led to this state, in the environment's units. */
    public double reward(State state) {
        return symexp(rewardSymlog(state));
    }

    // ---------------------------------------------------------------- the pieces

    /** h_t = GRU(h_{t−1}, [z_{t−1}, a_{t−1}]). */
    private float[] transition(State previous, double torque) {
        if (previous == null) throw new IllegalArgumentException("imagination needs a state to start from");
        return transition(previous.h, previous.z, torque);
    }

    /** h_t = GRU(h_{t−1}, [z_{t−1}, a_{t−1}]) from h_{t−1} and z_{t−1} as arrays (read, not kept). */
    private float[] transition(float[] hp, float[] zp, double torque) {
        int in = latent + 1;
        float[] v = new float[in + hidden];
        System.arraycopy(zp, 0, v, 0, latent);
        v[latent] = action(torque);
        System.arraycopy(hp, 0, v, in, hidden);
        float[] gates = new float[2 * hidden];
        PlainLayers.dense(v, w[4], w[5], in + hidden, 2 * hidden, gates);
        for (int k = 0; k < gates.length; k++) gates[k] = (float) (1 / (1 + Math.exp(-gates[k])));
        for (int k = 0; k < hidden; k++) v[in + k] = gates[k] * hp[k];
        float[] n = new float[hidden];
        PlainLayers.dense(v, w[6], w[7], in + hidden, hidden, n);
        float[] next = new float[hidden];
        for (int k = 0; k < hidden; k++) {
            float nk = (float) Math.tanh(n[k]);
            next[k] = nk + gates[hidden + k] * (hp[k] - nk);
        }
        return next;
    }

    /** {mean, std} of the prior (first = 8) or the posterior (first = 12) head on {@code in}. */
    private float[][] distribution(float[] in, int fanIn, int first) {
        float[] a = new float[headUnits];
        PlainLayers.dense(in, w[first], w[first + 1], fanIn, headUnits, a);
        elu(a);
        int outputs = categorical() ? latent : 2 * latent;
        float[] out = new float[outputs];
        PlainLayers.dense(a, w[first + 2], w[first + 3], headUnits, outputs, out);
        return categorical() ? categorical(out) : gaussian(out);
    }

    /** {μ, σ = softplus(s) + min std} from the head's [μ, s]. */
    private float[][] gaussian(float[] out) {
        float[] mean = new float[latent];
        float[] std = new float[latent];
        for (int j = 0; j < latent; j++) {
            mean[j] = out[j];
            double s = out[latent + j];
            std[j] = (float) ((float) (Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s)))) + RssmGraph.MIN_STD);
        }
        return new float[][] {mean, std};
    }

    /** {p, √(p (1 − p))} from the head's G·K logits: p = 0.99 · softmax + 0.01/K within each group. */
    private float[][] categorical(float[] logits) {
        float[] p = new float[latent];
        float[] std = new float[latent];
        for (int g = 0; g < stochastic; g++) {
            int from = g * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) max = Math.max(max, logits[from + k]);
            double sum = 0;
            for (int k = 0; k < classes; k++) sum += Math.exp(logits[from + k] - max);
            for (int k = 0; k < classes; k++) {
                double soft = Math.exp(logits[from + k] - max) / sum;
                p[from + k] = (float) ((1 - RssmGraph.UNIMIX) * soft + RssmGraph.UNIMIX / classes);
                std[from + k] = (float) Math.sqrt(p[from + k] * (1.0 - p[from + k]));
            }
        }
        return new float[][] {p, std};
    }

    private State sample(float[] h, float[][] dist, float[] eps, boolean posterior) {
        float[] z = new float[latent];
        if (eps != null) PlainLayers.check(eps.length, latent, "eps");
        if (categorical()) {
            for (int g = 0; g < stochastic; g++) z[g * classes + drawClass(dist[0], g, eps)] = 1;
        } else {
            for (int j = 0; j < latent; j++) z[j] = eps == null ? dist[0][j] : dist[0][j] + dist[1][j] * eps[j];
        }
        return new State(h, z, dist[0], dist[1], posterior);
    }

    /**
     * Group g's class: argmax_k (log p_gk − log(−log u_gk)) (Gumbel-max), or argmax_k p_gk without u; the first
     * on a tie, as the graph's argmax.
     */
    private int drawClass(float[] p, int g, float[] u) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            int i = g * classes + k;
            double score = p[i];
            if (u != null) {
                if (!(u[i] > 0 && u[i] < 1)) {
                    throw new IllegalArgumentException("u[" + i + "] = " + u[i] + ": a categorical draw needs uniforms in (0, 1)");
                }
                score = Math.log(p[i]) - Math.log(-Math.log(u[i]));
            }
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    private float[] feature(State state) {
        float[] f = new float[hidden + latent];
        System.arraycopy(state.h, 0, f, 0, hidden);
        System.arraycopy(state.z, 0, f, hidden, latent);
        return f;
    }

    private static void elu(float[] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) x[i] = (float) Math.expm1(x[i]);
        }
    }

    /**
     * One model state: h, the sample z, and the Gaussian z was drawn from (the posterior after
     * {@link #observe}, the prior after {@link #imagine}). Immutable: the getters return copies.
     */
    public static final class State {
        private final float[] h;
        private final float[] z;
        private final float[] mean;
        private final float[] std;
        private final boolean posterior;

        private State(float[] h, float[] z, float[] mean, float[] std, boolean posterior) {
            this.h = h;
            this.z = z;
            this.mean = mean;
            this.std = std;
            this.posterior = posterior;
        }

        /** h, the deterministic state. */
        public float[] h() {
            return h.clone();
        }

        /** z, the stochastic state. */
        public float[] z() {
            return z.clone();
        }

        /** The mean of the Gaussian z was drawn from (categorical: the class probabilities p). */
        public float[] mean() {
            return mean.clone();
        }

        /** The standard deviation of the Gaussian z was drawn from (categorical: √(p (1 − p)) per class). */
        public float[] std() {
            return std.clone();
        }

        /** Whether z came from the posterior (a frame was seen) rather than the prior (imagined). */
        public boolean posterior() {
            return posterior;
        }
    }
}
