package org.mbrllab.engine.control;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.run.DivergenceException;

/**
 * Discrete-time infinite-horizon LQR by the Riccati recursion run to its fixed point.
 *
 * <p>For x_{t+1} = A·x_t + B·u_t and J = Σ_t x_tᵀQ·x_t + u_tᵀR·u_t, the optimal control is u = −K·x with
 * <pre>
 *   K = (R + BᵀPB)⁻¹·BᵀPA
 *   P = Q + AᵀPA − AᵀPB·(R + BᵀPB)⁻¹·BᵀPA        (the discrete algebraic Riccati equation)
 * </pre>
 * We start at P₀ = Q and apply the right-hand side until P stops changing: each application is one more
 * step of the finite-horizon backward recursion, so P_k is the cost-to-go with k steps left, and the
 * fixed point is the infinite-horizon solution (Bertsekas, <i>Dynamic Programming and Optimal
 * Control</i>, vol. 1, §4.1). Convergence is linear, at a rate of about ρ(A − BK)² per recursion, so a
 * slow closed loop takes many recursions; that count is part of the answer.
 *
 * <p>It needs (A, B) stabilisable and (A, Q^½) detectable. When Q gives no weight to an unstable mode,
 * the fixed point exists but the closed loop is not stable; {@link LqrGain#stable()} tells.
 */
public final class DiscreteLqr {
    private DiscreteLqr() {}

    /** Converged when max|P_{k+1} − P_k| ≤ this × max(1, max|P_{k+1}|). */
    public static final double RELATIVE_TOLERANCE = 1e-13;
    /** Recursions before giving up. */
    public static final int MAX_ITERATIONS = 1_000_000;

    /** LQR for the linearisation {@code lin} and the weights of {@code cost}. */
    public static LqrGain solve(Linearization lin, QuadraticCost cost) {
        return solve(lin.aMatrix(), lin.bMatrix(), LqrGain.q(cost), LqrGain.r(cost));
    }

    /**
     * @throws IllegalArgumentException if the shapes disagree or R + BᵀPB is singular
     * @throws DivergenceException      if P grows without bound or does not settle
     */
    public static LqrGain solve(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r) {
        LqrGain.checkShapes(a, b, q, r);
        RealMatrix p = q.copy();
        RealMatrix at = a.transpose();
        RealMatrix bt = b.transpose();
        for (int k = 1; k <= MAX_ITERATIONS; k++) {
            // 1. K = (R + BᵀPB)⁻¹·BᵀPA for the current P.
            RealMatrix gain = gain(p, a, b, r, bt);
            // 2. P ← Q + AᵀP·(A − BK), which equals the right-hand side of the DARE for this K.
            RealMatrix next = LqrGain.symmetrize(q.add(at.multiply(p).multiply(a.subtract(b.multiply(gain)))));
            double change = maxAbs(next.subtract(p));
            double scale = Math.max(1, maxAbs(next));
            if (!Double.isFinite(scale)) {
                throw new DivergenceException("The Riccati recursion blew up after " + k
                        + " steps: the system cannot be stabilised with this B.");
            }
            p = next;
            // 3. Stop at the fixed point.
            if (change <= RELATIVE_TOLERANCE * scale) {
                RealMatrix kFinal = gain(p, a, b, r, bt);
                return LqrGain.of(kFinal, p, LqrGain.closedLoop(a, b, kFinal), k, true);
            }
        }
        throw new DivergenceException("The Riccati recursion did not settle in " + Format.number(MAX_ITERATIONS)
                + " steps.");
    }

    /** (R + BᵀPB)⁻¹·BᵀPA. */
    static RealMatrix gain(RealMatrix p, RealMatrix a, RealMatrix b, RealMatrix r, RealMatrix bt) {
        RealMatrix btp = bt.multiply(p);
        try {
            return new LUDecomposition(r.add(btp.multiply(b))).getSolver().solve(btp.multiply(a));
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("R + BᵀPB is singular: R must be positive definite", e);
        }
    }

    static double maxAbs(RealMatrix m) {
        double max = 0;
        for (int i = 0; i < m.getRowDimension(); i++) {
            for (int j = 0; j < m.getColumnDimension(); j++) max = Math.max(max, Math.abs(m.getEntry(i, j)));
        }
        return max;
    }
}
