package org.mbrllab.engine.dreamer;

import java.util.List;

/**
 * What a view of the Dreamer agent needs, copied.
 *
 * @param episodes   every real episode so far, in order
 * @param updates    updates done (each one of the world model and one of the actor and critic)
 * @param modelLoss  the world model's loss parts at the last update ({@link RssmUpdate}), or null before it
 * @param behaviour  {actor loss, critic loss, mean V_λ, mean imagined reward} at the last update, or null
 * @param done       whether the configured episodes have all been collected
 */
public record DreamerSnapshot(List<DreamerEpisode> episodes, int updates, RssmUpdate modelLoss, double[] behaviour,
                              boolean done) {
    public DreamerSnapshot {
        episodes = List.copyOf(episodes);
        behaviour = behaviour == null ? null : behaviour.clone();
    }

    @Override
    public double[] behaviour() {
        return behaviour == null ? null : behaviour.clone();
    }
}
