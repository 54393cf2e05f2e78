package org.mbrllab.engine.dp;

/**
 * Iterative policy evaluation (Sutton &amp; Barto 2018, section 4.1, equation 4.5): the Bellman
 * expectation equation for a fixed policy π turned into an update,
 * <pre>
 *   V(s) ← Σ_a π(a|s) Σ_{s', r} p(s', r | s, a) [r + γ V(s')]
 * </pre>
 * applied to every non-terminal state, sweep after sweep, until a sweep changes no value by θ or more.
 * V converges to v_π whenever v_π exists (γ &lt; 1, or γ = 1 and π ends every episode).
 *
 * <p>π is the equiprobable random policy (π(a|s) = 1/4; Figures 3.2 and 4.1), or, with
 * {@link EvaluatedPolicy#GREEDY}, the greedy policy with respect to the values the evaluation starts from,
 * uniform over tied actions. {@code iterations} counts sweeps, including the last one; with synchronous
 * sweeps, the values after k sweeps are the v_k of Figure 4.1.
 */
final class PolicyEvaluation extends DpSolver {

    /** π as a bitmask per state, uniform over the set bits. */
    private int[] policy;

    PolicyEvaluation(GridWorld world, DpSettings settings) {
        super(Algorithm.POLICY_EVALUATION, world, settings);
        policy = initialPolicy();
    }

    private int[] initialPolicy() {
        return evaluatedPolicy == EvaluatedPolicy.RANDOM ? randomPolicy(mdp) : greedyMasks(mdp, v);
    }

    @Override
    double backup(int s, double[] read) {
        // 1. V(s) = Σ_a π(a|s) q(s, a)
        return expectedValue(s, policy[s], read);
    }

    @Override
    void valueSweepDone(double delta) {
        // 2. Stop when the largest change of the sweep is below θ.
        iterations++;
        if (belowTolerance(delta)) {
            converged = true;
            done = true;
        }
    }

    @Override
    boolean usesMax() {
        return false;
    }

    @Override
    int policyMask(int s) {
        return policy[s];
    }

    @Override
    int[] boundedPolicy() {
        return policy;
    }

    @Override
    void worldChanged(int[] oldIndex, TabularMdp oldMdp) {
        policy = initialPolicy();
    }
}
