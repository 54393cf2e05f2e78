package org.mbrllab.engine.control;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The first-order model x' ≈ A·x + B·u about a point (x*, u*): the Jacobians ∂f/∂x and ∂f/∂u of a step
 * (or, for {@link Dynamics#linearizeContinuous}, of the time derivative). The arrays are copies owned by
 * this record; read them, don't change them.
 *
 * @param a     A, n × n
 * @param b     B, n × 1 (one control)
 * @param state x*, the point of linearisation
 * @param control u*
 */
public record Linearization(double[][] a, double[] b, double[] state, double control) {

    /** A as a Commons Math matrix (a copy). */
    public RealMatrix aMatrix() {
        return MatrixUtils.createRealMatrix(a);
    }

    /** B as an n × 1 Commons Math matrix (a copy). */
    public RealMatrix bMatrix() {
        return MatrixUtils.createColumnRealMatrix(b);
    }

    public int stateSize() {
        return b.length;
    }
}
