package org.mbrllab.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.EnsembleNetwork;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.run.Engine;

/**
 * Trains an ensemble of K networks on one data set, one epoch per {@link #step()}, as the course's V3
 * trains its models: each member p̂_θk with its own initial weights on its own bootstrap resample D_k of
 * the data. All K members train together in one batched graph
 * ({@link EnsembleNetwork}); the losses they report are their own.
 *
 * <h2>Before the first epoch</h2>
 * <ol>
 *   <li>From the seed, in this order: a stream for the held-out split, then for each member k a stream
 *       for its initial weights and one for its data. Member k's streams do not depend on K, so adding a
 *       member leaves the others as they were.</li>
 *   <li>A share {@code validationFraction} of the rows is held out (a seeded permutation).</li>
 *   <li>Inputs and targets are standardised with the means and deviations of the training rows.</li>
 *   <li>Member k draws its resample: n training rows with replacement (or all rows, without bootstrap).</li>
 * </ol>
 *
 * <h2>One epoch ({@link #step()})</h2>
 * <ol>
 *   <li>Each member shuffles its rows; batch b of every member goes into one Adam step.</li>
 *   <li>A loss that is NaN, infinite or above {@link #EXPLODED_LOSS} stops training with a
 *       {@link DivergenceException} (usually the learning rate is too high).</li>
 *   <li>With a held-out split: each member's validation loss; a member improves when it falls below its
 *       best by more than {@link #MIN_IMPROVEMENT} (relative), and its weights are then kept.</li>
 *   <li>Training stops when no member has improved for {@code patience} epochs, or at
 *       {@code maxEpochs}; with a held-out split each member then gets back its best weights.</li>
 * </ol>
 * Same seed, same data, same configuration: the same numbers, bit for bit.
 */
public final class EnsembleTrainer implements Engine<TrainingSnapshot> {

    /** Relative fall of the validation loss below its best that counts as an improvement. */
    public static final double MIN_IMPROVEMENT = 1e-3;
    /**
     * A loss above this (in standardised units, where always predicting the mean scores about 1) means
     * the weights have blown up: training stops as diverged rather than waiting for float32 to overflow.
     */
    public static final double EXPLODED_LOSS = 1e8;

    private final EnsembleConfig config;
    private final TrainingPath path;
    private final int members;
    private final int inputWidth;
    private final int outputWidth;
    private final EnsembleNetwork network;
    private final Ensemble ensemble;
    /** Every row, standardised, row-major. */
    private final float[] x;
    private final float[] y;
    /** Member k's rows (its resample), reshuffled every epoch. */
    private final int[][] memberRows;
    private final RandomGenerator[] memberData;
    /** The held-out rows, repeated for every member: (K, validationRows, width). */
    private final float[] validationX;
    private final float[] validationY;
    private final int validationRows;
    private final double[][] probePoints;

    private int epoch;
    private boolean done;
    private String stopReason = "";
    private DivergenceException divergence;
    private final List<EpochLosses> history = new ArrayList<>();
    private final double[] bestLoss;
    private final int[] bestEpoch;
    private final float[][][] bestWeights;
    private int sinceImprovement;
    private double lastEpochSeconds;
    private EnsemblePrediction probe;
    private int probeEpoch = -1;

    /** A trainer without probe points. */
    public EnsembleTrainer(EnsembleConfig config, RegressionData data) {
        this(config, data, null);
    }

    /**
     * @param probePoints points at which every snapshot carries the ensemble's prediction (a grid over x
     *                    for the lesson's curves); null for none
     */
    public EnsembleTrainer(EnsembleConfig config, RegressionData data, double[][] probePoints) {
        this(config, data, probePoints, TrainingPath.FIXED_STEP);
    }

