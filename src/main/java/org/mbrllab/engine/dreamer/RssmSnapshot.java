package org.mbrllab.engine.dreamer;

import java.util.List;

/**
 * What a view of the world model's training needs, copied.
 *
 * @param updates    updates done
 * @param maxUpdates the configured number of updates
 * @param history    every update so far, in order
 * @param done       whether training has finished
 */
public record RssmSnapshot(int updates, int maxUpdates, List<RssmUpdate> history, boolean done) {
    public RssmSnapshot {
        history = List.copyOf(history);
    }
}
