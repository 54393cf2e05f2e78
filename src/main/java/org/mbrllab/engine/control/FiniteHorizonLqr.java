package org.mbrllab.engine.control;

import org.apache.commons.math3.linear.RealMatrix;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * Finite-horizon discrete-time LQR by the backward Riccati recursion, with time-varying gains K_t.
 *
 * <p>For J = Σ_{t=0}^{T−1} (x_tᵀQ·x_t + u_tᵀR·u_t) + x_Tᵀ·Q_f·x_T, start from P_T = Q_f and go back:
 * <pre>
 *   K_t = (R + BᵀP_{t+1}B)⁻¹·BᵀP_{t+1}A
 *   P_t = Q + AᵀP_{t+1}·(A − B·K_t)
 * </pre>
 * and u_t = −K_t·x_t. With Q_f = Q this is the course's problem (5), which sums sᵀQs up to s_T. Far
 * from the end K_t approaches the infinite-horizon {@link DiscreteLqr} gain; near the end it relaxes,
 * since there is little future left to pay for.
 */
public final class FiniteHorizonLqr {
    private FiniteHorizonLqr() {}

    /** The default horizon (4 s of cartpole), as a compile-time constant so that help texts can quote it. */
    public static final int DEFAULT_HORIZON = 200;
    /** T: 1 to 100 000 steps. */
    public static final ParameterSpec HORIZON = ParameterSpec.whole("finite_horizon", "horizon T (steps)", 1, 100_000,
            DEFAULT_HORIZON, "How many steps the finite-horizon problem lasts; K_t is computed for each.");

    /**
     * The gains of a finite-horizon LQR. Arrays are copies owned by this record.
     *
     * @param gains K_t for t = 0 … T−1, each m × n
     * @param p0    P_0, the cost-to-go matrix at the start: x_0ᵀP_0·x_0 is the optimal J
     */
    public record Gains(double[][][] gains, double[][] p0) {

        /** T. */
        public int horizon() {
            return gains.length;
        }

        /** K_t's only row, for one control. */
        public double[] row(int t) {
            return gains[t][0].clone();
        }

        /** K_t's only row for every t: {@code rows()[t][j]}. */
        public double[][] rows() {
            double[][] rows = new double[gains.length][];
            for (int t = 0; t < gains.length; t++) rows[t] = gains[t][0].clone();
            return rows;
        }
    }

    /** With Q_f = Q, for the linearisation {@code lin} and the weights of {@code cost}. */
    public static Gains solve(Linearization lin, QuadraticCost cost, int horizon) {
        RealMatrix q = LqrGain.q(cost);
        return solve(lin.aMatrix(), lin.bMatrix(), q, LqrGain.r(cost), q, horizon);
    }

    public static Gains solve(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r, RealMatrix qf, int horizon) {
        LqrGain.checkShapes(a, b, q, r);
        LqrGain.checkShapes(a, b, qf, r);
        HORIZON.validate(horizon);
        RealMatrix at = a.transpose();
        RealMatrix bt = b.transpose();
        double[][][] gains = new double[horizon][][];
        RealMatrix p = qf.copy();
        for (int t = horizon - 1; t >= 0; t--) {
            RealMatrix k = DiscreteLqr.gain(p, a, b, r, bt);
            gains[t] = k.getData();
            p = LqrGain.symmetrize(q.add(at.multiply(p).multiply(a.subtract(b.multiply(k)))));
        }
        return new Gains(gains, p.getData());
    }
}