    /**
     * @param path how each training step runs the graph (the benchmark compares the two; the numbers
     *             trained are the same)
     */
    public EnsembleTrainer(EnsembleConfig config, RegressionData data, double[][] probePoints, TrainingPath path) {
        this.config = config;
        this.path = java.util.Objects.requireNonNull(path, "path");
        this.members = config.members();
        this.inputWidth = data.inputWidth();
        this.outputWidth = data.outputWidth();
        this.probePoints = probePoints == null ? null : deepCopy(probePoints);
        int n = data.rows();

        // 1. Random streams.
        RandomGenerator root = Seeds.random(config.seed());
        RandomGenerator splitRandom = Seeds.random(root.nextLong());
        RandomGenerator[] memberInit = new RandomGenerator[members];
        memberData = new RandomGenerator[members];
        for (int k = 0; k < members; k++) {
            memberInit[k] = Seeds.random(root.nextLong());
            memberData[k] = Seeds.random(root.nextLong());
        }

        // 2. Held-out split.
        int[] order = identity(n);
        shuffle(order, splitRandom);
        validationRows = config.earlyStopping()
                ? Math.min(n - 1, Math.max(1, (int) Math.round(config.validationFraction() * n))) : 0;
        int[] validation = Arrays.copyOfRange(order, 0, validationRows);
        int[] training = Arrays.copyOfRange(order, validationRows, n);
        Arrays.sort(training);

        // 3. Standardisation, fitted on the training rows.
        double[][] inputs = new double[n][];
        double[][] targets = new double[n][];
        for (int i = 0; i < n; i++) {
            inputs[i] = data.inputRow(i);
            targets[i] = data.targetRow(i);
        }
        Standardizer in = Standardizer.fit(inputs, training);
        Standardizer out = Standardizer.fit(targets, training);
        x = in.forwardAll(inputs);
        y = out.forwardAll(targets);
        validationX = tile(gather(x, validation, inputWidth), members);
        validationY = tile(gather(y, validation, outputWidth), members);

        // 4. Each member's resample.
        memberRows = new int[members][];
        for (int k = 0; k < members; k++) {
            if (config.bootstrap()) {
                memberRows[k] = new int[training.length];
                for (int i = 0; i < training.length; i++) {
                    memberRows[k][i] = training[memberData[k].nextInt(training.length)];
                }
            } else {
                memberRows[k] = training.clone();
            }
        }

        network = new EnsembleNetwork(architecture(config, inputWidth, outputWidth), config.learningRate(), memberInit);
        ensemble = new Ensemble(network, in, out);
        bestLoss = new double[members];
        Arrays.fill(bestLoss, Double.POSITIVE_INFINITY);
        bestEpoch = new int[members];
        bestWeights = new float[members][][];
    }

    /** Trains to the end (early stopping or the epoch limit) and returns the ensemble. */
    public static Ensemble fit(EnsembleConfig config, RegressionData data) {
        EnsembleTrainer trainer = new EnsembleTrainer(config, data);
        while (trainer.step()) {
            // one epoch per step
        }
        return trainer.ensemble();
    }

