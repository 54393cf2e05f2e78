package org.mbrllab.engine.model;

/**
 * How a training step walks the graph. Both run the same SameDiff ops (the forward graph and the backward
 * ops of its autodiff) and train the same numbers, bit for bit; they differ only in speed.
 */
public enum TrainingPath {
    /** The ops as a list fixed once ({@code engine.nn.FixedTrainingStep}): what the app and the commands use. */
    FIXED_STEP,
    /** SameDiff's own {@code fit}: kept for {@code bench ensemble --path fit}, to compare against. */
    SAMEDIFF_FIT
}
