package org.mbrllab.engine.metrpo;

import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Generalised advantage estimation with a linear baseline, as TRPO and ME-TRPO compute Â (Schulman et al.
 * 2016, "High-Dimensional Continuous Control Using Generalized Advantage Estimation", eq. 16):
 * <pre>
 *   δ_t = r_t + γ V(s_{t+1}) − V(s_t),     Â_t = Σ_{l ≥ 0} (γλ)^l δ_{t+l},
 * </pre>
 * with V(s_T) = 0 past a path's end. V is rllab's linear feature baseline, refitted to the discounted
 * returns of the paths before they are used: features [s, s², t/100, (t/100)², (t/100)³, 1], least
 * squares with a ridge of 10⁻⁵ (raised tenfold while the normal equations are not positive definite).
 */
public final class Advantages {

    private static final double RIDGE = 1e-5;

    private Advantages() {}

    /** One trajectory: states s_0 … s_{T−1} and rewards r_0 … r_{T−1}. */
    public record Path(double[][] states, double[] rewards) {
        public Path {
            if (states.length != rewards.length) throw new IllegalArgumentException("a path has as many states as rewards");
        }

        public int length() { return rewards.length; }
    }

    /** Â_t of every path, in order, one array per path. */
    public static double[][] estimate(List<Path> paths, double gamma, double lambda) {
        double[] w = fitBaseline(paths, gamma);
        double[][] out = new double[paths.size()][];
        for (int p = 0; p < paths.size(); p++) {
            Path path = paths.get(p);
            int n = path.length();
            double[] v = new double[n + 1];
            for (int t = 0; t < n; t++) v[t] = dot(features(path.states()[t], t), w);
            double[] adv = new double[n];
            double running = 0;
            for (int t = n - 1; t >= 0; t--) {
                double delta = path.rewards()[t] + gamma * v[t + 1] - v[t];
                running = delta + gamma * lambda * running;
                adv[t] = running;
            }
            out[p] = adv;
        }
        return out;
    }

    /** Σ_{l ≥ 0} γ^l r_{t+l} for every t of {@code rewards}. */
    public static double[] discountedReturns(double[] rewards, double gamma) {
        double[] g = new double[rewards.length];
        double running = 0;
        for (int t = rewards.length - 1; t >= 0; t--) {
            running = rewards[t] + gamma * running;
            g[t] = running;
        }
        return g;
    }

    /** The baseline's weights, fitted by ridge least squares to the discounted returns. */
    static double[] fitBaseline(List<Path> paths, double gamma) {
        int dim = paths.get(0).states()[0].length * 2 + 4;
        double[][] ata = new double[dim][dim];
        double[] atb = new double[dim];
        for (Path path : paths) {
            double[] g = discountedReturns(path.rewards(), gamma);
            for (int t = 0; t < path.length(); t++) {
                double[] f = features(path.states()[t], t);
                for (int i = 0; i < dim; i++) {
                    atb[i] += f[i] * g[t];
                    for (int j = 0; j < dim; j++) ata[i][j] += f[i] * f[j];
                }
            }
        }
        for (double ridge = RIDGE; ; ridge *= 10) {
            RealMatrix a = new Array2DRowRealMatrix(ata, true);
            for (int i = 0; i < dim; i++) a.addToEntry(i, i, ridge);
            try {
                return new CholeskyDecomposition(a, 1e-14, 1e-14).getSolver().solve(new ArrayRealVector(atb)).toArray();
            } catch (NonPositiveDefiniteMatrixException e) {
                if (ridge > 1e3) throw new IllegalStateException("the baseline's normal equations stay singular", e);
            }
        }
    }

    /** [s, s², t/100, (t/100)², (t/100)³, 1]. */
    static double[] features(double[] s, int t) {
        int n = s.length;
        double[] f = new double[2 * n + 4];
        for (int i = 0; i < n; i++) {
            f[i] = s[i];
            f[n + i] = s[i] * s[i];
        }
        double al = t / 100.0;
        f[2 * n] = al;
        f[2 * n + 1] = al * al;
        f[2 * n + 2] = al * al * al;
        f[2 * n + 3] = 1;
        return f;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
