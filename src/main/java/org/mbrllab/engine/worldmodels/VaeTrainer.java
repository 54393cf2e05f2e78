package org.mbrllab.engine.worldmodels;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.VaeGraph;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.run.Engine;

/**
 * Trains V, the VAE of World Models ({@link VaeGraph}), on frames, one epoch per {@link #step()}: the
 * first of the paper's three stages (collect random rollouts, train V on their frames, then M on V's
 * latents).
 *
 * <h2>Before the first epoch</h2>
 * From the seed, in this order: a stream for the initial weights, one for the shuffles and one for the
 * sampling noise ε. The training frames' mean frame is computed once, for the baseline of
 * {@link VaeSnapshot#baselineMse()}.
 *
 * <h2>One epoch ({@link #step()})</h2>
 * <ol>
 *   <li>The training frames are shuffled; each batch of {@code batchSize} frames (the last may be shorter)
 *       draws its ε ~ N(0, I) and takes one Adam step on the loss of {@link VaeGraph}.</li>
 *   <li>A mean loss that is not finite stops training with a {@link DivergenceException}.</li>
 *   <li>With held-out frames: the frozen copy's reconstruction error on them ({@link FrozenVae#reconstructionMse}).</li>
 *   <li>Training ends after {@code maxEpochs}.</li>
 * </ol>
 * Same seed, same frames, same configuration: the same numbers, bit for bit. Confined to one thread.
 */
public final class VaeTrainer implements Engine<VaeSnapshot> {
    private final VaeConfig config;
    private final int pixels;
    private final VaeGraph graph;
    private final float[] training;
    private final int trainingFrames;
    private final float[] heldOut;
    private final double baselineMse;
    private final int[] order;
    private final RandomGenerator shuffles;
    private final RandomGenerator noise;
    private final List<VaeEpoch> history = new ArrayList<>();
    private int epoch;
    private boolean done;

    /**
     * @param pixels   P, values per frame
     * @param training the training frames, row-major (frames × P), values in [0, 1]; at least one frame
     * @param heldOut  frames to measure on, never trained on (may be empty)
     */
    public VaeTrainer(VaeConfig config, int pixels, float[] training, float[] heldOut) {
        this.config = Objects.requireNonNull(config, "config");
        if (pixels < 1) throw new IllegalArgumentException("pixels " + pixels + " is out of range: at least 1");
        if (training.length == 0 || training.length % pixels != 0) {
            throw new IllegalArgumentException("the training set has " + training.length
                    + " values, not a positive number of frames of " + pixels);
        }
        if (heldOut.length % pixels != 0) {
            throw new IllegalArgumentException("the held-out set has " + heldOut.length + " values, not whole frames of " + pixels);
        }
        this.pixels = pixels;
        this.training = training.clone();
        this.trainingFrames = training.length / pixels;
        this.heldOut = heldOut.clone();
        RandomGenerator master = Seeds.random(config.seed());
        RandomGenerator weights = Seeds.random(master.nextLong());
        this.shuffles = Seeds.random(master.nextLong());
        this.noise = Seeds.random(master.nextLong());
        this.graph = new VaeGraph(pixels, config.hiddenUnits(), config.latent(), config.freeBits(),
                config.learningRate(), weights);
        this.order = new int[trainingFrames];
        for (int i = 0; i < trainingFrames; i++) order[i] = i;
        this.baselineMse = heldOut.length == 0 ? Double.NaN : meanFrameMse(training, heldOut, pixels);
    }

    /** Trains on the frames of {@code training}, measuring on those of {@code heldOut}. */
    public static VaeTrainer forRollouts(VaeConfig config, Rollouts training, Rollouts heldOut) {
        return new VaeTrainer(config, Dodge.PIXELS, training.allFrames(), heldOut.allFrames());
    }

    @Override
    public boolean step() {
        if (done) return false;
        epoch++;
        // 1. Shuffle, then one Adam step per batch.
        for (int i = trainingFrames - 1; i > 0; i--) {
            int j = shuffles.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int z = config.latent();
        double reconstruction = 0;
        double kl = 0;
        for (int start = 0; start < trainingFrames; start += config.batchSize()) {
            int rows = Math.min(config.batchSize(), trainingFrames - start);
            float[] x = new float[rows * pixels];
            for (int r = 0; r < rows; r++) System.arraycopy(training, order[start + r] * pixels, x, r * pixels, pixels);
            float[] eps = new float[rows * z];
            for (int i = 0; i < eps.length; i++) eps[i] = (float) noise.nextGaussian();
            double[] losses = graph.train(x, eps, rows);
            reconstruction += losses[0] * rows / trainingFrames;
            kl += losses[1] * rows / trainingFrames;
        }
        // 2. Divergence.
        if (!Double.isFinite(reconstruction) || !Double.isFinite(kl)) {
            done = true;
            throw new DivergenceException("Training V diverged in epoch " + epoch + ": the loss became "
                    + (Double.isNaN(reconstruction + kl) ? "NaN" : "infinite") + ". Lower the learning rate "
                    + config.learningRate() + ".");
        }
        // 3. Held-out reconstruction.
        double mse = heldOut.length == 0 ? Double.NaN : freeze().reconstructionMse(heldOut);
        history.add(new VaeEpoch(epoch, reconstruction, kl, mse));
        // 4. The end.
        done = epoch >= config.maxEpochs();
        return !done;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public VaeSnapshot snapshot() {
        return new VaeSnapshot(epoch, config.maxEpochs(), history, baselineMse, done);
    }

    /** A plain-Java copy of V as it is now. */
    public FrozenVae freeze() {
        return new FrozenVae(pixels, config.hiddenUnits(), config.latent(), graph.weights());
    }

    /** The graph being trained (for the test that compares it with the frozen copy). */
    VaeGraph graph() {
        return graph;
    }

    public VaeConfig config() {
        return config;
    }

    /** Epochs done. */
    public int epoch() {
        return epoch;
    }

    /**
     * The mean squared error per pixel of always drawing the training frames' mean frame, on the frames of
     * {@code test}: the baseline a reconstruction must beat.
     */
    public static double meanFrameMse(float[] training, float[] test, int pixels) {
        double[] mean = new double[pixels];
        int n = training.length / pixels;
        for (int f = 0; f < n; f++) for (int i = 0; i < pixels; i++) mean[i] += training[f * pixels + i];
        for (int i = 0; i < pixels; i++) mean[i] /= n;
        double sum = 0;
        for (int k = 0; k < test.length; k++) {
            double d = test[k] - mean[k % pixels];
            sum += d * d;
        }
        return sum / test.length;
    }
}
