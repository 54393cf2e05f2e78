package org.mbrllab.engine.worldmodels;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.MdnRnnGraph;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.run.Engine;

/**
 * Trains M, the MDN-RNN of World Models ({@link MdnRnnGraph}), on V's latents of stored episodes, one
 * epoch per {@link #step()}: the paper's second stage, after V.
 *
 * <h2>The data</h2>
 * Every frame of every episode is encoded once by the frozen V as its mean, z_t = μ(o_t); episode e of T
 * steps gives inputs [z_t, a_t], targets z_{t+1} and done flags d_t for t = 0 … T − 1, cut into sequences
 * of L steps (from t = 0, L, 2L, …; each starts from h = 0), the last one padded and masked.
 * <b>Why the mean and not a sample z ~ q(z | o):</b> the paper's code samples z afresh from V's stored μ
 * and σ for every batch, which adds V's own uncertainty to what M must predict. Here M is trained on μ,
 * the very latents the controller sees for real frames and a dream starts from ({@link FrozenVae} gives
 * μ), so M's mixture describes how the game moves and not how blurred V is. It also keeps the training
 * set fixed, so an epoch is a pass over the same sequences and the held-out loss is a fixed target.
 *
 * <h2>Baselines (computed once, on the held-out sequences)</h2>
 * "Nothing moves": z_{t+1,j} ~ N(z_{t,j}, s_j²) with s_j² the mean squared change of dimension j over the
 * training steps; and "no dynamics": z_{t+1,j} ~ N(m_j, v_j) with the training targets' mean and variance.
 * See {@link MdnRnnSnapshot}.
 *
 * <h2>One epoch ({@link #step()})</h2>
 * <ol>
 *   <li>The training sequences are shuffled; each batch of {@code batchSize} (the last may be shorter)
 *       takes one Adam step on the loss of {@link MdnRnnGraph}.</li>
 *   <li>A mean loss that is not finite stops training with a {@link DivergenceException}.</li>
 *   <li>With held-out sequences: M's NLL and done cross-entropy on them, averaged over their real steps.</li>
 *   <li>Training ends after {@code maxEpochs}.</li>
 * </ol>
 * From the seed, in order: a stream for the initial weights, then one for the shuffles. Same seed, same
 * data, same configuration: the same numbers, bit for bit. Confined to one thread.
 */
public final class MdnRnnTrainer implements Engine<MdnRnnSnapshot> {
    /** Held-out sequences per evaluation call, to bound the graph's memory. */
    private static final int EVALUATION_BATCH = 256;

    private final MdnRnnConfig config;
    private final MdnRnnGraph graph;
    private final Sequences training;
    private final Sequences heldOut;
    private final double persistenceNll;
    private final double marginalNll;
    private final int[] order;
    private final RandomGenerator shuffles;
    private final List<MdnRnnEpoch> history = new ArrayList<>();
    private int epoch;
    private boolean done;

