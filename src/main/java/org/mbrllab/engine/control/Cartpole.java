package org.mbrllab.engine.control;

import java.util.Objects;

/**
 * The cart-pole of Gymnasium's CartPole-v1 (after Barto, Sutton and Anderson, 1983, with the
 * equations of Florian, 2007), with a continuous force.
 *
 * <h2>State and control</h2>
 * <table>
 *   <caption>State x = (x, ẋ, θ, θ̇)</caption>
 *   <tr><th>index</th><th>entry</th><th>unit</th></tr>
 *   <tr><td>0</td><td>x, cart position (positive to the right)</td><td>m</td></tr>
 *   <tr><td>1</td><td>ẋ, cart velocity</td><td>m/s</td></tr>
 *   <tr><td>2</td><td>θ, pole angle from upright (0 upright; Gymnasium's sign: positive when the pole
 *       leans towards +x)</td><td>rad</td></tr>
 *   <tr><td>3</td><td>θ̇, pole angular velocity</td><td>rad/s</td></tr>
 * </table>
 * The control u = F is the horizontal force on the cart in N, positive towards +x, clipped to
 * ±{@link CartpoleParams#forceLimit()}. Pushing towards +x tips the pole towards −θ.
 *
 * <h2>Equations</h2>
 * With M = m_c + m_p:
 * <pre>
 *   temp = (F + m_p·l·θ̇²·sin θ) / M
 *   θ̈    = (g·sin θ − cos θ·temp) / (l·(4/3 − m_p·cos²θ / M))
 *   ẍ    = temp − m_p·l·θ̈·cos θ / M
 * </pre>
 * and one explicit Euler step of length τ: x ← x + τ·ẋ, ẋ ← ẋ + τ·ẍ, θ ← θ + τ·θ̇, θ̇ ← θ̇ + τ·θ̈
 * (Gymnasium's default {@code kinematics_integrator = "euler"}). There is no friction and no track end;
 * Gymnasium ends an episode at |θ| > {@link #THETA_THRESHOLD} or |x| > {@link #X_THRESHOLD}, which only
 * the views and tests use here.
 *
 * @param params the constants; {@link CartpoleParams#gymnasium()} for CartPole-v1's
 */
public record Cartpole(CartpoleParams params) implements Dynamics {

    /** Gymnasium ends a CartPole-v1 episode when |θ| exceeds this: 12°, in rad. */
    public static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
    /** Gymnasium ends a CartPole-v1 episode when |x| exceeds this, in m. */
    public static final double X_THRESHOLD = 2.4;

    /** State indices. */
    public static final int X = 0, X_DOT = 1, THETA = 2, THETA_DOT = 3;
    /** Names of the state entries, in order, for tables and JSON. */
    public static final java.util.List<String> STATE_NAMES = java.util.List.of("x", "x_dot", "theta", "theta_dot");

    private static final int N = 4;
    private static final double FOUR_THIRDS = 4.0 / 3.0;

    public Cartpole {
        Objects.requireNonNull(params, "params");
    }

    /** CartPole-v1 with its 10 N limit. */
    public static Cartpole gymnasium() {
        return new Cartpole(CartpoleParams.gymnasium());
    }

    @Override public int stateSize() { return N; }
    @Override public int angleIndex() { return THETA; }
    @Override public double timeStep() { return params.tau(); }
    @Override public double controlLimit() { return params.forceLimit(); }

    @Override
    public Cartpole withControlLimit(double limit) {
        return new Cartpole(params.with("force_limit", limit));
    }

    @Override
    public Cartpole withModelError(ModelError error) {
        return new Cartpole(params.scaled(error));
    }

    /** One Euler step of the state at {@code in[o … o+3]} into {@code out[p … p+3]}. */
    @Override
    public void stepAt(double[] in, int o, double u, double[] out, int p) {
        double xPos = in[o], xDot = in[o + 1], theta = in[o + 2], thetaDot = in[o + 3], force = clip(u);
        double sin = Math.sin(theta), cos = Math.cos(theta);
        double thetaAcc = thetaAcceleration(sin, cos, thetaDot, force);
        double xAcc = cartAcceleration(sin, cos, thetaDot, force, thetaAcc);
        double tau = params.tau();
        out[p] = xPos + tau * xDot;
        out[p + 1] = xDot + tau * xAcc;
        out[p + 2] = theta + tau * thetaDot;
        out[p + 3] = thetaDot + tau * thetaAcc;
    }

