package org.mbrllab.engine.control;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Continuous-time infinite-horizon LQR, for ẋ = A·x + B·u and J = ∫ xᵀQx + uᵀRu dt: u = −K·x with
 * K = R⁻¹BᵀP, where P solves the continuous algebraic Riccati equation (CARE)
 * <pre>
 *   AᵀP + PA − PBR⁻¹BᵀP + Q = 0.
 * </pre>
 * Solved directly from the Hamiltonian matrix H = [[A, −BR⁻¹Bᵀ], [−Q, −Aᵀ]]: if the columns of [U₁; U₂]
 * span its stable invariant subspace (the n eigenvalues with negative real part), then P = U₂·U₁⁻¹
 * (MacFarlane 1963, Potter 1966). Commons Math's {@link EigenDecomposition} returns a complex pair as
 * its real and imaginary parts, two real columns spanning the same subspace, which is all we need.
 */
public final class ContinuousLqr {
    private ContinuousLqr() {}

    /** For the continuous-time linearisation {@code lin} (see {@link Dynamics#linearizeContinuous}). */
    public static LqrGain solve(Linearization lin, QuadraticCost cost) {
        return solve(lin.aMatrix(), lin.bMatrix(), LqrGain.q(cost), LqrGain.r(cost));
    }

    /**
     * @throws IllegalArgumentException if the shapes disagree, R is singular, or H has eigenvalues on the
     *                                  imaginary axis (no stabilising solution)
     */
    public static LqrGain solve(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r) {
        LqrGain.checkShapes(a, b, q, r);
        int n = a.getRowDimension();
        RealMatrix rInv;
        try {
            rInv = new LUDecomposition(r).getSolver().getInverse();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("R is singular: it must be positive definite", e);
        }
        // 1. The Hamiltonian.
        RealMatrix h = MatrixUtils.createRealMatrix(2 * n, 2 * n);
        h.setSubMatrix(a.getData(), 0, 0);
        h.setSubMatrix(b.multiply(rInv).multiply(b.transpose()).scalarMultiply(-1).getData(), 0, n);
        h.setSubMatrix(q.scalarMultiply(-1).getData(), n, 0);
        h.setSubMatrix(a.transpose().scalarMultiply(-1).getData(), n, n);

        // 2. A basis of its stable invariant subspace.
        EigenDecomposition eig = new EigenDecomposition(h);
        double[] re = eig.getRealEigenvalues();
        RealMatrix v = eig.getV();
        RealMatrix u1 = MatrixUtils.createRealMatrix(n, n);
        RealMatrix u2 = MatrixUtils.createRealMatrix(n, n);
        int col = 0;
        for (int j = 0; j < 2 * n; j++) {
            if (re[j] < 0) {
                if (col == n) break;
                u1.setColumn(col, v.getSubMatrix(0, n - 1, j, j).getColumn(0));
                u2.setColumn(col, v.getSubMatrix(n, 2 * n - 1, j, j).getColumn(0));
                col++;
            }
        }
        if (col != n) {
            throw new IllegalArgumentException("the Hamiltonian has " + col + " stable eigenvalues, not " + n
                    + ": the system cannot be stabilised with these weights");
        }

        // 3. P = U₂·U₁⁻¹, then K = R⁻¹BᵀP.
        RealMatrix p;
        try {
            p = new LUDecomposition(u1.transpose()).getSolver().solve(u2.transpose()).transpose();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("no stabilising Riccati solution: (A, B) is not stabilisable", e);
        }
        p = LqrGain.symmetrize(p);
        RealMatrix k = rInv.multiply(b.transpose()).multiply(p);
        return LqrGain.of(k, p, LqrGain.closedLoop(a, b, k), 0, false);
    }
}
