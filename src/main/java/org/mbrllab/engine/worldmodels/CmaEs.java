package org.mbrllab.engine.worldmodels;

import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.Seeds;

/**
 * The covariance matrix adaptation evolution strategy, (μ/μ_w, λ)-CMA-ES, in ask-and-tell form: {@link #ask()}
 * gives a generation of λ candidates, the caller scores them all at once (World Models scores a
 * population in the dream, batched), and {@link #tell} moves the search distribution N(m, σ²C).
 * Maximises.
 *
 * <p>Source: N. Hansen, "The CMA evolution strategy: a tutorial" (arXiv:1604.00772, 2016), whose
 * Appendix A is followed line by line, with its default parameters (Table 1):
 * <pre>
 *   λ = 4 + ⌊3 ln n⌋ (unless given),  μ = ⌊λ/2⌋,  w_i ∝ ln((λ+1)/2) − ln i,  μ_eff = 1 / Σ w_i²
 *   c_σ = (μ_eff + 2)/(n + μ_eff + 5),     d_σ = 1 + 2 max(0, √((μ_eff − 1)/(n + 1)) − 1) + c_σ
 *   c_c = (4 + μ_eff/n)/(n + 4 + 2μ_eff/n), c_1 = 2/((n + 1.3)² + μ_eff)
 *   c_μ = min(1 − c_1, 2(μ_eff − 2 + 1/μ_eff)/((n + 2)² + μ_eff))
 * </pre>
 * One generation:
 * <ol>
 *   <li>sample x_k = m + σ y_k, y_k = B D z_k, z_k ~ N(0, I), where C = B D² Bᵀ;</li>
 *   <li>rank by fitness, best first; m' = m + σ Σ_{i ≤ μ} w_i y_{i:λ};</li>
 *   <li>p_σ ← (1 − c_σ) p_σ + √(c_σ(2 − c_σ)μ_eff) C^{−1/2} (m' − m)/σ;</li>
 *   <li>h_σ = 1 if ‖p_σ‖ / √(1 − (1 − c_σ)^{2(g+1)}) &lt; (1.4 + 2/(n + 1)) E‖N(0, I)‖, else 0;<br>
 *       p_c ← (1 − c_c) p_c + h_σ √(c_c(2 − c_c)μ_eff) (m' − m)/σ;</li>
 *   <li>C ← (1 − c_1 − c_μ) C + c_1 (p_c p_cᵀ + (1 − h_σ) c_c(2 − c_c) C) + c_μ Σ w_i y_{i:λ} y_{i:λ}ᵀ;</li>
 *   <li>σ ← σ exp((c_σ/d_σ)(‖p_σ‖ / E‖N(0, I)‖ − 1)).</li>
 * </ol>
 * Commons Math has a CMA-ES ({@code CMAESOptimizer}), but it runs its own loop and asks for one fitness
 * at a time, so a population could not be scored as one batch, nor could a pane stop after each
 * generation to draw it. Run on the same test functions from the same start (seeds 1–3), the two need
 * about as many evaluations: to reach 1e-10 on the 10-D sphere 1,590–1,770 here against 1,491–1,831;
 * 1e-8 on the 10-D ellipsoid of condition 10⁶, 5,240–5,770 against 4,381–4,521; 1e-10 on the 8-D
 * Rosenbrock function, 3,860–4,980 against 3,511–4,021. {@code CmaEsTest} holds this class to those
 * functions.
 *
 * <p>Seeded; confined to one thread.
 */
public final class CmaEs {
    private final int n;
    private final int lambda;
    private final int mu;
    private final double[] weights;
    private final double muEff;
    private final double cSigma;
    private final double dSigma;
    private final double cC;
    private final double c1;
    private final double cMu;
    private final double chiN;
    private final RandomGenerator random;

    private final double[] mean;
    private double sigma;
    private final double[][] cov;
    private final double[][] basis;
    private final double[] scales;
    private final double[] pSigma;
    private final double[] pC;
    private int generation;
    private double[][] asked;
    private double[][] askedY;