    /**
     * @param vae      the frozen V whose latents M learns to predict
     * @param training the episodes to train on; at least one step in all
     * @param heldOut  episodes to measure on, never trained on (may be null)
     */
    public MdnRnnTrainer(MdnRnnConfig config, FrozenVae vae, Rollouts training, Rollouts heldOut) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(vae, "vae");
        Objects.requireNonNull(training, "training");
        this.training = new Sequences(vae, training, config.sequenceLength());
        if (this.training.realSteps == 0) throw new IllegalArgumentException("the training episodes hold no step");
        this.heldOut = heldOut == null ? null : new Sequences(vae, heldOut, config.sequenceLength());
        RandomGenerator master = Seeds.random(config.seed());
        RandomGenerator weights = Seeds.random(master.nextLong());
        this.shuffles = Seeds.random(master.nextLong());
        this.graph = new MdnRnnGraph(vae.latent(), config.hiddenUnits(), config.components(),
                config.sequenceLength(), config.doneWeight(), config.learningRate(), weights);
        this.order = new int[this.training.count];
        for (int i = 0; i < order.length; i++) order[i] = i;
        if (this.heldOut == null || this.heldOut.realSteps == 0) {
            persistenceNll = Double.NaN;
            marginalNll = Double.NaN;
        } else {
            double[][] b = baselines(this.training, this.heldOut);
            persistenceNll = b[0][0];
            marginalNll = b[1][0];
        }
    }

    @Override
    public boolean step() {
        if (done) return false;
        epoch++;
        // 1. Shuffle, then one Adam step per batch.
        int n = training.count;
        for (int i = n - 1; i > 0; i--) {
            int j = shuffles.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double nll = 0;
        double bce = 0;
        for (int start = 0; start < n; start += config.batchSize()) {
            int rows = Math.min(config.batchSize(), n - start);
            // A batch of one sequence goes in twice: the same mean loss and gradient, but SameDiff
            // 1.0.0-M2.1's strided_slice backward fails on a batch of one row (STACK.md).
            int[] picked = rows == 1 ? new int[] {order[start], order[start]} : order;
            int from = rows == 1 ? 0 : start;
            int fed = Math.max(rows, 2);
            Batch b = training.batch(picked, from, fed);
            double[] losses = graph.train(b.x, b.target, b.done, b.mask, fed);
            double share = (double) b.realSteps * rows / fed / training.realSteps;
            nll += losses[0] * share;
            bce += losses[1] * share;
        }
        // 2. Divergence.
        if (!Double.isFinite(nll) || !Double.isFinite(bce)) {
            done = true;
            throw new DivergenceException("Training M diverged in epoch " + epoch + ": the loss became "
                    + (Double.isNaN(nll + bce) ? "NaN" : "infinite") + ". Lower the learning rate "
                    + config.learningRate() + ".");
        }
        // 3. Held-out losses.
        double[] held = heldOutLosses();
        history.add(new MdnRnnEpoch(epoch, nll, bce, held[0], held[1]));
        // 4. The end.
        done = epoch >= config.maxEpochs();
        return !done;
    }

    /** {mean NLL, mean done BCE} over the held-out sequences' real steps; NaNs without any. */
    private double[] heldOutLosses() {
        if (heldOut == null || heldOut.realSteps == 0) return new double[] {Double.NaN, Double.NaN};
        int[] identity = new int[heldOut.count];
        for (int i = 0; i < identity.length; i++) identity[i] = i;
        double nll = 0;
        double bce = 0;
        for (int start = 0; start < heldOut.count; start += EVALUATION_BATCH) {
            int rows = Math.min(EVALUATION_BATCH, heldOut.count - start);
            Batch b = heldOut.batch(identity, start, rows);
            double[] losses = graph.losses(b.x, b.target, b.done, b.mask, rows);
            nll += losses[1] * b.realSteps / heldOut.realSteps;
            bce += losses[2] * b.realSteps / heldOut.realSteps;
        }
        return new double[] {nll, bce};
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public MdnRnnSnapshot snapshot() {
        return new MdnRnnSnapshot(epoch, config.maxEpochs(), history, persistenceNll, marginalNll, done);
    }

    /** A plain-Java copy of M as it is now. */
    public FrozenMdnRnn freeze() {
        return new FrozenMdnRnn(graph.latent(), graph.hiddenUnits(), graph.components(), graph.weights());
    }

    /** The graph being trained (for the test that compares it with the frozen copy). */
    MdnRnnGraph graph() {
        return graph;
    }

    public MdnRnnConfig config() {
        return config;
    }

    /** Epochs done. */
    public int epoch() {
        return epoch;
    }

    /** Training sequences (after cutting and padding). */
    public int trainingSequences() {
        return training.count;
    }

    /**
     * {{persistence NLL}, {marginal NLL}} on the real steps of {@code test}, each Gaussian fitted on the
     * real steps of {@code train} (see {@link MdnRnnSnapshot}).
     */
    private static double[][] baselines(Sequences train, Sequences test) {
        int z = train.latent;
        double[] change = new double[z];
        double[] mean = new double[z];
        double[] square = new double[z];
        train.forEachRealStep((input, target) -> {
            for (int j = 0; j < z; j++) {
                double d = target[j] - input[j];
                change[j] += d * d;
                mean[j] += target[j];
                square[j] += (double) target[j] * target[j];
            }
        });
        double n = train.realSteps;
        double[] s2 = new double[z];
        double[] v = new double[z];
        for (int j = 0; j < z; j++) {
            s2[j] = Math.max(change[j] / n, 1e-12);
            mean[j] /= n;
            v[j] = Math.max(square[j] / n - mean[j] * mean[j], 1e-12);
        }
        double[] sums = new double[2];
        double log2Pi = Math.log(2 * Math.PI);
        test.forEachRealStep((input, target) -> {
            for (int j = 0; j < z; j++) {
                double d = target[j] - input[j];
                sums[0] += 0.5 * (log2Pi + Math.log(s2[j]) + d * d / s2[j]);
                double e = target[j] - mean[j];
                sums[1] += 0.5 * (log2Pi + Math.log(v[j]) + e * e / v[j]);
            }
        });
        double count = (double) test.realSteps * z;
        return new double[][] {{sums[0] / count}, {sums[1] / count}};
    }

    /** One batch, in {@link MdnRnnGraph}'s layout. */
    private record Batch(float[] x, float[] target, float[] done, float[] mask, int realSteps) {}

    /** All sequences of a set of episodes, row-major in {@link MdnRnnGraph}'s layout, one row per sequence. */
    private static final class Sequences {
        final int latent;
        final int length;
        final int in;
        final int count;
        final int realSteps;
        final float[] x;
        final float[] target;
        final float[] done;
        final float[] mask;

        Sequences(FrozenVae vae, Rollouts episodes, int length) {
            this.latent = vae.latent();
            this.length = length;
            this.in = latent + MdnRnnGraph.ACTIONS;
            int n = 0;
            for (int e = 0; e < episodes.episodes(); e++) n += (episodes.steps(e) + length - 1) / length;
            this.count = n;
            this.x = new float[n * length * in];
            this.target = new float[n * length * latent];
            this.done = new float[n * length];
            this.mask = new float[n * length];
            float[] frame = new float[Dodge.PIXELS];
            int s = 0;
            int real = 0;
            for (int e = 0; e < episodes.episodes(); e++) {
                int steps = episodes.steps(e);
                float[] z = new float[(steps + 1) * latent];
                for (int t = 0; t <= steps; t++) {
                    episodes.frame(e, t, frame);
                    System.arraycopy(vae.encodeMean(frame), 0, z, t * latent, latent);
                }
                for (int start = 0; start < steps; start += length, s++) {
                    for (int k = 0; k < length && start + k < steps; k++) {
                        int t = start + k;
                        int row = s * length + k;
                        System.arraycopy(z, t * latent, x, row * in, latent);
                        x[row * in + latent + episodes.action(e, t).ordinal()] = 1;
                        System.arraycopy(z, (t + 1) * latent, target, row * latent, latent);
                        done[row] = episodes.done(e, t) ? 1 : 0;
                        mask[row] = 1;
                        real++;
                    }
                }
            }
            this.realSteps = real;
        }

        Batch batch(int[] order, int start, int rows) {
            float[] bx = new float[rows * length * in];
            float[] bt = new float[rows * length * latent];
            float[] bd = new float[rows * length];
            float[] bm = new float[rows * length];
            int real = 0;
            for (int r = 0; r < rows; r++) {
                int s = order[start + r];
                System.arraycopy(x, s * length * in, bx, r * length * in, length * in);
                System.arraycopy(target, s * length * latent, bt, r * length * latent, length * latent);
                System.arraycopy(done, s * length, bd, r * length, length);
                System.arraycopy(mask, s * length, bm, r * length, length);
                for (int k = 0; k < length; k++) real += (int) mask[s * length + k];
            }
            return new Batch(bx, bt, bd, bm, real);
        }

        interface StepVisitor {
            void visit(float[] input, float[] target);
        }

        void forEachRealStep(StepVisitor visitor) {
            float[] zIn = new float[latent];
            float[] zOut = new float[latent];
            for (int row = 0; row < count * length; row++) {
                if (mask[row] == 0) continue;
                System.arraycopy(x, row * in, zIn, 0, latent);
                System.arraycopy(target, row * latent, zOut, 0, latent);
                visitor.visit(zIn, zOut);
            }
        }
    }
}
