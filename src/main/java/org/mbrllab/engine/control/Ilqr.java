package org.mbrllab.engine.control;

import java.util.Objects;
import org.mbrllab.engine.run.DivergenceException;

/**
 * Iterative LQR from one start: linearise the dynamics about the current trajectory, solve the LQR
 * problem of the deviations backwards in time, roll the improved controls forward, repeat (Li and
 * Todorov 2004; Tassa, Erez and Todorov 2012). It is DDP without the second derivatives of the dynamics.
 *
 * <h2>One iteration ({@link #iterate})</h2>
 * <ol>
 *   <li><b>Linearise</b>: A_t = ∂f/∂x, B_t = ∂f/∂u at (x_t, u_t), analytically ({@link Dynamics#jacobians}).</li>
 *   <li><b>Backward pass</b> from V_x = 0, V_xx = 0 at t = T (no terminal cost):
 *     <pre>
 *   Q_x  = ℓ_x + A_tᵀV_x            Q_u  = ℓ_u + B_tᵀV_x
 *   Q_xx = ℓ_xx + A_tᵀV_xx A_t      Q_uu = ℓ_uu + B_tᵀV_xx B_t      Q_ux = B_tᵀV_xx A_t
 *     </pre>
 *     Regularisation μ is added to V_xx where the gains are computed (Tassa 2012, eq. 10):
 *     Q̃_uu = Q_uu + μ·B_tᵀB_t, Q̃_ux = Q_ux + μ·B_tᵀA_t. If Q̃_uu ≤ 0 anywhere, μ grows and the pass is
 *     repeated. Then V_x = Q_x + KᵀQ_uu k + KᵀQ_u + Q_uxᵀk and V_xx = Q_xx + KᵀQ_uu K + KᵀQ_ux + Q_uxᵀK.</li>
 *   <li><b>Control limits by the box-constrained QP</b> min_k ½·Q̃_uu·k² + Q_u·k subject to
 *     −u_max ≤ u_t + k ≤ u_max (Tassa, Mansard and Todorov 2014). With one control it is solved exactly
 *     by clipping the unconstrained step −Q_u/Q̃_uu into the box; where the bound is active the feedback
 *     gain K_t is 0, since the control cannot follow a change of state there. Otherwise
 *     K_t = −Q̃_ux/Q̃_uu.</li>
 *   <li><b>Forward pass with a line search</b>: for α = 1, ½, ¼ … {@link #MIN_ALPHA},
 *     û_t = clip(u_t + α·k_t + K_t·(x̂_t − x_t)), x̂_{t+1} = f(x̂_t, û_t). The first α whose cost falls by at
 *     least {@link #SUFFICIENT_DECREASE} times the predicted reduction α·Σ k_t Q_u + ½α²·Σ k_t² Q_uu
 *     (negated) is accepted, and μ shrinks; if none is, the trajectory stays and μ grows.</li>
 * </ol>
 * The cost never increases across accepted iterations.
 *
 * <h2>Stopping</h2>
 * {@link StopReason#COST_CHANGE} when an accepted step lowers J by less than {@link #COST_TOLERANCE}
 * relatively; {@link StopReason#GRADIENT} when max_t |k_t| / (|u_t| + 1) &lt; {@link #GRADIENT_TOLERANCE}
 * (nothing left to gain); {@link StopReason#REGULARISATION_LIMIT} when μ exceeds {@link #MU_MAX};
 * {@link StopReason#MAX_ITERATIONS}.
 */
public final class Ilqr {

    /** μ at the start. */
    public static final double MU_INITIAL = 1.0;
    /** μ below this becomes 0. */
    public static final double MU_MIN = 1e-6;
    /** μ above this stops the run. */
    public static final double MU_MAX = 1e10;
    /** μ is multiplied or divided by this. */
    public static final double MU_FACTOR = 10;
    /** The line search halves α down to this (11 tries: 1 … 2⁻¹⁰). */
    public static final double MIN_ALPHA = 0x1p-10;
    /** Accept a step whose actual reduction is at least this fraction of the predicted one. */
    public static final double SUFFICIENT_DECREASE = 1e-4;
    /** Stop when an accepted step changes J by less than this fraction of J. */
    public static final double COST_TOLERANCE = 1e-7;
    /** Stop when max_t |k_t| / (|u_t| + 1) falls below this. */
    public static final double GRADIENT_TOLERANCE = 1e-6;

