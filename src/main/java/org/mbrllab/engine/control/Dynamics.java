package org.mbrllab.engine.control;

/**
 * A deterministic discrete-time system x_{t+1} = f(x_t, u_t) with one scalar control, as pure functions:
 * no method changes the receiver, and every implementation is an immutable record over its parameters.
 * iLQR, LQR, MPC, the command line and the renderers all use these same functions.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>A state is a {@code double[]} of {@link #stateSize()} entries; one of them, {@link #angleIndex()},
 *       is an angle θ in radians with θ = 0 upright.</li>
 *   <li>A control outside ±{@link #controlLimit()} is clipped before it acts, as Gymnasium clips it, and
 *       the Jacobian with respect to such a control is 0.</li>
 *   <li>Methods that write into an output array allow it to be the input array.</li>
 * </ul>
 */
public sealed interface Dynamics extends BatchDynamics permits Cartpole, Pendulum {

    /** n, the number of state entries. */
    @Override
    int stateSize();

    /** Where θ sits in the state. */
    int angleIndex();

    /** The length of one step, in seconds. */
    double timeStep();

    /** The largest |u| that acts (N for the cartpole, N·m for the pendulum); +∞ for no limit. */
    @Override
    double controlLimit();

    /** The same system with another control limit; +∞ removes it. */
    Dynamics withControlLimit(double limit);

    /** The system a planner believes in: masses and length scaled by {@code error}. */
    Dynamics withModelError(ModelError error);

    /**
     * Writes f(x, u) for the state stored at {@code xs[from … from + n − 1]} into
     * {@code next[to … to + n − 1]}, clipping u first. This is the one step a system writes: {@link #step}
     * and {@link #stepBatch} are this step at offset 0 and at the offsets i·n of a batch, so the two give
     * the same numbers by construction.
     */
    void stepAt(double[] xs, int from, double u, double[] next, int to);

    /** Writes f(x, u) into {@code next}. */
    default void step(double[] x, double u, double[] next) {
        stepAt(x, 0, u, next, 0);
    }

    /**
     * The batched step for sampling planners: {@code count} states stored one after another in {@code xs}
     * (state i at {@code xs[i*n] … xs[i*n + n − 1]}), control i in {@code us[i]}; the next states go to
     * {@code next} in the same layout. Gives exactly the numbers of {@link #step} applied to each state.
     */
    @Override
    default void stepBatch(double[] xs, double[] us, double[] next, int count) {
        int n = stateSize();
        for (int i = 0; i < count; i++) stepAt(xs, i * n, us[i], next, i * n);
    }

    /** Writes the time derivative ẋ = f_c(x, u) of the continuous-time system (u clipped) into {@code xdot}. */
    void derivative(double[] x, double u, double[] xdot);

    /**
     * Writes the analytic Jacobians of one step, A = ∂f/∂x (n × n) and B = ∂f/∂u (n), at (x, u) into
     * {@code a} and {@code b}.
     */
    void jacobians(double[] x, double u, double[][] a, double[] b);

    /** Writes the Jacobians of the continuous-time derivative, A_c = ∂f_c/∂x and B_c = ∂f_c/∂u. */
    void continuousJacobians(double[] x, double u, double[][] a, double[] b);

    /** The state at rest upright: all zeros. */
    default double[] upright() {
        return new double[stateSize()];
    }

    /** The state with θ = {@code theta} and every other entry 0. */
    default double[] stateWithAngle(double theta) {
        double[] x = upright();
        x[angleIndex()] = theta;
        return x;
    }

    /** f(x, u) in a new array. */
    default double[] step(double[] x, double u) {
        double[] next = new double[stateSize()];
        step(x, u, next);
        return next;
    }

    /** The discrete-time linearisation at (x, u): one step's A and B. */
    default Linearization linearize(double[] x, double u) {
        int n = stateSize();
        double[][] a = new double[n][n];
        double[] b = new double[n];
        jacobians(x, u, a, b);
        return new Linearization(a, b, x.clone(), u);
    }

    /** The continuous-time linearisation at (x, u): A_c and B_c of ẋ = f_c(x, u). */
    default Linearization linearizeContinuous(double[] x, double u) {
        int n = stateSize();
        double[][] a = new double[n][n];
        double[] b = new double[n];
        continuousJacobians(x, u, a, b);
        return new Linearization(a, b, x.clone(), u);
    }

    /** The linearisation about the upright equilibrium (x = 0, u = 0) that LQR uses. */
    default Linearization uprightLinearization() {
        return linearize(upright(), 0);
    }
}
