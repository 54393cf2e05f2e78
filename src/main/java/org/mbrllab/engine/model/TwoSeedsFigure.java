package org.mbrllab.engine.model;

import org.mbrllab.engine.run.Engine;

/**
 * The course's figure "Probabilistic models are not enough": two probabilistic networks with the same
 * architecture, the same hyperparameters and the same data, which differ only in their seed (initial
 * weights and batch order), and which converge to different solutions where the data say little. One
 * {@link #step()} trains each of them for one epoch.
 *
 * <p>Each net is a one-member {@link EnsembleTrainer} without bootstrap (both see every training row), so
 * that nothing but the seed tells them apart.
 */
public final class TwoSeedsFigure implements Engine<TwoSeedsFigure.Snapshot> {

    /**
     * Both nets as they stand, each with its prediction at the probe points.
     *
     * @param first  the net trained with {@code seedA}
     * @param second the net trained with {@code seedB}
     * @param seedA  the first seed
     * @param seedB  the second seed
     */
    public record Snapshot(TrainingSnapshot first, TrainingSnapshot second, long seedA, long seedB) {
        /** max over the probe points of |μ_A − μ_B| (output 0): how far apart the two solutions are. */
        public double largestGap() {
            if (first.probe() == null || second.probe() == null) return Double.NaN;
            double gap = 0;
            for (int i = 0; i < first.probe().points(); i++) {
                gap = Math.max(gap, Math.abs(first.probe().mean(i, 0) - second.probe().mean(i, 0)));
            }
            return gap;
        }
    }

    private final EnsembleTrainer first;
    private final EnsembleTrainer second;
    private final long seedA;
    private final long seedB;

    /**
     * @param config      the shared configuration; its member count, member kind, bootstrap and seed are
     *                    replaced (1 probabilistic member, no bootstrap, {@code seedA} / {@code seedB})
     * @param data        the shared data
     * @param probePoints where the snapshots show both nets' predictions
     */
    public TwoSeedsFigure(EnsembleConfig config, RegressionData data, double[][] probePoints, long seedA, long seedB) {
        EnsembleConfig single = config.withMembers(1).withKind(MemberKind.PROBABILISTIC).withBootstrap(false);
        this.first = new EnsembleTrainer(single.withSeed(seedA), data, probePoints);
        this.second = new EnsembleTrainer(single.withSeed(seedB), data, probePoints);
        this.seedA = seedA;
        this.seedB = seedB;
    }

    @Override
    public boolean step() {
        boolean a = !first.isDone() && first.step();
        boolean b = !second.isDone() && second.step();
        return a || b;
    }

    @Override
    public boolean isDone() {
        return first.isDone() && second.isDone();
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(first.snapshot(), second.snapshot(), seedA, seedB);
    }

    /** The net trained with {@code seedA}. */
    public Ensemble first() {
        return first.ensemble();
    }

    /** The net trained with {@code seedB}. */
    public Ensemble second() {
        return second.ensemble();
    }
}
