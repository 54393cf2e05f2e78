package org.mbrllab.engine.metrpo;

/**
 * One TRPO update (Schulman et al. 2015, "Trust Region Policy Optimization", §6 and Appendix C):
 * <pre>
 *   maximise  L(θ) = (1/N) Σ_i [π_θ(a_i|s_i) / π_old(a_i|s_i)] Â_i
 *   subject to  KL̄(θ) = (1/N) Σ_i KL(π_old(·|s_i) ‖ π_θ(·|s_i)) ≤ δ
 * </pre>
 * <ol>
 *   <li>g = ∇L(θ_old) = (1/N) Σ_i Â_i ∇ log π_θ(a_i|s_i);</li>
 *   <li>x ≈ F⁻¹ g by conjugate gradient (10 iterations) with the damped Fisher product (F + λI) v,
 *       where F is the Hessian of KL̄ at θ_old ({@link #fisherTimes});</li>
 *   <li>the full step β x with β = √(2δ / xᵀF x), then backtracking: θ_old + 0.5^j β x for j = 0 … 9,
 *       accepting the first step whose surrogate beats L(θ_old) and whose KL̄ is at most δ;</li>
 *   <li>if none passes, θ stays θ_old.</li>
 * </ol>
 * F is the analytic Fisher of a diagonal Gaussian, not a second derivative from autodiff:
 * <pre>
 *   F v = (1/N) Σ_i J_iᵀ diag(1/σ²) J_i v_μ   (mean part),     F v = 2 v_logσ   (log σ part),
 * </pre>
 * with J_i = ∂μ_θ(s_i)/∂θ; the cross terms vanish at θ_old. It is tested against a finite-difference
 * Hessian of KL̄. In a batch of 2,000 samples or more the products average over every tenth sample
 * (Schulman, PhD thesis, 2016), which is most of the update's cost saved; the line search still checks KL̄ over
 * all of them.
 */
public final class TrustRegion {

    /** Conjugate-gradient iterations, as in the TRPO and ME-TRPO code. */
    public static final int CG_ITERATIONS = 10;
    /** Damping λ of the Fisher product (rllab's default reg_coeff). */
    public static final double DAMPING = 1e-5;
    /** Every how many samples one enters the Fisher products of a large batch ({@link #fisherSubsample}). */
    public static final int FISHER_STRIDE = 10;
    /** Batches at least this large use a subsample for the Fisher products. */
    public static final int FISHER_SUBSAMPLE_FROM = 2000;
    /** Backtracking halvings tried before the step is rejected. */
    public static final int BACKTRACKS = 10;

    private TrustRegion() {}

    /** What one update did. */
    public record Step(boolean accepted, double meanKl, double improvement, int backtracks, double cgResidual) {}

    /**
     * Updates {@code policy} in place from {@code batch} under KL̄ ≤ {@code delta}; leaves it unchanged when
     * no backtracking step passes.
     */
    public static Step update(GaussianMlpPolicy policy, PolicyBatch batch, double delta) {
        if (!(delta > 0)) throw new IllegalArgumentException("δ = " + delta + " is out of range: allowed > 0");
        GaussianMlpPolicy old = policy.copy();
        double[] theta0 = policy.parameters();
        // θ_old's activations at every state, computed once: the Fisher products and the KL reuse them.
        double[][][] acts = activations(old, batch.states());
        // 1. The surrogate's gradient.
        double[] g = surrogateGradient(old, batch, acts);
        // 2. x ≈ F⁻¹ g.
        double[] residual = new double[1];
        double[][][] fisherActs = fisherSubsample(acts);
        double[] x = conjugateGradient(v -> fisherTimes(old, fisherActs, v, DAMPING), g, CG_ITERATIONS, residual);
        // 3. Scale to the trust region's edge, then backtrack (the KL̄ it checks is over the whole batch).
        double xFx = dot(x, fisherTimes(old, fisherActs, x, 0));
        double before = surrogate(old, batch);
        if (!(xFx > 0) || !Double.isFinite(xFx)) return new Step(false, 0, 0, 0, residual[0]);
        double beta = Math.sqrt(2 * delta / xFx);
        double[] trial = new double[theta0.length];
        for (int j = 0; j < BACKTRACKS; j++) {
            double scale = beta * Math.pow(0.5, j);
            for (int k = 0; k < trial.length; k++) trial[k] = theta0[k] + scale * x[k];
            policy.setParameters(trial);
            double[] both = klAndSurrogate(old, acts, policy, batch);
            double kl = both[0];
            double improvement = both[1] - before;
            if (improvement > 0 && kl <= delta && Double.isFinite(kl)) return new Step(true, kl, improvement, j, residual[0]);
        }
        // 4. No step passed: keep θ_old.
        policy.setParameters(theta0);
        return new Step(false, 0, 0, BACKTRACKS, residual[0]);
    }