    /**
     * @param initialMean m at the start (n numbers, copied)
     * @param initialSigma σ at the start, &gt; 0
     * @param lambda the population, 2 or more, or 0 for Hansen's default 4 + ⌊3 ln n⌋
     */
    public CmaEs(double[] initialMean, double initialSigma, int lambda, long seed) {
        n = initialMean.length;
        if (n < 1) throw new IllegalArgumentException("CMA-ES needs at least one dimension");
        Check.inRange("initialSigma", initialSigma, 1e-12, 1e6);
        this.lambda = lambda == 0 ? 4 + (int) Math.floor(3 * Math.log(n)) : lambda;
        Check.inRange("lambda", this.lambda, 2, 100_000);
        mu = this.lambda / 2;
        weights = new double[mu];
        double sum = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] = Math.log((this.lambda + 1) / 2.0) - Math.log(i + 1);
            sum += weights[i];
        }
        double sq = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] /= sum;
            sq += weights[i] * weights[i];
        }
        muEff = 1 / sq;
        cSigma = (muEff + 2) / (n + muEff + 5);
        dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        cC = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
        cMu = Math.min(1 - c1, 2 * (muEff - 2 + 1 / muEff) / ((n + 2.0) * (n + 2.0) + muEff));
        chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        random = Seeds.random(seed);
        mean = initialMean.clone();
        sigma = initialSigma;
        cov = new double[n][n];
        basis = new double[n][n];
        scales = new double[n];
        for (int i = 0; i < n; i++) {
            cov[i][i] = 1;
            basis[i][i] = 1;
            scales[i] = 1;
        }
        pSigma = new double[n];
        pC = new double[n];
    }

    /** n, the dimension searched. */
    public int dimension() {
        return n;
    }

    /** λ, candidates per generation. */
    public int populationSize() {
        return lambda;
    }

    /** Generations told so far. */
    public int generation() {
        return generation;
    }

    /** σ, the step size now. */
    public double sigma() {
        return sigma;
    }

    /** A copy of m, the distribution's mean: the search's best guess. */
    public double[] mean() {
        return mean.clone();
    }

    /** Step 1: λ new candidates (copies; the caller may keep them). */
    public double[][] ask() {
        asked = new double[lambda][n];
        askedY = new double[lambda][n];
        double[] z = new double[n];
        for (int k = 0; k < lambda; k++) {
            for (int i = 0; i < n; i++) z[i] = scales[i] * random.nextGaussian();
            for (int i = 0; i < n; i++) {
                double y = 0;
                for (int j = 0; j < n; j++) y += basis[i][j] * z[j];
                askedY[k][i] = y;
                asked[k][i] = mean[i] + sigma * y;
            }
        }
        double[][] copy = new double[lambda][];
        for (int k = 0; k < lambda; k++) copy[k] = asked[k].clone();
        return copy;
    }

    /**
     * Steps 2–6 for the candidates of the last {@link #ask()}.
     *
     * @param fitness one score per candidate, in the order asked; higher is better; finite
     */
    public void tell(double[] fitness) {
        if (asked == null) throw new IllegalStateException("tell() without ask()");
        PlainLayers.check(fitness.length, lambda, "fitness");
        for (int k = 0; k < lambda; k++) {
            if (!Double.isFinite(fitness[k])) throw new IllegalArgumentException("fitness[" + k + "] is " + fitness[k]);
        }
        // 2. Rank, best first, and move the mean.
        Integer[] order = new Integer[lambda];
        for (int k = 0; k < lambda; k++) order[k] = k;
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -fitness[k]));
        double[] yw = new double[n];
        for (int i = 0; i < mu; i++) {
            double[] y = askedY[order[i]];
            for (int j = 0; j < n; j++) yw[j] += weights[i] * y[j];
        }
        for (int j = 0; j < n; j++) mean[j] += sigma * yw[j];
        // 3. Conjugate evolution path: C^{-1/2} yw = B D^{-1} Bᵀ yw.
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += basis[j][i] * yw[j];
            t[i] = s / scales[i];
        }
        double cs = Math.sqrt(cSigma * (2 - cSigma) * muEff);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += basis[i][j] * t[j];
            pSigma[i] = (1 - cSigma) * pSigma[i] + cs * s;
        }
        double normPs = norm(pSigma);
        // 4. Evolution path, stalled while ‖p_σ‖ is large.
        boolean hSigma = normPs / Math.sqrt(1 - Math.pow(1 - cSigma, 2.0 * (generation + 1))) < (1.4 + 2.0 / (n + 1)) * chiN;
        double cc = hSigma ? Math.sqrt(cC * (2 - cC) * muEff) : 0;
        for (int i = 0; i < n; i++) pC[i] = (1 - cC) * pC[i] + cc * yw[i];
        // 5. Covariance: rank-one and rank-μ updates.
        double deltaH = hSigma ? 0 : cC * (2 - cC);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double rankMu = 0;
                for (int k = 0; k < mu; k++) {
                    double[] y = askedY[order[k]];
                    rankMu += weights[k] * y[i] * y[j];
                }
                double c = (1 - c1 - cMu) * cov[i][j] + c1 * (pC[i] * pC[j] + deltaH * cov[i][j]) + cMu * rankMu;
                cov[i][j] = c;
                cov[j][i] = c;
            }
        }
        // 6. Step size.
        sigma *= Math.exp((cSigma / dSigma) * (normPs / chiN - 1));
        generation++;
        asked = null;
        askedY = null;
        decompose();
    }

    /** C = B D² Bᵀ, for the next ask. */
    private void decompose() {
        RealMatrix c = new Array2DRowRealMatrix(cov, false);
        EigenDecomposition eig = new EigenDecomposition(c);
        double[] values = eig.getRealEigenvalues();
        RealMatrix v = eig.getV();
        for (int k = 0; k < n; k++) {
            scales[k] = Math.sqrt(Math.max(values[k], 1e-20));
            for (int i = 0; i < n; i++) basis[i][k] = v.getEntry(i, k);
        }
        if (!Double.isFinite(sigma)) throw new IllegalStateException("CMA-ES step size became " + sigma);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