    /** Why a run stopped. */
    public enum StopReason {
        COST_CHANGE("the cost stopped changing"),
        GRADIENT("the feed-forward step vanished"),
        REGULARISATION_LIMIT("no step lowered the cost even with μ at its limit"),
        MAX_ITERATIONS("the iteration limit was reached");

        private final String description;

        StopReason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /** Whether this counts as converged (rather than given up). */
        public boolean converged() {
            return this == COST_CHANGE || this == GRADIENT;
        }
    }

    /**
     * What one iteration did.
     *
     * @param number            1, 2, … within this start
     * @param accepted          whether the line search found a step
     * @param cost              J after the iteration
     * @param previousCost      J before it
     * @param mu                μ used by the backward pass that produced the step
     * @param alpha             the accepted α; NaN when no step was accepted
     * @param gradient          max_t |k_t| / (|u_t| + 1)
     * @param expectedReduction the reduction the quadratic model predicted for the accepted α (or α = 1)
     * @param stop              why the run stopped after this iteration; null if it goes on
     */
    public record Iteration(int number, boolean accepted, double cost, double previousCost, double mu, double alpha,
                            double gradient, double expectedReduction, StopReason stop) {}

    private final Dynamics model;
    private final QuadraticCost cost;
    private final int horizon;
    private final int n;
    private final int maxIterations;
    private final double[] x0;

    private double[][] xs;
    private double[] us;
    private double j;
    private double mu = MU_INITIAL;
    private int iterations;
    private StopReason stop;

    // Work arrays, reused every iteration.
    private final double[][][] a;
    private final double[][] b;
    private final double[] k;
    private final double[][] gains;

    /**
     * @param model           the dynamics iLQR plans with
     * @param cost            the stage cost
     * @param x0              the start state (copied)
     * @param initialControls u_0 … u_{T−1} to start from (copied, then clipped); T is its length
     * @param maxIterations   iterations before {@link StopReason#MAX_ITERATIONS}
     */
    public Ilqr(Dynamics model, QuadraticCost cost, double[] x0, double[] initialControls, int maxIterations) {
        this.model = Objects.requireNonNull(model, "model");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.n = model.stateSize();
        if (cost.stateSize() != n) throw new IllegalArgumentException("the cost weighs " + cost.stateSize()
                + " state entries; the system has " + n);
        if (x0.length != n) throw new IllegalArgumentException("x0 has " + x0.length + " entries, not " + n);
        if (initialControls.length == 0) throw new IllegalArgumentException("the horizon must be at least 1");
        IlqrSettings.MAX_ITERATIONS.validate(maxIterations);
        this.maxIterations = maxIterations;
        this.horizon = initialControls.length;
        this.x0 = x0.clone();
        a = new double[horizon][n][n];
        b = new double[horizon][n];
        k = new double[horizon];
        gains = new double[horizon][n];
        us = new double[horizon];
        for (int t = 0; t < horizon; t++) us[t] = model.clip(initialControls[t]);
        xs = new double[horizon + 1][n];
        j = rollout(us, xs);
        checkFinite(j, "the initial controls");
    }

