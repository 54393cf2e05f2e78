package org.mbrllab.engine.dp;

import java.util.List;

/**
 * One action's part of a backup, for the explain panel:
 * q(s, a) = Σ_{s'} p(s'|s, a)·[r + γ·V(s')].
 *
 * @param action   the action a
 * @param weight   π(a|s) in an expectation backup; NaN when the backup takes the max over actions
 * @param q        q(s, a) computed from the values the backup read
 * @param outcomes the outcomes (s', p, r, V(s')) that make up q
 */
public record ActionTerm(Action action, double weight, double q, List<Term> outcomes) {

    public ActionTerm {
        outcomes = List.copyOf(outcomes);
    }

    /** One outcome: next state s', its probability, its reward and the value V(s') the backup read. */
    public record Term(int next, double prob, double reward, double nextValue) {}
}
