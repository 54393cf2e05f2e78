package org.mbrllab.engine.tokens;

import org.mbrllab.engine.nn.TokenizerGraph;
import org.mbrllab.engine.worldmodels.PlainLayers;

/**
 * An immutable copy of a trained VQ tokenizer ({@link TokenizerGraph}), run in plain Java: frame → tokens →
 * frame, one frame at a time, for the transformer's data, imagination and the viewer. Made by
 * {@link TokenizerTrainer#freeze()}; {@code FrozenTokenizerTest} checks it against the graph. Float32, as the graph.
 *
 * <pre>
 *   encode:  patch i → z_i = elu(x_i W_e1 + b_e1) W_e2 + b_e2 → k_i = argmin_k ‖z_i − c_k‖²
 *   decode:  [c_{k_1} … c_{k_T}] → sigmoid(elu(· W_d1 + b_d1) W_d2 + b_d2)
 * </pre>
 * Ties in the argmin go to the lower index (as ND4J's argmax does).
 */
public final class FrozenTokenizer {
    private final TokenizerGraph.Sizes sizes;
    private final float[][] w;

    /**
     * @param weights the arrays of {@link TokenizerGraph#weights()}, not copied (the caller gives up its copy)
     */
    public FrozenTokenizer(TokenizerGraph.Sizes sizes, float[][] weights) {
        this.sizes = sizes;
        int pp = sizes.patchPixels(), u = sizes.encoderUnits(), d = sizes.dimension(), k = sizes.codes();
        int t = sizes.tokens(), ud = sizes.decoderUnits(), px = sizes.pixels();
        int[] lengths = {pp * u, u, u * d, d, k * d, t * d * ud, ud, ud * px, px};
        String[] names = TokenizerGraph.ORDER.split(" ");
        PlainLayers.check(weights.length, names.length, "weights");
        for (int i = 0; i < names.length; i++) PlainLayers.check(weights[i].length, lengths[i], names[i]);
        this.w = weights;
    }

    public TokenizerGraph.Sizes sizes() {
        return sizes;
    }

    /** A copy of the weight arrays, in the graph's order (for {@link TokenNetworks}). */
    public float[][] weights() {
        float[][] copy = new float[w.length][];
        for (int i = 0; i < w.length; i++) copy[i] = w[i].clone();
        return copy;
    }

    /** T, tokens per frame. */
    public int tokens() {
        return sizes.tokens();
    }

    /** K, codes. */
    public int codes() {
        return sizes.codes();
    }

    /** The encoder's output z (T·D values) for a frame, before quantisation. */
    public float[] embed(float[] frame) {
        PlainLayers.check(frame.length, sizes.pixels(), "frame");
        float[] patches = TokenizerGraph.patches(frame, sizes);
        int pp = sizes.patchPixels(), u = sizes.encoderUnits(), d = sizes.dimension();
        float[] x = new float[pp];
        float[] h = new float[u];
        float[] zi = new float[d];
        float[] z = new float[sizes.tokens() * d];
        for (int i = 0; i < sizes.tokens(); i++) {
            System.arraycopy(patches, i * pp, x, 0, pp);
            PlainLayers.dense(x, w[0], w[1], pp, u, h);
            elu(h);
            PlainLayers.dense(h, w[2], w[3], u, d, zi);
            System.arraycopy(zi, 0, z, i * d, d);
        }
        return z;
    }

    /** The frame's tokens: the nearest code of each patch, row-major over the grid. */
    public int[] encode(float[] frame) {
        float[] z = embed(frame);
        int d = sizes.dimension();
        int[] tokens = new int[sizes.tokens()];
        for (int i = 0; i < tokens.length; i++) tokens[i] = nearest(z, i * d);
        return tokens;
    }

    /** The code nearest to the D values of z from {@code offset}: the largest 2 z·c − ‖c‖², as the graph scores it. */
    private int nearest(float[] z, int offset) {
        int d = sizes.dimension();
        int best = 0;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < sizes.codes(); k++) {
            float dot = 0, norm = 0;
            for (int j = 0; j < d; j++) {
                float c = w[TokenizerGraph.CODEBOOK][k * d + j];
                dot += z[offset + j] * c;
                norm += c * c;
            }
            float score = 2 * dot - norm;
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    /** The decoded frame (pixels in (0, 1)) of T tokens, each 0 … K − 1. */
    public float[] decode(int[] tokens) {
        PlainLayers.check(tokens.length, sizes.tokens(), "tokens");
        int d = sizes.dimension();
        float[] q = new float[tokens.length * d];
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= sizes.codes()) {
                throw new IllegalArgumentException("token " + i + " is " + tokens[i] + ", expected 0 … " + (sizes.codes() - 1));
            }
            System.arraycopy(w[TokenizerGraph.CODEBOOK], tokens[i] * d, q, i * d, d);
        }
        float[] h = new float[sizes.decoderUnits()];
        PlainLayers.dense(q, w[5], w[6], q.length, h.length, h);
        elu(h);
        float[] out = new float[sizes.pixels()];
        PlainLayers.dense(h, w[7], w[8], h.length, out.length, out);
        for (int i = 0; i < out.length; i++) out[i] = (float) (1 / (1 + Math.exp(-out[i])));
        return out;
    }

    /** Code k's vector (D values), copied. */
    public float[] code(int k) {
        int d = sizes.dimension();
        float[] c = new float[d];
        System.arraycopy(w[TokenizerGraph.CODEBOOK], k * d, c, 0, d);
        return c;
    }

    private static void elu(float[] x) {
        for (int i = 0; i < x.length; i++) if (x[i] < 0) x[i] = (float) Math.expm1(x[i]);
    }
}
