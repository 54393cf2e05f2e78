package org.mbrllab.engine.dp;

/**
 * Policy iteration (Sutton &amp; Barto 2018, section 4.3, the algorithm box on p. 80): starting from the
 * equiprobable random policy π₀, repeat
 * <ol>
 *   <li><b>Evaluation</b>: sweep V(s) ← Σ_a π(a|s) Σ_{s', r} p(s', r | s, a) [r + γ V(s')] until a sweep
 *       changes no value by θ or more (V starts from the previous policy's values);</li>
 *   <li><b>Improvement</b>: in every state, π'(s) = the set of actions whose
 *       q(s, a) = Σ p [r + γ V(s')] lies within {@link DpSolver#TIE_TOLERANCE} of the best,</li>
 * </ol>
 * until the policy is stable.
 *
 * <h2>Ties (a departure from the book)</h2>
 * A policy here is a set of tied best actions, followed uniformly. The book's test "π'(s) = π(s) in every
 * state" can cycle forever between equally good actions (Exercise 4.4). Here a state counts as stable
 * when every action of its old set is still among the best; only unstable states take the new set. The
 * policy improvement theorem still holds (stable states keep q = v_π, unstable ones gain), so the loop
 * ends, and it ends without oscillating.
 *
 * <p>{@code iterations} counts improvements, including the last one that changed nothing;
 * {@code policyChanges} records how many states changed at each. An evaluation that has not converged
 * after {@code maxIterations} sweeps stops the solver unconverged.
 */
final class PolicyIteration extends DpSolver {

    private enum Phase { EVALUATION, IMPROVEMENT }

    /** π as a bitmask per state, uniform over the set bits. */
    private int[] policy;
    private Phase phase = Phase.EVALUATION;
    private int phaseSweeps;
    private int changes;
    private final double[] q = new double[Action.COUNT];

    PolicyIteration(GridWorld world, DpSettings settings) {
        super(Algorithm.POLICY_ITERATION, world, settings);
        policy = randomPolicy(mdp);
    }

    // ---------------------------------------------------------------- 1. evaluation

    @Override
    double backup(int s, double[] read) {
        return expectedValue(s, policy[s], read);
    }

    @Override
    void valueSweepDone(double delta) {
        phaseSweeps++;
        if (belowTolerance(delta)) {
            phase = Phase.IMPROVEMENT;
            changes = 0;
        } else if (phaseSweeps >= maxIterations()) {
            done = true;
        }
    }

    // ---------------------------------------------------------------- 2. improvement

    @Override
    boolean improving() {
        return phase == Phase.IMPROVEMENT;
    }

    @Override
    void improve(int s) {
        int best = greedyMask(mdp, s, v, q);
        transitionTerms += mdp.first[(s + 1) * Action.COUNT] - mdp.first[s * Action.COUNT];
        if ((policy[s] & ~best) != 0) {
            policy[s] = best;
            changes++;
        }
    }

    @Override
    void improvementSweepDone() {
        iterations++;
        policyChanges.add(changes);
        if (changes == 0) {
            converged = true;
            done = true;
        } else {
            phase = Phase.EVALUATION;
            phaseSweeps = 0;
            recheckBounds();
        }
    }

    // ---------------------------------------------------------------- bookkeeping

    @Override
    boolean usesMax() {
        return phase == Phase.IMPROVEMENT;
    }

    @Override
    String phase() {
        return phase == Phase.EVALUATION ? "evaluation" : "improvement";
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
        int[] kept = new int[mdp.states];
        for (int s : mdp.order) {
            boolean same = oldIndex[s] >= 0 && oldMdp.backedUp(oldIndex[s]);
            kept[s] = same ? policy[oldIndex[s]] : ALL_ACTIONS;
        }
        policy = kept;
        phase = Phase.EVALUATION;
        phaseSweeps = 0;
    }

    @Override
    void reopened() {
        phase = Phase.EVALUATION;
        phaseSweeps = 0;
    }
}
