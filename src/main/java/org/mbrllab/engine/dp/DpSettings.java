package org.mbrllab.engine.dp;

import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * How a {@link DpSolver} runs. The compact constructor checks every field and names the field, the
 * value and the allowed range when one is wrong.
 *
 * @param sweep           synchronous (two arrays) or in place (Gauss–Seidel, row-major)
 * @param granularity     how much one {@link DpSolver#step()} does: one backup or one sweep
 * @param tolerance       θ: a sweep whose largest change max|ΔV| is below θ ends the evaluation (or value
 *                        iteration); in [0, 1]; 0 runs until an exact fixed point or
 *                        {@code maxIterations}
 * @param maxIterations   most iterations (sweeps; for policy iteration, improvements, and also the
 *                        sweeps of one evaluation) before the solver stops unconverged
 * @param evaluatedPolicy the policy that {@link Algorithm#POLICY_EVALUATION} evaluates
 */
public record DpSettings(Sweep sweep, Granularity granularity, double tolerance, int maxIterations,
                         EvaluatedPolicy evaluatedPolicy) {

    public static final ParameterSpec TOLERANCE = ParameterSpec.real("tolerance", "θ (tolerance)", 0, 1, 1e-10,
            "A sweep whose largest value change is below θ counts as converged.");
    public static final ParameterSpec MAX_ITERATIONS = ParameterSpec.whole("max_iterations", "most iterations",
            1, 100_000_000, 100_000, "The solver stops here even if it has not converged.");

    public DpSettings {
        Objects.requireNonNull(sweep, "sweep");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(evaluatedPolicy, "evaluatedPolicy");
        TOLERANCE.validate(tolerance);
        MAX_ITERATIONS.validate(maxIterations);
    }

    /** Synchronous sweeps, one sweep per step, θ = 1e-10, at most 100 000 iterations, the random policy. */
    public static DpSettings defaults() {
        return new DpSettings(Sweep.SYNCHRONOUS, Granularity.SWEEP, TOLERANCE.defaultValue(),
                (int) MAX_ITERATIONS.defaultValue(), EvaluatedPolicy.RANDOM);
    }

    /** The numeric settings, for sliders and command-line range messages. */
    public static List<ParameterSpec> specs() {
        return List.of(TOLERANCE, MAX_ITERATIONS);
    }

    public DpSettings withSweep(Sweep s) {
        return new DpSettings(s, granularity, tolerance, maxIterations, evaluatedPolicy);
    }

    public DpSettings withGranularity(Granularity g) {
        return new DpSettings(sweep, g, tolerance, maxIterations, evaluatedPolicy);
    }

    public DpSettings withTolerance(double t) {
        return new DpSettings(sweep, granularity, t, maxIterations, evaluatedPolicy);
    }

    public DpSettings withMaxIterations(int n) {
        return new DpSettings(sweep, granularity, tolerance, n, evaluatedPolicy);
    }

    public DpSettings withEvaluatedPolicy(EvaluatedPolicy p) {
        return new DpSettings(sweep, granularity, tolerance, maxIterations, p);
    }
}
