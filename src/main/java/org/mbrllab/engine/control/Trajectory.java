package org.mbrllab.engine.control;

/**
 * A state-action sequence x_0 … x_T, u_0 … u_{T−1} and its cost J = Σ_{t=0}^{T−1} c(x_t, u_t). Immutable:
 * the constructor copies the arrays and the accessors return copies, so a trajectory can be shared
 * between snapshots and threads. Use {@link #x} and {@link #u} to read single entries without copying.
 *
 * @param states  x_0 … x_T, T + 1 rows of n entries; {@code states[k]} is the state after k steps
 * @param actions u_0 … u_{T−1}, as applied (after clipping)
 * @param cost    J
 */
public record Trajectory(double[][] states, double[] actions, double cost) {

    public Trajectory {
        if (states.length != actions.length + 1) {
            throw new IllegalArgumentException(states.length + " states for " + actions.length
                    + " actions; a trajectory has one more state than actions");
        }
        states = deepCopy(states);
        actions = actions.clone();
    }

    /** Rolls {@code actions} out from {@code x0} through {@code dynamics} and prices it with {@code cost}. */
    public static Trajectory rollout(Dynamics dynamics, QuadraticCost cost, double[] x0, double[] actions) {
        int steps = actions.length;
        double[][] xs = new double[steps + 1][];
        double[] us = new double[steps];
        xs[0] = x0.clone();
        for (int t = 0; t < steps; t++) {
            us[t] = dynamics.clip(actions[t]);
            xs[t + 1] = dynamics.step(xs[t], us[t]);
        }
        return new Trajectory(xs, us, cost.total(xs, us));
    }

    /**
     * {@link #rollout(Dynamics, QuadraticCost, double[], double[])} through any batch model, one state at a
     * time (a learned model answers for a batch of one as it does for sequence 0 of a batch), priced with any
     * {@link StageCost} (its terminal cost included).
     */
    public static Trajectory rollout(BatchDynamics model, StageCost cost, double[] x0, double[] actions) {
        int steps = actions.length;
        double[][] xs = new double[steps + 1][];
        double[] us = new double[steps];
        xs[0] = x0.clone();
        for (int t = 0; t < steps; t++) {
            us[t] = model.clip(actions[t]);
            xs[t + 1] = new double[x0.length];
            model.stepBatch(xs[t], new double[] {us[t]}, xs[t + 1], 1);
        }
        return new Trajectory(xs, us, cost.total(xs, us));
    }

    /** T, the number of steps. */
    public int steps() {
        return actions.length;
    }

    /** Entry i of x_t. */
    public double x(int t, int i) {
        return states[t][i];
    }

    /** u_t. */
    public double u(int t) {
        return actions[t];
    }

    /** x_t, a copy. */
    public double[] state(int t) {
        return states[t].clone();
    }

    /** x_T, a copy. */
    public double[] finalState() {
        return states[states.length - 1].clone();
    }

    @Override
    public double[][] states() {
        return deepCopy(states);
    }

    @Override
    public double[] actions() {
        return actions.clone();
    }

    /** max_t |θ_t| with θ wrapped to (−π, π]. */
    public double maxAbsAngle(int angleIndex) {
        double max = 0;
        for (double[] x : states) max = Math.max(max, Math.abs(Angles.normalize(x[angleIndex])));
        return max;
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) copy[i] = rows[i].clone();
        return copy;
    }
}
