package org.mbrllab.engine.control;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.Seeds;

/**
 * The cross-entropy method (Rubinstein 1999; as an MPC planner in PETS, Chua et al. 2018): keep an
 * independent Gaussian N(μ_t, σ_t²) per time step; each iteration samples N sequences from it (clipped
 * to the control box), rolls them out through the model in one batch, and refits μ and σ to the E
 * cheapest (the elites).
 *
 * <p>Per replan: μ starts at the shifted previous plan (0 at the first replan), σ at
 * {@link #INITIAL_STD_FRACTION} of the control amplitude. Sample 0 of every iteration is μ itself, and
 * the plan returned is the cheapest sequence seen in any iteration, so more iterations never return a
 * worse plan. σ never falls below {@link #MIN_STD_FRACTION} of the amplitude.
 */
public final class CemPlanner implements Planner {

    /** σ at the start of a replan, as a fraction of the control amplitude. */
    public static final double INITIAL_STD_FRACTION = 0.5;
    /** σ's floor, as a fraction of the control amplitude, so that sampling never collapses entirely. */
    public static final double MIN_STD_FRACTION = 1e-3;

    private final BatchDynamics model;
    private final StageCost cost;
    private final int horizon;
    private final int samples;
    private final int elites;
    private final int iterations;
    private final RandomGenerator rng;
    private final BatchRollout rollout;
    private final double[] controls;
    private final Integer[] order;

    public CemPlanner(BatchDynamics model, StageCost cost, int horizon, int samples, int elites, int iterations,
                      long seed) {
        this.model = model;
        this.cost = cost;
        this.horizon = Check.inRange("horizon", horizon, 1, (int) MpcSettings.HORIZON.max());
        this.samples = (int) MpcSettings.SAMPLES.validate(samples);
        this.elites = Check.inRange("elites", elites, 1, samples);
        this.iterations = (int) MpcSettings.CEM_ITERATIONS.validate(iterations);
        this.rng = Seeds.random(seed);
        this.rollout = new BatchRollout(model, cost, horizon);
        this.controls = new double[samples * horizon];
        this.order = new Integer[samples];
    }

    @Override
    public Plan plan(double[] x0, double[] warmStart) {
        double amplitude = RandomShootingPlanner.amplitude(model);
        double minStd = MIN_STD_FRACTION * amplitude;
        double[] mean = new double[horizon];
        double[] std = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            mean[t] = warmStart != null ? model.clip(warmStart[t]) : 0;
            std[t] = INITIAL_STD_FRACTION * amplitude;
        }
        double[] best = mean.clone();
        double bestCost = Double.POSITIVE_INFINITY;
        for (int it = 0; it < iterations; it++) {
            // 1. Sample N sequences around the mean; sample 0 is the mean.
            System.arraycopy(mean, 0, controls, 0, horizon);
            for (int i = 1; i < samples; i++) {
                for (int t = 0; t < horizon; t++) {
                    controls[i * horizon + t] = model.clip(mean[t] + std[t] * rng.nextGaussian());
                }
            }
            // 2. Price them in one batch and rank them.
            double[] costs = rollout.costs(x0, controls, samples);
            for (int i = 0; i < samples; i++) order[i] = i;
            Arrays.sort(order, (p, q) -> Double.compare(costs[p], costs[q]));
            if (costs[order[0]] < bestCost) {
                bestCost = costs[order[0]];
                System.arraycopy(controls, order[0] * horizon, best, 0, horizon);
            }
            // 3. Refit the Gaussian to the elites.
            for (int t = 0; t < horizon; t++) {
                double sum = 0;
                for (int e = 0; e < elites; e++) sum += controls[order[e] * horizon + t];
                double m = sum / elites;
                double var = 0;
                for (int e = 0; e < elites; e++) {
                    double d = controls[order[e] * horizon + t] - m;
                    var += d * d;
                }
                mean[t] = m;
                std[t] = Math.max(minStd, Math.sqrt(var / elites));
            }
        }
        return new Plan(Trajectory.rollout(model, cost, x0, best), iterations, (long) samples * iterations);
    }

    @Override
    public PlannerKind kind() {
        return PlannerKind.CEM;
    }

    @Override
    public int horizon() {
        return horizon;
    }
}
