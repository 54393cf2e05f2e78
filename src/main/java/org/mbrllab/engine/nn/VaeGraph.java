package org.mbrllab.engine.nn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The variational autoencoder V of World Models (Ha and Schmidhuber 2018, section 2.1; Kingma and Welling
 * 2014, "Auto-encoding variational Bayes") as a SameDiff graph: one ReLU layer on each side, a Gaussian
 * latent and a Bernoulli decoder. The lesson's {@code engine.worldmodels.VaeTrainer} trains it and copies
 * its weights into the plain-Java {@code FrozenVae}.
 *
 * <h2>The graph, for a batch of frames x (n, P) with pixels in [0, 1] and noise ε (n, Z) ~ N(0, I)</h2>
 * <pre>
 *   h = relu(x W_e + b_e)                 μ = h W_μ + b_μ        log σ² = h W_v + b_v
 *   z = μ + exp(½ log σ²) ⊙ ε            (the reparameterisation: z is a differentiable function of μ, σ)
 *   g = relu(z W_d + b_d)                 ℓ = g W_o + b_o        x̂ = sigmoid(ℓ)
 *   rec_i = Σ_p softplus(ℓ_ip) − x_ip ℓ_ip                      (binary cross-entropy, written as logits)
 *   kl_i  = ½ Σ_j (μ_ij² + σ_ij² − log σ_ij² − 1)               (KL(N(μ, σ²) ‖ N(0, I)))
 *   loss  = mean_i [ rec_i + max(kl_i, λ·Z) ]
 * </pre>
 * The floor λ·Z is "free bits" as World Models' code applies it ({@code kl_tolerance} = 0.5 nats per
 * latent dimension, floored on each frame's total KL): while a frame's KL is below it, the KL term has
 * no gradient, so the encoder may spend up to λ nats a dimension on describing the frame without being
 * pulled back to the prior. Measured on Dodge frames (Z = 32, 200 random episodes, 1,322 held-out frames):
 * without the floor the KL stayed at 1.4–2.0 nats a frame through the first two epochs and the held-out
 * MSE per pixel was 0.114, then 0.085 (the mean frame scores 0.050); with λ = 0.5 it was 0.055, then
 * 0.039, and after ten epochs 0.0200 against 0.0237 without. BCE is written as softplus(ℓ) − xℓ, not with
 * {@code sigmoidCrossEntropy} (wrong values in this ND4J, see STACK.md); it equals −[x log x̂ + (1 − x)
 * log(1 − x̂)] and accepts grey targets.
 *
 * <p>ε is a placeholder, drawn by the caller from a seeded stream, so training is reproducible and a
 * finite-difference test can hold ε fixed. A second input, {@code z_in}, runs the decoder alone on given
 * latents. Training steps run as a {@link FixedTrainingStep} with {@link AdamInJava}.
 *
 * <p>The weights come out as plain float arrays in the order {@value #ORDER}, matrices row-major
 * (fan-in, fan-out), biases of length fan-out. Float32 for training; a float64 graph exists for the
 * gradient test. Confined to one thread.
 */
public final class VaeGraph {
    /** The weight arrays, in the order {@link #weights()} gives them. */
    public static final String ORDER = "enc_w enc_b mu_w mu_b logvar_w logvar_b dec_w dec_b out_w out_b";
    private static final String[] NAMES = ORDER.split(" ");

    private final SameDiff sd;
    private final int pixels;
    private final int hidden;
    private final int latent;
    private final double freeBits;
    private final DataType type;
    private final FixedTrainingStep step;

    /**
     * A float32 graph with freshly drawn weights: W ~ N(0, 2/fan-in) before a ReLU and N(0, 1/fan-in) before
     * the heads (He and LeCun), biases 0.
     *
     * @param pixels       P, inputs and outputs per frame
     * @param hidden       units of the encoder's and the decoder's hidden layer
     * @param latent       Z, the latent size
     * @param freeBits     λ, nats per latent dimension below which the KL is not penalised
     * @param learningRate Adam's step size α
     */
    public VaeGraph(int pixels, int hidden, int latent, double freeBits, double learningRate, RandomGenerator random) {
        this(pixels, hidden, latent, freeBits, learningRate, random, DataType.FLOAT);
    }

    /** With a data type: {@link DataType#DOUBLE} for the finite-difference test. */
    VaeGraph(int pixels, int hidden, int latent, double freeBits, double learningRate, RandomGenerator random,
             DataType type) {
        if (pixels < 1 || hidden < 1 || latent < 1) {
            throw new IllegalArgumentException("pixels " + pixels + ", hidden " + hidden + ", latent " + latent
                    + ": each must be at least 1");
        }
        Nd4jRuntime.ensureReady();
        this.pixels = pixels;
        this.hidden = hidden;
        this.latent = latent;
        this.freeBits = freeBits;
        this.type = type;
        this.sd = SameDiff.create();
        int[][] dims = {{pixels, hidden}, {1, hidden}, {hidden, latent}, {1, latent}, {hidden, latent}, {1, latent},
            {latent, hidden}, {1, hidden}, {hidden, pixels}, {1, pixels}};
        double[] gains = {2, 0, 1, 0, 1, 0, 2, 0, 1, 0};
        SDVariable[] w = new SDVariable[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            double[] values = new double[dims[i][0] * dims[i][1]];
            double sd0 = Math.sqrt(gains[i] / dims[i][0]);
            for (int k = 0; k < values.length; k++) values[k] = sd0 * random.nextGaussian();
            w[i] = sd.var(NAMES[i], Nd4j.create(values, new long[] {dims[i][0], dims[i][1]}, 'c').castTo(type));
        }
        // 1. Encoder and the reparameterised sample.
        SDVariable x = sd.placeHolder("x", type, -1, pixels);
        SDVariable eps = sd.placeHolder("eps", type, -1, latent);
        SDVariable h = sd.nn().relu(x.mmul(w[0]).add(w[1]), 0);
        SDVariable mu = h.mmul(w[2]).add(w[3]).rename("mu");
        SDVariable logVar = h.mmul(w[4]).add(w[5]).rename("logvar");
        SDVariable z = mu.add(sd.math().exp(logVar.mul(0.5)).mul(eps));
        // 2. Decoder, on the sample and on given latents.
        SDVariable logits = decoderLogits(z, w);
        sd.nn().sigmoid("decoded", logits);
        SDVariable zIn = sd.placeHolder("z_in", type, -1, latent);
        sd.nn().sigmoid("decoded_z", decoderLogits(zIn, w));
        // 3. The loss: BCE per frame, plus its KL floored at λ·Z.
        SDVariable rec = sd.nn().softplus(logits).sub(x.mul(logits)).sum(1);
        SDVariable kl = mu.mul(mu).add(sd.math().exp(logVar)).sub(logVar).sub(1.0).sum(1).mul(0.5);
        SDVariable floored = sd.scalarMax(kl, freeBits * latent);
        rec.mean().rename("reconstruction");
        kl.mean().rename("kl");
        SDVariable loss = rec.add(floored).mean().rename("loss");
        sd.setLossVariables(loss);
        Nd4jRuntime.quietly(() -> {
            sd.createGradFunction();
            return null;
        });
        this.step = new FixedTrainingStep(sd, List.of(NAMES), new AdamInJava(learningRate), List.of("x", "eps"),
                List.of("reconstruction", "kl"));
    }

    private SDVariable decoderLogits(SDVariable z, SDVariable[] w) {
        SDVariable g = sd.nn().relu(z.mmul(w[6]).add(w[7]), 0);
        return g.mmul(w[8]).add(w[9]);
    }

    public int pixels() {
        return pixels;
    }

    public int hiddenUnits() {
        return hidden;
    }

    public int latent() {
        return latent;
    }

    /** λ, the free nats per latent dimension. */
    public double freeBits() {
        return freeBits;
    }

    /**
     * One Adam step on a batch.
     *
     * @param x   (rows, P) frames, row-major
     * @param eps (rows, Z) standard normal noise for the samples
     * @return {mean reconstruction BCE, mean KL (before the floor)} on the batch, before the step
     */
    public double[] train(float[] x, float[] eps, int rows) {
        Map<String, INDArray> out = step.run(array(x, rows, pixels), array(eps, rows, latent));
        return new double[] {out.get("reconstruction").getDouble(0), out.get("kl").getDouble(0)};
    }

    /** {loss, mean reconstruction BCE, mean KL} on a batch, without training. */
    public double[] losses(float[] x, float[] eps, int rows) {
        Map<String, INDArray> out = sd.output(Map.of("x", array(x, rows, pixels), "eps", array(eps, rows, latent)),
                "loss", "reconstruction", "kl");
        return new double[] {out.get("loss").getDouble(0), out.get("reconstruction").getDouble(0), out.get("kl").getDouble(0)};
    }

    /** {μ, log σ²}, each (rows, Z), of the encoder for these frames. */
    public float[][] encode(float[] x, int rows) {
        Map<String, INDArray> out = sd.output(Map.of("x", array(x, rows, pixels)), "mu", "logvar");
        return new float[][] {floats(out.get("mu")), floats(out.get("logvar"))};
    }

    /** The decoder's pixel probabilities x̂ (rows, P) for these latents (rows, Z). */
    public float[] decode(float[] z, int rows) {
        return floats(sd.output(Map.of("z_in", array(z, rows, latent)), "decoded_z").get("decoded_z"));
    }

    /** A copy of the current weights, in {@value #ORDER} order. */
    public float[][] weights() {
        float[][] w = new float[NAMES.length][];
        for (int i = 0; i < w.length; i++) w[i] = floats(sd.getVariable(NAMES[i]).getArr());
        return w;
    }

    // ---------------------------------------------------------------- for the finite-difference test

    /** The loss in this graph's data type. */
    double loss(double[] x, double[] eps, int rows) {
        return sd.output(Map.of("x", array(x, rows, pixels), "eps", array(eps, rows, latent)), "loss").get("loss")
                .getDouble(0);
    }

    /** dLoss/dθ for every weight array, by SameDiff's autodiff, as doubles in {@value #ORDER} order. */
    double[][] gradients(double[] x, double[] eps, int rows) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("x", array(x, rows, pixels));
        feed.put("eps", array(eps, rows, latent));
        Map<String, INDArray> g = sd.calculateGradients(feed, NAMES);
        double[][] out = new double[NAMES.length][];
        for (int i = 0; i < NAMES.length; i++) out[i] = g.get(NAMES[i]).dup().data().asDouble();
        return out;
    }

    /** Weight array i (in {@value #ORDER} order), the live array: the test nudges its elements. */
    INDArray weight(int i) {
        return sd.getVariable(NAMES[i]).getArr();
    }

    // ---------------------------------------------------------------- helpers

    private INDArray array(float[] values, int rows, int width) {
        check(values.length, rows, width);
        return Nd4j.create(values, new long[] {rows, width}, 'c').castTo(type);
    }

    private INDArray array(double[] values, int rows, int width) {
        check(values.length, rows, width);
        return Nd4j.create(values, new long[] {rows, width}, 'c').castTo(type);
    }

    private static void check(int length, int rows, int width) {
        if (rows < 1 || length != rows * width) {
            throw new IllegalArgumentException(length + " values for " + rows + " rows of " + width);
        }
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup().data().asFloat();
    }
}
