package org.mbrllab.engine.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.dreamer.OpenLoop;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.PixelPendulum;
import org.mbrllab.engine.worldmodels.PlainLayers;

/**
 * Open-loop prediction of the token world model on held-out sequences, scored exactly as the Dreamer lesson's
 * {@link OpenLoop} scores the RSSM, on the same windows, so the two can be put side by side: for each sequence
 * of C + K frames o_0 … o_{C+K−1},
 * <pre>
 *   codes_k = tokenize(o_k)                                     k = 0 … C − 1  (the context, seen)
 *   codes_k = imagine(codes_{k−T+1} … codes_{k−1}, u_{k−T+1} … u_{k−1})   k = C … C + K − 1 (true torques)
 *   error_k = mean over pixels of (decode(codes_k) − o_k)²
 * </pre>
 * Each imagined frame's codes join the window of the next one, never the truth's: a K-step prediction. With
 * {@link TokenImagination.Sampling#greedy()} the numbers depend on no seed. The baselines are {@link OpenLoop}'s:
 * copy the last context frame, and the mean training frame.
 *
 * <h2>The sequences</h2>
 * {@link OpenLoop}'s: non-overlapping windows of C + K frames from the start of each held-out episode, episode by
 * episode. Immutable.
 */
public final class TokenOpenLoop {
    private final PixelEpisodes heldOut;
    private final float[] meanFrame;
    private final int context;
    private final int horizon;
    private final int sequences;
    private final int perEpisode;

    /** As {@link OpenLoop#OpenLoop(PixelEpisodes, float[], int, int, int)}. */
    public TokenOpenLoop(PixelEpisodes heldOut, float[] meanFrame, int context, int horizon, int sequences) {
        // The same checks and windows as OpenLoop: build one to validate the arguments the same way.
        new OpenLoop(heldOut, meanFrame, context, horizon, sequences);
        this.heldOut = heldOut;
        PlainLayers.check(meanFrame.length, PixelPendulum.PIXELS, "meanFrame");
        this.meanFrame = meanFrame.clone();
        this.context = context;
        this.horizon = horizon;
        this.sequences = sequences;
        this.perEpisode = (PixelEpisodes.STEPS + 1) / (context + horizon);
    }

    public int sequences() {
        return sequences;
    }

    /**
     * Sequence i's C + K true frames, their decodings (the context's reconstructions, then imagined frames) and
     * codes; the K imagined steps' predicted rewards and the true ones (step k's: the reward of the torque taken
     * on frame C + k − 1, which leads to imagined frame C + k).
     */
    public record Rollout(List<float[]> truth, List<float[]> decoded, List<int[]> tokens, double[] rewards,
                          double[] trueRewards) {
        public Rollout {
            truth = List.copyOf(truth);
            decoded = List.copyOf(decoded);
            tokens = List.copyOf(tokens);
            rewards = rewards.clone();
            trueRewards = trueRewards.clone();
        }

        /** The predicted rewards, copied. */
        @Override
        public double[] rewards() {
            return rewards.clone();
        }

        /** The true rewards, copied. */
        @Override
        public double[] trueRewards() {
            return trueRewards.clone();
        }
    }

    /** Sequence i (0 … {@link #sequences()} − 1) through the model, as the class comment says. */
    public Rollout rollout(TokenImagination model, int i, TokenImagination.Sampling sampling, RandomGenerator random) {
        Objects.checkIndex(i, sequences);
        Objects.requireNonNull(model, "model");
        int e = i / perEpisode;
        int s = (i % perEpisode) * (context + horizon);
        List<float[]> truth = new ArrayList<>();
        List<float[]> decoded = new ArrayList<>();
        List<int[]> tokens = new ArrayList<>();
        double[] rewards = new double[horizon];
        double[] trueRewards = new double[horizon];
        for (int k = 0; k < context + horizon; k++) {
            float[] frame = new float[PixelPendulum.PIXELS];
            heldOut.frame(e, s + k, frame);
            truth.add(frame);
            int[] codes;
            if (k < context) {
                codes = model.tokenizer().encode(frame);
                decoded.add(model.tokenizer().decode(codes));
            } else {
                int from = Math.max(0, k - model.window());
                double[] torques = new double[k - from];
                for (int j = from; j < k; j++) torques[j - from] = heldOut.action(e, s + j);
                TokenImagination.Frame next = model.next(tokens.subList(from, k), torques, sampling, random);
                codes = next.tokens();
                decoded.add(next.frame());
                rewards[k - context] = next.reward();
                trueRewards[k - context] = heldOut.reward(e, s + k - 1);
            }
            tokens.add(codes);
        }
        return new Rollout(truth, decoded, tokens, rewards, trueRewards);
    }

