package org.mbrllab.engine.metrpo;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.model.FrozenEnsemble;
import org.mbrllab.engine.model.ModelFeatures;
import org.mbrllab.engine.model.RolloutMode;

/**
 * The learned system ME-TRPO's policy trains in (Kurutach et al. 2018, §4.2): states start from the real
 * start distribution, and each step s′ = s + Δ̂_k(s, a) is answered by one member k of the ensemble,
 * chosen by the {@link RolloutMode}:
 * <ul>
 *   <li>{@link RolloutMode#MEMBER_PER_STEP}: a member drawn uniformly at random for every step of every
 *       trajectory, the paper's choice, so that no trajectory can lean on one member's mistakes;</li>
 *   <li>{@link RolloutMode#MEMBER_PER_TRAJECTORY}: a member drawn at the start of a trajectory and kept;</li>
 *   <li>{@link RolloutMode#MEAN}: the ensemble mean, which the policy can exploit like a single model;</li>
 *   <li>{@link RolloutMode#ONE_MEMBER}: a fixed member (the validation rule scores each member this way).</li>
 * </ul>
 * The reward is the true one, as in the paper. Runs on the plain-Java {@link FrozenEnsemble}; holds the
 * member of the current trajectory, so one instance serves one thread.
 */
public final class ImaginedSystem implements Trpo.Simulator {

    private final RealSystem real;
    private final FrozenEnsemble ensemble;
    private final ModelFeatures features;
    private final RolloutMode mode;
    private final int fixedMember;
    private final double[] input;
    private final double[] delta;
    private final int[] member = new int[1];
    private int lastMember = -1;

    /**
     * @param fixedMember the member under {@link RolloutMode#ONE_MEMBER}; ignored otherwise
     */
    public ImaginedSystem(RealSystem real, FrozenEnsemble ensemble, RolloutMode mode, int fixedMember) {
        this.real = Objects.requireNonNull(real, "real");
        this.ensemble = Objects.requireNonNull(ensemble, "ensemble");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.features = ModelFeatures.of(real.system());
        if (fixedMember < 0 || fixedMember >= ensemble.members()) {
            throw new IllegalArgumentException("member " + fixedMember + " is not one of 0 … " + (ensemble.members() - 1));
        }
        this.fixedMember = fixedMember;
        this.input = new double[features.inputs()];
        this.delta = new double[features.outputs()];
        this.member[0] = fixedMember;
    }

    @Override
    public int stateSize() {
        return real.stateSize();
    }

    @Override
    public int actionSize() {
        return 1;
    }

    @Override
    public double[] reset(RandomGenerator rng) {
        if (mode == RolloutMode.MEMBER_PER_TRAJECTORY) member[0] = rng.nextInt(ensemble.members());
        return real.reset(rng);
    }

    @Override
    public double[] next(double[] s, double[] a, RandomGenerator rng) {
        features.input(s, 0, real.clip(a[0]), input, 0);
        if (mode == RolloutMode.MEAN) {
            ensemble.predictEnsembleMeans(input, delta, 1);
            lastMember = -1;
        } else {
            if (mode == RolloutMode.MEMBER_PER_STEP) member[0] = rng.nextInt(ensemble.members());
            ensemble.predictMeans(input, member, delta, 1);
            lastMember = member[0];
        }
        double[] next = new double[s.length];
        for (int i = 0; i < s.length; i++) next[i] = s[i] + delta[i];
        return next;
    }

    /** The member that answered the last {@link #next} (−1 under {@link RolloutMode#MEAN}). */
    public int lastMember() {
        return lastMember;
    }

    @Override
    public double reward(double[] s, double[] a) {
        return real.reward(s, a);
    }

    @Override
    public double[] observe(double[] s) {
        return real.observe(s);
    }

    @Override
    public int observationSize() {
        return real.observationSize();
    }

    public RolloutMode mode() {
        return mode;
    }

    int fixedMember() {
        return fixedMember;
    }
}