    @Override
    public void derivative(double[] x, double u, double[] xdot) {
        double theta = x[THETA], thetaDot = x[THETA_DOT], xDot = x[X_DOT], force = clip(u);
        double sin = Math.sin(theta), cos = Math.cos(theta);
        double thetaAcc = thetaAcceleration(sin, cos, thetaDot, force);
        double xAcc = cartAcceleration(sin, cos, thetaDot, force, thetaAcc);
        xdot[X] = xDot;
        xdot[X_DOT] = xAcc;
        xdot[THETA] = thetaDot;
        xdot[THETA_DOT] = thetaAcc;
    }

    /** θ̈ = (g·sin θ − cos θ·temp) / (l·(4/3 − m_p·cos²θ / M)); the one place this equation is written. */
    private double thetaAcceleration(double sin, double cos, double thetaDot, double force) {
        double totalMass = params.cartMass() + params.poleMass();
        double temp = (force + params.poleMass() * params.halfLength() * thetaDot * thetaDot * sin) / totalMass;
        return (params.gravity() * sin - cos * temp)
                / (params.halfLength() * (FOUR_THIRDS - params.poleMass() * cos * cos / totalMass));
    }

    /** ẍ = temp − m_p·l·θ̈·cos θ / M; the one place this equation is written. */
    private double cartAcceleration(double sin, double cos, double thetaDot, double force, double thetaAcc) {
        double totalMass = params.cartMass() + params.poleMass();
        double poleMassLength = params.poleMass() * params.halfLength();
        double temp = (force + poleMassLength * thetaDot * thetaDot * sin) / totalMass;
        return temp - poleMassLength * thetaAcc * cos / totalMass;
    }

    @Override
    public void continuousJacobians(double[] x, double u, double[][] a, double[] b) {
        double[] d = partials(x[THETA], x[THETA_DOT], clip(u));
        for (double[] row : a) java.util.Arrays.fill(row, 0);
        a[X][X_DOT] = 1;
        a[THETA][THETA_DOT] = 1;
        a[X_DOT][THETA] = d[2];
        a[X_DOT][THETA_DOT] = d[3];
        a[THETA_DOT][THETA] = d[5];
        a[THETA_DOT][THETA_DOT] = d[6];
        boolean clipped = Math.abs(u) > controlLimit();
        b[X] = 0;
        b[X_DOT] = clipped ? 0 : d[4];
        b[THETA] = 0;
        b[THETA_DOT] = clipped ? 0 : d[7];
    }

    /** Euler: A = I + τ·A_c and B = τ·B_c, exactly. */
    @Override
    public void jacobians(double[] x, double u, double[][] a, double[] b) {
        continuousJacobians(x, u, a, b);
        double tau = params.tau();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) a[i][j] = (i == j ? 1 : 0) + tau * a[i][j];
            b[i] *= tau;
        }
    }

    /**
     * The partial derivatives of {@link #thetaAcceleration} and {@link #cartAcceleration}, by the quotient
     * and product rules (tests check them against finite differences):
     * {ẍ, θ̈, ∂ẍ/∂θ, ∂ẍ/∂θ̇, ∂ẍ/∂F, ∂θ̈/∂θ, ∂θ̈/∂θ̇, ∂θ̈/∂F}.
     */
    private double[] partials(double theta, double thetaDot, double force) {
        double g = params.gravity(), l = params.halfLength(), mp = params.poleMass();
        double totalMass = params.cartMass() + mp;
        double poleMassLength = mp * l;
        double sin = Math.sin(theta), cos = Math.cos(theta);

        double temp = (force + poleMassLength * thetaDot * thetaDot * sin) / totalMass;
        double tempTheta = poleMassLength * thetaDot * thetaDot * cos / totalMass;
        double tempThetaDot = 2 * poleMassLength * thetaDot * sin / totalMass;
        double tempForce = 1 / totalMass;

        double num = g * sin - cos * temp;
        double numTheta = g * cos + sin * temp - cos * tempTheta;
        double numThetaDot = -cos * tempThetaDot;
        double numForce = -cos * tempForce;
        double den = l * (FOUR_THIRDS - mp * cos * cos / totalMass);
        double denTheta = l * 2 * mp * cos * sin / totalMass;

        double thetaAcc = num / den;
        double thetaAccTheta = (numTheta * den - num * denTheta) / (den * den);
        double thetaAccThetaDot = numThetaDot / den;
        double thetaAccForce = numForce / den;

        double k = poleMassLength / totalMass;
        double xAcc = temp - k * thetaAcc * cos;
        double xAccTheta = tempTheta - k * (thetaAccTheta * cos - thetaAcc * sin);
        double xAccThetaDot = tempThetaDot - k * thetaAccThetaDot * cos;
        double xAccForce = tempForce - k * thetaAccForce * cos;
        return new double[] {xAcc, thetaAcc, xAccTheta, xAccThetaDot, xAccForce, thetaAccTheta, thetaAccThetaDot,
            thetaAccForce};
    }
}
