package org.mbrllab.engine.dyna;

import java.util.random.RandomGenerator;

/**
 * One-step tabular Q-learning (Sutton &amp; Barto 2018, §6.5), the "direct RL" part of Dyna alone: Dyna-Q
 * with n = 0. It keeps no model and draws nothing from the planning stream.
 * <pre>
 *   1. A ← ε-greedy(S, Q)                                (done by {@link #act})
 *   2. take A, observe R, S′                             (done by the run)
 *   3. Q(S, A) ← Q(S, A) + α [R + γ max_a Q(S′, a) − Q(S, A)]
 * </pre>
 */
public final class QLearning extends TabularAgent {

    QLearning(int states, DynaConfig config, RandomGenerator acting, RandomGenerator planning) {
        super(states, config, acting, planning);
    }

    @Override
    public void observe(int s, int a, double r, int next, long time) {
        // 3. Direct RL.
        backup(s, a, r, next);
    }

    /** Q-learning has no model: nothing to plan. */
    @Override
    public int planOnce(long time) {
        return -1;
    }

    @Override
    public DeterministicModel model() { return null; }
}
