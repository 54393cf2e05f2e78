package org.mbrllab.engine.tokens;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Check;

/**
 * Imagination with the token world model: the next frame written token by token by the transformer, then
 * decoded by the tokenizer (IRIS's imagination, Micheli et al. 2023, section 2.2), in plain Java on copied
 * weights.
 *
 * <h2>One imagined frame ({@link #next})</h2>
 * <ol>
 *   <li>The window: the last T − 1 frames' codes, each followed by the token of the action taken after it (the
 *       transformer was trained on windows of T frames, and its positions are learned, so an older frame cannot
 *       be shown to it; IRIS cuts its context the same way). They are appended from position 0. The output at
 *       the last action token is the predicted reward of the step being imagined.</li>
 *   <li>For i = 1 … F: the logits at the last position are divided by the temperature τ; only the k largest are
 *       kept (top-k); a code is drawn from their softmax, or the largest is taken when τ = 0 (greedy). It is
 *       appended, and predicts the next.</li>
 *   <li>The F codes are decoded to a frame.</li>
 * </ol>
 * The attention weights of each predicted token (the position whose logits chose it) are returned for the viewer.
 * Immutable; every call uses its own cache, so one imagination can serve several threads given separate random
 * streams.
 */
public final class TokenImagination {
    private final FrozenTokenizer tokenizer;
    private final FrozenTransformer transformer;
    private final int actionBins;

    public TokenImagination(FrozenTokenizer tokenizer, FrozenTransformer transformer) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.transformer = Objects.requireNonNull(transformer, "transformer");
        if (transformer.sizes().codes() != tokenizer.codes() || transformer.sizes().frameTokens() != tokenizer.tokens()) {
            throw new IllegalArgumentException("the transformer reads " + transformer.sizes().codes() + " codes, "
                    + transformer.sizes().frameTokens() + " a frame; the tokenizer makes " + tokenizer.codes() + ", "
                    + tokenizer.tokens() + " a frame");
        }
        this.actionBins = transformer.sizes().vocabulary() - transformer.sizes().codes();
    }

    public FrozenTokenizer tokenizer() {
        return tokenizer;
    }

    public FrozenTransformer transformer() {
        return transformer;
    }

    /** The most past frames one prediction sees: T − 1. */
    public int window() {
        return transformer.sizes().frames() - 1;
    }

    /**
     * How codes are drawn.
     *
     * @param temperature τ, 0 (greedy) to 10
     * @param topK        k, codes kept before drawing, 1 to K (K keeps all)
     */
    public record Sampling(double temperature, int topK) {
        public Sampling {
            Check.inRange("temperature", temperature, 0, 10);
            Check.inRange("topK", topK, 1, TokenConfig.MAX_CODES);
        }

        /** Always the most likely code. */
        public static Sampling greedy() {
            return new Sampling(0, 1);
        }
    }

    /**
     * One imagined frame.
     *
     * @param tokens    its F codes
     * @param frame     the tokenizer's decoding of them
     * @param attention for each predicted code i, the attention of the position that predicted it,
     *                  [i][block][head][position]
     * @param reward    r̂, the predicted reward of the step that leads to this frame (the last torque, taken on
     *                  the last past frame), in the units of the training rewards
     */
    public record Frame(int[] tokens, float[] frame, float[][][][] attention, double reward) {}

    /**
     * Imagines the frame after the given ones.
     *
     * @param past    the codes of the last frames, oldest first, 1 to T − 1 of them (only the last T − 1 are used)
     * @param torques the torque taken after each of them (the last one leads to the imagined frame), in N·m
     * @param random  the stream codes are drawn from (unused when τ = 0)
     */
    public Frame next(List<int[]> past, double[] torques, Sampling sampling, RandomGenerator random) {
        if (past.isEmpty() || past.size() != torques.length) {
            throw new IllegalArgumentException(past.size() + " frames and " + torques.length + " torques: give at least one frame and one torque after each");
        }
        int f = tokenizer.tokens(), k = tokenizer.codes();
        int first = Math.max(0, past.size() - window());
        // 1. The window.
        FrozenTransformer.Context c = transformer.context();
        float[] logits = null;
        for (int t = first; t < past.size(); t++) {
            int[] codes = past.get(t);
            if (codes.length != f) throw new IllegalArgumentException("frame " + t + " has " + codes.length + " codes, expected " + f);
            for (int code : codes) c.append(code);
            logits = c.append(k + TokenSequences.actionBin(Check.finite("torque", torques[t]), actionBins));
        }
        double reward = c.reward();
        // 2. The codes, one by one.
        int[] tokens = new int[f];
        float[][][][] attention = new float[f][][][];
        for (int i = 0; i < f; i++) {
            attention[i] = c.attention();
            tokens[i] = draw(logits, sampling, random);
            if (i < f - 1) logits = c.append(tokens[i]);
        }
        // 3. The picture.
        return new Frame(tokens, tokenizer.decode(tokens), attention, reward);
    }

    /** A code from the logits: the largest when τ = 0, else drawn from the softmax of the top k divided by τ. */
    static int draw(float[] logits, Sampling sampling, RandomGenerator random) {
        int best = 0;
        for (int j = 1; j < logits.length; j++) if (logits[j] > logits[best]) best = j;
        if (sampling.temperature() == 0 || sampling.topK() == 1) return best;
        int keep = Math.min(sampling.topK(), logits.length);
        // The k-th largest logit is the threshold (ties at it all kept).
        float[] sorted = logits.clone();
        java.util.Arrays.sort(sorted);
        float threshold = sorted[sorted.length - keep];
        double[] p = new double[logits.length];
        double sum = 0;
        for (int j = 0; j < logits.length; j++) {
            if (logits[j] >= threshold) {
                p[j] = Math.exp((logits[j] - logits[best]) / sampling.temperature());
                sum += p[j];
            }
        }
        double u = random.nextDouble() * sum;
        for (int j = 0; j < p.length; j++) {
            u -= p[j];
            if (p[j] > 0 && u < 0) return j;
        }
        return best;
    }
}
