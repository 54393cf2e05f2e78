package org.mbrllab.engine.control;

import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.Seeds;

/**
 * Random shooting: sample N control sequences uniformly from the control box, roll them all out through
 * the model in one batch, keep the cheapest. The shifted previous plan, when there is one, is one of the
 * N candidates, so a replan never throws away a plan that is still the best it knows.
 *
 * <p>Uniform samples in [−a, a] with a the control limit, or {@link InitialControls#UNLIMITED_AMPLITUDE}
 * without one.
 */
public final class RandomShootingPlanner implements Planner {

    private final BatchDynamics model;
    private final StageCost cost;
    private final int horizon;
    private final int samples;
    private final RandomGenerator rng;
    private final BatchRollout rollout;
    private final double[] controls;

    public RandomShootingPlanner(BatchDynamics model, StageCost cost, int horizon, int samples, long seed) {
        this.model = model;
        this.cost = cost;
        this.horizon = Check.inRange("horizon", horizon, 1, (int) MpcSettings.HORIZON.max());
        this.samples = (int) MpcSettings.SAMPLES.validate(samples);
        this.rng = Seeds.random(seed);
        this.rollout = new BatchRollout(model, cost, horizon);
        this.controls = new double[samples * horizon];
    }

    @Override
    public Plan plan(double[] x0, double[] warmStart) {
        // 1. Sample (candidate 0 is the warm start, if any).
        double a = amplitude(model);
        int first = 0;
        if (warmStart != null) {
            for (int t = 0; t < horizon; t++) controls[t] = model.clip(warmStart[t]);
            first = 1;
        }
        for (int i = first * horizon; i < samples * horizon; i++) controls[i] = a * (2 * rng.nextDouble() - 1);

        // 2. Price them all in one batch and keep the cheapest.
        double[] costs = rollout.costs(x0, controls, samples);
        int best = 0;
        for (int i = 1; i < samples; i++) if (costs[i] < costs[best]) best = i;
        double[] plan = new double[horizon];
        System.arraycopy(controls, best * horizon, plan, 0, horizon);
        return new Plan(Trajectory.rollout(model, cost, x0, plan), 1, samples);
    }

    /** The half-width of the sampled controls. */
    static double amplitude(BatchDynamics model) {
        double limit = model.controlLimit();
        return Double.isFinite(limit) ? limit : InitialControls.UNLIMITED_AMPLITUDE;
    }

    @Override
    public PlannerKind kind() {
        return PlannerKind.SHOOTING;
    }

    @Override
    public int horizon() {
        return horizon;
    }
}
