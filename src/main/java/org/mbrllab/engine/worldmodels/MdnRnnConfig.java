package org.mbrllab.engine.worldmodels;

import org.mbrllab.engine.core.Check;

/**
 * How M, the MDN-RNN of World Models, is shaped and trained ({@link MdnRnnTrainer}). Its latent size Z is
 * V's, given by the {@link FrozenVae} it is trained on.
 *
 * @param hiddenUnits    H, the GRU's units (the paper: 256 LSTM units for Car Racing, 512 for Doom), 1 to
 *                       {@value #MAX_HIDDEN}
 * @param components     G, Gaussians in the mixture of each latent dimension (the paper: 5), 1 to
 *                       {@value #MAX_COMPONENTS}
 * @param sequenceLength L, steps per training sequence; longer episodes are cut into pieces of L, shorter
 *                       ones padded and masked, 1 to {@value #MAX_SEQUENCE}
 * @param doneWeight     the weight of the done flag's cross-entropy against the latent NLL, 0 to
 *                       {@value #MAX_DONE_WEIGHT}
 * @param learningRate   Adam's step size α, 1e-6 to 1
 * @param batchSize      sequences per Adam step, 1 to {@value #MAX_BATCH}
 * @param maxEpochs      passes over the training sequences, 1 to {@value #MAX_EPOCHS}
 * @param seed           the seed of the initial weights and the shuffles
 */
public record MdnRnnConfig(int hiddenUnits, int components, int sequenceLength, double doneWeight,
                           double learningRate, int batchSize, int maxEpochs, long seed) {
    public static final int MAX_HIDDEN = 1024;
    public static final int MAX_COMPONENTS = 20;
    public static final int MAX_SEQUENCE = 1000;
    public static final double MAX_DONE_WEIGHT = 100;
    public static final int MAX_BATCH = 4096;
    public static final int MAX_EPOCHS = 10_000;

    public MdnRnnConfig {
        Check.inRange("hiddenUnits", hiddenUnits, 1, MAX_HIDDEN);
        Check.inRange("components", components, 1, MAX_COMPONENTS);
        Check.inRange("sequenceLength", sequenceLength, 1, MAX_SEQUENCE);
        Check.inRange("doneWeight", doneWeight, 0, MAX_DONE_WEIGHT);
        Check.inRange("learningRate", learningRate, 1e-6, 1);
        Check.inRange("batchSize", batchSize, 1, MAX_BATCH);
        Check.inRange("maxEpochs", maxEpochs, 1, MAX_EPOCHS);
    }

    /**
     * The lesson's M: H = 64, G = 5, L = 32 (a random episode of Dodge lasts 25 steps on average, so most
     * fit whole), done weight 1, α = 3e-3, batches of 8 sequences, 10 epochs, seed 1. Measured on the
     * latents of V ({@link VaeConfig#defaults()}, 5 epochs) of 200 random episodes (237 sequences), 50
     * others held out: the held-out NLL per step and dimension was 0.97 after one epoch, 0.50 after 6, 0.42
     * after 10 and 0.36 after 20, against 0.89 for "nothing moves" and 1.17 for the marginal Gaussian. With
     * α = 1e-3 and batches of 16 it was 0.74 after 10. The done cross-entropy was best (0.123) around
     * epochs 6–10 and rose to 0.20 by epoch 20 while its training value kept falling: 200 episodes hold
     * only about 200 hits to learn it from.
     * These are for Dodge's first frames, from a fixed camera. With the camera that follows the agent, on
     * 400 episodes (seed 1) M reached 0.448 after 10 epochs; the done head learns hits better there, since a
     * hit always happens at the same pixels (held-out cross-entropy 0.078 after 6 epochs on 200 episodes).
     * More data helps M more than more epochs: on seed 2, 400 episodes gave 0.495 after 10 epochs and 0.418
     * after 20 (its training NLL 0.30: it overfits), 800 episodes 0.409 after 10, and the lesson's 1,200
     * episodes 0.324 (seed 1: 0.248).
     */
    public static MdnRnnConfig defaults() {
        return new MdnRnnConfig(64, 5, 32, 1, 3e-3, 8, 10, 1);
    }

    public MdnRnnConfig withHiddenUnits(int units) {
        return new MdnRnnConfig(units, components, sequenceLength, doneWeight, learningRate, batchSize, maxEpochs, seed);
    }

    public MdnRnnConfig withComponents(int g) {
        return new MdnRnnConfig(hiddenUnits, g, sequenceLength, doneWeight, learningRate, batchSize, maxEpochs, seed);
    }

    public MdnRnnConfig withSequenceLength(int l) {
        return new MdnRnnConfig(hiddenUnits, components, l, doneWeight, learningRate, batchSize, maxEpochs, seed);
    }

    public MdnRnnConfig withMaxEpochs(int epochs) {
        return new MdnRnnConfig(hiddenUnits, components, sequenceLength, doneWeight, learningRate, batchSize, epochs, seed);
    }

    public MdnRnnConfig withSeed(long s) {
        return new MdnRnnConfig(hiddenUnits, components, sequenceLength, doneWeight, learningRate, batchSize, maxEpochs, s);
    }
}
