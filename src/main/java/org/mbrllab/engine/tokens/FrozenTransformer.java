package org.mbrllab.engine.tokens;

import org.mbrllab.engine.nn.TransformerGraph;
import org.mbrllab.engine.worldmodels.PlainLayers;

/**
 * An immutable copy of a trained token transformer ({@link TransformerGraph}), run in plain Java one position at a
 * time with a key-value cache: what imagination and the viewer run, token by token. Made by
 * {@link TransformerTrainer#freeze()}; {@code FrozenTransformerTest} checks its logits against the graph's.
 *
 * <h2>One position (see {@link TransformerGraph} for the equations)</h2>
 * The token's embedding plus its position's; in each block, its query, key and value, the key and value kept in
 * the {@link Context}; attention over the positions so far (the causal mask, by construction: later positions
 * do not exist yet), the MLP; the logits over the K codes, and the reward head's output ({@link Context#reward()},
 * the predicted reward of the step when the position holds an action token). Appending the N positions of a sequence one by one
 * gives the same logits as the graph's forward pass over the whole sequence, at a cost per position of one
 * pass through the weights instead of N. The attention weights of the last position, per block and head, are
 * kept for the viewer.
 *
 * <p>Holds no INDArray and never changes: one copy can serve any number of threads, each with its own
 * {@link Context}.
 */
public final class FrozenTransformer {
    private final TransformerGraph.Sizes sizes;
    private final float[][] w;

    /** @param weights the arrays of {@link TransformerGraph#weights()}, not copied (the caller gives up its copy) */
    public FrozenTransformer(TransformerGraph.Sizes sizes, float[][] weights) {
        this.sizes = sizes;
        int v = sizes.vocabulary(), k = sizes.codes(), wd = sizes.width(), u = sizes.mlpUnits(), n = sizes.positions();
        String[] names = TransformerGraph.names(sizes.layers());
        PlainLayers.check(weights.length, names.length, "weights");
        int[] block = {wd, wd, wd * wd, wd * wd, wd * wd, wd * wd, wd, wd, wd, wd * u, u, u * wd, wd};
        for (int i = 0; i < names.length; i++) {
            int expected;
            if (i == 0) expected = v * wd;
            else if (i == 1) expected = n * wd;
            else if (i < 2 + TransformerGraph.PER_BLOCK * sizes.layers()) expected = block[(i - 2) % TransformerGraph.PER_BLOCK];
            else expected = new int[] {wd, wd, wd * k, k, wd, 1}[i - 2 - TransformerGraph.PER_BLOCK * sizes.layers()];
            PlainLayers.check(weights[i].length, expected, names[i]);
        }
        this.w = weights;
    }

    public TransformerGraph.Sizes sizes() {
        return sizes;
    }

    /** A copy of the weight arrays, in the graph's order (for {@link TokenNetworks}). */
    public float[][] weights() {
        float[][] copy = new float[w.length][];
        for (int i = 0; i < w.length; i++) copy[i] = w[i].clone();
        return copy;
    }

    /** An empty sequence to append positions to. */
    public Context context() {
        return new Context();
    }

    /** Weight array of block l, by its index in {@link TransformerGraph#BLOCK}. */
    private float[] block(int l, int index) {
        return w[2 + l * TransformerGraph.PER_BLOCK + index];
    }

    /**
     * The positions appended so far: their keys and values in every block, and the attention of the last one.
     * Confined to one thread.
     */
    public final class Context {
        private final int n = sizes.positions();
        private final int width = sizes.width();
        private final float[][] keys = new float[sizes.layers()][n * width];
        private final float[][] values = new float[sizes.layers()][n * width];
        private final float[][][] attention = new float[sizes.layers()][sizes.heads()][];
        private int length;
        private int lastToken = -1;
        private double reward;

        private Context() {}

        /** Positions appended. */
        public int length() {
            return length;
        }