    /**
     * The states the Fisher products average over: every {@value #FISHER_STRIDE}th once the batch has
     * {@value #FISHER_SUBSAMPLE_FROM} or more, as Schulman et al. do ("the Fisher information matrix merely
     * acts as a metric", so 10 % of the data give nearly the same step at a tenth of the cost); all of
     * them in a smaller batch.
     */
    static double[][][] fisherSubsample(double[][][] acts) {
        if (acts.length < FISHER_SUBSAMPLE_FROM) return acts;
        double[][][] sub = new double[(acts.length + FISHER_STRIDE - 1) / FISHER_STRIDE][][];
        for (int i = 0; i < sub.length; i++) sub[i] = acts[i * FISHER_STRIDE];
        return sub;
    }

    private static double[][][] activations(GaussianMlpPolicy policy, double[][] states) {
        double[][][] acts = new double[states.length][][];
        for (int i = 0; i < states.length; i++) acts[i] = policy.activations(states[i]);
        return acts;
    }

    /**
     * KL̄(θ_old ‖ θ) and L(θ) with one forward pass of {@code policy} per state: {@link #meanKl} and
     * {@link #surrogate} in one loop, θ_old's means read from its activations.
     */
    private static double[] klAndSurrogate(GaussianMlpPolicy old, double[][][] acts, GaussianMlpPolicy policy,
                                           PolicyBatch batch) {
        int actions = policy.actionSize();
        double kl = 0;
        double surrogate = 0;
        for (int i = 0; i < batch.size(); i++) {
            double[] m0 = acts[i][acts[i].length - 1];
            double[] m1 = policy.mean(batch.states()[i]);
            double[] a = batch.actions()[i];
            double logp = 0;
            for (int d = 0; d < actions; d++) {
                double l0 = old.logStd(d);
                double l1 = policy.logStd(d);
                double diff = m0[d] - m1[d];
                kl += l1 - l0 + (Math.exp(2 * l0) + diff * diff) / (2 * Math.exp(2 * l1)) - 0.5;
                double z = (a[d] - m1[d]) * Math.exp(-l1);
                logp += -0.5 * z * z - l1 - 0.5 * Math.log(2 * Math.PI);
            }
            surrogate += Math.exp(logp - batch.oldLogProbabilities()[i]) * batch.advantages()[i];
        }
        return new double[] {kl / batch.size(), surrogate / batch.size()};
    }

    /** L(θ) = (1/N) Σ_i exp(log π_θ(a_i|s_i) − log π_old(a_i|s_i)) Â_i. */
    public static double surrogate(GaussianMlpPolicy policy, PolicyBatch batch) {
        double sum = 0;
        for (int i = 0; i < batch.size(); i++) {
            sum += Math.exp(policy.logProbability(batch.states()[i], batch.actions()[i]) - batch.oldLogProbabilities()[i])
                    * batch.advantages()[i];
        }
        return sum / batch.size();
    }

    /**
     * ∇L at the policy that acted: (1/N) Σ_i Â_i ∇ log π, with ∂ log π/∂μ_d = (a_d − μ_d)/σ_d² (taken back
     * through the network) and ∂ log π/∂ log σ_d = (a_d − μ_d)²/σ_d² − 1.
     */
    public static double[] surrogateGradient(GaussianMlpPolicy policy, PolicyBatch batch) {
        return surrogateGradient(policy, batch, activations(policy, batch.states()));
    }

