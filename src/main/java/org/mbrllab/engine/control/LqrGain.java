package org.mbrllab.engine.control;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An infinite-horizon LQR solution: the gain K of u = −K·x, the Riccati solution P (x_0ᵀP·x_0 is the
 * optimal cost from x_0 for the linear system), the closed-loop eigenvalues and the work it took. Arrays
 * are copies owned by this record; read them, don't change them.
 *
 * @param k            K, m × n (here m = 1: one row)
 * @param p            P, n × n, symmetric
 * @param eigenvalues  the eigenvalues of A − B·K as [re, im] pairs, largest real part first (ties: larger
 *                     imaginary part first)
 * @param iterations   Riccati recursions until the fixed point (discrete time); 0 for the direct
 *                     continuous-time solution
 * @param discreteTime whether this solves the discrete-time problem (stable means |λ| &lt; 1) or the
 *                     continuous-time one (stable means Re λ &lt; 0)
 */
public record LqrGain(double[][] k, double[][] p, double[][] eigenvalues, int iterations, boolean discreteTime) {

    /** K's only row, for a system with one control: u = −Σⱼ kⱼ·xⱼ. */
    public double[] row() {
        return k[0].clone();
    }

    /** max |λ| over the closed-loop eigenvalues. */
    public double spectralRadius() {
        double max = 0;
        for (double[] e : eigenvalues) max = Math.max(max, Math.hypot(e[0], e[1]));
        return max;
    }

    /** Whether the closed loop A − B·K is stable (for the linear system). */
    public boolean stable() {
        if (discreteTime) return spectralRadius() < 1;
        for (double[] e : eigenvalues) if (e[0] >= 0) return false;
        return true;
    }

    /**
     * The eigenvalues of A − B·K for the linearisation {@code lin} and K's one row {@code k}, as [re, im]
     * pairs in the order of {@link #eigenvalues} (for any gain, e.g. a finite-horizon K_t).
     */
    public static double[][] closedLoopEigenvalues(Linearization lin, double[] k) {
        return eigenvalues(closedLoop(lin.aMatrix(), lin.bMatrix(), MatrixUtils.createRowRealMatrix(k)));
    }

    /** The eigenvalues of {@code m} as [re, im] pairs in the order described for {@link #eigenvalues}. */
    static double[][] eigenvalues(RealMatrix m) {
        EigenDecomposition eig = new EigenDecomposition(m);
        double[] re = eig.getRealEigenvalues();
        double[] im = eig.getImagEigenvalues();
        double[][] pairs = new double[re.length][];
        for (int i = 0; i < re.length; i++) pairs[i] = new double[] {re[i], im[i]};
        Arrays.sort(pairs, Comparator.<double[]>comparingDouble(e -> -e[0]).thenComparingDouble(e -> -e[1]));
        return pairs;
    }

    /** A − B·K. */
    static RealMatrix closedLoop(RealMatrix a, RealMatrix b, RealMatrix k) {
        return a.subtract(b.multiply(k));
    }

    static RealMatrix symmetrize(RealMatrix p) {
        return p.add(p.transpose()).scalarMultiply(0.5);
    }

    static void checkShapes(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r) {
        int n = a.getRowDimension();
        int m = b.getColumnDimension();
        if (a.getColumnDimension() != n) throw new IllegalArgumentException("A must be square, got " + shape(a));
        if (b.getRowDimension() != n) throw new IllegalArgumentException("B must have " + n + " rows, got " + shape(b));
        if (q.getRowDimension() != n || q.getColumnDimension() != n) {
            throw new IllegalArgumentException("Q must be " + n + " × " + n + ", got " + shape(q));
        }
        if (r.getRowDimension() != m || r.getColumnDimension() != m) {
            throw new IllegalArgumentException("R must be " + m + " × " + m + ", got " + shape(r));
        }
    }

    static LqrGain of(RealMatrix k, RealMatrix p, RealMatrix closedLoop, int iterations, boolean discreteTime) {
        return new LqrGain(k.getData(), p.getData(), eigenvalues(closedLoop), iterations, discreteTime);
    }

    static RealMatrix q(QuadraticCost cost) {
        return MatrixUtils.createRealMatrix(cost.qMatrix());
    }

    static RealMatrix r(QuadraticCost cost) {
        return MatrixUtils.createRealMatrix(new double[][] {{cost.r()}});
    }

    private static String shape(RealMatrix m) {
        return m.getRowDimension() + " × " + m.getColumnDimension();
    }
}
