package org.mbrllab.engine.worldmodels;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.nn.MdnRnnGraph;

/**
 * An immutable copy of a trained M ({@link MdnRnnGraph}), run in plain Java: one GRU step, the mixture
 * for the next latent and the done probability, and sampling at a temperature. Made by
 * {@link MdnRnnTrainer#freeze()}. A dream runs thousands of single steps, where SameDiff's cost of about
 * 17 µs per op would be all overhead (STACK.md); here a step is a few matrix-vector products.
 * {@code FrozenMdnRnnTest} checks that both give the same numbers.
 *
 * <h2>One step (float32, as the graph)</h2>
 * <pre>
 *   x = [z, onehot(a)]
 *   [r, u] = sigmoid([x, h] W_g + b_g),   n = tanh([x, r ⊙ h] W_c + b_c),   h' = n + u ⊙ (h − n)
 *   [ℓ, μ, log σ] = h' W_m + b_m,         p(done) = sigmoid(h' w_d + b_d)
 * </pre>
 *
 * <h2>Temperature (Ha and Schmidhuber 2018, section 4.3 and their code's {@code sample_z})</h2>
 * For each latent dimension j on its own: a component g is drawn with probability softmax_g(ℓ_gj / τ),
 * then z_j = μ_gj + σ_gj √τ ε with ε ~ N(0, 1). τ = 1 samples M's own mixture; τ &lt; 1 sharpens the
 * choice of component and narrows each Gaussian (τ → 0: the most likely component's mean); τ &gt; 1 does
 * the opposite, making a dream more uncertain and so harder for the controller to exploit.
 */
public final class FrozenMdnRnn {
    /** The smallest and largest temperature {@link #sample} accepts. */
    public static final double MIN_TEMPERATURE = 1e-4;
    public static final double MAX_TEMPERATURE = 10;

    private final int latent;
    private final int hidden;
    private final int components;
    private final int in;
    private final float[] gateW;
    private final float[] gateB;
    private final float[] candW;
    private final float[] candB;
    private final float[] mixW;
    private final float[] mixB;
    private final float[] doneW;
    private final float doneB;
    /** gate_w, cand_w and mix_w transposed, for the dream's {@link Stepper}. */
    private final float[] gateWT;
    private final float[] candWT;
    private final float[] mixWT;

    /** @param weights the eight arrays of {@link MdnRnnGraph#weights()}, not copied (the caller gives up its own copy) */
    FrozenMdnRnn(int latent, int hidden, int components, float[][] weights) {
        if (weights.length != 8) throw new IllegalArgumentException(weights.length + " weight arrays, expected 8");
        this.latent = latent;
        this.hidden = hidden;
        this.components = components;
        this.in = latent + MdnRnnGraph.ACTIONS;
        int gz = components * latent;
        gateW = size(weights[0], (in + hidden) * 2 * hidden, "gate_w");
        gateB = size(weights[1], 2 * hidden, "gate_b");
        candW = size(weights[2], (in + hidden) * hidden, "cand_w");
        candB = size(weights[3], hidden, "cand_b");
        mixW = size(weights[4], hidden * 3 * gz, "mix_w");
        mixB = size(weights[5], 3 * gz, "mix_b");
        doneW = size(weights[6], hidden, "done_w");
        doneB = size(weights[7], 1, "done_b")[0];
        gateWT = PlainLayers.transpose(gateW, in + hidden, 2 * hidden);
        candWT = PlainLayers.transpose(candW, in + hidden, hidden);
        mixWT = PlainLayers.transpose(mixW, hidden, 3 * gz);
    }

    private static float[] size(float[] w, int expected, String name) {
        PlainLayers.check(w.length, expected, name);
        return w;
    }

    /** Copies of the eight weight arrays, in {@link MdnRnnGraph#weights()} order (what the constructor takes). */
    float[][] weights() {
        return new float[][] {gateW.clone(), gateB.clone(), candW.clone(), candB.clone(), mixW.clone(), mixB.clone(),
                doneW.clone(), new float[] {doneB}};
    }

    /** Z, the latent size. */
    public int latent() {
        return latent;
    }

    /** H, the size of the hidden state. */
    public int hiddenUnits() {
        return hidden;
    }

    /** G, Gaussians per latent dimension. */
    public int components() {
        return components;
    }

    /** h_0 = 0, where every training sequence started. */
    public float[] initialState() {
        return new float[hidden];
    }

