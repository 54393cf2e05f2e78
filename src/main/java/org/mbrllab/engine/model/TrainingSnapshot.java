package org.mbrllab.engine.model;

import java.util.List;

/**
 * What a view needs to draw an {@link EnsembleTrainer}: copies only, no live arrays.
 *
 * @param epoch               epochs completed (0 before the first {@link EnsembleTrainer#step()})
 * @param maxEpochs           the configured limit
 * @param members             K
 * @param kind                deterministic or probabilistic members
 * @param history             the losses of every epoch so far, oldest first (the loss curves)
 * @param bestEpochs          per member, the epoch of its lowest validation loss so far (0 before any);
 *                            after early stopping each member holds that epoch's weights
 * @param epochsWithoutImprovement epochs since any member last improved its validation loss
 * @param done                whether training has stopped (early stopping or the epoch limit)
 * @param stopReason          why it stopped, in a sentence; "" while it runs
 * @param trainingRows        rows each member trains on per epoch
 * @param validationRows      held-out rows (0 without early stopping)
 * @param lastEpochSeconds    wall time of the last epoch (training and validation)
 * @param probe               the ensemble's prediction at the probe points given to the trainer, made
 *                            after the last epoch (the lesson's curves and bands); null without probe
 *                            points
 */
public record TrainingSnapshot(int epoch, int maxEpochs, int members, MemberKind kind, List<EpochLosses> history,
                               List<Integer> bestEpochs, int epochsWithoutImprovement, boolean done,
                               String stopReason, int trainingRows, int validationRows, double lastEpochSeconds,
                               EnsemblePrediction probe) {

    public TrainingSnapshot {
        history = List.copyOf(history);
        bestEpochs = List.copyOf(bestEpochs);
    }

    /** The losses of the last epoch, or null before the first. */
    public EpochLosses last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }
}
