package org.mbrllab.engine.worldmodels;

import java.util.List;

/**
 * What a view of V's training needs, copied.
 *
 * @param epoch       epochs done
 * @param maxEpochs   the configured number of epochs
 * @param history     every epoch so far, in order
 * @param baselineMse the mean squared error per pixel of always drawing the training frames' mean frame, on
 *                    the held-out frames: what V must beat; NaN without held-out frames
 * @param done        whether training has finished
 */
public record VaeSnapshot(int epoch, int maxEpochs, List<VaeEpoch> history, double baselineMse, boolean done) {
    public VaeSnapshot {
        history = List.copyOf(history);
    }
}
