package org.mbrllab.engine.model;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.control.BatchDynamics;
import org.mbrllab.engine.core.Seeds;

/**
 * A learned model f̂(x, u) = x + Δ̂(x, u) as a drop-in replacement of the true system for the sampling
 * planners: the ensemble predicts Δx from {@link ModelFeatures} of (x, u), and a {@link RolloutMode}
 * says which member answers for which sequence.
 *
 * <p>Holds a random generator (for {@link RolloutMode#MEMBER_PER_STEP}), so it belongs to one planner
 * on one thread; the {@link FrozenEnsemble} inside is immutable and may be shared.
 */
public final class LearnedDynamics implements BatchDynamics {
    private final FrozenEnsemble ensemble;
    private final ModelFeatures features;
    private final double controlLimit;
    private final RolloutMode mode;
    private final int member;
    private final RandomGenerator random;
    private double[] inputs = new double[0];
    private double[] deltas = new double[0];
    private int[] members = new int[0];

    /**
     * @param member the member that answers under {@link RolloutMode#ONE_MEMBER}; ignored otherwise
     * @param seed   seeds the dealing of {@link RolloutMode#MEMBER_PER_STEP}
     */
    public LearnedDynamics(FrozenEnsemble ensemble, ModelFeatures features, double controlLimit, RolloutMode mode,
                           int member, long seed) {
        this.ensemble = Objects.requireNonNull(ensemble, "ensemble");
        this.features = Objects.requireNonNull(features, "features");
        this.mode = Objects.requireNonNull(mode, "mode");
        if (ensemble.inputs() != features.inputs() || ensemble.outputs() != features.outputs()) {
            throw new IllegalArgumentException("the ensemble maps " + ensemble.inputs() + " inputs to "
                    + ensemble.outputs() + " outputs; these features need " + features.inputs() + " and "
                    + features.outputs());
        }
        if (member < 0 || member >= ensemble.members()) {
            throw new IllegalArgumentException("member " + member + " is not one of 0 … " + (ensemble.members() - 1));
        }
        this.controlLimit = controlLimit;
        this.member = member;
        this.random = Seeds.random(seed);
    }

    public FrozenEnsemble ensemble() {
        return ensemble;
    }

    public RolloutMode mode() {
        return mode;
    }

    @Override
    public int stateSize() {
        return features.stateSize();
    }

    @Override
    public double controlLimit() {
        return controlLimit;
    }

    /** x' = x + Δ̂(x, u) for every row, the member of each row chosen by the mode. */
    @Override
    public void stepBatch(double[] xs, double[] us, double[] next, int count) {
        int n = stateSize();
        int in = features.inputs();
        if (inputs.length < count * in) {
            inputs = new double[count * in];
            deltas = new double[count * n];
            members = new int[count];
        }
        for (int i = 0; i < count; i++) features.input(xs, i * n, clip(us[i]), inputs, i * in);
        if (mode == RolloutMode.MEAN) {
            ensemble.predictEnsembleMeans(inputs, deltas, count);
        } else {
            assignMembers(count);
            ensemble.predictMeans(inputs, members, deltas, count);
        }
        for (int c = 0; c < count * n; c++) next[c] = xs[c] + deltas[c];
    }

    private void assignMembers(int count) {
        int k = ensemble.members();
        switch (mode) {
            case ONE_MEMBER -> {
                for (int i = 0; i < count; i++) members[i] = member;
            }
            case MEMBER_PER_TRAJECTORY -> {
                for (int i = 0; i < count; i++) members[i] = i % k;
            }
            case MEMBER_PER_STEP -> {
                // A random permutation dealt round the members: as even as the count allows.
                for (int i = 0; i < count; i++) members[i] = i % k;
                for (int i = count - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = members[i];
                    members[i] = members[j];
                    members[j] = t;
                }
            }
            default -> throw new IllegalStateException("mode " + mode);
        }
    }
}
