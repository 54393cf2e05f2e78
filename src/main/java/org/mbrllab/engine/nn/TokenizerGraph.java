package org.mbrllab.engine.nn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tiny VQ autoencoder (van den Oord et al. 2017, "Neural discrete representation learning", VQ-VAE): it turns a
 * square frame into a grid of discrete tokens, the words the token world model of {@link TransformerGraph} reads
 * and writes (IRIS, Micheli et al. 2023, tokenises Atari frames the same way). The lesson's
 * {@code engine.tokens.TokenizerTrainer} trains it and copies its weights into the plain-Java
 * {@code FrozenTokenizer}.
 *
 * <h2>The graph, for n frames of S×S pixels cut into G×G patches of p×p pixels (G = S/p, T = G² tokens a frame)</h2>
 * <pre>
 *   z_i   = elu(x_i W_e1 + b_e1) W_e2 + b_e2             each patch x_i (p² pixels) → a vector of D, the same MLP for every patch
 *   k_i   = argmin_k ‖z_i − c_k‖²                         nearest of the K codes c_k (rows of the codebook C)
 *   q_i   = onehot(k_i) C                                 (a one-hot product, not a gather: gather's backward fails here)
 *   ẑ_i   = z_i + sg(q_i − z_i)                           straight-through: the value is q_i, the gradient goes to z_i
 *   ℓ     = elu([ẑ_1 … ẑ_T] W_d1 + b_d1) W_d2 + b_d2      one decoder for the whole frame, x̂ = sigmoid(ℓ)
 *   recon    = mean_frames Σ_pixels softplus(ℓ) − x ℓ     binary cross-entropy written on logits (grey targets allowed)
 *   codebook = mean_frames Σ_i ‖sg(z_i) − q_i‖²           moves the chosen codes towards the encoder's outputs
 *   commit   = mean_frames Σ_i ‖z_i − sg(q_i)‖²           keeps the encoder near its codes
 *   loss     = recon + codebook + β · commit              (VQ-VAE's Eq. 3; β = 0.25 there)
 * </pre>
 * sg is the stop-gradient. The argmin is the argmax of 2 z·c − ‖c‖², on stopped copies of z and C (the choice
 * has no gradient). The encoder is local, so a token names what one patch looks like; the decoder sees every
 * token, so it can draw a rod across patch borders smoothly.
 *
 * <h2>What the gradient is, and how it is tested</h2>
 * Because of the straight-through estimator the gradient is not the derivative of the loss: the loss's value
 * depends on the encoder only through the commitment term (the choice of codes is piecewise constant), while
 * the straight-through gradient of an encoder weight θ is Σ_i (∂recon/∂ẑ_i)(∂z_i/∂θ) + β ∂commit/∂θ, and the
 * codebook gets only the codebook term's gradient. {@code TokenizerGraphTest} checks exactly that, each factor by
 * float64 finite differences, through the second decoder input {@code zq_in} and the encoder output {@code z}.
 *
 * <h2>Layout</h2>
 * Inputs: {@code patches} (n·T, p²), row f·T + i is patch i (row-major over the grid) of frame f, its pixels
 * row-major ({@link #patches} makes them); {@code frames} (n, S²). Outputs: {@code z} (n·T, D), {@code codes}
 * (n·T) the chosen code indices, {@code decoded} (n, S²). A second input {@code zq_in} (n·T, D) runs the decoder
 * alone ({@code decoded_in}, and {@code recon_in} against {@code frames}). The weights come out as float arrays
 * in the order {@value #ORDER}, matrices (fan-in, fan-out), the codebook (K, D). Float32 for training; a
 * float64 graph exists for the gradient test. Confined to one thread.
 */
public final class TokenizerGraph {
    /** The weight arrays, in the order {@link #weights()} gives them. */
    public static final String ORDER = "enc_w1 enc_b1 enc_w2 enc_b2 codebook dec_w1 dec_b1 dec_w2 dec_b2";
    private static final String[] NAMES = ORDER.split(" ");
    /** The index of the codebook in {@value #ORDER}. */
    public static final int CODEBOOK = 4;

    /**
     * The tokenizer's shape.
     *
     * @param side          S, the frame's width and height in pixels
     * @param patch         p, the patch's width and height; divides S
     * @param encoderUnits  the hidden layer of the patch encoder
     * @param dimension     D, a code's dimension
     * @param codes         K, codes in the codebook, at least 2
     * @param decoderUnits  the hidden layer of the frame decoder
     * @param beta          β, the commitment weight, 0 to 10
     */
    public record Sizes(int side, int patch, int encoderUnits, int dimension, int codes, int decoderUnits, double beta) {
        public Sizes {
            int[] v = {side, patch, encoderUnits, dimension, decoderUnits};
            for (int x : v) {
                if (x < 1) throw new IllegalArgumentException("every size must be at least 1: " + this);
            }
            if (side % patch != 0) throw new IllegalArgumentException("patch " + patch + " does not divide side " + side);
            if (codes < 2) throw new IllegalArgumentException("codes " + codes + ": at least 2");
            if (!(beta >= 0 && beta <= 10)) throw new IllegalArgumentException("beta " + beta + ": 0 to 10");
        }

        /** T, tokens per frame. */
        public int tokens() {
            int g = side / patch;
            return g * g;
        }

        /** Pixels per frame. */
        public int pixels() {
            return side * side;
        }

        /** Pixels per patch. */
        public int patchPixels() {
            return patch * patch;
        }
    }

    private final SameDiff sd;
    private final Sizes sizes;
    private final DataType type;
    private final FixedTrainingStep step;

    /**
     * A float32 graph with freshly drawn weights: matrices N(0, 1/fan-in), biases 0, codes N(0, 1).
     *
     * @param learningRate Adam's step size
     */
    public TokenizerGraph(Sizes sizes, double learningRate, RandomGenerator random) {
        this(sizes, learningRate, random, DataType.FLOAT);
    }

    /** With a data type: {@link DataType#DOUBLE} for the finite-difference test. */
    TokenizerGraph(Sizes sizes, double learningRate, RandomGenerator random, DataType type) {
        Nd4jRuntime.ensureReady();
        this.sizes = sizes;
        this.type = type;
        this.sd = SameDiff.create();
        int pp = sizes.patchPixels(), u = sizes.encoderUnits(), d = sizes.dimension(), k = sizes.codes();
        int t = sizes.tokens(), ud = sizes.decoderUnits(), px = sizes.pixels();
        int[][] dims = {{pp, u}, {1, u}, {u, d}, {1, d}, {k, d}, {t * d, ud}, {1, ud}, {ud, px}, {1, px}};
        SDVariable[] w = new SDVariable[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            double[] values = new double[dims[i][0] * dims[i][1]];
            boolean matrix = dims[i][0] > 1 || i == CODEBOOK;
            double sd0 = i == CODEBOOK ? 1 : Math.sqrt(1.0 / dims[i][0]);
            if (matrix) for (int j = 0; j < values.length; j++) values[j] = sd0 * random.nextGaussian();
            w[i] = sd.var(NAMES[i], Nd4j.create(values, new long[] {dims[i][0], dims[i][1]}, 'c').castTo(type));
        }
        SDVariable patches = sd.placeHolder("patches", type, -1, pp);
        SDVariable frames = sd.placeHolder("frames", type, -1, px);
        // 1. Encode every patch.
        SDVariable z = sd.nn().elu(patches.mmul(w[0]).add(w[1])).mmul(w[2]).add(w[3]).rename("z");
        // 2. The nearest code: argmax of 2 z·c − ‖c‖², on stopped copies; its row of C through a one-hot product.
        SDVariable cs = stop(w[CODEBOOK]);
        SDVariable score = sd.mmul(stop(z), cs, false, true, false).mul(2).sub(sd.transpose(cs.mul(cs).sum(true, 1)));
        SDVariable codes = sd.argmax("codes", score, 1);
        SDVariable onehot = sd.oneHot(codes, k, -1, 1.0, 0.0, type);
        SDVariable q = onehot.mmul(w[CODEBOOK]);
        // 3. Straight-through, then decode.
        SDVariable zq = z.add(stop(q.sub(z)));
        SDVariable logits = decoderLogits(zq, w);
        sd.nn().sigmoid("decoded", logits);
        SDVariable recon = bce(logits, frames).rename("recon");
        // 4. The codebook and commitment terms, per frame.
        // (A mean over the n·T rows times T is the sum over a frame's tokens, averaged over frames.)
        SDVariable toCode = stop(z).sub(q);
        SDVariable codebookLoss = toCode.mul(toCode).sum(1).mean().mul(t).rename("codebook_loss");
        SDVariable toEncoder = z.sub(stop(q));
        SDVariable commit = toEncoder.mul(toEncoder).sum(1).mean().mul(t).rename("commit");
        SDVariable loss = recon.add(codebookLoss).add(commit.mul(sizes.beta())).rename("loss");
        // 5. The decoder alone, on given quantised vectors.
        SDVariable zqIn = sd.placeHolder("zq_in", type, -1, d);
        SDVariable logitsIn = decoderLogits(zqIn, w);
        sd.nn().sigmoid("decoded_in", logitsIn);
        bce(logitsIn, frames).rename("recon_in");
        sd.setLossVariables(loss);
        Nd4jRuntime.quietly(() -> {
            sd.createGradFunction();
            return null;
        });
        this.step = new FixedTrainingStep(sd, List.of(NAMES), new AdamInJava(learningRate), List.of("patches", "frames"),
                List.of("loss", "recon", "codebook_loss", "commit", "codes", "z"));
    }

    private SDVariable decoderLogits(SDVariable zq, SDVariable[] w) {
        SDVariable flat = sd.reshape(zq, -1, (long) sizes.tokens() * sizes.dimension());
        return sd.nn().elu(flat.mmul(w[5]).add(w[6])).mmul(w[7]).add(w[8]);
    }

    /** mean over frames of Σ_pixels softplus(ℓ) − x ℓ. */
    private SDVariable bce(SDVariable logits, SDVariable frames) {
        return sd.nn().softplus(logits).sub(frames.mul(logits)).sum(1).mean();
    }

    private SDVariable stop(SDVariable v) {
        return new StopGradient(sd, v).outputVariable();
    }

    public Sizes sizes() {
        return sizes;
    }

    /**
     * Cuts frames into the patch rows of the {@code patches} input (see the class comment).
     *
     * @param frames n frames of S² pixels, row-major, one after another
     */
    public static float[] patches(float[] frames, Sizes s) {
        int px = s.pixels();
        if (frames.length % px != 0) throw new IllegalArgumentException(frames.length + " values are not whole frames of " + px);
        int n = frames.length / px, g = s.side() / s.patch(), p = s.patch();
        float[] out = new float[frames.length];
        int o = 0;
        for (int f = 0; f < n; f++) {
            for (int gr = 0; gr < g; gr++) {
                for (int gc = 0; gc < g; gc++) {
                    for (int r = 0; r < p; r++) {
                        for (int c = 0; c < p; c++) out[o++] = frames[f * px + (gr * p + r) * s.side() + gc * p + c];
                    }
                }
            }
        }
        return out;
    }

    /** What one training step reports, measured before its update. */
    public record StepResult(double loss, double recon, double codebook, double commit, int[] codes, float[] z) {}

    /** One Adam step on n frames (row-major, n·S² values). */
    public StepResult train(float[] frames, int n) {
        Map<String, INDArray> out = step.run(array(patches(frames, sizes), n * sizes.tokens(), sizes.patchPixels()),
                array(frames, n, sizes.pixels()));
        return new StepResult(out.get("loss").getDouble(0), out.get("recon").getDouble(0),
                out.get("codebook_loss").getDouble(0), out.get("commit").getDouble(0),
                out.get("codes").castTo(DataType.INT).dup().data().asInt(), floats(out.get("z")));
    }

    /** {loss, recon, codebook, commit} on n frames, without training. */
    public double[] losses(float[] frames, int n) {
        Map<String, INDArray> out = sd.output(feed(frames, n), "loss", "recon", "codebook_loss", "commit");
        return new double[] {out.get("loss").getDouble(0), out.get("recon").getDouble(0),
            out.get("codebook_loss").getDouble(0), out.get("commit").getDouble(0)};
    }

    /** Frames through the graph: the chosen code of every patch (n·T) and the decoded frames (n·S²). */
    public record Encoded(int[] codes, float[] decoded) {}

    /** The codes and decoded frames of n frames, without training. */
    public Encoded encodeDecode(float[] frames, int n) {
        Map<String, INDArray> out = sd.output(feed(frames, n), "codes", "decoded");
        return new Encoded(out.get("codes").castTo(DataType.INT).dup().data().asInt(), floats(out.get("decoded")));
    }

    /** Replaces code k with {@code value} (D values): how dead codes are brought back. */
    public void setCode(int k, float[] value) {
        if (value.length != sizes.dimension()) throw new IllegalArgumentException(value.length + " values for a code of " + sizes.dimension());
        INDArray c = sd.getVariable(NAMES[CODEBOOK]).getArr();
        for (int j = 0; j < value.length; j++) c.putScalar(new long[] {k, j}, value[j]);
    }

    /** A copy of the current weights, in {@value #ORDER} order. */
    public float[][] weights() {
        float[][] w = new float[NAMES.length][];
        for (int i = 0; i < w.length; i++) w[i] = floats(sd.getVariable(NAMES[i]).getArr());
        return w;
    }

    // ---------------------------------------------------------------- for the tests

    /** The named scalar outputs, in this graph's data type, with {@code zq_in} fed too (n·T·D values). */
    double[] scalars(double[] frames, double[] zqIn, int n, String... names) {
        Map<String, INDArray> feed = feed(frames, n);
        feed.put("zq_in", array(zqIn, n * sizes.tokens(), sizes.dimension()));
        Map<String, INDArray> out = sd.output(feed, names);
        double[] v = new double[names.length];
        for (int i = 0; i < names.length; i++) v[i] = out.get(names[i]).getDouble(0);
        return v;
    }

    /** The encoder's outputs z (n·T·D) and the chosen codes. */
    double[] z(double[] frames, int n) {
        return sd.output(feed(frames, n), "z").get("z").dup().data().asDouble();
    }

    int[] codes(double[] frames, int n) {
        return sd.output(feed(frames, n), "codes").get("codes").castTo(DataType.INT).dup().data().asInt();
    }

    /** The gradient of the loss as SameDiff's autodiff makes it, for every weight array, in {@value #ORDER} order. */
    double[][] gradients(double[] frames, int n) {
        Map<String, INDArray> g = sd.calculateGradients(feed(frames, n), NAMES);
        double[][] out = new double[NAMES.length][];
        for (int i = 0; i < NAMES.length; i++) out[i] = g.get(NAMES[i]).dup().data().asDouble();
        return out;
    }

    /** Weight array i, the live array: the tests nudge its elements. */
    INDArray weight(int i) {
        return sd.getVariable(NAMES[i]).getArr();
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, INDArray> feed(Object frames, int n) {
        Object cut = frames instanceof float[] f ? patches(f, sizes) : patchesDouble((double[]) frames);
        Map<String, INDArray> m = new HashMap<>();
        m.put("patches", array(cut, n * sizes.tokens(), sizes.patchPixels()));
        m.put("frames", array(frames, n, sizes.pixels()));
        return m;
    }

    private double[] patchesDouble(double[] frames) {
        // The same cut as patches(float[]), index by index, so that float64 values stay exact.
        int[] order = order(frames.length);
        double[] out = new double[frames.length];
        for (int i = 0; i < out.length; i++) out[i] = frames[order[i]];
        return out;
    }

    private int[] order(int length) {
        float[] idx = new float[length];
        for (int i = 0; i < length; i++) idx[i] = i;
        float[] cut = patches(idx, sizes);
        int[] order = new int[length];
        for (int i = 0; i < length; i++) order[i] = (int) cut[i];
        return order;
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
