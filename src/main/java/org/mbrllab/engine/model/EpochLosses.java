package org.mbrllab.engine.model;

import java.util.List;

/**
 * The members' losses after one epoch, in standardised units (MSE, or Gaussian NLL per number).
 *
 * @param epoch      1 for the first epoch
 * @param training   member k's mean loss over its batches of this epoch (its own resample)
 * @param validation member k's loss on the held-out rows after the epoch; empty without a held-out split
 */
public record EpochLosses(int epoch, List<Double> training, List<Double> validation) {
    public EpochLosses {
        training = List.copyOf(training);
        validation = List.copyOf(validation);
    }

    /** The mean over the members of the training loss. */
    public double meanTraining() {
        return training.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The mean over the members of the validation loss; NaN without a held-out split. */
    public double meanValidation() {
        return validation.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
