package org.mbrllab.engine.dyna;

import java.util.random.RandomGenerator;
import org.mbrllab.engine.dp.Action;

/**
 * Dyna-Q+ (Sutton &amp; Barto 2018, §8.3): Dyna-Q whose simulated rewards carry an exploration bonus,
 * <pre>
 *   planning reward = r + κ √τ,
 * </pre>
 * where r is the modelled reward and τ the number of real time steps since (S, A) was last tried. τ is a
 * global count over the run, never reset when an episode ends, so a pair left alone long enough looks
 * worth trying again, which is how the agent notices a world that changed.
 *
 * <p>The book's footnote adds two rules, followed here: actions never tried in a visited state may be
 * chosen in planning, and their model is "back to the same state with reward 0". So when a state is
 * first visited, every untried action in it is modelled as staying put with reward 0 and last tried at
 * time 0 (τ = the whole run so far). The real (direct RL) update uses the real reward, without bonus.
 * <pre>
 *   (d) Q(S, A) ← Q(S, A) + α [R + γ max_a Q(S′, a) − Q(S, A)]
 *   (e) Model(S, A) ← R, S′; last tried(S, A) ← t; on a first visit to S, Model(S, b) ← 0, S for untried b
 *   (f) n times: S ← random observed state; A ← random action of S (all four are known);
 *       R, S′ ← Model(S, A); Q(S, A) ← Q(S, A) + α [R + κ√τ(S, A) + γ max_a Q(S′, a) − Q(S, A)]
 * </pre>
 */
public final class DynaQPlus extends TabularAgent {

    private final DeterministicModel model;

    DynaQPlus(int states, DynaConfig config, RandomGenerator acting, RandomGenerator planning) {
        super(states, config, acting, planning);
        this.model = new DeterministicModel(states);
    }

    @Override
    public void observe(int s, int a, double r, int next, long time) {
        // (d) Direct RL, on the real reward.
        backup(s, a, r, next);
        // (e) Model learning, with the footnote's "stay, reward 0" for the untried actions.
        model.record(s, a, r, next, time);
        model.assumeStay(s);
    }

    /** (f) One planning update with the bonus κ√τ. */
    @Override
    public int planOnce(long time) {
        if (model.isEmpty()) return -1;
        int ps = model.sampleState(planning);
        int pa = model.sampleAction(ps, planning);
        backup(ps, pa, model.reward(ps, pa) + bonus(ps, pa, time), model.next(ps, pa));
        planningUpdates++;
        return ps * Action.COUNT + pa;
    }

    /** κ√τ for (s, a) at real time {@code time}: τ real steps since the pair was last tried. */
    public double bonus(int s, int a, long time) {
        return config.kappa() * Math.sqrt(time - model.lastTried(s, a));
    }

    @Override
    public DeterministicModel model() { return model; }
}
