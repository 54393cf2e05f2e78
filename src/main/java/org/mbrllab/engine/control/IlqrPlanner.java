package org.mbrllab.engine.control;

import org.mbrllab.engine.core.Check;

/**
 * MPC's iLQR planner: a few {@link Ilqr} iterations per replan, started from the previous plan shifted by
 * one step, or from zero controls at the first replan. Since consecutive problems differ by one step,
 * the warm start is usually close, and a handful of iterations suffice.
 *
 * <p>The warm start follows the previous plan <em>with its feedback</em>, not open loop: from the state
 * actually reached, the first rollout applies
 * <pre>
 *   u_t = ū_{t+1} + K_{t+1} (x_t − x̄_{t+1})          (the last step's ū, x̄ and K repeated at the end)
 * </pre>
 * with ū, x̄ and K the previous plan's controls, states and gains. When the plant differs from the model
 * (a wrong mass), the state reached is not the one planned for, and on an unstable system the old
 * controls played open loop from there drift far from the plan within a second; iLQR then starts from
 * a poor trajectory and, with a few iterations, may settle in a worse local minimum (measured: the
 * pendulum swing-up at 5 % model error cost 933 with the open-loop warm start, against 372 with a perfect
 * model). The gains keep the first rollout near the old plan, as the local policy iLQR computed is meant
 * to.
 */
public final class IlqrPlanner implements Planner {

    private final Dynamics model;
    private final QuadraticCost cost;
    private final int horizon;
    private final int maxIterations;
    /** The previous plan: x̄_0 … x̄_H, ū_0 … ū_{H−1} and K_0 … K_{H−1}; null before the first. */
    private double[][] lastStates;
    private double[] lastControls;
    private double[][] lastGains;

    public IlqrPlanner(Dynamics model, QuadraticCost cost, int horizon, int maxIterations) {
        this.model = model;
        this.cost = cost;
        this.horizon = Check.inRange("horizon", horizon, 1, (int) MpcSettings.HORIZON.max());
        this.maxIterations = maxIterations;
    }

    @Override
    public Plan plan(double[] x0, double[] warmStart) {
        double[] init;
        if (warmStart == null) {
            init = new double[horizon];
        } else if (lastStates != null) {
            init = followWithFeedback(x0);
        } else {
            init = warmStart;
        }
        Ilqr ilqr = new Ilqr(model, cost, x0, init, maxIterations);
        Trajectory result = ilqr.solve();
        lastStates = result.states();
        lastControls = result.actions();
        lastGains = ilqr.feedbackGains();
        return new Plan(result, ilqr.iterations(), ilqr.iterations() + 1L);
    }

    /** The previous plan shifted by one step and followed with its gains from x0, through the model. */
    private double[] followWithFeedback(double[] x0) {
        int n = model.stateSize();
        double[] init = new double[horizon];
        double[] x = x0.clone();
        double[] next = new double[n];
        for (int t = 0; t < horizon; t++) {
            int s = Math.min(t + 1, horizon - 1);
            double u = lastControls[s];
            for (int i = 0; i < n; i++) u += lastGains[s][i] * (x[i] - lastStates[s][i]);
            init[t] = model.clip(u);
            model.step(x, init[t], next);
            System.arraycopy(next, 0, x, 0, n);
        }
        return init;
    }

    @Override
    public PlannerKind kind() {
        return PlannerKind.ILQR;
    }

    @Override
    public int horizon() {
        return horizon;
    }
}