    /** h' after seeing latent z and taking {@code action} in state h; h is not changed. */
    public float[] step(float[] h, float[] z, Dodge.Action action) {
        PlainLayers.check(h.length, hidden, "h");
        PlainLayers.check(z.length, latent, "z");
        Objects.requireNonNull(action, "action");
        float[] v = new float[in + hidden];
        System.arraycopy(z, 0, v, 0, latent);
        v[latent + action.ordinal()] = 1;
        System.arraycopy(h, 0, v, in, hidden);
        float[] gates = new float[2 * hidden];
        PlainLayers.dense(v, gateW, gateB, in + hidden, 2 * hidden, gates);
        for (int k = 0; k < gates.length; k++) gates[k] = (float) (1 / (1 + Math.exp(-gates[k])));
        for (int k = 0; k < hidden; k++) v[in + k] = gates[k] * h[k];
        float[] n = new float[hidden];
        PlainLayers.dense(v, candW, candB, in + hidden, hidden, n);
        float[] next = new float[hidden];
        for (int k = 0; k < hidden; k++) {
            float nk = (float) Math.tanh(n[k]);
            next[k] = nk + gates[hidden + k] * (h[k] - nk);
        }
        return next;
    }

    /** The mixture for the next latent and the done probability, read from a hidden state h' (after a step). */
    public Mixture mixture(float[] h) {
        PlainLayers.check(h.length, hidden, "h");
        float[] raw = new float[3 * components * latent];
        PlainLayers.dense(h, mixW, mixB, hidden, raw.length, raw);
        float done = doneB;
        for (int k = 0; k < hidden; k++) done += h[k] * doneW[k];
        return new Mixture(components, latent, raw, done);
    }

    /**
     * A next latent drawn from {@code mixture} at temperature τ, as the paper does (see the class comment).
     *
     * @param tau τ, {@value #MIN_TEMPERATURE} to {@value #MAX_TEMPERATURE}
     */
    public static float[] sample(Mixture mixture, double tau, RandomGenerator random) {
        Check.inRange("tau", tau, MIN_TEMPERATURE, MAX_TEMPERATURE);
        int g = mixture.components();
        float[] z = new float[mixture.latent()];
        double[] w = new double[g];
        double scale = Math.sqrt(tau);
        for (int j = 0; j < z.length; j++) {
            mixture.temperedWeights(j, tau, w);
            double u = random.nextDouble();
            int pick = g - 1;
            for (int c = 0; c < g; c++) {
                u -= w[c];
                if (u < 0) {
                    pick = c;
                    break;
                }
            }
            z[j] = (float) (mixture.mean(pick, j) + mixture.sigma(pick, j) * scale * random.nextGaussian());
        }
        return z;
    }

    /** A {@link Stepper} for dreams run on this M: its own scratch space, so one per thread. */
    public Stepper stepper() {
        return new Stepper();
    }

    /**
     * One dream step done in place, without the allocations of {@link #step}, {@link #mixture} and
     * {@link #sample}, and computing only the head outputs a sample needs: all G·Z logits, but the mean
     * and log σ of only the component drawn in each dimension (Z of each instead of G·Z). It gives
     * exactly the numbers of those three methods, drawing from the random stream in the same order
     * ({@code FrozenMdnRnnTest} checks this). Not thread-safe: one per thread.
     */
    public final class Stepper {
        private final float[] v = new float[in + hidden];
        private final float[] gates = new float[2 * hidden];
        private final float[] cand = new float[hidden];
        private final float[] logits = new float[components * latent];
        private final float[] logitB;
        private final double[] weights = new double[components];

        private Stepper() {
            logitB = java.util.Arrays.copyOf(mixB, components * latent);
        }

