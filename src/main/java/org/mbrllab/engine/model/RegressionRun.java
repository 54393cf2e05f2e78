package org.mbrllab.engine.model;

import java.util.List;

import org.mbrllab.engine.model.EnsembleConfig;
import org.mbrllab.engine.model.EnsembleTrainer;
import org.mbrllab.engine.model.MemberKind;
import org.mbrllab.engine.model.RegressionData;
import org.mbrllab.engine.model.SineTask;
import org.mbrllab.engine.model.TrainingSnapshot;
import org.mbrllab.engine.model.TwoSeedsFigure;
import org.mbrllab.engine.run.Engine;

/**
 * One training run of the 1-D regression pane, as the pane's runner drives it: the data (the sine task
 * plus the points the student clicked), and either an {@link EnsembleTrainer} (one net or K of them) or
 * a {@link TwoSeedsFigure}. One step is one epoch. It is built by the runner's worker, so the ND4J
 * graphs are made and trained there and only copied numbers leave it.
 */
public final class RegressionRun implements Engine<RegressionRun.Snapshot> {

    /** Where the curves are drawn: a little beyond the data's [−4, 4], to show extrapolation. */
    public static final double PROBE_MIN = -5;
    public static final double PROBE_MAX = 5;
    static final int PROBE_POINTS = 201;

    /**
     * What the chart draws after an epoch.
     *
     * @param view     which view the run trains for
     * @param dataX    the training inputs (sampled and clicked)
     * @param dataY    the training targets
     * @param gapStart the gap's left edge
     * @param gapEnd   the gap's right edge (= gapStart for no gap)
     * @param probeX   the x of the curves
     * @param training the net or the ensemble (views SINGLE and ENSEMBLE), else null
     * @param twoSeeds both nets (view TWO_SEEDS), else null
     */
    public record Snapshot(RegressionView view, double[] dataX, double[] dataY, double gapStart, double gapEnd,
                    double[] probeX, TrainingSnapshot training, TwoSeedsFigure.Snapshot twoSeeds) {

        /** Epochs completed (the larger of the two nets' for TWO_SEEDS). */
        public int epoch() {
            return training != null ? training.epoch() : Math.max(twoSeeds.first().epoch(), twoSeeds.second().epoch());
        }

        public int maxEpochs() {
            return training != null ? training.maxEpochs() : twoSeeds.first().maxEpochs();
        }

        public boolean done() {
            return training != null ? training.done() : twoSeeds.first().done() && twoSeeds.second().done();
        }

        /** Why training stopped, or "". */
        public String stopReason() {
            if (training != null) return training.stopReason();
            String a = twoSeeds.first().stopReason();
            String b = twoSeeds.second().stopReason();
            if (a.isEmpty() && b.isEmpty()) return "";
            return "net A " + (a.isEmpty() ? "still training" : a) + "; net B " + (b.isEmpty() ? "still training" : b);
        }
    }

    private final RegressionView view;
    private final RegressionData data;
    private final SineTask task;
    private final double[] probeX;
    private final EnsembleTrainer trainer;
    private final TwoSeedsFigure twoSeeds;

    /**
     * @param view   what to train
     * @param task   the sampled data's settings
     * @param added  points added by clicking, each {x, y}
     * @param config the nets' settings; for SINGLE the member count is replaced by 1 and the prior scale
     *               by 0
     */
    public RegressionRun(RegressionView view, SineTask task, List<double[]> added, EnsembleConfig config) {
        this.view = view;
        this.task = task;
        RegressionData d = task.sample();
        for (double[] p : added) d = d.withRow(new double[] {p[0]}, new double[] {p[1]});
        this.data = d;
        double[][] probe = SineTask.grid(PROBE_MIN, PROBE_MAX, PROBE_POINTS);
        probeX = new double[PROBE_POINTS];
        for (int i = 0; i < PROBE_POINTS; i++) probeX[i] = probe[i][0];
        EnsembleConfig probabilistic = config.withKind(MemberKind.PROBABILISTIC);
        switch (view) {
            case SINGLE -> {
                // One net has nothing to disagree with, so a random prior would only make its fit harder.
                trainer = new EnsembleTrainer(probabilistic.withMembers(1).withPriorScale(0), data, probe);
                twoSeeds = null;
            }
            case ENSEMBLE -> {
                trainer = new EnsembleTrainer(probabilistic, data, probe);
                twoSeeds = null;
            }
            default -> {
                trainer = null;
                twoSeeds = new TwoSeedsFigure(probabilistic, data, probe, config.seed(), config.seed() + 1);
            }
        }
    }

    /** What the net or the ensemble trains with (views SINGLE and ENSEMBLE), else null. */
    public EnsembleConfig trainedConfig() {
        return trainer != null ? trainer.config() : null;
    }

    @Override
    public boolean step() {
        return trainer != null ? trainer.step() : twoSeeds.step();
    }

    @Override
    public boolean isDone() {
        return trainer != null ? trainer.isDone() : twoSeeds.isDone();
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(view, data.inputColumn(0), data.targetColumn(0), task.gapStart(), task.gapEnd(), probeX.clone(),
                trainer != null ? trainer.snapshot() : null, twoSeeds != null ? twoSeeds.snapshot() : null);
    }
}
