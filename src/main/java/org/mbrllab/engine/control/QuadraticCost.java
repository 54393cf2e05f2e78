package org.mbrllab.engine.control;

import java.util.Arrays;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * The stage cost c(x, u) = Σᵢ qᵢ·x̃ᵢ² + r·u², with Q = diag(q) and x̃ the state with its angle entry
 * wrapped to (−π, π], so that a full turn costs nothing (as in Gymnasium's pendulum), or with nothing
 * wrapped ({@link #NO_WRAP}). The course writes it sᵀQs + aᵀRa, without a ½. A
 * trajectory's cost is J = Σ_{t=0}^{T−1} c(x_t, u_t): the start state counts, and there is no terminal
 * cost. For the pendulum with {@link Pendulum#GYMNASIUM_COST} this is the negative of the T-step
 * Gymnasium return.
 *
 * @param q          diag(Q), one non-negative weight per state entry; copied
 * @param r          R, the control weight, positive
 * @param angleIndex which state entry is wrapped before it is weighted, or {@link #NO_WRAP}
 */
public record QuadraticCost(double[] q, double r, int angleIndex) implements StageCost {

    public static final ParameterSpec Q_WEIGHT = ParameterSpec.real("q", "Q diagonal entry", 0, 1e4, 1,
            "Weight of one state entry squared in the cost. Larger: the controller fights harder to bring it to 0.");
    public static final ParameterSpec R_WEIGHT = ParameterSpec.real("r", "R", 1e-6, 1e4, 0.1,
            "Weight of the control squared in the cost. Larger: gentler, cheaper control.");

    /** The {@code angleIndex} meaning "wrap no entry": θ is weighed as it is, so every turn costs. */
    public static final int NO_WRAP = -1;

    public QuadraticCost {
        q = q.clone();
        if (q.length == 0) throw new IllegalArgumentException("q must have one weight per state entry");
        for (int i = 0; i < q.length; i++) Q_WEIGHT.validate(q[i]);
        R_WEIGHT.validate(r);
        if (angleIndex < NO_WRAP || angleIndex >= q.length) {
            throw new IllegalArgumentException("angleIndex " + angleIndex + " is neither a state index (0 to "
                    + (q.length - 1) + ") nor NO_WRAP (" + NO_WRAP + ")");
        }
    }

    /** diag(Q), a copy. */
    @Override
    public double[] q() {
        return q.clone();
    }

    /** The i-th diagonal entry of Q. */
    public double q(int i) {
        return q[i];
    }

    public int stateSize() {
        return q.length;
    }

    /** The same cost with another Q diagonal. */
    public QuadraticCost withQ(double[] newQ) {
        return new QuadraticCost(newQ, r, angleIndex);
    }

    /** The same cost with another R. */
    public QuadraticCost withR(double newR) {
        return new QuadraticCost(q, newR, angleIndex);
    }

    /**
     * The same weights with the entry {@code index} wrapped to (−π, π]. Views price a run with it, so that
     * the cost they plot matches the wrapped angle they show: a cartpole whose pole has turned round once
     * and stands upright again costs what an upright pole costs, although its planner's cost ({@link
     * ControlSystem#defaultCost()}, which does not wrap) charges it for the turn.
     */
    public QuadraticCost wrapping(int index) {
        return index == angleIndex ? this : new QuadraticCost(q, r, index);
    }

    /** c(x, u). */
    public double stage(double[] x, double u) {
        return stageAt(x, 0, u);
    }

    /** c of the state stored at {@code xs[offset …]} (batched layouts). */
    @Override
    public double stageAt(double[] xs, int offset, double u) {
        double c = r * u * u;
        for (int i = 0; i < q.length; i++) {
            double v = i == angleIndex ? Angles.normalize(xs[offset + i]) : xs[offset + i];
            c += q[i] * v * v;
        }
        return c;
    }

    /** J = Σ_{t=0}^{T−1} c(x_t, u_t) for states x_0 … x_T (x_T does not count) and actions u_0 … u_{T−1}. */
    @Override
    public double total(double[][] states, double[] actions) {
        double j = 0;
        for (int t = 0; t < actions.length; t++) j += stage(states[t], actions[t]);
        return j;
    }

    /** Writes ∂c/∂x = 2·Q·x̃ into {@code lx}. (∂²c/∂x² = 2·Q, ∂c/∂u = 2·r·u and ∂²c/∂u² = 2·r.) */
    public void gradient(double[] x, double[] lx) {
        for (int i = 0; i < q.length; i++) {
            double v = i == angleIndex ? Angles.normalize(x[i]) : x[i];
            lx[i] = 2 * q[i] * v;
        }
    }

    /** Q as a dense matrix, for LQR. */
    public double[][] qMatrix() {
        double[][] m = new double[q.length][q.length];
        for (int i = 0; i < q.length; i++) m[i][i] = q[i];
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuadraticCost c && Arrays.equals(q, c.q) && r == c.r && angleIndex == c.angleIndex;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(q) + Double.hashCode(r) * 7 + angleIndex;
    }

    @Override
    public String toString() {
        return "QuadraticCost[q=" + Arrays.toString(q) + ", r=" + r + ", angleIndex=" + angleIndex + "]";
    }
}
