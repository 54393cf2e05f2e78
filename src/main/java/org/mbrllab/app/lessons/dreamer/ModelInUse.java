package org.mbrllab.app.lessons.dreamer;

import java.util.Objects;
import java.util.Optional;

import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.FrozenActor;
import org.mbrllab.engine.dreamer.Imagination;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.TrainingCurve;

/**
 * What every view of the pane works from: the network file in use, its held-out episodes, and what the file
 * carries beyond the world model (an actor and critic, a training curve), or why not. Immutable: the
 * networks, the episodes and the frozen actor change nothing after construction.
 *
 * @param networks  the file in use
 * @param heldOut   its held-out episodes ({@code DreamerData.heldOut(seed)})
 * @param actor     the file's actor and critic, or null
 * @param actorNote why there is no actor (no sections, or sections that do not fit); "" with one
 * @param curve     the file's training curve, or null
 * @param curveNote why there is no curve; "" with one
 */
record ModelInUse(DreamerNetworks networks, PixelEpisodes heldOut, FrozenActor actor, String actorNote,
                  TrainingCurve curve, String curveNote) {
    ModelInUse {
        Objects.requireNonNull(networks, "networks");
        Objects.requireNonNull(heldOut, "heldOut");
    }

    /** Reads the actor, the critic and the curve out of {@code n}'s sections; a broken section is noted, not thrown. */
    static ModelInUse of(DreamerNetworks n, PixelEpisodes heldOut) {
        FrozenActor actor = null;
        String actorNote;
        try {
            Optional<FrozenActor> a = Imagination.behaviour(n);
            actor = a.orElse(null);
            actorNote = a.isPresent() ? "" : "this model file has no actor or critic";
        } catch (IllegalArgumentException e) {
            actorNote = "this model file's actor and critic cannot be used (" + e.getMessage() + ")";
        }
        TrainingCurve curve = null;
        String curveNote;
        try {
            Optional<TrainingCurve> c = TrainingCurve.of(n);
            curve = c.orElse(null);
            curveNote = c.isPresent() ? "" : "no training curve in this file";
        } catch (IllegalArgumentException e) {
            curveNote = "this file's training curve cannot be read (" + e.getMessage() + ")";
        }
        return new ModelInUse(n, heldOut, actor, actorNote, curve, curveNote);
    }

    boolean hasActor() {
        return actor != null;
    }
}
