package org.mbrllab.engine.dreamer;

/**
 * One real episode of the Dreamer agent's acting loop.
 *
 * @param episode          its number, from 1
 * @param random           whether it was a seed episode of random torques (else the actor acted, with noise)
 * @param realReturn       its return in the real pixel pendulum, Σ_t r_t over {@value PixelPendulum#EPISODE_STEPS} steps
 * @param envSteps         agent steps in the environment so far, this episode's included
 * @param modelUpdates     world-model updates done before it was collected
 * @param behaviourUpdates actor-and-critic updates done before it was collected
 */
public record DreamerEpisode(int episode, boolean random, double realReturn, int envSteps, int modelUpdates,
                             int behaviourUpdates) {}
