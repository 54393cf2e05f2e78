package org.mbrllab.engine.metrpo;

import java.util.Arrays;

/**
 * ME-TRPO's stopping rule for a policy phase (Kurutach et al. 2018, §4.3, as the authors' code applies
 * it): every {@value #EVERY} policy iterations the mean policy is rolled out in each of the K models from
 * fixed validation starts, giving scores η̂(θ; φ_k). Compared with the scores at the last save:
 * <ul>
 *   <li>if more than 30 % of the models say the policy got worse, count a failure;</li>
 *   <li>otherwise save the policy and these scores, and reset the failures to 0;</li>
 *   <li>after {@value #PATIENCE} failures in a row ({@value #EVERY} × {@value #PATIENCE} iterations), stop
 *       the phase and restore the last saved policy.</li>
 * </ul>
 * The first check of a phase always saves (there is nothing to compare with). With K = 1 the rule is the
 * single model's say: any decline is a failure.
 */
public final class ValidationRule {

    /** Policy iterations between checks. */
    public static final int EVERY = 5;
    /** Failures in a row that stop the phase. */
    public static final int PATIENCE = 5;
    /** The share of models that must see an improvement (or no decline) for a save. */
    public static final double IMPROVED_SHARE = 0.7;

    private double[] savedScores;
    private double[] savedPolicy;
    private int failures;
    private boolean stopped;

    /** What one check decided. */
    public enum Verdict { SAVED, FAILED, STOPPED }

    /** One check: per-model scores and the share that did not get worse, and the decision. */
    public record Check(double[] scores, double improvedShare, Verdict verdict, int failures) {}

    /**
     * Checks {@code policy} (θ as a flat vector) with its per-model {@code scores}.
     *
     * @throws IllegalStateException after the rule has stopped the phase
     */
    public Check check(double[] policy, double[] scores) {
        if (stopped) throw new IllegalStateException("the policy phase has stopped; start a new rule for the next");
        if (savedScores != null && scores.length != savedScores.length) {
            throw new IllegalArgumentException(scores.length + " scores, but " + savedScores.length + " models were saved");
        }
        double share = 1;
        if (savedScores != null) {
            int improved = 0;
            for (int k = 0; k < scores.length; k++) if (scores[k] >= savedScores[k]) improved++;
            share = improved / (double) scores.length;
        }
        // "More than 30 % say worse" is "fewer than 70 % say not worse".
        if (savedScores == null || share >= IMPROVED_SHARE) {
            savedScores = scores.clone();
            savedPolicy = policy.clone();
            failures = 0;
            return new Check(scores.clone(), share, Verdict.SAVED, 0);
        }
        failures++;
        if (failures >= PATIENCE) {
            stopped = true;
            return new Check(scores.clone(), share, Verdict.STOPPED, failures);
        }
        return new Check(scores.clone(), share, Verdict.FAILED, failures);
    }

    /** The policy to keep when the phase ends: the last saved one (a copy); null before the first check. */
    public double[] savedPolicy() {
        return savedPolicy == null ? null : savedPolicy.clone();
    }

    /** The per-model scores at the last save. */
    public double[] savedScores() {
        return savedScores == null ? null : savedScores.clone();
    }

    public boolean stopped() { return stopped; }

    public int failures() { return failures; }

    @Override
    public String toString() {
        return "ValidationRule[failures=" + failures + ", saved=" + Arrays.toString(savedScores) + "]";
    }
}