        /**
         * Appends a token at the next position and returns the logits over the K codes there (the prediction of
         * the token after it).
         *
         * @param token 0 … V − 1
         * @throws IllegalStateException when all N positions are used
         */
        public float[] append(int token) {
            if (length >= n) throw new IllegalStateException("the context holds " + n + " positions; start a new one");
            if (token < 0 || token >= sizes.vocabulary()) {
                throw new IllegalArgumentException("token " + token + ": expected 0 … " + (sizes.vocabulary() - 1));
            }
            int i = length;
            int hd = sizes.headWidth(), u = sizes.mlpUnits();
            float[] x = new float[width];
            for (int j = 0; j < width; j++) x[j] = w[0][token * width + j] + w[1][i * width + j];
            float[] a = new float[width], q = new float[width], k = new float[width], v = new float[width];
            float[] joined = new float[width], out = new float[width], hidden = new float[u];
            float[] zero = new float[width];
            double scale = 1 / Math.sqrt(hd);
            for (int l = 0; l < sizes.layers(); l++) {
                // Attention.
                layerNorm(x, block(l, 0), block(l, 1), a);
                PlainLayers.dense(a, block(l, 2), zero, width, width, q);
                PlainLayers.dense(a, block(l, 3), zero, width, width, k);
                PlainLayers.dense(a, block(l, 4), zero, width, width, v);
                System.arraycopy(k, 0, keys[l], i * width, width);
                System.arraycopy(v, 0, values[l], i * width, width);
                for (int h = 0; h < sizes.heads(); h++) {
                    float[] weights = new float[i + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    double[] s = new double[i + 1];
                    for (int j = 0; j <= i; j++) {
                        float dot = 0;
                        for (int c = h * hd; c < (h + 1) * hd; c++) dot += q[c] * keys[l][j * width + c];
                        s[j] = dot * scale;
                        max = Math.max(max, s[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j <= i; j++) {
                        s[j] = Math.exp(s[j] - max);
                        sum += s[j];
                    }
                    for (int j = 0; j <= i; j++) weights[j] = (float) (s[j] / sum);
                    for (int c = h * hd; c < (h + 1) * hd; c++) {
                        float acc = 0;
                        for (int j = 0; j <= i; j++) acc += weights[j] * values[l][j * width + c];
                        joined[c] = acc;
                    }
                    attention[l][h] = weights;
                }
                PlainLayers.dense(joined, block(l, 5), block(l, 6), width, width, out);
                for (int j = 0; j < width; j++) x[j] += out[j];
                // MLP.
                layerNorm(x, block(l, 7), block(l, 8), a);
                PlainLayers.dense(a, block(l, 9), block(l, 10), width, u, hidden);
                for (int j = 0; j < u; j++) if (hidden[j] < 0) hidden[j] = (float) Math.expm1(hidden[j]);
                PlainLayers.dense(hidden, block(l, 11), block(l, 12), u, width, out);
                for (int j = 0; j < width; j++) x[j] += out[j];
            }
            int last = 2 + TransformerGraph.PER_BLOCK * sizes.layers();
            layerNorm(x, w[last], w[last + 1], a);
            float[] logits = new float[sizes.codes()];
            PlainLayers.dense(a, w[last + 2], w[last + 3], width, logits.length, logits);
            double r = w[last + 5][0];
            for (int j = 0; j < width; j++) r += a[j] * w[last + 4][j];
            reward = (float) r;
            lastToken = token;
            length++;
            return logits;
        }

        /**
         * The reward predicted at the last appended position, which must hold an action token: r̂_t of the step
         * that action takes from the frame before it, in the units of the training rewards.
         *
         * @throws IllegalStateException when the last token appended is not an action
         */
        public double reward() {
            if (lastToken < sizes.codes()) {
                throw new IllegalStateException("a reward is predicted at an action token; the last position holds "
                        + (lastToken < 0 ? "nothing" : "code " + lastToken));
            }
            return reward;
        }

        /**
         * The attention weights of the last appended position, [block][head][j] over positions j = 0 … length − 1
         * (each row sums to 1), copied.
         */
        public float[][][] attention() {
            if (length == 0) throw new IllegalStateException("nothing appended yet");
            float[][][] copy = new float[attention.length][][];
            for (int l = 0; l < copy.length; l++) {
                copy[l] = new float[attention[l].length][];
                for (int h = 0; h < copy[l].length; h++) copy[l][h] = attention[l][h].clone();
            }
            return copy;
        }
    }

    private static void layerNorm(float[] x, float[] gain, float[] bias, float[] out) {
        double mean = 0;
        for (float v : x) mean += v;
        mean /= x.length;
        double variance = 0;
        for (float v : x) variance += (v - mean) * (v - mean);
        variance /= x.length;
        double inv = 1 / Math.sqrt(variance + TransformerGraph.LN_EPSILON);
        for (int j = 0; j < x.length; j++) out[j] = (float) ((x[j] - mean) * inv * gain[j] + bias[j]);
    }
}
