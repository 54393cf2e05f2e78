package org.mbrllab.engine.dp;

/**
 * Value iteration (Sutton &amp; Barto 2018, section 4.4, equation 4.10): the Bellman optimality equation
 * turned into an update,
 * <pre>
 *   V(s) ← max_a Σ_{s', r} p(s', r | s, a) [r + γ V(s')]
 * </pre>
 * applied to every non-terminal state, sweep after sweep, until a sweep changes no value by θ or more.
 * For γ &lt; 1 the update is a γ-contraction in the max norm, so V converges to v* from any start; the
 * greedy policy with respect to the final V is then optimal (up to the {@link DpSolver#TIE_TOLERANCE}
 * of ties).
 *
 * <p>{@code iterations} counts sweeps, including the last one, whose max|ΔV| was below θ.
 */
final class ValueIteration extends DpSolver {

    ValueIteration(GridWorld world, DpSettings settings) {
        super(Algorithm.VALUE_ITERATION, world, settings);
    }

    @Override
    double backup(int s, double[] read) {
        transitionTerms += mdp.first[(s + 1) * Action.COUNT] - mdp.first[s * Action.COUNT];
        return bestQ(mdp, s, read);
    }

    /**
     * max_a q(s, a) for backed-up state {@code s}, reading {@code read}: the backup of value iteration,
     * shared by the general sweep and the other cells of a {@link GridStencil} so that both add the same
     * terms in the same order.
     */
    static double bestQ(TabularMdp m, int s, double[] read) {
        int[] first = m.first;
        int[] next = m.next;
        double[] prob = m.prob;
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < Action.COUNT; a++) {
            // 1. q(s, a) = r(s, a) + γ Σ_{s'} p(s'|s, a) V(s')
            int sa = s * Action.COUNT + a;
            double acc = 0;
            for (int k = first[sa]; k < first[sa + 1]; k++) acc += prob[k] * read[next[k]];
            double q = m.expectedReward[sa] + m.gamma * acc;
            // 2. V(s) = max_a q(s, a)
            if (q > best) best = q;
        }
        return best;
    }

    @Override
    boolean sweepsAsStencil() {
        return true;
    }

    @Override
    void valueSweepDone(double delta) {
        // 3. Stop when the largest change of the sweep is below θ.
        iterations++;
        if (belowTolerance(delta)) {
            converged = true;
            done = true;
        }
    }

    @Override
    boolean usesMax() {
        return true;
    }

    @Override
    int policyMask(int s) {
        return ALL_ACTIONS;
    }

    @Override
    int[] boundedPolicy() {
        return null;
    }
}