    /** One iteration (see the class comment); does nothing once stopped. */
    public Iteration iterate() {
        if (stop != null) return new Iteration(iterations, false, j, j, mu, Double.NaN, 0, 0, stop);
        iterations++;
        double before = j;

        // 1. Linearise about the current trajectory.
        for (int t = 0; t < horizon; t++) model.jacobians(xs[t], us[t], a[t], b[t]);

        // 2. Backward pass, raising μ until every Q̃_uu is positive.
        double[] dv;
        while ((dv = backwardPass()) == null) {
            mu = Math.max(MU_MIN, mu * MU_FACTOR);
            if (mu > MU_MAX) return finish(StopReason.REGULARISATION_LIMIT, false, before, Double.NaN, 0, 0);
        }
        double gradient = gradient();
        if (gradient < GRADIENT_TOLERANCE) return finish(StopReason.GRADIENT, false, before, Double.NaN, gradient, 0);

        // 3. Forward pass with a backtracking line search over α.
        double[][] trialXs = new double[horizon + 1][n];
        double[] trialUs = new double[horizon];
        double expected = dv[0] + dv[1];
        for (double alpha = 1; alpha >= MIN_ALPHA; alpha /= 2) {
            double trialJ = forwardPass(alpha, trialXs, trialUs);
            expected = -(alpha * dv[0] + alpha * alpha * dv[1]);
            double actual = j - trialJ;
            if (Double.isFinite(trialJ) && actual > 0 && actual >= SUFFICIENT_DECREASE * expected) {
                // 4. Accept: keep the new trajectory, trust the quadratic model more.
                xs = trialXs;
                us = trialUs;
                j = trialJ;
                mu = mu / MU_FACTOR < MU_MIN ? 0 : mu / MU_FACTOR;
                StopReason reason = actual < COST_TOLERANCE * Math.abs(before) ? StopReason.COST_CHANGE : null;
                return finish(reason, true, before, alpha, gradient, expected);
            }
        }
        // 5. Reject: no α helped, so trust the model less.
        mu = Math.max(MU_MIN, mu * MU_FACTOR);
        StopReason reason = mu > MU_MAX ? StopReason.REGULARISATION_LIMIT : null;
        return finish(reason, false, before, Double.NaN, gradient, expected);
    }

    private Iteration finish(StopReason reason, boolean accepted, double before, double alpha, double gradient,
                             double expected) {
        if (reason == null && iterations >= maxIterations) reason = StopReason.MAX_ITERATIONS;
        stop = reason;
        return new Iteration(iterations, accepted, j, before, mu, alpha, gradient, expected, reason);
    }

    /**
     * Fills k and K from t = T−1 down to 0; returns {Σ k·Q_u, Σ ½k²·Q_uu} for the predicted reduction, or
     * null if some Q̃_uu ≤ 0.
     */
    private double[] backwardPass() {
        double[] vx = new double[n];
        double[][] vxx = new double[n][n];
        double[] lx = new double[n];
        double[] qx = new double[n];
        double[] qux = new double[n];
        double[] quxReg = new double[n];
        double[] vxxB = new double[n];
        double[][] vxxA = new double[n][n];
        double[][] qxx = new double[n][n];
        double limit = model.controlLimit();
        double dv1 = 0, dv2 = 0;
        for (int t = horizon - 1; t >= 0; t--) {
            double[][] at = a[t];
            double[] bt = b[t];
            double u = us[t];
            cost.gradient(xs[t], lx);
            double lu = 2 * cost.r() * u;
            double luu = 2 * cost.r();

            // Q_x, Q_u and the products V_xx·B, V_xx·A.
            double qu = lu;
            for (int i = 0; i < n; i++) {
                qu += bt[i] * vx[i];
                double s = 0;
                for (int m = 0; m < n; m++) s += at[m][i] * vx[m];
                qx[i] = lx[i] + s;
                double vb = 0;
                for (int m = 0; m < n; m++) vb += vxx[i][m] * bt[m];
                vxxB[i] = vb;
                for (int c = 0; c < n; c++) {
                    double va = 0;
                    for (int m = 0; m < n; m++) va += vxx[i][m] * at[m][c];
                    vxxA[i][c] = va;
                }
            }
            // Q_uu, Q_ux, Q_xx and their regularised versions.
            double quu = luu;
            double btb = 0;
            for (int i = 0; i < n; i++) {
                quu += bt[i] * vxxB[i];
                btb += bt[i] * bt[i];
            }
            for (int c = 0; c < n; c++) {
                double s = 0, ba = 0;
                for (int i = 0; i < n; i++) {
                    s += bt[i] * vxxA[i][c];
                    ba += bt[i] * at[i][c];
                }
                qux[c] = s;
                quxReg[c] = s + mu * ba;
                for (int r = 0; r < n; r++) {
                    double q = 0;
                    for (int i = 0; i < n; i++) q += at[i][r] * vxxA[i][c];
                    qxx[r][c] = (r == c ? 2 * cost.q(r) : 0) + q;
                }
            }
            double quuReg = quu + mu * btb;
            if (!(quuReg > 0)) return null;

            // The box-constrained QP in one dimension: clip the Newton step into the box.
            double step = -qu / quuReg;
            double kt;
            boolean clamped;
            if (u + step > limit) {
                kt = limit - u;
                clamped = true;
            } else if (u + step < -limit) {
                kt = -limit - u;
                clamped = true;
            } else {
                kt = step;
                clamped = false;
            }
            k[t] = kt;
            double[] gt = gains[t];
            for (int c = 0; c < n; c++) gt[c] = clamped ? 0 : -quxReg[c] / quuReg;

            // V_x and V_xx for t.
            for (int r = 0; r < n; r++) {
                vx[r] = qx[r] + gt[r] * quu * kt + gt[r] * qu + qux[r] * kt;
                for (int c = 0; c < n; c++) {
                    vxx[r][c] = qxx[r][c] + gt[r] * quu * gt[c] + gt[r] * qux[c] + qux[r] * gt[c];
                }
            }
            for (int r = 0; r < n; r++) {
                for (int c = r + 1; c < n; c++) {
                    double mean = 0.5 * (vxx[r][c] + vxx[c][r]);
                    vxx[r][c] = mean;
                    vxx[c][r] = mean;
                }
            }
            dv1 += kt * qu;
            dv2 += 0.5 * kt * kt * quu;
        }
        return new double[] {dv1, dv2};
    }

