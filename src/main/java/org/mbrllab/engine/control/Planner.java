package org.mbrllab.engine.control;

/**
 * Plans H controls from a state with a model, for {@link Mpc}. A planner may keep state between calls
 * (its random generator), so it belongs to one MPC run on one thread.
 */
public interface Planner {

    /**
     * A plan from {@code x0}.
     *
     * @param x0        the current state
     * @param warmStart the previous plan shifted by one step (H controls), or null for the first replan
     */
    Plan plan(double[] x0, double[] warmStart);

    PlannerKind kind();

    /** H. */
    int horizon();

    /**
     * One plan: the controls with the states the model predicts for them, and the work done.
     *
     * @param predicted  x_0 … x_H under the planner's model, u_0 … u_{H−1}, and J
     * @param iterations iLQR iterations or CEM refits (1 for random shooting)
     * @param rollouts   model rollouts of H steps evaluated
     */
    record Plan(Trajectory predicted, int iterations, long rollouts) {

        /** u_0 … u_{H−1}, a copy. */
        public double[] actions() {
            return predicted.actions();
        }
    }
}
