package org.mbrllab.app.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} snapshots a view-model published, for a {@link Scrubber} when the engine keeps
 * no history of its own (an MCTS search keeps only its tree). Snapshots are immutable copies already, so
 * keeping references is safe and costs no copying. Each snapshot has an index that counts from the first
 * one ever recorded, so an index stays valid while older ones are dropped. FX thread only.
 *
 * @param <S> the snapshot type
 */
public final class SnapshotHistory<S> {

    private final int capacity;
    private final List<S> kept = new ArrayList<>();
    /** The index of the oldest snapshot kept. */
    private int first;

    /** @param capacity snapshots kept, at least 1 */
    public SnapshotHistory(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        this.capacity = capacity;
    }

    /** Keeps {@code snapshot} as the newest, dropping the oldest past the capacity; null is ignored. */
    public void record(S snapshot) {
        if (snapshot == null || (!kept.isEmpty() && kept.get(kept.size() - 1) == snapshot)) return;
        kept.add(snapshot);
        if (kept.size() > capacity) {
            kept.remove(0); // a few hundred references moved: nothing beside a redraw
            first++;
        }
    }

    /** Forgets every snapshot; indices go on counting. */
    public void clear() {
        first += kept.size();
        kept.clear();
    }

    public boolean isEmpty() {
        return kept.isEmpty();
    }

    public int size() {
        return kept.size();
    }

    public int capacity() {
        return capacity;
    }

    /** The index of the oldest snapshot kept. */
    public int first() {
        return first;
    }

    /** The index of the newest snapshot kept ({@code first() - 1} when empty). */
    public int last() {
        return first + kept.size() - 1;
    }

    /** The newest snapshot kept, or null. */
    public S newest() {
        return kept.isEmpty() ? null : kept.get(kept.size() - 1);
    }

    /** The snapshot with index {@code index}, or null if it is not (or no longer) kept. */
    public S get(int index) {
        int i = index - first;
        if (i < 0 || i >= kept.size()) return null;
        return kept.get(i);
    }

    /** The kept snapshots, oldest first (a copy). */
    public List<S> snapshots() {
        return List.copyOf(kept);
    }
}
