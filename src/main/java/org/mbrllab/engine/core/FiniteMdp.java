package org.mbrllab.engine.core;

import java.util.List;

/**
 * A finite Markov decision process with known dynamics: states 0 … |S|−1, actions 0 … |A|−1, the
 * transition probabilities p(s' | s, a) with their rewards, and the discount γ. This is what dynamic
 * programming needs to read; nothing is sampled.
 */
public interface FiniteMdp {

    /** |S|. */
    int states();

    /** |A|. */
    int actions();

    /** γ in [0, 1]. */
    double gamma();

    /** Whether s is backed up at all (false for terminal states and cells that are not states). */
    boolean backedUp(int s);

    /** The successors of (s, a) with p(s' | s, a) > 0 and the reward of each transition. */
    List<Outcome> outcomes(int s, int a);

    /** One successor: s', its probability and the reward r(s, a, s'). */
    record Outcome(int next, double prob, double reward) {}
}