    private static double[] surrogateGradient(GaussianMlpPolicy policy, PolicyBatch batch, double[][][] acts) {
        int meanCount = policy.meanParameterCount();
        int actions = policy.actionSize();
        double[] g = new double[policy.parameterCount()];
        double[] u = new double[actions];
        for (int i = 0; i < batch.size(); i++) {
            double[] a = batch.actions()[i];
            double[] mu = acts[i][acts[i].length - 1];
            double adv = batch.advantages()[i];
            for (int d = 0; d < actions; d++) {
                double inv = Math.exp(-2 * policy.logStd(d));
                double diff = a[d] - mu[d];
                u[d] = adv * diff * inv;
                g[meanCount + d] += adv * (diff * diff * inv - 1);
            }
            policy.addJacobianTransposeTimes(acts[i], u, g);
        }
        for (int k = 0; k < g.length; k++) g[k] /= batch.size();
        return g;
    }

    /** (F + λI) v at {@code policy}, over {@code states}; see the class comment. */
    public static double[] fisherTimes(GaussianMlpPolicy policy, double[][] states, double[] v, double damping) {
        return fisherTimes(policy, activations(policy, states), v, damping);
    }

    private static double[] fisherTimes(GaussianMlpPolicy policy, double[][][] acts, double[] v, double damping) {
        int meanCount = policy.meanParameterCount();
        int actions = policy.actionSize();
        double[] out = new double[policy.parameterCount()];
        double[] u = new double[actions];
        for (double[][] x : acts) {
            double[] jv = policy.jacobianTimes(x, v);
            for (int d = 0; d < actions; d++) u[d] = jv[d] * Math.exp(-2 * policy.logStd(d));
            policy.addJacobianTransposeTimes(x, u, out);
        }
        for (int k = 0; k < meanCount; k++) out[k] /= acts.length;
        for (int d = 0; d < actions; d++) out[meanCount + d] = 2 * v[meanCount + d];
        for (int k = 0; k < out.length; k++) out[k] += damping * v[k];
        return out;
    }

    /**
     * KL̄ = (1/N) Σ_i KL(π_old(·|s_i) ‖ π(·|s_i)), per action dimension
     * log(σ/σ_old) + (σ_old² + (μ_old − μ)²) / (2σ²) − ½.
     */
    public static double meanKl(GaussianMlpPolicy old, GaussianMlpPolicy policy, double[][] states) {
        double sum = 0;
        for (double[] s : states) {
            double[] m0 = old.mean(s);
            double[] m1 = policy.mean(s);
            for (int d = 0; d < m0.length; d++) {
                double l0 = old.logStd(d);
                double l1 = policy.logStd(d);
                double diff = m0[d] - m1[d];
                sum += l1 - l0 + (Math.exp(2 * l0) + diff * diff) / (2 * Math.exp(2 * l1)) - 0.5;
            }
        }
        return sum / states.length;
    }

    /**
     * Conjugate gradient for A x = b with A symmetric positive definite, given as a product; at most
     * {@code iterations} steps from x = 0. {@code residual[0]} receives ‖b − A x‖ at the end.
     */
    public static double[] conjugateGradient(java.util.function.UnaryOperator<double[]> a, double[] b, int iterations,
                                             double[] residual) {
        int n = b.length;
        double[] x = new double[n];
        double[] r = b.clone();
        double[] p = b.clone();
        double rr = dot(r, r);
        for (int it = 0; it < iterations && rr > 1e-20; it++) {
            double[] ap = a.apply(p);
            double alpha = rr / dot(p, ap);
            for (int k = 0; k < n; k++) {
                x[k] += alpha * p[k];
                r[k] -= alpha * ap[k];
            }
            double next = dot(r, r);
            for (int k = 0; k < n; k++) p[k] = r[k] + next / rr * p[k];
            rr = next;
        }
        residual[0] = Math.sqrt(rr);
        return x;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }
}
