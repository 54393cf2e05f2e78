package org.mbrllab.engine.dp;

/** Which policy {@link Algorithm#POLICY_EVALUATION} evaluates. */
public enum EvaluatedPolicy {
    /** The equiprobable random policy: π(a|s) = 1/4 for every action (Figure 4.1, Figure 3.2). */
    RANDOM,
    /**
     * The greedy policy with respect to the values the evaluation starts from (all zero for a new
     * solver; the kept values after {@link DpSolver#setWorld}), uniform over tied best actions.
     */
    GREEDY
}