    /** The open-loop errors and both baselines, per imagined step, with {@link OpenLoop.Result}'s meaning. */
    public OpenLoop.Result evaluate(TokenImagination model, TokenImagination.Sampling sampling, RandomGenerator random) {
        return evaluate(model, sampling, 1, random);
    }

    /**
     * As {@link #evaluate(TokenImagination, TokenImagination.Sampling, RandomGenerator)}, but each imagined frame
     * scored is the pixel-wise mean of {@code samples} futures imagined independently from the same context: a
     * Monte Carlo estimate of the model's predictive mean, the frame that minimises the expected squared error
     * under the model. One sharp future is penalised twice when its rod is in the wrong place (once where it is
     * drawn, once where the true rod is missing); the mean of several hedges, as the RSSM's mean prediction and
     * the mean-frame baseline do.
     *
     * @param samples futures per sequence, 1 to 1,000
     */
    public OpenLoop.Result evaluate(TokenImagination model, TokenImagination.Sampling sampling, int samples,
                                    RandomGenerator random) {
        org.mbrllab.engine.core.Check.inRange("samples", samples, 1, 1000);
        double[] mse = new double[horizon];
        double[] copy = new double[horizon];
        double[] mean = new double[horizon];
        for (int i = 0; i < sequences; i++) {
            Rollout r = rollout(model, i, sampling, random);
            float[][] average = new float[horizon][];
            for (int k = 0; k < horizon; k++) average[k] = r.decoded().get(context + k).clone();
            for (int s = 1; s < samples; s++) {
                Rollout other = rollout(model, i, sampling, random);
                for (int k = 0; k < horizon; k++) {
                    float[] d = other.decoded().get(context + k);
                    for (int p = 0; p < d.length; p++) average[k][p] += d[p];
                }
            }
            float[] last = r.truth().get(context - 1);
            for (int k = 0; k < horizon; k++) {
                for (int p = 0; p < average[k].length; p++) average[k][p] /= samples;
                float[] truth = r.truth().get(context + k);
                mse[k] += meanSquare(average[k], truth) / sequences;
                copy[k] += meanSquare(last, truth) / sequences;
                mean[k] += meanSquare(meanFrame, truth) / sequences;
            }
        }
        return new OpenLoop.Result(context, sequences, mse, copy, mean);
    }

    /** The tokenizer's reconstruction error, per pixel, over every frame of the episodes. */
    public static double tokenizerMse(FrozenTokenizer tokenizer, PixelEpisodes episodes) {
        double sum = 0;
        int frames = 0;
        float[] frame = new float[PixelPendulum.PIXELS];
        for (int e = 0; e < episodes.episodes(); e++) {
            for (int t = 0; t <= PixelEpisodes.STEPS; t++) {
                episodes.frame(e, t, frame);
                sum += meanSquare(tokenizer.decode(tokenizer.encode(frame)), frame);
                frames++;
            }
        }
        return sum / frames;
    }

    /** How many codes some patch of some frame of the episodes picks. */
    public static int codesUsed(FrozenTokenizer tokenizer, PixelEpisodes episodes) {
        boolean[] used = new boolean[tokenizer.codes()];
        float[] frame = new float[PixelPendulum.PIXELS];
        for (int e = 0; e < episodes.episodes(); e++) {
            for (int t = 0; t <= PixelEpisodes.STEPS; t++) {
                episodes.frame(e, t, frame);
                for (int k : tokenizer.encode(frame)) used[k] = true;
            }
        }
        int n = 0;
        for (boolean u : used) if (u) n++;
        return n;
    }

    private static double meanSquare(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s / a.length;
    }
}
