package org.mbrllab.engine.dyna;

import java.util.random.RandomGenerator;
import org.mbrllab.engine.dp.Action;

/**
 * Tabular Dyna-Q (Sutton &amp; Barto 2018, §8.2, the box "Tabular Dyna-Q"):
 * <pre>
 *   Initialize Q(s, a) and Model(s, a) for all s ∈ S and a ∈ A(s)
 *   Loop forever:
 *     (a) S ← current (nonterminal) state
 *     (b) A ← ε-greedy(S, Q)
 *     (c) Take action A; observe resultant reward, R, and state, S′
 *     (d) Q(S, A) ← Q(S, A) + α [R + γ max_a Q(S′, a) − Q(S, A)]
 *     (e) Model(S, A) ← R, S′   (assuming deterministic environment)
 *     (f) Loop repeat n times:
 *           S ← random previously observed state
 *           A ← random action previously taken in S
 *           R, S′ ← Model(S, A)
 *           Q(S, A) ← Q(S, A) + α [R + γ max_a Q(S′, a) − Q(S, A)]
 * </pre>
 * Steps (a)–(c) are the run's ({@link DynaRun}); {@link #observe} does (d) and (e), {@link #planOnce} one
 * pass of (f). The planning sample is
 * two-stage as in the box, a state uniformly and then one of its tried actions uniformly, not uniform
 * over pairs: a state with one tried action is replayed as often as one with four. Both draws come from
 * the planning stream.
 */
public final class DynaQ extends TabularAgent {

    private final DeterministicModel model;

    DynaQ(int states, DynaConfig config, RandomGenerator acting, RandomGenerator planning) {
        super(states, config, acting, planning);
        this.model = new DeterministicModel(states);
    }

    @Override
    public void observe(int s, int a, double r, int next, long time) {
        // (d) Direct RL.
        backup(s, a, r, next);
        // (e) Model learning.
        model.record(s, a, r, next, time);
    }

    /** (f) One planning update: a random observed state, a random action tried there, the model's outcome. */
    @Override
    public int planOnce(long time) {
        if (model.isEmpty()) return -1;
        int ps = model.sampleState(planning);
        int pa = model.sampleAction(ps, planning);
        backup(ps, pa, model.reward(ps, pa), model.next(ps, pa));
        planningUpdates++;
        return ps * Action.COUNT + pa;
    }

    @Override
    public DeterministicModel model() { return model; }
}
