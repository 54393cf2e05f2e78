package org.mbrllab.app.lessons.dreamer;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mbrllab.engine.dreamer.FrozenRssm;
import org.mbrllab.engine.dreamer.Imagination;
import org.mbrllab.engine.dreamer.OpenLoop;
import org.mbrllab.engine.dreamer.TrainingCurve;

/**
 * The behaviour view's model: a batch of {@value #TILES} imagined trajectories of {@value #HORIZON} steps, as
 * Dreamer's behaviour learning imagines them, each from the posterior state after the {@value #CONTEXT}
 * context frames of one held-out sequence (sequences 1 … {@value #TILES}, the strip's windows), acting with the
 * file's actor (its mean action) or, without one, with the sequence's true torques; every imagined state
 * decoded, so that the trajectories can be watched. Beside them, the file's training curve, if it has one.
 * Computed when the model changes ({@value #TILES} × {@value #HORIZON} steps and decodes of the small model,
 * some milliseconds), on whatever thread calls {@link #compute}; shown on the FX thread.
 */
final class BehaviourViewModel {
    /** Trajectories in the grid (4 × 4). */
    static final int TILES = 16;
    /** Imagined steps of each (Dreamer's H). */
    static final int HORIZON = OpenLoop.HORIZON;
    /** Context frames filtered before each start. */
    static final int CONTEXT = OpenLoop.CONTEXT;

    /**
     * One trajectory of the grid.
     *
     * @param sequence  the held-out sequence it starts in, from 0
     * @param frames    the decoded states s_0 … s_H (s_0 the start: the last context frame as the model saw it)
     * @param torques   u_0 … u_{H−1}
     * @param rewardSum Σ r̂_t, the imagined return of the H steps
     */
    record Tile(int sequence, List<float[]> frames, double[] torques, double rewardSum) {}

    /**
     * What the view shows.
     *
     * @param tiles     the trajectories
     * @param byActor   whether the actor picked the torques
     * @param note      how the torques were picked, for the caption
     * @param curve     the file's training curve, or null
     * @param curveNote why there is none ("" with one)
     */
    record Behaviour(List<Tile> tiles, boolean byActor, String note, TrainingCurve curve, String curveNote) {}

    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private final ReadOnlyObjectWrapper<Behaviour> behaviour = new ReadOnlyObjectWrapper<>(this, "behaviour");

    ReadOnlyObjectProperty<Behaviour> behaviourProperty() { return behaviour.getReadOnlyProperty(); }

    void setModel(ModelInUse m) {
        show(m == null ? null : compute(m));
    }

    /** Shows a batch computed by {@link #compute} (or nothing, for null). */
    void show(Behaviour b) {
        behaviour.set(b);
    }

    /** The batch for a model in use: plain Java, on any thread. */
    static Behaviour compute(ModelInUse m) {
        FrozenRssm model = m.networks().model();
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < TILES; i++) {
            DreamerViewModel.Window w = DreamerViewModel.window(i, CONTEXT);
            FrozenRssm.State start = DreamerViewModel.filter(model, m.heldOut(), w);
            Imagination.Trajectory t = m.hasActor() ? Imagination.withActor(model, m.actor(), start, HORIZON)
                    : Imagination.withTorques(model, start, DreamerViewModel.trueTorques(m.heldOut(), w, HORIZON));
            List<float[]> frames = new ArrayList<>();
            for (FrozenRssm.State s : t.states()) frames.add(model.decode(s));
            tiles.add(new Tile(i, List.copyOf(frames), t.torques(), t.rewardSum()));
        }
        String note = m.hasActor() ? "Each tile acts with the file's actor (its mean action) at every imagined step, from the "
                + "start state of a held-out sequence."
                : capitalised(m.actorNote()) + ": each tile imagines its held-out sequence's own torques, not a policy's.";
        return new Behaviour(List.copyOf(tiles), m.hasActor(), note, m.curve(), m.curveNote());
    }
}