    @Override
    public boolean step() {
        if (divergence != null) throw divergence;
        if (done) return false;
        long start = System.nanoTime();
        epoch++;
        int rows = memberRows[0].length;
        int batch = config.batchSize();

        // 1. One pass over every member's resample, batch by batch.
        for (int k = 0; k < members; k++) shuffle(memberRows[k], memberData[k]);
        int batches = (rows + batch - 1) / batch;
        List<float[]> bx = new ArrayList<>(batches);
        List<float[]> by = new ArrayList<>(batches);
        int[] sizes = new int[batches];
        for (int b = 0; b < batches; b++) {
            int from = b * batch;
            int size = Math.min(batch, rows - from);
            float[] xb = new float[members * size * inputWidth];
            float[] yb = new float[members * size * outputWidth];
            for (int k = 0; k < members; k++) {
                for (int i = 0; i < size; i++) {
                    int row = memberRows[k][from + i];
                    System.arraycopy(x, row * inputWidth, xb, (k * size + i) * inputWidth, inputWidth);
                    System.arraycopy(y, row * outputWidth, yb, (k * size + i) * outputWidth, outputWidth);
                }
            }
            bx.add(xb);
            by.add(yb);
            sizes[b] = size;
        }
        double[][] losses = path == TrainingPath.FIXED_STEP ? network.trainBatches(bx, by, sizes)
                : network.trainBatchesThroughFit(bx, by, sizes);
        double[] training = new double[members];
        for (int b = 0; b < batches; b++) {
            checkFinite(losses[b], "training");
            for (int k = 0; k < members; k++) training[k] += losses[b][k] * sizes[b] / rows;
        }

        // 2. Validation and early stopping.
        double[] validation = new double[0];
        if (validationRows > 0) {
            validation = network.losses(validationX, validationY, validationRows);
            checkFinite(validation, "validation");
            boolean improved = false;
            for (int k = 0; k < members; k++) {
                if (improves(validation[k], bestLoss[k])) {
                    bestLoss[k] = validation[k];
                    bestEpoch[k] = epoch;
                    bestWeights[k] = network.memberParameters(k);
                    improved = true;
                }
            }
            sinceImprovement = improved ? 0 : sinceImprovement + 1;
            if (sinceImprovement >= config.patience()) {
                stop("stopped early after epoch " + epoch + ": no member improved its validation loss for "
                        + config.patience() + " epochs");
            }
        }
        history.add(new EpochLosses(epoch, boxed(training), boxed(validation)));
        if (!done && epoch >= config.maxEpochs()) stop("reached the limit of " + config.maxEpochs() + " epochs");
        lastEpochSeconds = (System.nanoTime() - start) / 1e9;
        return !done;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public TrainingSnapshot snapshot() {
        if (probePoints != null && probeEpoch != epoch && divergence == null) {
            probe = ensemble.predict(probePoints);
            probeEpoch = epoch;
        }
        List<Integer> best = new ArrayList<>(members);
        for (int e : bestEpoch) best.add(e);
        return new TrainingSnapshot(epoch, config.maxEpochs(), members, config.kind(), history, best, sinceImprovement,
                done, stopReason, memberRows[0].length, validationRows, lastEpochSeconds, probe);
    }

    /** The ensemble being trained (its current weights; after the end, each member's best). */
    public Ensemble ensemble() {
        return ensemble;
    }

    public EnsembleConfig config() {
        return config;
    }

    /** Epochs completed. */
    public int epoch() {
        return epoch;
    }

    // ---------------------------------------------------------------- helpers

    /** The networks' shape: the configuration's layers and kind, for these data's widths. */
    private static EnsembleNetwork.Architecture architecture(EnsembleConfig config, int inputs, int outputs) {
        return new EnsembleNetwork.Architecture(config.members(), inputs, outputs, config.hiddenLayers(),
                config.hiddenUnits(), config.activation(), config.kind() == MemberKind.PROBABILISTIC, config.priorScale());
    }

    /** Whether {@code loss} is below {@code best} by more than {@link #MIN_IMPROVEMENT} of |best|. */
    static boolean improves(double loss, double best) {
        return best == Double.POSITIVE_INFINITY || loss < best - MIN_IMPROVEMENT * Math.abs(best);
    }

    private void stop(String reason) {
        done = true;
        stopReason = reason;
        if (validationRows > 0) {
            for (int k = 0; k < members; k++) {
                if (bestWeights[k] != null && bestEpoch[k] != epoch) network.setMemberParameters(k, bestWeights[k]);
            }
        }
    }

    private void checkFinite(double[] losses, String which) {
        for (int k = 0; k < members; k++) {
            if (!(Double.isFinite(losses[k]) && losses[k] <= EXPLODED_LOSS)) {
                String what = Double.isNaN(losses[k]) ? "NaN" : Double.isInfinite(losses[k]) ? "infinite"
                        : "huge (" + String.format(java.util.Locale.ROOT, "%.1e", losses[k]) + ")";
                divergence = new DivergenceException("Training diverged in epoch " + epoch + ": the " + which
                        + " loss of member " + (k + 1) + " became " + what + ". The learning rate "
                        + Format.number(config.learningRate()) + " is too high for these data; reset and lower it.");
                done = true;
                throw divergence;
            }
        }
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) list.add(v);
        return list;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    /** Fisher–Yates. */
    private static void shuffle(int[] a, RandomGenerator random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static float[] gather(float[] all, int[] rows, int width) {
        float[] g = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) System.arraycopy(all, rows[i] * width, g, i * width, width);
        return g;
    }

    private static float[] tile(float[] one, int times) {
        float[] t = new float[one.length * times];
        for (int k = 0; k < times; k++) System.arraycopy(one, 0, t, k * one.length, one.length);
        return t;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
