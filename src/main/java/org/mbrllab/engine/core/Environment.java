package org.mbrllab.engine.core;

import java.util.random.RandomGenerator;

/**
 * An environment an agent acts in, one transition at a time. Randomness is passed in, so that a seed
 * fixes every sampled outcome.
 *
 * @param <S> the state type
 * @param <A> the action type
 */
public interface Environment<S, A> {

    /** A starting state. */
    S reset(RandomGenerator rng);

    /** Samples s' and r from p(s', r | s, a). */
    Transition<S> step(S state, A action, RandomGenerator rng);

    /** One sampled step: the next state, its reward, and whether the episode ended there. */
    record Transition<S>(S next, double reward, boolean terminal) {}
}
