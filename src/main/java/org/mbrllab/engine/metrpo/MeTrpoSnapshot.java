package org.mbrllab.engine.metrpo;

import java.util.List;

/**
 * What one moment of an ME-TRPO run (or of its model-free baseline) looks like: copies only, safe to hand
 * to another thread.
 *
 * @param phase            what the next {@link MeTrpo#step()} does
 * @param outerIteration   outer iterations begun (1 during the first collection)
 * @param realSteps        real transitions collected for training (evaluation episodes are not counted)
 * @param imaginedSteps    imagined transitions TRPO has learned from, over the whole run
 * @param policyIterations TRPO iterations over the whole run
 * @param phaseIterations  TRPO iterations in the current (or last) policy phase
 * @param evaluations      one per outer iteration (model-free: one per TRPO iteration)
 * @param checks           the validation rule's checks in the current (or last) policy phase
 * @param steps            the trust-region steps of the current (or last) policy phase
 * @param imagined         the mean policy rolled out in the models from the first evaluation start, with the
 *                         member of each step; null before the first evaluation or when model-free
 * @param real             the same policy from the same start on the real system; null before the first
 *                         evaluation
 * @param fitEpochs        epochs of the last model fit (0 before the first)
 * @param failure          why the run stopped early (a diverging model or policy), or null
 */
public record MeTrpoSnapshot(MeTrpoSettings settings, MeTrpo.Phase phase, int outerIteration, int realSteps,
                             long imaginedSteps, int policyIterations, int phaseIterations,
                             List<Evaluation> evaluations, List<PhaseCheck> checks, List<PhaseStep> steps,
                             Rollout imagined, Rollout real, int fitEpochs, String failure) {

    public MeTrpoSnapshot {
        evaluations = List.copyOf(evaluations);
        checks = List.copyOf(checks);
        steps = List.copyOf(steps);
    }

    /**
     * One evaluation of the mean policy on the real system, as the command line prints it.
     *
     * @param realReturn       the mean return over the fixed evaluation starts
     * @param policyIterations TRPO iterations so far
     * @param imaginedSteps    imagined transitions so far
     * @param returns          the return from each start
     */
    public record Evaluation(int outerIteration, int realSteps, double realReturn, int policyIterations,
                             long imaginedSteps, double[] returns) {}

    /** A validation check made after {@code iteration} TRPO iterations of the phase (0: before the first). */
    public record PhaseCheck(int iteration, ValidationRule.Check check) {}

    /** The trust-region step of TRPO iteration {@code iteration} of the phase, and the mean return it sampled. */
    public record PhaseStep(int iteration, TrustRegion.Step step, double sampledReturn) {}

    /**
     * A rollout of the mean policy: states s_0 … s_T, actions (clipped) a_0 … a_{T−1}, the member that
     * answered each step (−1 for the real system or the ensemble mean), and the return.
     */
    public record Rollout(double[][] states, double[] actions, int[] members, double totalReward) {}

    public boolean done() {
        return phase == MeTrpo.Phase.DONE;
    }

    /** The latest evaluation's mean return, or NaN before the first. */
    public double lastReturn() {
        return evaluations.isEmpty() ? Double.NaN : evaluations.get(evaluations.size() - 1).realReturn();
    }
}
