package org.mbrllab.engine.dp;

import java.util.List;

/**
 * One state's backup written out: the numbers behind V(s) ← max_a q(s, a) (value iteration, policy
 * improvement) or V(s) ← Σ_a π(a|s)·q(s, a) (policy evaluation). Built only when the solver steps one
 * backup at a time.
 *
 * @param state    the state s backed up
 * @param oldValue V(s) before the backup
 * @param newValue V(s) after it (equal to {@code oldValue} in a policy-improvement step, which changes
 *                 the policy, not V)
 * @param usesMax  true for the max over actions (value iteration, improvement); false for the
 *                 expectation over π(a|s) (evaluation)
 * @param terms    one entry per action, in action order
 * @param gamma    γ used
 */
public record BackupDetail(int state, double oldValue, double newValue, boolean usesMax, List<ActionTerm> terms,
                           double gamma) {

    public BackupDetail {
        terms = List.copyOf(terms);
    }
}