        /**
         * h ← M's next hidden state after latent z and {@code action}; z ← a draw of the next latent at
         * temperature τ.
         *
         * @return the logit of p(done) read from the new h
         */
        public double advance(float[] h, float[] z, Dodge.Action action, double tau, RandomGenerator random) {
            // The GRU step, as step().
            System.arraycopy(z, 0, v, 0, latent);
            for (int a = 0; a < MdnRnnGraph.ACTIONS; a++) v[latent + a] = 0;
            v[latent + action.ordinal()] = 1;
            System.arraycopy(h, 0, v, in, hidden);
            PlainLayers.denseTransposed(v, gateWT, gateB, in + hidden, 2 * hidden, gates);
            for (int k = 0; k < gates.length; k++) gates[k] = (float) (1 / (1 + Math.exp(-gates[k])));
            for (int k = 0; k < hidden; k++) v[in + k] = gates[k] * h[k];
            PlainLayers.denseTransposed(v, candWT, candB, in + hidden, hidden, cand);
            for (int k = 0; k < hidden; k++) {
                float nk = (float) Math.tanh(cand[k]);
                h[k] = nk + gates[hidden + k] * (h[k] - nk);
            }
            // The head: logits in full (the first G·Z columns of mix_w), then a component per dimension.
            int gz = components * latent;
            PlainLayers.denseTransposed(h, mixWT, logitB, hidden, gz, logits);
            double scale = Math.sqrt(tau);
            for (int j = 0; j < latent; j++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int g = 0; g < components; g++) max = Math.max(max, logits[g * latent + j] / tau);
                double sum = 0;
                for (int g = 0; g < components; g++) {
                    weights[g] = Math.exp(logits[g * latent + j] / tau - max);
                    sum += weights[g];
                }
                double u = random.nextDouble();
                int pick = components - 1;
                for (int g = 0; g < components; g++) {
                    u -= weights[g] / sum;
                    if (u < 0) {
                        pick = g;
                        break;
                    }
                }
                int meanCol = gz + pick * latent + j;
                int sigmaCol = meanCol + gz;
                float mean = mixB[meanCol];
                float logSigma = mixB[sigmaCol];
                int meanRow = meanCol * hidden;
                int sigmaRow = sigmaCol * hidden;
                for (int i = 0; i < hidden; i++) {
                    float hi = h[i];
                    mean += hi * mixWT[meanRow + i];
                    logSigma += hi * mixWT[sigmaRow + i];
                }
                z[j] = (float) (mean + Math.exp(logSigma) * scale * random.nextGaussian());
            }
            float done = doneB;
            for (int k = 0; k < hidden; k++) done += h[k] * doneW[k];
            return done;
        }
    }

    /**
     * M's prediction for one step: per latent dimension j a mixture of G Gaussians (logits ℓ_gj, means
     * μ_gj, log σ_gj), and the logit of the done flag. Immutable.
     */
    public static final class Mixture {
        private final int components;
        private final int latent;
        /** The head's output: G·Z logits, G·Z means, G·Z log σ; component g of dimension j at g·Z + j in each. */
        private final float[] raw;
        private final float doneLogit;

        Mixture(int components, int latent, float[] raw, float doneLogit) {
            PlainLayers.check(raw.length, 3 * components * latent, "raw");
            this.components = components;
            this.latent = latent;
            this.raw = raw.clone();
            this.doneLogit = doneLogit;
        }

        public int components() {
            return components;
        }

        public int latent() {
            return latent;
        }

        /** ℓ_gj, the unnormalised log weight of component g of dimension j. */
        public double logit(int g, int j) {
            return raw[index(g, j)];
        }

        /** μ_gj. */
        public double mean(int g, int j) {
            return raw[components * latent + index(g, j)];
        }

        /** log σ_gj. */
        public double logSigma(int g, int j) {
            return raw[2 * components * latent + index(g, j)];
        }

        /** σ_gj. */
        public double sigma(int g, int j) {
            return Math.exp(logSigma(g, j));
        }

        /** π_gj = softmax_g(ℓ_·j), component g's weight in dimension j. */
        public double weight(int g, int j) {
            double[] w = new double[components];
            temperedWeights(j, 1, w);
            return w[g];
        }

        /** softmax_g(ℓ_gj / τ) for dimension j, into {@code out} (G values). */
        public void temperedWeights(int j, double tau, double[] out) {
            PlainLayers.check(out.length, components, "out");
            double max = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < components; g++) max = Math.max(max, logit(g, j) / tau);
            double sum = 0;
            for (int g = 0; g < components; g++) {
                out[g] = Math.exp(logit(g, j) / tau - max);
                sum += out[g];
            }
            for (int g = 0; g < components; g++) out[g] /= sum;
        }

        /**
         * log p(z) = Σ_j log Σ_g π_gj N(z_j; μ_gj, σ_gj), in double precision, each inner sum as a
         * log-sum-exp: how well this prediction explains an actual next latent z (Z values).
         */
        public double logDensity(float[] z) {
            PlainLayers.check(z.length, latent, "z");
            double total = 0;
            double[] a = new double[components];
            for (int j = 0; j < latent; j++) {
                double max = Double.NEGATIVE_INFINITY;
                double logitMax = Double.NEGATIVE_INFINITY;
                for (int g = 0; g < components; g++) logitMax = Math.max(logitMax, logit(g, j));
                double norm = 0;
                for (int g = 0; g < components; g++) norm += Math.exp(logit(g, j) - logitMax);
                for (int g = 0; g < components; g++) {
                    double d = (z[j] - mean(g, j)) / sigma(g, j);
                    a[g] = logit(g, j) - logitMax - Math.log(norm) - 0.5 * d * d - logSigma(g, j)
                            - 0.5 * Math.log(2 * Math.PI);
                    max = Math.max(max, a[g]);
                }
                double sum = 0;
                for (int g = 0; g < components; g++) sum += Math.exp(a[g] - max);
                total += max + Math.log(sum);
            }
            return total;
        }

        /** The logit of p(done). */
        public double doneLogit() {
            return doneLogit;
        }

        /** p(done): that the step just taken ended the episode. */
        public double doneProbability() {
            return 1 / (1 + Math.exp(-doneLogit));
        }

        private int index(int g, int j) {
            if (g < 0 || g >= components || j < 0 || j >= latent) {
                throw new IndexOutOfBoundsException("component " + g + " of " + components + ", dimension " + j + " of " + latent);
            }
            return g * latent + j;
        }
    }
}
