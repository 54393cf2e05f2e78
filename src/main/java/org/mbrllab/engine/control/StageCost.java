package org.mbrllab.engine.control;

/**
 * What a sampling planner ({@link RandomShootingPlanner}, {@link CemPlanner}) needs of a cost: the stage cost
 * c(x_t, u_t) and a terminal cost c_T(x_T), read from states stored one after another in a batch. A
 * trajectory's cost is
 * <pre>
 *   J = Σ_{t=0}^{T−1} c(x_t, u_t) + c_T(x_T)
 * </pre>
 * {@link QuadraticCost} is one, with no terminal cost; a learned reward is another (the Dreamer lesson's
 * latent planner prices a plan by the reward head's predictions, {@code dreamer.LatentDynamics}). Only the
 * planners take this interface; LQR and iLQR need {@link QuadraticCost}'s derivatives.
 */
public interface StageCost {

    /** c of the state stored at {@code xs[offset …]} with control u (batched layouts). */
    double stageAt(double[] xs, int offset, double u);

    /** c_T of the state stored at {@code xs[offset …]}; 0 unless overridden. */
    default double terminalAt(double[] xs, int offset) {
        return 0;
    }

    /** J = Σ_{t=0}^{T−1} c(x_t, u_t) + c_T(x_T) for states x_0 … x_T and actions u_0 … u_{T−1}. */
    default double total(double[][] states, double[] actions) {
        double j = 0;
        for (int t = 0; t < actions.length; t++) j += stageAt(states[t], 0, actions[t]);
        return j + terminalAt(states[actions.length], 0);
    }
}