    private double gradient() {
        double max = 0;
        for (int t = 0; t < horizon; t++) max = Math.max(max, Math.abs(k[t]) / (Math.abs(us[t]) + 1));
        return max;
    }

    private double forwardPass(double alpha, double[][] newXs, double[] newUs) {
        System.arraycopy(x0, 0, newXs[0], 0, n);
        double total = 0;
        for (int t = 0; t < horizon; t++) {
            double u = us[t] + alpha * k[t];
            for (int i = 0; i < n; i++) u += gains[t][i] * (newXs[t][i] - xs[t][i]);
            u = model.clip(u);
            newUs[t] = u;
            total += cost.stage(newXs[t], u);
            model.step(newXs[t], u, newXs[t + 1]);
        }
        return total;
    }

    /** Rolls {@code controls} out from x0 into {@code states}; returns J. */
    private double rollout(double[] controls, double[][] states) {
        System.arraycopy(x0, 0, states[0], 0, n);
        double total = 0;
        for (int t = 0; t < horizon; t++) {
            total += cost.stage(states[t], controls[t]);
            model.step(states[t], controls[t], states[t + 1]);
        }
        return total;
    }

    private static void checkFinite(double cost, String what) {
        if (!Double.isFinite(cost)) {
            throw new DivergenceException("The cost of " + what + " is not finite: the rollout blew up.");
        }
    }

    /** Iterates until a stop reason applies; returns the final trajectory. */
    public Trajectory solve() {
        while (stop == null) iterate();
        return trajectory();
    }

    /** The current trajectory and its cost. */
    public Trajectory trajectory() {
        return new Trajectory(xs, us, j);
    }

    /** The current controls, a copy. */
    public double[] controls() {
        return us.clone();
    }

    /** K_t's rows of the last backward pass (feedback about the trajectory it was computed on), copies. */
    public double[][] feedbackGains() {
        double[][] copy = new double[horizon][];
        for (int t = 0; t < horizon; t++) copy[t] = gains[t].clone();
        return copy;
    }

    public double cost() {
        return j;
    }

    public double mu() {
        return mu;
    }

    public int iterations() {
        return iterations;
    }

    public int horizon() {
        return horizon;
    }

    /** Null while the run goes on. */
    public StopReason stopReason() {
        return stop;
    }

    public boolean stopped() {
        return stop != null;
    }
}
