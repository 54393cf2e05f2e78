package org.mbrllab.engine.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The recurrent state-space model (RSSM) of PlaNet and Dreamer (Hafner et al. 2019, "Learning latent
 * dynamics for planning from pixels", section 3; 2020, "Dream to control", section 3), with a Gaussian
 * stochastic state, or DreamerV2's categorical one (below): the world model of the Dreamer lesson. The
 * lesson's {@code engine.dreamer.RssmTrainer} trains it and copies its weights into the plain-Java
 * {@code FrozenRssm}.
 *
 * <h2>The model, for a batch of B sequences of L steps (t = 0 … L − 1)</h2>
 * <pre>
 *   e_t = elu(elu(o_t W_e1 + b_e1) W_e2 + b_e2)                     encoder (P → U_e → E)
 *   h_0 = 0;  h_t = GRU(h_{t−1}, [z_{t−1}, a_{t−1}])  (t ≥ 1)        deterministic state, H units
 *   prior      p(z_t | h_t)      = N(μ_p, σ_p²):  [μ_p, s_p] = elu(h_t W_p1 + b_p1) W_p2 + b_p2
 *   posterior  q(z_t | h_t, e_t) = N(μ_q, σ_q²):  [μ_q, s_q] = elu([h_t, e_t] W_q1 + b_q1) W_q2 + b_q2
 *   σ = softplus(s) + 0.1;   z_t = μ_q + σ_q ⊙ ε_t,  ε_t ~ N(0, I) fed in (the reparameterisation trick)
 *   ô_t = elu([h_t, z_t] W_d1 + b_d1) W_d2 + b_d2                   decoder, the mean of a unit Gaussian
 *   r̂_t = elu([h_t, z_t] W_r1 + b_r1) W_r2 + b_r2                   reward head: the reward that led to o_t
 * </pre>
 * The GRU is MdnRnnGraph's: [r, u] = sigmoid([x, h] W_g + b_g), n = tanh([x, r ⊙ h] W_c + b_c),
 * h' = n + u ⊙ (h − n), with x = [z, a]. The 0.1 under σ keeps the KL from rewarding a collapse of σ
 * (Dreamer's {@code min_std}).
 *
 * <h2>The loss (Dreamer's Eq. 10, per step, averaged)</h2>
 * <pre>
 *   recon  = mean_{t,b} ½ Σ_pixels (ô_t − o_t)²                     −log N(o; ô, I) up to a constant
 *   reward = mean_{t≥1,b} ½ (r̂_t − r_t)²                            r_t: the target fed for step t
 *   KL_tb  = Σ_j [log σ_p − log σ_q + (σ_q² + (μ_q − μ_p)²) / (2σ_p²) − ½]
 *   kl     = mean_{t,b} max(KL_tb, free)                             free nats, per step
 *   loss   = recon + reward + kl
 * </pre>
 * With KL balancing (DreamerV2, Hafner et al. 2021, section 2.2) the kl term is
 * α·max(KL(sg(q) ‖ p), free) + (1 − α)·max(KL(q ‖ sg(p)), free), sg the stop-gradient: the same value,
 * but the prior is pulled towards the posterior α/(1 − α) times harder than the posterior towards the
 * prior, so the representation is not regularised towards a poorly trained prior. Step 0 has no reward
 * target (no action led to o_0 inside the sequence).
 *
 * <h2>Categorical latents (DreamerV2, Hafner et al. 2021, section 2.1; the unimix of DreamerV3, 2023)</h2>
 * With {@link Sizes#classes()} K &gt; 0, z_t is G = {@link Sizes#stochastic()} groups of K classes, one one-hot
 * vector per group (G·K values): the prior and the posterior heads output G·K logits ℓ instead of [μ, s], and
 * <pre>
 *   p_gk = 0.99 · softmax_k(ℓ_g)_k + 0.01 / K                        1 % uniform mix ("unimix"): p_gk ≥ 0.01/K
 *   k*_g = argmax_k (log p_gk + γ_gk),  γ_gk = −log(−log u_gk)        Gumbel-max: a draw from p_g, given u ~ U(0, 1)
 *   z_t  = onehot(k*) + p − sg(p)                                   straight-through: the value is the one-hot,
 *                                                                   the gradient that of p (Bengio et al. 2013)
 *   KL_tb = Σ_g Σ_k q_gk (log q_gk − log p_gk)                       summed over the groups, then free nats and
 *                                                                   balancing exactly as for the Gaussian
 * </pre>
 * The uniforms u are fed as the {@code eps} placeholder (G·K per row), so the graph stays a deterministic
 * function of its inputs. The straight-through gradient is not the gradient of the sampled loss (whose sample is
 * piecewise constant in θ): it is the gradient of the surrogate in which the one-hot and sg(p) are held at
 * their values; {@code RssmGraphTest} checks it against finite differences of exactly that surrogate, which a
 * graph built for the test computes from the one-hots and probabilities fed in ({@code st_sample},
 * {@code st_probs}). The unimix keeps every log-probability finite and every gradient of the KL bounded. The
 * outputs {@code post_mean} and {@code prior_mean} are then p (the mean of the one-hot), {@code post_std} and
 * {@code prior_std} are √(p (1 − p)) (its standard deviation per class).
 *
 * <h2>Why it is written out by hand</h2>
 * SameDiff 1.0.0-M2.1's {@code gruCell} has no gradient and {@code sd.rnn.gru} gives wrong ones (STACK.md),
 * so the GRU is composed from plain ops, unrolled over L steps; the KL is written out. {@code RssmGraphTest}
 * checks every weight's gradient against finite differences in float64.
 *
 * <h2>Layout (time-major, row-major)</h2>
 * Every per-step array is (L·B, ·) with row t·B + b for step t of sequence b, so that one step's rows are one
 * interval: frames (L·B, P), actions a_t (L·B, A; the last step's are not used), reward targets (L·B, 1; step
 * 0's not used), noise ε (L·B, Z; for categorical latents the uniforms u, L·B × G·K). B and L are fixed
 * when the graph is built. Outputs: {@code hidden},
 * {@code z}, {@code post_mean}, {@code post_std}, {@code prior_mean}, {@code prior_std}, {@code decoded},
 * {@code reward_pred}. The weights come out as float arrays in the order {@value #ORDER}, matrices
 * (fan-in, fan-out); a concatenated input's first rows belong to its first part ([z, a, h] for the GRU,
 * [h, e] for the posterior, [h, z] for the heads); the gate matrix's first H columns are the reset gate's,
 * the prior's and posterior's first Z output columns are μ (categorical: group g's logits are columns g·K …
 * g·K + K − 1, and so are its classes in z). Float32 for training; a float64 graph exists for
 * the gradient test. Confined to one thread.
 */
public final class RssmGraph {
    /** The weight arrays, in the order {@link #weights()} gives them. */
    public static final String ORDER = "enc_w1 enc_b1 enc_w2 enc_b2 gate_w gate_b cand_w cand_b "
            + "prior_w1 prior_b1 prior_w2 prior_b2 post_w1 post_b1 post_w2 post_b2 "
            + "dec_w1 dec_b1 dec_w2 dec_b2 rew_w1 rew_b1 rew_w2 rew_b2";
    private static final String[] NAMES = ORDER.split(" ");
    /** The smallest standard deviation of the prior and the posterior. */
    public static final double MIN_STD = 0.1;
    /** The weight of the uniform distribution mixed into a categorical latent's probabilities (DreamerV3: 1 %). */
    public static final double UNIMIX = 0.01;
    private static final String[] OUTPUTS = {"hidden", "z", "post_mean", "post_std", "prior_mean", "prior_std",
        "decoded", "reward_pred"};

    /**
     * The sizes of the model and of the batches it trains on.
     *
     * @param pixels        P, values per frame
     * @param encoderUnits  U_e, the hidden layer of the encoder and of the decoder
     * @param embedding     E, the encoder's output
     * @param deterministic H, the GRU's units
     * @param stochastic    Z, the Gaussian state's dimensions; for categorical latents G, the groups
     * @param headUnits     U, the hidden layer of the prior, the posterior and the reward head
     * @param actions       A, values per action
     * @param steps         L, the unrolled sequence length, at least 2
     * @param batch         B, sequences per batch
     * @param classes       K, the classes of each group of a categorical z (DreamerV2's {@code discrete}), at
     *                      least 2; 0 for a Gaussian z
     */
    public record Sizes(int pixels, int encoderUnits, int embedding, int deterministic, int stochastic,
                        int headUnits, int actions, int steps, int batch, int classes) {
        public Sizes {
            int[] v = {pixels, encoderUnits, embedding, deterministic, stochastic, headUnits, actions, batch};
            for (int x : v) {
                if (x < 1) throw new IllegalArgumentException("every size must be at least 1: " + this);
            }
            if (steps < 2) throw new IllegalArgumentException("steps " + steps + ": at least 2 (step 0 has no reward)");
            if (classes < 0 || classes == 1) {
                throw new IllegalArgumentException("classes " + classes + ": 0 (a Gaussian z) or at least 2 (a categorical z)");
            }
        }

        /** The sizes of a model with a Gaussian z. */
        public Sizes(int pixels, int encoderUnits, int embedding, int deterministic, int stochastic, int headUnits,
                     int actions, int steps, int batch) {
            this(pixels, encoderUnits, embedding, deterministic, stochastic, headUnits, actions, steps, batch, 0);
        }

        /** Whether z is categorical (G groups of K classes) rather than Gaussian. */
        public boolean categorical() {
            return classes > 0;
        }

        /** The values in z: Z for a Gaussian, G·K for a categorical z. */
        public int latent() {
            return categorical() ? stochastic * classes : stochastic;
        }

        /** The outputs of the prior and posterior heads: [μ, s] (2Z) or the logits (G·K). */
        public int headOutputs() {
            return categorical() ? stochastic * classes : 2 * stochastic;
        }
    }

    private final SameDiff sd;
    private final Sizes sizes;
    private final DataType type;
    private final boolean surrogate;
    private final FixedTrainingStep step;
    private float[][] lastStates;

    /**
     * A float32 graph with freshly drawn weights: matrices N(0, 1/fan-in) (LeCun), biases 0.
     *
     * @param freeNats     nats of KL per step that cost nothing (Dreamer: 3)
     * @param balance      whether to balance the KL (then α is its weight on the prior's side)
     * @param alpha        α of KL balancing, in (0, 1) (DreamerV2: 0.8)
     * @param learningRate Adam's step size
     */
    public RssmGraph(Sizes sizes, double freeNats, boolean balance, double alpha, double learningRate,
                     RandomGenerator random) {
        this(sizes, freeNats, balance, alpha, learningRate, random, DataType.FLOAT);
    }

    /** With a data type: {@link DataType#DOUBLE} for the finite-difference test. */
    RssmGraph(Sizes sizes, double freeNats, boolean balance, double alpha, double learningRate,
              RandomGenerator random, DataType type) {
        this(sizes, freeNats, balance, alpha, learningRate, random, type, false);
    }

    /**
     * With {@code surrogate} (categorical latents only, for the test of the straight-through gradient): z_t =
     * s_t + p_t − c_t with the one-hots s and the constants c fed as the placeholders {@code st_sample} and
     * {@code st_probs} (L·B, G·K) instead of drawn and stop-gradiented. Fed this graph's own s and p, its loss is
     * the straight-through surrogate, whose ordinary gradient the straight-through estimator is.
     */
    RssmGraph(Sizes sizes, double freeNats, boolean balance, double alpha, double learningRate,
              RandomGenerator random, DataType type, boolean surrogate) {
        if (surrogate && !sizes.categorical()) throw new IllegalArgumentException("the surrogate is for categorical latents");
        if (!(freeNats >= 0) || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("free nats " + freeNats + " (at least 0), alpha " + alpha + " (in (0, 1))");
        }
        Nd4jRuntime.ensureReady();
        this.sizes = sizes;
        this.type = type;
        this.surrogate = surrogate;
        this.sd = SameDiff.create();
        int p = sizes.pixels(), ue = sizes.encoderUnits(), e = sizes.embedding(), h = sizes.deterministic();
        int u = sizes.headUnits(), a = sizes.actions(), l = sizes.steps(), b = sizes.batch();
        int z = sizes.latent(), out = sizes.headOutputs();
        boolean categorical = sizes.categorical();
        int[][] dims = {{p, ue}, {1, ue}, {ue, e}, {1, e},
            {z + a + h, 2 * h}, {1, 2 * h}, {z + a + h, h}, {1, h},
            {h, u}, {1, u}, {u, out}, {1, out},
            {h + e, u}, {1, u}, {u, out}, {1, out},
            {h + z, ue}, {1, ue}, {ue, p}, {1, p},
            {h + z, u}, {1, u}, {u, 1}, {1, 1}};
        SDVariable[] w = new SDVariable[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            double[] values = new double[dims[i][0] * dims[i][1]];
            if (i % 2 == 0) {
                double sd0 = Math.sqrt(1.0 / dims[i][0]);
                for (int k = 0; k < values.length; k++) values[k] = sd0 * random.nextGaussian();
            }
            w[i] = sd.var(NAMES[i], Nd4j.create(values, new long[] {dims[i][0], dims[i][1]}, 'c').castTo(type));
        }
        SDVariable frames = sd.placeHolder("frames", type, (long) l * b, p);
        SDVariable actions = sd.placeHolder("actions", type, (long) l * b, a);
        SDVariable rewards = sd.placeHolder("rewards", type, (long) l * b, 1);
        SDVariable eps = sd.placeHolder("eps", type, (long) l * b, z);
        // Categorical: the Gumbel noise γ = −log(−log u) of every step at once, or the surrogate's s and c.
        SDVariable gumbel = categorical ? sd.math().log(sd.math().log(eps).neg()).neg() : null;
        SDVariable stSample = surrogate ? sd.placeHolder("st_sample", type, (long) l * b, z) : null;
        SDVariable stProbs = surrogate ? sd.placeHolder("st_probs", type, (long) l * b, z) : null;
        // 1. The encoder, on every frame at once.
        SDVariable embed = elu(elu(frames.mmul(w[0]).add(w[1])).mmul(w[2]).add(w[3]));
        // 2. The filtering recursion: h_t from the previous step, then the posterior sample z_t.
        SDVariable hPrev = sd.constant("h0", Nd4j.zeros(type, b, h));
        SDVariable zPrev = null;
        List<SDVariable> hs = new ArrayList<>(), zs = new ArrayList<>(), means = new ArrayList<>(), stds = new ArrayList<>();
        for (int t = 0; t < l; t++) {
            SDVariable ht = hPrev;
            if (t > 0) {
                SDVariable x = sd.concat(1, zPrev, rows(actions, t - 1));
                SDVariable gates = sd.nn().sigmoid(sd.concat(1, x, hPrev).mmul(w[4]).add(w[5]));
                SDVariable r = gates.get(SDIndex.all(), SDIndex.interval(0, h));
                SDVariable up = gates.get(SDIndex.all(), SDIndex.interval(h, 2 * h));
                SDVariable n = sd.math().tanh(sd.concat(1, x, r.mul(hPrev)).mmul(w[6]).add(w[7]));
                ht = n.add(up.mul(hPrev.sub(n)));
            }
            SDVariable q = elu(sd.concat(1, ht, rows(embed, t)).mmul(w[12]).add(w[13])).mmul(w[14]).add(w[15]);
            if (categorical) {
                SDVariable probs = unimix(q, b);
                SDVariable zt = surrogate ? rows(stSample, t).add(probs).sub(rows(stProbs, t))
                        : oneHotSample(probs, rows(gumbel, t), b).add(probs).sub(stop(probs));
                zs.add(zt);
                means.add(probs);
            } else {
                SDVariable mean = q.get(SDIndex.all(), SDIndex.interval(0, z));
                SDVariable std = sd.nn().softplus(q.get(SDIndex.all(), SDIndex.interval(z, 2 * z))).add(MIN_STD);
                zs.add(mean.add(std.mul(rows(eps, t))));
                means.add(mean);
                stds.add(std);
            }
            hs.add(ht);
            hPrev = ht;
            zPrev = zs.get(t);
        }
        SDVariable hAll = sd.concat(0, hs.toArray(new SDVariable[0])).rename("hidden");
        SDVariable zAll = sd.concat(0, zs.toArray(new SDVariable[0])).rename("z");
        SDVariable muQ = sd.concat(0, means.toArray(new SDVariable[0])).rename("post_mean");
        // 3. The prior, the decoder and the reward head, on every step at once.
        SDVariable pr = elu(hAll.mmul(w[8]).add(w[9])).mmul(w[10]).add(w[11]);
        SDVariable sigmaQ, muP, sigmaP;
        if (categorical) {
            muP = unimix(pr, (long) l * b).rename("prior_mean");
            sigmaQ = bernoulliStd(muQ).rename("post_std");
            sigmaP = bernoulliStd(muP).rename("prior_std");
        } else {
            sigmaQ = sd.concat(0, stds.toArray(new SDVariable[0])).rename("post_std");
            muP = pr.get(SDIndex.all(), SDIndex.interval(0, z)).rename("prior_mean");
            sigmaP = sd.nn().softplus(pr.get(SDIndex.all(), SDIndex.interval(z, 2 * z))).add(MIN_STD).rename("prior_std");
        }
        SDVariable feature = sd.concat(1, hAll, zAll);
        SDVariable decoded = elu(feature.mmul(w[16]).add(w[17])).mmul(w[18]).add(w[19]).rename("decoded");
        SDVariable rewardPred = elu(feature.mmul(w[20]).add(w[21])).mmul(w[22]).add(w[23]).rename("reward_pred");
        // 4. The loss.
        SDVariable diff = decoded.sub(frames);
        SDVariable recon = diff.mul(diff).sum().mul(0.5 / ((double) l * b)).rename("recon");
        SDVariable rd = rewardPred.sub(rewards).get(SDIndex.interval(b, l * b), SDIndex.all());
        SDVariable rewardLoss = rd.mul(rd).sum().mul(0.5 / ((double) (l - 1) * b)).rename("reward_loss");
        SDVariable kl = categorical ? categoricalKl(muQ, muP) : gaussianKl(muQ, sigmaQ, muP, sigmaP);
        kl.mean().rename("kl");
        SDVariable klTerm;
        if (balance) {
            SDVariable towardsPosterior = categorical ? categoricalKl(stop(muQ), muP)
                    : gaussianKl(stop(muQ), stop(sigmaQ), muP, sigmaP);
            SDVariable towardsPrior = categorical ? categoricalKl(muQ, stop(muP))
                    : gaussianKl(muQ, sigmaQ, stop(muP), stop(sigmaP));
            klTerm = sd.scalarMax(towardsPosterior, freeNats).mean().mul(alpha)
                    .add(sd.scalarMax(towardsPrior, freeNats).mean().mul(1 - alpha));
        } else {
            klTerm = sd.scalarMax(kl, freeNats).mean();
        }
        SDVariable loss = recon.add(rewardLoss).add(klTerm).rename("loss");
        sd.setLossVariables(loss);
        Nd4jRuntime.quietly(() -> {
            sd.createGradFunction();
            return null;
        });
        List<String> fed = surrogate ? List.of("frames", "actions", "rewards", "eps", "st_sample", "st_probs")
                : List.of("frames", "actions", "rewards", "eps");
        this.step = new FixedTrainingStep(sd, List.of(NAMES), new AdamInJava(learningRate), fed,
                List.of("loss", "recon", "reward_loss", "kl", "hidden", "z"));
    }

    /**
     * p = 0.99 · softmax + 0.01/K per group, for {@code rows} rows of G·K logits: softmax over each group's K
     * columns (the rows reshaped to (rows·G, K) and back).
     */
    private SDVariable unimix(SDVariable logits, long rows) {
        int g = sizes.stochastic(), k = sizes.classes();
        SDVariable soft = sd.nn().softmax(logits.reshape(rows * g, k), 1);
        return soft.mul(1 - UNIMIX).add(UNIMIX / k).reshape(rows, (long) g * k);
    }

    /**
     * One-hot draws, one per group, by Gumbel-max: onehot(argmax_k (log p_gk + γ_gk)). No gradient flows through
     * it (p enters stop-gradiented; argmax is flat): the straight-through term supplies it.
     */
    private SDVariable oneHotSample(SDVariable probs, SDVariable gumbelNoise, long rows) {
        int g = sizes.stochastic(), k = sizes.classes();
        SDVariable scores = sd.math().log(stop(probs)).add(gumbelNoise).reshape(rows * g, k);
        SDVariable index = sd.argmax(scores, 1);
        return sd.oneHot(index, k, -1, 1.0, 0.0, type).reshape(rows, (long) g * k);
    }

    /** √(p (1 − p)): the standard deviation of each class's entry of a one-hot drawn with probabilities p. */
    private SDVariable bernoulliStd(SDVariable p) {
        return sd.math().sqrt(p.mul(p.rsub(1)));
    }

    /** KL(q ‖ p) of categoricals, Σ_{g,k} q (log q − log p) over a row's G·K probabilities: one value per row. */
    private SDVariable categoricalKl(SDVariable q, SDVariable p) {
        return q.mul(sd.math().log(q).sub(sd.math().log(p))).sum(1);
    }

    /** KL(N(μ_q, σ_q²) ‖ N(μ_p, σ_p²)) summed over the Z dimensions: one value per row. */
    private SDVariable gaussianKl(SDVariable muQ, SDVariable sigmaQ, SDVariable muP, SDVariable sigmaP) {
        SDVariable d = muQ.sub(muP);
        SDVariable ratio = sigmaQ.mul(sigmaQ).add(d.mul(d)).div(sigmaP.mul(sigmaP).mul(2));
        return sd.math().log(sigmaP).sub(sd.math().log(sigmaQ)).add(ratio).sub(0.5).sum(1);
    }

    private SDVariable stop(SDVariable v) {
        return new StopGradient(sd, v).outputVariable();
    }

    private SDVariable elu(SDVariable v) {
        return sd.nn().elu(v);
    }

    /** Step t's rows of a time-major (L·B, ·) variable. */
    private SDVariable rows(SDVariable v, int t) {
        int b = sizes.batch();
        return v.get(SDIndex.interval(t * b, (t + 1) * b), SDIndex.all());
    }

    public Sizes sizes() {
        return sizes;
    }

    /**
     * One Adam step on a batch, time-major (see the class comment). {@code eps} is ε ~ N(0, 1) for a Gaussian z,
     * the uniforms u in (0, 1) of the Gumbel-max draws for a categorical one ({@link Sizes#latent()} per row).
     *
     * @return {loss, recon, reward, mean KL (before free nats)} on the batch, before the step
     */
    public double[] train(float[] frames, float[] actions, float[] rewards, float[] eps) {
        Map<String, INDArray> out = step.run(feed(frames, actions, rewards, eps));
        lastStates = new float[][] {floats(out.get("hidden")), floats(out.get("z"))};
        return new double[] {out.get("loss").getDouble(0), out.get("recon").getDouble(0),
            out.get("reward_loss").getDouble(0), out.get("kl").getDouble(0)};
    }

    /**
     * The posterior states the last {@link #train} step computed on its batch, before its update, time-major:
     * {h (L·B·H values), z (L·B·Z values)}; null before the first step. Dreamer's behaviour learning starts
     * its imagination from these (Algorithm 1: "imagine trajectories from each s_t").
     */
    public float[][] lastPosteriorStates() {
        return lastStates == null ? null : new float[][] {lastStates[0].clone(), lastStates[1].clone()};
    }

    /** {loss, recon, reward, mean KL} on a batch, without training. */
    public double[] losses(float[] frames, float[] actions, float[] rewards, float[] eps) {
        Map<String, INDArray> out = sd.output(map(feed(frames, actions, rewards, eps)), "loss", "recon", "reward_loss", "kl");
        return new double[] {out.get("loss").getDouble(0), out.get("recon").getDouble(0),
            out.get("reward_loss").getDouble(0), out.get("kl").getDouble(0)};
    }

    /**
     * The per-step outputs, time-major: {hidden h_t, z_t, posterior mean, posterior std, prior mean, prior
     * std, decoded ô_t, predicted reward r̂_t}.
     */
    public float[][] outputs(float[] frames, float[] actions, float[] eps) {
        int rows = sizes.steps() * sizes.batch();
        INDArray[] f = feed(frames, actions, new float[rows], eps);
        Map<String, INDArray> out = sd.output(map(f), OUTPUTS);
        float[][] result = new float[OUTPUTS.length][];
        for (int i = 0; i < OUTPUTS.length; i++) result[i] = floats(out.get(OUTPUTS[i]));
        return result;
    }

    /** A copy of the current weights, in {@value #ORDER} order. */
    public float[][] weights() {
        float[][] w = new float[NAMES.length][];
        for (int i = 0; i < w.length; i++) w[i] = floats(sd.getVariable(NAMES[i]).getArr());
        return w;
    }

    // ---------------------------------------------------------------- for the tests

    /** {loss, recon, reward, mean KL} in this graph's data type. */
    double[] losses(double[] frames, double[] actions, double[] rewards, double[] eps) {
        Map<String, INDArray> out = sd.output(map(feed(frames, actions, rewards, eps)), "loss", "recon", "reward_loss", "kl");
        return new double[] {out.get("loss").getDouble(0), out.get("recon").getDouble(0),
            out.get("reward_loss").getDouble(0), out.get("kl").getDouble(0)};
    }

    /** The per-step outputs (as {@link #outputs(float[], float[], float[])}) in this graph's data type. */
    double[][] outputs(double[] frames, double[] actions, double[] eps) {
        int rows = sizes.steps() * sizes.batch();
        Map<String, INDArray> out = sd.output(map(feed(frames, actions, new double[rows], eps)), OUTPUTS);
        double[][] result = new double[OUTPUTS.length][];
        for (int i = 0; i < OUTPUTS.length; i++) result[i] = out.get(OUTPUTS[i]).dup().data().asDouble();
        return result;
    }

    /**
     * The loss of a {@code surrogate} graph (see its constructor) with the one-hots s and the constants c fed:
     * {loss, recon, reward, mean KL}.
     */
    double[] surrogateLosses(double[] frames, double[] actions, double[] rewards, double[] eps, double[] sample,
                             double[] probs) {
        if (!surrogate) throw new IllegalStateException("not a surrogate graph");
        Map<String, INDArray> m = map(feed(frames, actions, rewards, eps));
        int rows = sizes.steps() * sizes.batch();
        m.put("st_sample", array(sample, rows, sizes.latent(), "st_sample"));
        m.put("st_probs", array(probs, rows, sizes.latent(), "st_probs"));
        Map<String, INDArray> out = sd.output(m, "loss", "recon", "reward_loss", "kl");
        return new double[] {out.get("loss").getDouble(0), out.get("recon").getDouble(0),
            out.get("reward_loss").getDouble(0), out.get("kl").getDouble(0)};
    }

    /** dLoss/dθ for every weight array, by SameDiff's autodiff, as doubles in {@value #ORDER} order. */
    double[][] gradients(double[] frames, double[] actions, double[] rewards, double[] eps) {
        Map<String, INDArray> g = sd.calculateGradients(map(feed(frames, actions, rewards, eps)), NAMES);
        double[][] out = new double[NAMES.length][];
        for (int i = 0; i < NAMES.length; i++) out[i] = g.get(NAMES[i]).dup().data().asDouble();
        return out;
    }

    /** Weight array i (in {@value #ORDER} order), the live array: the tests set and nudge its elements. */
    INDArray weight(int i) {
        return sd.getVariable(NAMES[i]).getArr();
    }

    // ---------------------------------------------------------------- helpers

    private INDArray[] feed(Object frames, Object actions, Object rewards, Object eps) {
        int rows = sizes.steps() * sizes.batch();
        return new INDArray[] {array(frames, rows, sizes.pixels(), "frames"), array(actions, rows, sizes.actions(), "actions"),
            array(rewards, rows, 1, "rewards"), array(eps, rows, sizes.latent(), "eps")};
    }

    private static Map<String, INDArray> map(INDArray[] f) {
        Map<String, INDArray> m = new HashMap<>();
        m.put("frames", f[0]);
        m.put("actions", f[1]);
        m.put("rewards", f[2]);
        m.put("eps", f[3]);
        return m;
    }

    private INDArray array(Object values, int rows, int width, String what) {
        int length = values instanceof float[] f ? f.length : ((double[]) values).length;
        if (length != rows * width) {
            throw new IllegalArgumentException(what + ": " + length + " values for " + rows + " rows of " + width);
        }
        INDArray a = values instanceof float[] f ? Nd4j.create(f, new long[] {rows, width}, 'c')
                : Nd4j.create((double[]) values, new long[] {rows, width}, 'c');
        return a.castTo(type);
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup().data().asFloat();
    }
}
