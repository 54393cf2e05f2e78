package org.mbrllab.engine.control;

import java.util.List;
import java.util.Objects;

/**
 * The torque-driven pendulum of Gymnasium's Pendulum-v1: a uniform rod of mass m and length l turning
 * about one end.
 *
 * <h2>State and control</h2>
 * <table>
 *   <caption>State x = (θ, θ̇)</caption>
 *   <tr><th>index</th><th>entry</th><th>unit</th></tr>
 *   <tr><td>0</td><td>θ, angle from upright (0 upright, ±π hanging down); not wrapped in the state</td>
 *       <td>rad</td></tr>
 *   <tr><td>1</td><td>θ̇, angular velocity</td><td>rad/s</td></tr>
 * </table>
 * The control u is the torque at the pivot in N·m, clipped to ±{@link PendulumParams#maxTorque()}.
 *
 * <h2>Equations</h2>
 * θ̈ = 3g/(2l)·sin θ + 3/(m·l²)·u, integrated as Gymnasium does (semi-implicit Euler, then a speed clip):
 * <pre>
 *   θ̇' = clip(θ̇ + dt·θ̈, −θ̇_max, θ̇_max)
 *   θ'  = θ + dt·θ̇'
 * </pre>
 * Gymnasium's cost is {@link #GYMNASIUM_COST}: θ² + 0.1·θ̇² + 0.001·u² with θ wrapped to (−π, π].
 *
 * @param params the constants; {@link PendulumParams#gymnasium()} for Pendulum-v1's
 */
public record Pendulum(PendulumParams params) implements Dynamics {

    /** State indices. */
    public static final int THETA = 0, THETA_DOT = 1;
    /** Names of the state entries, in order, for tables and JSON. */
    public static final List<String> STATE_NAMES = List.of("theta", "theta_dot");
    /** Pendulum-v1's cost, c = θ² + 0.1·θ̇² + 0.001·u² (the negative of its reward). */
    public static final QuadraticCost GYMNASIUM_COST = new QuadraticCost(new double[] {1, 0.1}, 0.001, THETA);

    private static final int N = 2;

    public Pendulum {
        Objects.requireNonNull(params, "params");
    }

    /** Pendulum-v1. */
    public static Pendulum gymnasium() {
        return new Pendulum(PendulumParams.gymnasium());
    }

    @Override public int stateSize() { return N; }
    @Override public int angleIndex() { return THETA; }
    @Override public double timeStep() { return params.dt(); }
    @Override public double controlLimit() { return params.maxTorque(); }

    @Override
    public Pendulum withControlLimit(double limit) {
        return new Pendulum(params.with("max_torque", limit));
    }

    @Override
    public Pendulum withModelError(ModelError error) {
        return new Pendulum(params.scaled(error));
    }

    /** One semi-implicit Euler step of the state at {@code in[o … o+1]} into {@code out[p … p+1]}. */
    @Override
    public void stepAt(double[] in, int o, double u, double[] out, int p) {
        double theta = in[o], torque = clip(u);
        double thetaDot = clipSpeed(in[o + 1] + params.dt() * angularAcceleration(theta, torque));
        out[p] = theta + params.dt() * thetaDot;
        out[p + 1] = thetaDot;
    }

    /** θ̈ = 3g/(2l)·sin θ + 3/(m·l²)·u; the one place this equation is written. */
    private double angularAcceleration(double theta, double torque) {
        return 3 * params.gravity() / (2 * params.length()) * Math.sin(theta) + torqueGain() * torque;
    }

    /** ∂θ̈/∂u = 3/(m·l²), the inverse of the rod's moment of inertia m·l²/3 about its end. */
    private double torqueGain() {
        return 3 / (params.mass() * params.length() * params.length());
    }

    private double clipSpeed(double thetaDot) {
        return Math.max(-params.maxSpeed(), Math.min(params.maxSpeed(), thetaDot));
    }

    @Override
    public void derivative(double[] x, double u, double[] xdot) {
        double theta = x[THETA], thetaDot = x[THETA_DOT];
        xdot[THETA] = thetaDot;
        xdot[THETA_DOT] = angularAcceleration(theta, clip(u));
    }

    @Override
    public void continuousJacobians(double[] x, double u, double[][] a, double[] b) {
        a[THETA][THETA] = 0;
        a[THETA][THETA_DOT] = 1;
        a[THETA_DOT][THETA] = gravityGain(x[THETA]);
        a[THETA_DOT][THETA_DOT] = 0;
        b[THETA] = 0;
        b[THETA_DOT] = Math.abs(u) > controlLimit() ? 0 : torqueGain();
    }

    /**
     * Differentiates the step: with s = θ̇ + dt·θ̈ unclipped, θ̇' = s and θ' = θ + dt·s, so
     * ∂θ̇'/∂(θ, θ̇, u) = (dt·∂θ̈/∂θ, 1, dt·∂θ̈/∂u) and ∂θ'/∂· = dt·∂θ̇'/∂· plus 1 on θ. Where the speed clip
     * bites, θ̇' no longer depends on anything.
     */
    @Override
    public void jacobians(double[] x, double u, double[][] a, double[] b) {
        double dt = params.dt();
        double speed = x[THETA_DOT] + dt * angularAcceleration(x[THETA], clip(u));
        boolean speedClipped = Math.abs(speed) > params.maxSpeed();
        boolean torqueClipped = Math.abs(u) > controlLimit();
        double dTheta = speedClipped ? 0 : dt * gravityGain(x[THETA]);
        double dThetaDot = speedClipped ? 0 : 1;
        double dU = speedClipped || torqueClipped ? 0 : dt * torqueGain();
        a[THETA_DOT][THETA] = dTheta;
        a[THETA_DOT][THETA_DOT] = dThetaDot;
        b[THETA_DOT] = dU;
        a[THETA][THETA] = 1 + dt * dTheta;
        a[THETA][THETA_DOT] = dt * dThetaDot;
        b[THETA] = dt * dU;
    }

    /** ∂θ̈/∂θ = 3g/(2l)·cos θ. */
    private double gravityGain(double theta) {
        return 3 * params.gravity() / (2 * params.length()) * Math.cos(theta);
    }
}
