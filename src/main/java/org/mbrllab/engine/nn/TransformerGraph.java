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
 * A small causal transformer (Vaswani et al. 2017; GPT-2's pre-norm blocks, Radford et al. 2019) over the
 * interleaved token sequence of IRIS (Micheli et al. 2023, "Transformers are sample-efficient world models"):
 * [F tokens of frame 0, action 0, F tokens of frame 1, action 1, …], N = T·(F + 1) positions for T frames. It
 * predicts every frame token from everything before it, so that imagination can write the next frame token by
 * token, and the reward of every step from the output at its action token (IRIS's reward head). The lesson's
 * {@code engine.tokens.TransformerTrainer} trains it and copies its weights into the plain-Java
 * {@code FrozenTransformer}.
 *
 * <h2>The network, for B sequences of N positions (rows b·N + i)</h2>
 * <pre>
 *   x_i = onehot(s_i) E + P_i                                   token embedding (V × W) + learned position (N × W)
 *   for each of L blocks:
 *     a = LN(x);  Q = a W_q,  K = a W_k,  V = a W_v             (W × W each; head h takes columns h·d … (h+1)·d − 1)
 *     A_h = softmax(Q_h K_hᵀ / √d + M)                          M_ij = 0 if j ≤ i, −10⁹ otherwise (causal)
 *     x = x + [A_1 V_1 … A_H V_H] W_o + b_o
 *     x = x + elu(LN(x) W_1 + b_1) W_2 + b_2                    MLP of U units
 *   ℓ = LN(x) W_h + b_h                                          logits over the K frame codes
 *   r̂ = LN(x) W_r + b_r                                          reward (W × 1, 1 × 1), read at action tokens
 *   LN(v) = (v − mean v) / √(var v + 10⁻⁵) ⊙ g + β               over the W values of a row
 *   tokens = − Σ_i y_i · logsoftmax(ℓ_i) / Σ_i Σ_k y_ik           y_i: one-hot of the next token, zero where none
 *   reward = Σ_i m_i (r̂_i − r_i)² / max(1, Σ_i m_i)               m_i = 1 where token i is an action, else 0
 *   loss   = tokens + λ · reward                                  λ: the reward weight
 * </pre>
 * The targets y are given with the inputs: row i holds the one-hot of token i + 1 when that is a frame token,
 * and zeros otherwise (an action is not predicted, and nothing follows the last position), so the first term is
 * the mean cross-entropy over the predicted tokens. The reward target r_i is given at every action position: the
 * reward of the step that action takes, from the frame before it ({@code PixelEpisodes}' r_t goes with u_t), so
 * the output at an action token has seen exactly what the step's reward depends on, the frames so far and the
 * torque. (Dreamer's reward head reads the state after the step, which holds the same: the past and the action.)
 * The reward is a plain regression on whatever scale the caller feeds; the trainer standardises it so that the
 * two terms start at comparable sizes.
 *
 * <h2>Why it is written out by hand</h2>
 * Attention is composed from plain ops ({@code mmul} on (B, N, d) stacks, {@code softmax} on the last dimension
 * of a 2-D array, the causal mask added as a constant), the log-softmax as ℓ − m − log Σ exp(ℓ − m) with m the
 * row's stopped maximum ({@code logSoftmax(x, dim)} fails in backward here, STACK.md), layer norm from means,
 * and the embeddings as one-hot products (gather's backward fails). {@code TransformerGraphTest} checks every
 * weight's gradient against float64 finite differences.
 *
 * <h2>Layout</h2>
 * Inputs: {@code tokens} (B·N, V) one-hot, {@code targets} (B·N, K), {@code rewards} and {@code reward_mask}
 * (B·N, 1). Outputs: {@code logits} (B·N, K), {@code reward_pred} (B·N, 1), {@code attention_l_h} (B·N, N) for
 * block l and head h. B and N are fixed when the graph is built. The weights come out as float arrays in the order
 * of {@link #names(int)}: {@code embed pos}, then per block {@value #BLOCK}, then {@value #HEADS}; matrices
 * (fan-in, fan-out), gains and biases (1, ·).
 * Float32 for training; a float64 graph exists for the gradient test. Confined to one thread.
 */
public final class TransformerGraph {
    /** The weight arrays of one block, in order. */
    public static final String BLOCK = "ln1_g ln1_b wq wk wv wo bo ln2_g ln2_b mlp_w1 mlp_b1 mlp_w2 mlp_b2";
    /** Weight arrays per block. */
    public static final int PER_BLOCK = 13;
    /** The weight arrays after the blocks, in order: the final norm, the code head and the reward head. */
    public static final String HEADS = "norm_g norm_b head_w head_b reward_w reward_b";
    /** The large negative score of a masked (future) position. */
    static final double MASKED = -1e9;
    /** The ε under layer norm's square root. */
    public static final double LN_EPSILON = 1e-5;

    /**
     * The transformer's shape.
     *
     * @param vocabulary     V, input tokens: the K codes, then the action bins
     * @param codes          K, the frame codes (the outputs)
     * @param frameTokens    F, tokens per frame
     * @param frames         T, frames per sequence
     * @param width          W, the model's width; a multiple of heads
     * @param heads          H, attention heads
     * @param layers         L, blocks
     * @param mlpUnits       U, the MLP's hidden layer
     * @param batch          B, sequences per batch
     */
    public record Sizes(int vocabulary, int codes, int frameTokens, int frames, int width, int heads, int layers,
                        int mlpUnits, int batch) {
        public Sizes {
            int[] v = {vocabulary, codes, frameTokens, frames, width, heads, layers, mlpUnits, batch};
            for (int x : v) {
                if (x < 1) throw new IllegalArgumentException("every size must be at least 1: " + this);
            }
            if (codes > vocabulary) throw new IllegalArgumentException("codes " + codes + " exceed the vocabulary " + vocabulary);
            if (width % heads != 0) throw new IllegalArgumentException("width " + width + " is not a multiple of heads " + heads);
        }

        /** N, positions per sequence. */
        public int positions() {
            return frames * (frameTokens + 1);
        }

        /** d, a head's width. */
        public int headWidth() {
            return width / heads;
        }
    }

    private final SameDiff sd;
    private final Sizes sizes;
    private final DataType type;
    private final String[] names;
    private final FixedTrainingStep step;
    private final AdamInJava adam;

    private final double rewardWeight;

    /** A float32 graph with freshly drawn weights and reward weight λ = 1. */
    public TransformerGraph(Sizes sizes, double learningRate, RandomGenerator random) {
        this(sizes, learningRate, 1, random, DataType.FLOAT);
    }

    /**
     * A float32 graph with freshly drawn weights (see
     * {@link #TransformerGraph(Sizes, double, double, RandomGenerator, DataType)}).
     *
     * @param rewardWeight λ, the reward term's weight in the loss, 0 or more
     */
    public TransformerGraph(Sizes sizes, double learningRate, double rewardWeight, RandomGenerator random) {
        this(sizes, learningRate, rewardWeight, random, DataType.FLOAT);
    }

    /** With a data type and λ = 1 (see {@link #TransformerGraph(Sizes, double, double, RandomGenerator, DataType)}). */
    TransformerGraph(Sizes sizes, double learningRate, RandomGenerator random, DataType type) {
        this(sizes, learningRate, 1, random, type);
    }

    /**
     * With a data type ({@link DataType#DOUBLE} for the finite-difference test) and the reward term's weight λ.
     * Weights: embeddings N(0, 0.1²), matrices N(0, 1/fan-in) with W_o and W_2 scaled by 1/√(2L) (GPT-2), gains 1,
     * biases 0.
     */
    TransformerGraph(Sizes sizes, double learningRate, double rewardWeight, RandomGenerator random, DataType type) {
        if (!(rewardWeight >= 0) || Double.isInfinite(rewardWeight)) {
            throw new IllegalArgumentException("reward weight " + rewardWeight + ": must be finite and 0 or more");
        }
        Nd4jRuntime.ensureReady();
        this.sizes = sizes;
        this.rewardWeight = rewardWeight;
        this.type = type;
        this.names = names(sizes.layers());
        this.sd = SameDiff.create();
        int v = sizes.vocabulary(), k = sizes.codes(), w = sizes.width(), u = sizes.mlpUnits();
        int n = sizes.positions(), b = sizes.batch(), hd = sizes.headWidth();
        double residual = 1 / Math.sqrt(2.0 * sizes.layers());
        Map<String, SDVariable> p = new HashMap<>();
        for (String name : names) {
            String base = name.contains("_") && name.startsWith("b") && Character.isDigit(name.charAt(1))
                    ? name.substring(name.indexOf('_') + 1) : name;
            int[] dims = switch (base) {
                case "embed" -> new int[] {v, w};
                case "pos" -> new int[] {n, w};
                case "wq", "wk", "wv", "wo" -> new int[] {w, w};
                case "mlp_w1" -> new int[] {w, u};
                case "mlp_b1" -> new int[] {1, u};
                case "mlp_w2" -> new int[] {u, w};
                case "head_w" -> new int[] {w, k};
                case "head_b" -> new int[] {1, k};
                case "reward_w" -> new int[] {w, 1};
                case "reward_b" -> new int[] {1, 1};
                default -> new int[] {1, w};
            };
            double[] values = new double[dims[0] * dims[1]];
            if (base.endsWith("_g")) {
                java.util.Arrays.fill(values, 1);
            } else if (dims[0] > 1) {
                double sd0 = base.equals("embed") || base.equals("pos") ? 0.1 : Math.sqrt(1.0 / dims[0]);
                if (base.equals("wo") || base.equals("mlp_w2")) sd0 *= residual;
                for (int j = 0; j < values.length; j++) values[j] = sd0 * random.nextGaussian();
            }
            p.put(name, sd.var(name, Nd4j.create(values, new long[] {dims[0], dims[1]}, 'c').castTo(type)));
        }
        SDVariable tokens = sd.placeHolder("tokens", type, (long) b * n, v);
        SDVariable targets = sd.placeHolder("targets", type, (long) b * n, k);
        SDVariable rewards = sd.placeHolder("rewards", type, (long) b * n, 1);
        SDVariable rewardMask = sd.placeHolder("reward_mask", type, (long) b * n, 1);
        // 1. Embeddings: the token's row of E plus the position's row of P (one-hot products).
        INDArray positions = Nd4j.zeros(type, (long) b * n, n);
        INDArray mask = Nd4j.zeros(type, (long) b * n, n);
        for (int s = 0; s < b; s++) {
            for (int i = 0; i < n; i++) {
                positions.putScalar(new long[] {(long) s * n + i, i}, 1);
                for (int j = i + 1; j < n; j++) mask.putScalar(new long[] {(long) s * n + i, j}, MASKED);
            }
        }
        SDVariable x = tokens.mmul(p.get("embed")).add(sd.constant("positions", positions).mmul(p.get("pos")));
        SDVariable causal = sd.constant("mask", mask);
        // 2. The blocks.
        for (int l = 0; l < sizes.layers(); l++) {
            String pre = "b" + l + "_";
            SDVariable a = layerNorm(x, p.get(pre + "ln1_g"), p.get(pre + "ln1_b"));
            SDVariable q = a.mmul(p.get(pre + "wq"));
            SDVariable kk = a.mmul(p.get(pre + "wk"));
            SDVariable vv = a.mmul(p.get(pre + "wv"));
            List<SDVariable> heads = new ArrayList<>();
            for (int h = 0; h < sizes.heads(); h++) {
                SDVariable qh = sd.reshape(columns(q, h * hd, hd), b, n, hd);
                SDVariable kh = sd.reshape(columns(kk, h * hd, hd), b, n, hd);
                SDVariable vh = sd.reshape(columns(vv, h * hd, hd), b, n, hd);
                SDVariable scores = sd.reshape(sd.mmul(qh, kh, false, true, false), (long) b * n, n)
                        .mul(1 / Math.sqrt(hd)).add(causal);
                SDVariable weights = sd.nn().softmax("attention_" + l + "_" + h, scores);
                SDVariable out = sd.mmul(sd.reshape(weights, b, n, n), vh);
                heads.add(sd.reshape(out, (long) b * n, hd));
            }
            SDVariable joined = heads.size() == 1 ? heads.get(0) : sd.concat(1, heads.toArray(new SDVariable[0]));
            x = x.add(joined.mmul(p.get(pre + "wo")).add(p.get(pre + "bo")));
            SDVariable m = layerNorm(x, p.get(pre + "ln2_g"), p.get(pre + "ln2_b"));
            x = x.add(sd.nn().elu(m.mmul(p.get(pre + "mlp_w1")).add(p.get(pre + "mlp_b1"))).mmul(p.get(pre + "mlp_w2"))
                    .add(p.get(pre + "mlp_b2")));
        }
        // 3. The logits and the cross-entropy of the predicted tokens.
        SDVariable out = layerNorm(x, p.get("norm_g"), p.get("norm_b"));
        SDVariable logits = out.mmul(p.get("head_w")).add(p.get("head_b")).rename("logits");
        SDVariable shifted = logits.sub(stop(logits.max(true, 1)));
        SDVariable logSoftmax = shifted.sub(sd.math().log(sd.math().exp(shifted).sum(true, 1)));
        SDVariable tokenLoss = targets.mul(logSoftmax).sum().neg().div(targets.sum()).rename("token_loss");
        // 4. The reward at the action tokens, and its squared error.
        SDVariable rewardPred = out.mmul(p.get("reward_w")).add(p.get("reward_b")).rename("reward_pred");
        SDVariable error = rewardPred.sub(rewards);
        SDVariable rewardLoss = error.mul(error).mul(rewardMask).sum().div(sd.scalarMax(rewardMask.sum(), 1)).rename("reward_loss");
        SDVariable loss = tokenLoss.add(rewardLoss.mul(rewardWeight)).rename("loss");
        sd.setLossVariables(loss);
        Nd4jRuntime.quietly(() -> {
            sd.createGradFunction();
            return null;
        });
        this.adam = new AdamInJava(learningRate);
        this.step = new FixedTrainingStep(sd, List.of(names), adam, List.of("tokens", "targets", "rewards", "reward_mask"),
                List.of("loss", "token_loss", "reward_loss"));
    }

    /** The names of the weight arrays, in order, for L blocks. */
    public static String[] names(int layers) {
        List<String> out = new ArrayList<>(List.of("embed", "pos"));
        for (int l = 0; l < layers; l++) {
            for (String s : BLOCK.split(" ")) out.add("b" + l + "_" + s);
        }
        out.addAll(List.of(HEADS.split(" ")));
        return out.toArray(new String[0]);
    }

    private SDVariable layerNorm(SDVariable x, SDVariable gain, SDVariable bias) {
        SDVariable centred = x.sub(x.mean(true, 1));
        SDVariable variance = centred.mul(centred).mean(true, 1);
        return centred.div(sd.math().sqrt(variance.add(LN_EPSILON))).mul(gain).add(bias);
    }

    private static SDVariable columns(SDVariable v, int from, int count) {
        return v.get(SDIndex.all(), SDIndex.interval(from, from + count));
    }

    private SDVariable stop(SDVariable v) {
        return new StopGradient(sd, v).outputVariable();
    }

    public Sizes sizes() {
        return sizes;
    }

    /**
     * The losses of a batch: {@code total} = {@code tokens} + λ · {@code reward}.
     *
     * @param total  the loss minimised
     * @param tokens the mean cross-entropy of the predicted codes, in nats
     * @param reward the mean squared error of the reward at the action tokens (0 when the batch has none)
     */
    public record Losses(double total, double tokens, double reward) {}

    /**
     * One Adam step on a batch.
     *
     * @param tokens  B·N token indices (codes 0 … K − 1, actions K … V − 1), row-major by sequence
     * @param targets B·N next-token targets: the code to predict at each position, or −1 where there is none
     * @param rewards B·N reward targets, read at the positions that hold an action token (ignored elsewhere)
     * @return the losses on the batch, before the step
     */
    public Losses train(int[] tokens, int[] targets, float[] rewards) {
        Map<String, INDArray> f = feed(tokens, targets, rewards);
        Map<String, INDArray> out = step.run(f.get("tokens"), f.get("targets"), f.get("rewards"), f.get("reward_mask"));
        return new Losses(out.get("loss").getDouble(0), out.get("token_loss").getDouble(0), out.get("reward_loss").getDouble(0));
    }

    /** Sets Adam's step size α for the following updates (for a schedule); Adam's moments are kept. */
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate " + learningRate + ": must be positive");
        adam.setLrAndSchedule(learningRate, null);
    }

    /** The losses on a batch, without training. */
    public Losses losses(int[] tokens, int[] targets, float[] rewards) {
        Map<String, INDArray> out = sd.output(feed(tokens, targets, rewards), "loss", "token_loss", "reward_loss");
        return new Losses(out.get("loss").getDouble(0), out.get("token_loss").getDouble(0), out.get("reward_loss").getDouble(0));
    }

    /** The logits (B·N·K) of a batch. */
    public float[] logits(int[] tokens) {
        return floats(sd.output(feed(tokens), "logits").get("logits"));
    }

    /** The predicted rewards (B·N, one per position; meaningful at action tokens) of a batch. */
    public float[] rewards(int[] tokens) {
        return floats(sd.output(feed(tokens), "reward_pred").get("reward_pred"));
    }

    /** The attention weights (B·N·N) of block l, head h, for a batch. */
    public float[] attention(int[] tokens, int l, int h) {
        String name = "attention_" + l + "_" + h;
        return floats(sd.output(feed(tokens), name).get(name));
    }

    /** A copy of the current weights, in the order of {@link #names(int)}. */
    public float[][] weights() {
        float[][] w = new float[names.length][];
        for (int i = 0; i < w.length; i++) w[i] = floats(sd.getVariable(names[i]).getArr());
        return w;
    }

    // ---------------------------------------------------------------- for the tests

    /** dLoss/dθ for every weight array, by SameDiff's autodiff, as doubles in the order of {@link #names(int)}. */
    double[][] gradients(int[] tokens, int[] targets, float[] rewards) {
        Map<String, INDArray> g = sd.calculateGradients(feed(tokens, targets, rewards), names);
        double[][] out = new double[names.length][];
        for (int i = 0; i < names.length; i++) out[i] = g.get(names[i]).dup().data().asDouble();
        return out;
    }

    /** Weight array i, the live array: the tests nudge its elements. */
    INDArray weight(int i) {
        return sd.getVariable(names[i]).getArr();
    }

    // ---------------------------------------------------------------- helpers

    /** A feed for the outputs that need only the tokens (the targets are zeros, the rewards 0). */
    private Map<String, INDArray> feed(int[] tokens) {
        int[] none = new int[tokens.length];
        java.util.Arrays.fill(none, -1);
        return feed(tokens, none, new float[tokens.length]);
    }

    private Map<String, INDArray> feed(int[] tokens, int[] targets, float[] rewards) {
        Map<String, INDArray> m = new HashMap<>();
        m.put("tokens", oneHot(tokens, sizes.vocabulary()));
        m.put("targets", oneHot(targets, sizes.codes()));
        if (rewards.length != tokens.length) throw new IllegalArgumentException(rewards.length + " rewards, expected " + tokens.length);
        double[] r = new double[rewards.length];
        double[] mask = new double[rewards.length];
        for (int i = 0; i < r.length; i++) {
            if (tokens[i] >= sizes.codes()) {
                if (!Float.isFinite(rewards[i])) throw new IllegalArgumentException("reward " + rewards[i] + " at row " + i);
                r[i] = rewards[i];
                mask[i] = 1;
            }
        }
        m.put("rewards", Nd4j.create(r, new long[] {r.length, 1}, 'c').castTo(type));
        m.put("reward_mask", Nd4j.create(mask, new long[] {r.length, 1}, 'c').castTo(type));
        return m;
    }

    /** One row per index, a 1 in its column; −1 gives a row of zeros (in {@code targets}: nothing to predict). */
    private INDArray oneHot(int[] indices, int depth) {
        int rows = sizes.batch() * sizes.positions();
        if (indices.length != rows) throw new IllegalArgumentException(indices.length + " tokens, expected " + rows);
        double[] values = new double[rows * depth];
        for (int r = 0; r < rows; r++) {
            int i = indices[r];
            if (i < -1 || i >= depth) throw new IllegalArgumentException("token " + i + " at row " + r + ": expected −1 … " + (depth - 1));
            if (i >= 0) values[r * depth + i] = 1;
        }
        return Nd4j.create(values, new long[] {rows, depth}, 'c').castTo(type);
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup().data().asFloat();
    }
}
