package org.mbrllab.engine.dreamer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.worldmodels.PlainLayers;

/**
 * Open-loop prediction on held-out sequences: the test of a world model that Dreamer's video summaries
 * show (context frames, then imagined frames). For each sequence of C + K frames o_0 … o_{C+K−1}:
 * <pre>
 *   s_0 = observe(o_0),  s_k = observe(s_{k−1}, u_{k−1}, o_k)          k = 1 … C − 1   (the context: posterior)
 *   s_k = imagine(s_{k−1}, u_{k−1})                                    k = C … C + K − 1 (prior, true torques)
 *   error_k = mean over pixels of (decode(s_k) − o_k)²
 * </pre>
 * Every imagined state is fed the state imagined just before it, never the context's last posterior again:
 * that is what makes it a K-step prediction (one public imagination notebook got this wrong and showed K
 * one-step predictions). States use ε = 0, each Gaussian's mean, so the numbers do not depend on a seed.
 *
 * <h2>Baselines, on the same frames</h2>
 * "Copy the last context frame" (o_{C−1} for every imagined step: nothing moves) and "the mean frame" (the
 * pixel-wise mean of the training frames: no dynamics, no memory). A model worth having beats both at every
 * horizon; the mean frame is the harder one far ahead, copying the near one.
 *
 * <h2>The sequences</h2>
 * Fixed: non-overlapping windows of C + K frames from the start of each held-out episode, episode by episode,
 * until there are enough. Immutable.
 */
public final class OpenLoop {
    /** The lesson's context frames and imagined steps (Dreamer's summaries show 5 and 45 at 64×64). */
    public static final int CONTEXT = 5;
    public static final int HORIZON = 15;

    private final PixelEpisodes heldOut;
    private final float[] meanFrame;
    private final int context;
    private final int horizon;
    private final int[] episodes;
    private final int[] starts;

    /**
     * @param heldOut   episodes never trained on
     * @param meanFrame the training frames' mean, {@value PixelPendulum#PIXELS} values (copied)
     * @param context   C, 1 to 50
     * @param horizon   K, 1 to {@value PixelEpisodes#STEPS}
     * @param sequences how many windows to evaluate, 1 to what the episodes hold
     */
    public OpenLoop(PixelEpisodes heldOut, float[] meanFrame, int context, int horizon, int sequences) {
        this.heldOut = Objects.requireNonNull(heldOut, "heldOut");
        PlainLayers.check(meanFrame.length, PixelPendulum.PIXELS, "meanFrame");
        this.meanFrame = meanFrame.clone();
        this.context = Check.inRange("context", context, 1, 50);
        this.horizon = Check.inRange("horizon", horizon, 1, PixelEpisodes.STEPS);
        int window = context + horizon;
        int perEpisode = (PixelEpisodes.STEPS + 1) / window;
        Check.inRange("sequences", sequences, 1, Math.max(1, perEpisode * heldOut.episodes()));
        if (perEpisode == 0) throw new IllegalArgumentException("a window of " + window + " frames is longer than an episode");
        episodes = new int[sequences];
        starts = new int[sequences];
        for (int i = 0; i < sequences; i++) {
            episodes[i] = i / perEpisode;
            starts[i] = (i % perEpisode) * window;
        }
    }

    /** Sequences evaluated. */
    public int sequences() {
        return episodes.length;
    }

    public int context() {
        return context;
    }

    public int horizon() {
        return horizon;
    }

    /**
     * One sequence run through the model: C + K frames of truth and of the model's decoding (the context's
     * reconstructions, then the imagined frames), and the states.
     */
    public record Rollout(List<float[]> truth, List<float[]> decoded, List<FrozenRssm.State> states) {
        public Rollout {
            truth = List.copyOf(truth);
            decoded = List.copyOf(decoded);
            states = List.copyOf(states);
        }
    }

    /** Sequence i (0 … {@link #sequences()} − 1) through {@code model}, as the class comment says. */
    public Rollout rollout(FrozenRssm model, int i) {
        Objects.checkIndex(i, episodes.length);
        int e = episodes[i];
        int s = starts[i];
        List<float[]> truth = new ArrayList<>();
        List<float[]> decoded = new ArrayList<>();
        List<FrozenRssm.State> states = new ArrayList<>();
        FrozenRssm.State state = null;
        for (int k = 0; k < context + horizon; k++) {
            float[] frame = new float[PixelPendulum.PIXELS];
            heldOut.frame(e, s + k, frame);
            double torque = k == 0 ? 0 : heldOut.action(e, s + k - 1);
            // The context is filtered; after it, each step starts from the state just imagined.
            state = k < context ? model.observe(state, torque, frame, null) : model.imagine(state, torque, null);
            truth.add(frame);
            decoded.add(model.decode(state));
            states.add(state);
        }
        return new Rollout(truth, decoded, states);
    }

    /**
     * The open-loop errors of {@code model}: per imagined step k = 1 … K, the mean squared pixel error over
     * all sequences, and the two baselines'.
     */
    public Result evaluate(FrozenRssm model) {
        double[] mse = new double[horizon];
        double[] copy = new double[horizon];
        double[] mean = new double[horizon];
        int n = episodes.length;
        for (int i = 0; i < n; i++) {
            Rollout r = rollout(model, i);
            float[] last = r.truth().get(context - 1);
            for (int k = 0; k < horizon; k++) {
                float[] truth = r.truth().get(context + k);
                mse[k] += meanSquare(r.decoded().get(context + k), truth) / n;
                copy[k] += meanSquare(last, truth) / n;
                mean[k] += meanSquare(meanFrame, truth) / n;
            }
        }
        return new Result(context, n, mse, copy, mean);
    }

    private static double meanSquare(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s / a.length;
    }

    /**
     * Open-loop errors, each the mean squared pixel error over the sequences, per imagined step.
     *
     * @param context       C, the context frames
     * @param sequences     how many sequences were averaged
     * @param msePerStep    the model's, step 1 … K
     * @param copyLastPerStep "copy the last context frame"
     * @param meanFramePerStep "the mean training frame"
     */
    public record Result(int context, int sequences, double[] msePerStep, double[] copyLastPerStep,
                         double[] meanFramePerStep) {
        public Result {
            msePerStep = msePerStep.clone();
            copyLastPerStep = copyLastPerStep.clone();
            meanFramePerStep = meanFramePerStep.clone();
        }

        @Override
        public double[] msePerStep() {
            return msePerStep.clone();
        }

        @Override
        public double[] copyLastPerStep() {
            return copyLastPerStep.clone();
        }

        @Override
        public double[] meanFramePerStep() {
            return meanFramePerStep.clone();
        }

        /** The model's error averaged over the K steps. */
        public double mse() {
            return average(msePerStep);
        }

        /** The copy-last baseline averaged over the K steps. */
        public double baselineCopyLast() {
            return average(copyLastPerStep);
        }

        /** The mean-frame baseline averaged over the K steps. */
        public double baselineMeanFrame() {
            return average(meanFramePerStep);
        }

        private static double average(double[] v) {
            double s = 0;
            for (double x : v) s += x;
            return s / v.length;
        }
    }
}
