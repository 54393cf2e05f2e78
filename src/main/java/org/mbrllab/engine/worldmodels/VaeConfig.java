package org.mbrllab.engine.worldmodels;

import org.mbrllab.engine.core.Check;

/**
 * How V, the VAE of World Models, is shaped and trained ({@link VaeTrainer}).
 *
 * @param latent       Z, the latent size (the paper uses 32 for 64 × 64 Doom frames; a 16 × 16 Dodge frame
 *                     needs fewer), 1 to {@value #MAX_LATENT}
 * @param hiddenUnits  units of the encoder's and the decoder's hidden layer, 1 to {@value #MAX_HIDDEN}
 * @param freeBits     λ, nats per latent dimension below which a frame's KL is not penalised (World
 *                     Models' {@code kl_tolerance}: 0.5), 0 to {@value #MAX_FREE_BITS}
 * @param learningRate Adam's step size α, 1e-6 to 1
 * @param batchSize    frames per Adam step, 1 to {@value #MAX_BATCH}
 * @param maxEpochs    passes over the training frames, 1 to {@value #MAX_EPOCHS}
 * @param seed         the seed of the initial weights, the shuffles and the sampling noise
 */
public record VaeConfig(int latent, int hiddenUnits, double freeBits, double learningRate, int batchSize,
                        int maxEpochs, long seed) {
    public static final int MAX_LATENT = 64;
    public static final int MAX_HIDDEN = 2048;
    public static final double MAX_FREE_BITS = 10;
    public static final int MAX_BATCH = 4096;
    public static final int MAX_EPOCHS = 10_000;

    public VaeConfig {
        Check.inRange("latent", latent, 1, MAX_LATENT);
        Check.inRange("hiddenUnits", hiddenUnits, 1, MAX_HIDDEN);
        Check.inRange("freeBits", freeBits, 0, MAX_FREE_BITS);
        Check.inRange("learningRate", learningRate, 1e-6, 1);
        Check.inRange("batchSize", batchSize, 1, MAX_BATCH);
        Check.inRange("maxEpochs", maxEpochs, 1, MAX_EPOCHS);
    }

    /**
     * The lesson's V: Z = 32, 256 hidden units, λ = 0.5, α = 1e-3, batches of 32, 20 epochs, seed 1.
     * Measured on random-policy frames (held out: 50 other episodes, 1,322 frames, where drawing the mean
     * frame scores an MSE of 0.0498 per pixel): trained on 400 episodes (10,430 frames) for 20 epochs, V
     * reached 0.0140. On 200 episodes for 20 epochs, Z = 16 reached only 0.029–0.031 whatever the hidden
     * units (256, 512), step size (1e-3, 3e-3) or batch (32, 64) tried, against 0.0175 with Z = 32.
     * Those figures are for the first version of Dodge's frames, with a fixed camera; with the camera that
     * follows the agent, 400 episodes (seed 1) and 20 epochs give 0.0138 against the mean frame's 0.0436,
     * and the lesson's 1,200 episodes give 0.0112 ({@code world-models --seed 1}); 40 epochs on 400 episodes
     * gave 0.0121 (seed 2), where 1,200 episodes and 20 epochs gave 0.0105.
     */
    public static VaeConfig defaults() {
        return new VaeConfig(32, 256, 0.5, 1e-3, 32, 20, 1);
    }

    public VaeConfig withLatent(int z) {
        return new VaeConfig(z, hiddenUnits, freeBits, learningRate, batchSize, maxEpochs, seed);
    }

    public VaeConfig withHiddenUnits(int units) {
        return new VaeConfig(latent, units, freeBits, learningRate, batchSize, maxEpochs, seed);
    }

    public VaeConfig withFreeBits(double lambda) {
        return new VaeConfig(latent, hiddenUnits, lambda, learningRate, batchSize, maxEpochs, seed);
    }

    public VaeConfig withMaxEpochs(int epochs) {
        return new VaeConfig(latent, hiddenUnits, freeBits, learningRate, batchSize, epochs, seed);
    }

    public VaeConfig withSeed(long s) {
        return new VaeConfig(latent, hiddenUnits, freeBits, learningRate, batchSize, maxEpochs, s);
    }
}
