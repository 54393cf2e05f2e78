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
 * The memory M of World Models (Ha and Schmidhuber 2018, section 2.2): a recurrent network over
 * [z_t, a_t] whose output is a mixture density network (Bishop 1994; Graves 2013, "Generating sequences
 * with recurrent neural networks", section 4) for the next latent, p(z_{t+1} | a_t, z_t, h_t), plus a
 * Bernoulli head for the done flag. The lesson's {@code engine.worldmodels.MdnRnnTrainer} trains it and
 * copies its weights into the plain-Java {@code FrozenMdnRnn}.
 *
 * <h2>The graph, for a batch of B sequences of L steps, inputs of I = Z + 3 values</h2>
 * <pre>
 *   x_t = [z_t, onehot(a_t)]                                          (t = 0 … L − 1, h_0 given, usually 0)
 *   [r, u] = sigmoid([x_t, h_t] W_g + b_g)                            (reset and update gates, H each)
 *   n      = tanh([x_t, r ⊙ h_t] W_c + b_c)                           (the candidate)
 *   h_{t+1} = u ⊙ h_t + (1 − u) ⊙ n                                   (a GRU, Cho et al. 2014)
 *   [ℓ, μ, log σ] = h_{t+1} W_m + b_m     each G × Z: component g of dimension j
 *   log π_gj = ℓ_gj − LSE_g(ℓ_·j)                                     (softmax over the G components)
 *   nll_tj = −LSE_g(log π_gj + log N(z_{t+1,j}; μ_gj, σ_gj))
 *   δ_t = h_{t+1} w_d + b_d                                           (the logit of d_t: did step t end it?)
 *   loss = Σ_t m_t Σ_j nll_tj / (Z Σ_t m_t)  +  w_done · Σ_t m_t (softplus(δ_t) − d_t δ_t) / Σ_t m_t
 * </pre>
 * m_t is the mask: 1 on the steps of the episode, 0 on the padding after its end, so padding neither
 * trains nor counts. Each dimension of z' has its own mixture, as in the paper's code.
 *
 * <h2>Why it is written out by hand</h2>
 * SameDiff 1.0.0-M2.1's {@code gruCell} has no gradient and {@code sd.rnn.gru} gives wrong ones
 * (STACK.md), so the GRU is composed from concat, mmul, sigmoid, tanh and column slices, unrolled over L
 * steps. Its built-in {@code logSumExp(x, dim)} fails in backward, so LSE_g(a_g) is written as
 * m + log Σ_g exp(a_g − m) with m = max_g a_g held constant (stopGradient): the value is exact for any m,
 * and m only keeps exp from overflowing. BCE is softplus(δ) − dδ, not {@code sigmoidCrossEntropy}.
 * {@code MdnRnnGraphTest} checks every weight's gradient against finite differences in float64.
 *
 * <h2>Layout (row-major throughout)</h2>
 * Inputs x are (B, L·I): sequence b's step t at columns t·I … t·I + I − 1. Everything per step is
 * (B·L, ·) with row b·L + t: targets z_{t+1} (B·L, Z), done flags (B·L, 1), mask (B·L, 1); the outputs
 * {@code hidden} (B·L, H, holding h_{t+1}), {@code mixture} (B·L, 3GZ: first the G·Z logits, then the
 * G·Z means, then the G·Z log σ, component g of dimension j at g·Z + j in each) and {@code done_logit}.
 * The weights come out as float arrays in the order {@value #ORDER}, matrices (fan-in, fan-out); the
 * gate matrix's first H columns are the reset gate's, its inputs' first I rows are x's. Float32 for
 * training; a float64 graph exists for the gradient test. Confined to one thread.
 */
public final class MdnRnnGraph {
    /** The weight arrays, in the order {@link #weights()} gives them. */
    public static final String ORDER = "gate_w gate_b cand_w cand_b mix_w mix_b done_w done_b";
    private static final String[] NAMES = ORDER.split(" ");
    /** Actions, one-hot after z in each input. */
    public static final int ACTIONS = 3;

    private final SameDiff sd;
    private final int latent;
    private final int hidden;
    private final int components;
    private final int steps;
    private final DataType type;
    private final FixedTrainingStep step;

    /**
     * A float32 graph with freshly drawn weights: matrices N(0, 1/fan-in) (LeCun), biases 0.
     *
     * @param latent       Z, the latent size
     * @param hidden       H, the GRU's units
     * @param components   G, Gaussians per latent dimension
     * @param steps        L, the unrolled sequence length
     * @param doneWeight   w_done, the weight of the done flag's cross-entropy in the loss
     * @param learningRate Adam's step size α
     */
    public MdnRnnGraph(int latent, int hidden, int components, int steps, double doneWeight, double learningRate,
                       RandomGenerator random) {
        this(latent, hidden, components, steps, doneWeight, learningRate, random, DataType.FLOAT);
    }

    /** With a data type: {@link DataType#DOUBLE} for the finite-difference test. */
    MdnRnnGraph(int latent, int hidden, int components, int steps, double doneWeight, double learningRate,
                RandomGenerator random, DataType type) {
        if (latent < 1 || hidden < 1 || components < 1 || steps < 1) {
            throw new IllegalArgumentException("latent " + latent + ", hidden " + hidden + ", components "
                    + components + ", steps " + steps + ": each must be at least 1");
        }
        Nd4jRuntime.ensureReady();
        this.latent = latent;
        this.hidden = hidden;
        this.components = components;
        this.steps = steps;
        this.type = type;
        this.sd = SameDiff.create();
        int in = latent + ACTIONS;
        int gz = components * latent;
        int[][] dims = {{in + hidden, 2 * hidden}, {1, 2 * hidden}, {in + hidden, hidden}, {1, hidden},
            {hidden, 3 * gz}, {1, 3 * gz}, {hidden, 1}, {1, 1}};
        SDVariable[] w = new SDVariable[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            double[] values = new double[dims[i][0] * dims[i][1]];
            if (i % 2 == 0) {
                double sd0 = Math.sqrt(1.0 / dims[i][0]);
                for (int k = 0; k < values.length; k++) values[k] = sd0 * random.nextGaussian();
            }
            w[i] = sd.var(NAMES[i], Nd4j.create(values, new long[] {dims[i][0], dims[i][1]}, 'c').castTo(type));
        }
        SDVariable x = sd.placeHolder("x", type, -1, (long) steps * in);
        SDVariable h = sd.placeHolder("h0", type, -1, hidden);
        SDVariable target = sd.placeHolder("target", type, -1, latent);
        SDVariable done = sd.placeHolder("done", type, -1, 1);
        SDVariable mask = sd.placeHolder("mask", type, -1, 1);
        // 1. The GRU, unrolled: h_1 … h_L, side by side as (B, L·H).
        List<SDVariable> hs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            SDVariable xt = x.get(SDIndex.all(), SDIndex.interval(t * in, (t + 1) * in));
            SDVariable gates = sd.nn().sigmoid(sd.concat(1, xt, h).mmul(w[0]).add(w[1]));
            SDVariable r = gates.get(SDIndex.all(), SDIndex.interval(0, hidden));
            SDVariable u = gates.get(SDIndex.all(), SDIndex.interval(hidden, 2 * hidden));
            SDVariable n = sd.math().tanh(sd.concat(1, xt, r.mul(h)).mmul(w[2]).add(w[3]));
            h = n.add(u.mul(h.sub(n)));
            hs.add(h);
        }
        // 2. Row b·L + t holds h_{t+1} of sequence b.
        SDVariable all = sd.reshape(sd.concat(1, hs.toArray(new SDVariable[0])), -1, hidden).rename("hidden");
        SDVariable mix = all.mmul(w[4]).add(w[5]).rename("mixture");
        SDVariable doneLogit = all.mmul(w[6]).add(w[7]).rename("done_logit");
        // 3. −log Σ_g π_g N(z'; μ_g, σ_g), each log-sum-exp by hand.
        SDVariable[] logits = new SDVariable[components];
        SDVariable[] logDensity = new SDVariable[components];
        double halfLog2Pi = 0.5 * Math.log(2 * Math.PI);
        for (int g = 0; g < components; g++) {
            logits[g] = columns(mix, g * latent);
            SDVariable mu = columns(mix, gz + g * latent);
            SDVariable logSigma = columns(mix, 2 * gz + g * latent);
            SDVariable scaled = target.sub(mu).mul(sd.math().exp(logSigma.neg()));
            logDensity[g] = scaled.mul(scaled).mul(-0.5).sub(logSigma).sub(halfLog2Pi);
        }
        SDVariable logNormaliser = logSumExp(logits);
        SDVariable[] joint = new SDVariable[components];
        for (int g = 0; g < components; g++) joint[g] = logits[g].sub(logNormaliser).add(logDensity[g]);
        SDVariable nll = logSumExp(joint).neg();
        SDVariable count = mask.sum();
        SDVariable meanNll = nll.mul(mask).sum().div(count.mul(latent)).rename("nll");
        // 4. The done flag's cross-entropy, and the loss.
        SDVariable bce = sd.nn().softplus(doneLogit).sub(done.mul(doneLogit));
        SDVariable meanBce = bce.mul(mask).sum().div(count).rename("bce");
        SDVariable loss = meanNll.add(meanBce.mul(doneWeight)).rename("loss");
        sd.setLossVariables(loss);
        Nd4jRuntime.quietly(() -> {
            sd.createGradFunction();
            return null;
        });
        this.step = new FixedTrainingStep(sd, List.of(NAMES), new AdamInJava(learningRate),
                List.of("x", "h0", "target", "done", "mask"), List.of("nll", "bce"));
    }

    /** Z columns of a (rows, ·) variable, from column {@code from}. */
    private SDVariable columns(SDVariable v, int from) {
        return v.get(SDIndex.all(), SDIndex.interval(from, from + latent));
    }

    /** log Σ_g exp(a_g), element by element, as m + log Σ_g exp(a_g − m) with m = max_g a_g held constant. */
    private SDVariable logSumExp(SDVariable[] a) {
        SDVariable m = a[0];
        for (int g = 1; g < a.length; g++) m = sd.math().max(m, a[g]);
        m = new StopGradient(sd, m).outputVariable();
        SDVariable sum = sd.math().exp(a[0].sub(m));
        for (int g = 1; g < a.length; g++) sum = sum.add(sd.math().exp(a[g].sub(m)));
        return m.add(sd.math().log(sum));
    }

    public int latent() {
        return latent;
    }

    public int hiddenUnits() {
        return hidden;
    }

    public int components() {
        return components;
    }

    /** L, the unrolled sequence length. */
    public int steps() {
        return steps;
    }

    /**
     * One Adam step on a batch of sequences, each starting from h_0 = 0.
     *
     * @param x      (B, L·(Z + 3)) inputs [z_t, onehot(a_t)]
     * @param target (B·L, Z) the next latents z_{t+1}
     * @param done   (B·L) the done flags d_t, 0 or 1
     * @param mask   (B·L) 1 on real steps, 0 on padding; at least one 1
     * @return {mean NLL per step and dimension, mean done BCE per step} on the batch, before the step
     */
    public double[] train(float[] x, float[] target, float[] done, float[] mask, int batch) {
        Map<String, INDArray> out = step.run(feed(x, target, done, mask, batch));
        return new double[] {out.get("nll").getDouble(0), out.get("bce").getDouble(0)};
    }

    /** {loss, mean NLL, mean done BCE} on a batch, without training; arguments as {@link #train}. */
    public double[] losses(float[] x, float[] target, float[] done, float[] mask, int batch) {
        INDArray[] f = feed(x, target, done, mask, batch);
        Map<String, INDArray> out = sd.output(map(f), "loss", "nll", "bce");
        return new double[] {out.get("loss").getDouble(0), out.get("nll").getDouble(0), out.get("bce").getDouble(0)};
    }

    /**
     * The graph's per-step outputs for inputs x (B, L·(Z + 3)) from h_0 = 0: {hidden (B·L, H), mixture
     * (B·L, 3GZ), done logit (B·L)}, row b·L + t after step t.
     */
    public float[][] outputs(float[] x, int batch) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("x", array(x, batch, steps * (latent + ACTIONS)));
        feed.put("h0", Nd4j.zeros(type, batch, hidden));
        Map<String, INDArray> out = sd.output(feed, "hidden", "mixture", "done_logit");
        return new float[][] {floats(out.get("hidden")), floats(out.get("mixture")), floats(out.get("done_logit"))};
    }

    /** A copy of the current weights, in {@value #ORDER} order. */
    public float[][] weights() {
        float[][] w = new float[NAMES.length][];
        for (int i = 0; i < w.length; i++) w[i] = floats(sd.getVariable(NAMES[i]).getArr());
        return w;
    }

    // ---------------------------------------------------------------- for the tests

    /** The loss in this graph's data type. */
    double loss(double[] x, double[] target, double[] done, double[] mask, int batch) {
        return sd.output(map(feed(x, target, done, mask, batch)), "loss").get("loss").getDouble(0);
    }

    /** dLoss/dθ for every weight array, by SameDiff's autodiff, as doubles in {@value #ORDER} order. */
    double[][] gradients(double[] x, double[] target, double[] done, double[] mask, int batch) {
        Map<String, INDArray> g = sd.calculateGradients(map(feed(x, target, done, mask, batch)), NAMES);
        double[][] out = new double[NAMES.length][];
        for (int i = 0; i < NAMES.length; i++) out[i] = g.get(NAMES[i]).dup().data().asDouble();
        return out;
    }

    /** Weight array i (in {@value #ORDER} order), the live array: the tests set and nudge its elements. */
    INDArray weight(int i) {
        return sd.getVariable(NAMES[i]).getArr();
    }

    // ---------------------------------------------------------------- helpers

    private INDArray[] feed(Object x, Object target, Object done, Object mask, int batch) {
        int rows = batch * steps;
        return new INDArray[] {array(x, batch, steps * (latent + ACTIONS)), Nd4j.zeros(type, batch, hidden),
            array(target, rows, latent), array(done, rows, 1), array(mask, rows, 1)};
    }

    private static Map<String, INDArray> map(INDArray[] f) {
        Map<String, INDArray> m = new HashMap<>();
        m.put("x", f[0]);
        m.put("h0", f[1]);
        m.put("target", f[2]);
        m.put("done", f[3]);
        m.put("mask", f[4]);
        return m;
    }

    private INDArray array(Object values, int rows, int width) {
        int length = values instanceof float[] f ? f.length : ((double[]) values).length;
        if (rows < 1 || length != rows * width) {
            throw new IllegalArgumentException(length + " values for " + rows + " rows of " + width);
        }
        INDArray a = values instanceof float[] f ? Nd4j.create(f, new long[] {rows, width}, 'c')
                : Nd4j.create((double[]) values, new long[] {rows, width}, 'c');
        return a.castTo(type);
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup().data().asFloat();
    }
}
