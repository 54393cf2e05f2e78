package org.mbrllab.engine.control;

import org.mbrllab.engine.core.Check;

/**
 * MPC's iLQR planner: a few {@link Ilqr} iterations per replan, started from the previous plan shifted by
 * one step (its last control repeated), or from zero controls at the first replan. Since consecutive
 * problems differ by one step, the warm start is usually close, and a handful of iterations suffice.
 */
public final class IlqrPlanner implements Planner {

    private final Dynamics model;
    private final QuadraticCost cost;
    private final int horizon;
    private final int maxIterations;

    public IlqrPlanner(Dynamics model, QuadraticCost cost, int horizon, int maxIterations) {
        this.model = model;
        this.cost = cost;
        this.horizon = Check.inRange("horizon", horizon, 1, (int) MpcSettings.HORIZON.max());
        this.maxIterations = maxIterations;
    }

    @Override
    public Plan plan(double[] x0, double[] warmStart) {
        double[] init = warmStart != null ? warmStart : new double[horizon];
        Ilqr ilqr = new Ilqr(model, cost, x0, init, maxIterations);
        Trajectory result = ilqr.solve();
        return new Plan(result, ilqr.iterations(), ilqr.iterations() + 1L);
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
