package org.mbrllab.engine.run;

/**
 * Anything a pane animates: it advances by one unit of work and describes itself in an immutable
 * snapshot. An engine is confined to one thread at a time; only snapshots cross threads.
 *
 * @param <S> the snapshot type; it must be immutable and hold copies, never live arrays
 */
public interface Engine<S> {

    /**
     * Advances by one unit of work (one backup, one sweep, one simulation …).
     *
     * @return false when there is nothing left to do (converged, finished); a later reconfiguration may
     *         make work again
     * @throws DivergenceException when the numbers stop being finite
     */
    boolean step();

    /** Whether the last {@link #step()} found nothing left to do. */
    boolean isDone();

    /** An immutable copy of what a view needs to draw. */
    S snapshot();
}
