package org.mbrllab.engine.control;

/**
 * A feedback law u_t = π(t, x_t) for {@link ClosedLoop}. Implementations are immutable, so a pane can swap
 * one in while a loop runs.
 */
@FunctionalInterface
public interface Controller {

    /** The control at step t in state x (before the plant clips it). */
    double control(int t, double[] x);

    /** LQR: u = −K·x with K's one row {@code k} (regulating to x = 0). */
    static Controller linear(double[] k) {
        double[] gain = k.clone();
        return (t, x) -> {
            double u = 0;
            for (int i = 0; i < gain.length; i++) u -= gain[i] * x[i];
            return u;
        };
    }

    /**
     * Finite-horizon LQR: u_t = −K_t·x with K_t = {@code rows[t]}. Past the last gain it keeps using the
     * last one.
     */
    static Controller timeVarying(double[][] rows) {
        double[][] gains = new double[rows.length][];
        for (int t = 0; t < rows.length; t++) gains[t] = rows[t].clone();
        return (t, x) -> {
            double[] gain = gains[Math.min(t, gains.length - 1)];
            double u = 0;
            for (int i = 0; i < gain.length; i++) u -= gain[i] * x[i];
            return u;
        };
    }

    /** Open loop: plays {@code actions} in order whatever the state, then 0. */
    static Controller openLoop(double[] actions) {
        double[] plan = actions.clone();
        return (t, x) -> t < plan.length ? plan[t] : 0;
    }
}
