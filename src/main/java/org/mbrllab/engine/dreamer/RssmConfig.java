package org.mbrllab.engine.dreamer;

import java.util.Locale;
import java.util.Objects;
import org.mbrllab.engine.core.Check;

/**
 * How the Dreamer world model (the RSSM of {@link org.mbrllab.engine.nn.RssmGraph}) is shaped and trained
 * ({@link RssmTrainer}).
 *
 * @param encoderUnits   U_e, the hidden layer of the frame encoder and of the decoder, 1 to {@value #MAX_UNITS}
 * @param embedding      E, the encoder's output, 1 to {@value #MAX_UNITS}
 * @param deterministic  H, the GRU's units, 1 to {@value #MAX_UNITS}
 * @param stochastic     Z, the Gaussian state's dimensions, 1 to {@value #MAX_UNITS}; for categorical latents G,
 *                       the groups (DreamerV2's {@code stoch}), with G·K at most {@value #MAX_UNITS}
 * @param headUnits      U, the hidden layer of the prior, the posterior and the reward head, 1 to {@value #MAX_UNITS}
 * @param sequenceLength L, steps per training sequence, 2 to {@value PixelEpisodes#STEPS}
 * @param batchSize      B, sequences per update, 1 to {@value #MAX_BATCH}
 * @param freeNats       KL per step that costs nothing, 0 to {@value #MAX_FREE_NATS} (Dreamer: 3)
 * @param klBalance      whether the KL is balanced (DreamerV2), pulling the prior harder than the posterior
 * @param balanceAlpha   α of KL balancing, its weight on the prior's side, 0.01 to 0.99 (DreamerV2: 0.8)
 * @param learningRate   Adam's step size, 1e-6 to 1
 * @param maxUpdates     updates before training ends, 1 to {@value #MAX_UPDATES}
 * @param seed           the seed of the initial weights, the batches and the noise ε
 * @param latents        what z is: Gaussian (Dreamer) or G groups of K classes (DreamerV2)
 * @param classes        K, the classes per group of categorical latents (DreamerV2's {@code discrete}), 2 to
 *                       {@value #MAX_CLASSES}; unused by Gaussian ones
 */
public record RssmConfig(int encoderUnits, int embedding, int deterministic, int stochastic, int headUnits,
                         int sequenceLength, int batchSize, double freeNats, boolean klBalance, double balanceAlpha,
                         double learningRate, int maxUpdates, long seed, Latents latents, int classes) {
    public static final int MAX_UNITS = 1024;
    public static final int MAX_BATCH = 1024;
    public static final double MAX_FREE_NATS = 100;
    public static final int MAX_UPDATES = 1_000_000;
    public static final int MAX_CLASSES = 256;
    /**
     * K of the lesson's categorical latents: G = {@link #stochastic} groups of 16 classes, so that
     * {@link #defaults()}{@code .withLatents(CATEGORICAL)} is 16 × 16, the Gaussian's 16 dimensions each made a
     * group, and trains in about the Gaussian's time (4,000 updates, seed 1: 462 s against the Gaussian's 438 s,
     * both with other builds on the machine; the graph's extra ops per step are a few against its thousands).
     *
     * <p>Measured once each (seed 1, 4,000 updates, open loop as in {@link #defaults()}, error over the 15 steps
     * divided by the mean frame's and the copy-last baseline's): the Gaussian 0.30 and 0.16; 16 × 16 with 1 free
     * nat 0.64 and 0.33; with 3 free nats 0.82 and 0.42 (its KL, 2.9 nats, then sits under the free nats, where
     * the prior gets no gradient); with none 0.71 and 0.37; 8 groups × 8 classes with 1 free nat 0.51 and 0.26.
     */
    public static final int DEFAULT_CLASSES = 16;

    /** What the stochastic state z is. */
    public enum Latents {
        /** z ~ N(μ, σ²) of Z dimensions, reparameterised (Dreamer, PlaNet). */
        GAUSSIAN,
        /** z is G one-hot vectors of K classes, with straight-through gradients (DreamerV2, V3). */
        CATEGORICAL;

        /** The name the command line and presets use: "gaussian", "categorical". */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind named {@code key} ("gaussian", "categorical"), or an exception naming the choices. */
        public static Latents of(String key) {
            for (Latents l : values()) {
                if (l.key().equals(key)) return l;
            }
            throw new IllegalArgumentException("latents '" + key + "': allowed gaussian, categorical");
        }
    }

    public RssmConfig {
        Objects.requireNonNull(latents, "latents");
        Check.inRange("classes", classes, 2, MAX_CLASSES);
        if (latents == Latents.CATEGORICAL && (long) stochastic * classes > MAX_UNITS) {
            throw new IllegalArgumentException("categorical latents of " + stochastic + " groups × " + classes
                    + " classes = " + (long) stochastic * classes + " values of z: allowed at most " + MAX_UNITS);
        }
        Check.inRange("encoderUnits", encoderUnits, 1, MAX_UNITS);
        Check.inRange("embedding", embedding, 1, MAX_UNITS);
        Check.inRange("deterministic", deterministic, 1, MAX_UNITS);
        Check.inRange("stochastic", stochastic, 1, MAX_UNITS);
        Check.inRange("headUnits", headUnits, 1, MAX_UNITS);
        Check.inRange("sequenceLength", sequenceLength, 2, PixelEpisodes.STEPS);
        Check.inRange("batchSize", batchSize, 1, MAX_BATCH);
        Check.inRange("freeNats", freeNats, 0, MAX_FREE_NATS);
        Check.inRange("balanceAlpha", balanceAlpha, 0.01, 0.99);
        Check.inRange("learningRate", learningRate, 1e-6, 1);
        Check.inRange("maxUpdates", maxUpdates, 1, MAX_UPDATES);
    }

    /** With Gaussian latents (and {@value #DEFAULT_CLASSES} classes kept for a switch to categorical ones). */
    public RssmConfig(int encoderUnits, int embedding, int deterministic, int stochastic, int headUnits,
                      int sequenceLength, int batchSize, double freeNats, boolean klBalance, double balanceAlpha,
                      double learningRate, int maxUpdates, long seed) {
        this(encoderUnits, embedding, deterministic, stochastic, headUnits, sequenceLength, batchSize, freeNats, klBalance,
                balanceAlpha, learningRate, maxUpdates, seed, Latents.GAUSSIAN, DEFAULT_CLASSES);
    }

    /**
     * The lesson's world model: encoder 256 → 128 → 64, a GRU of 64, Z = 16, heads of 64, batches of 16
     * sequences of 16 steps, 1 free nat, KL balancing with α = 0.8, Adam 1e-3, 4,000 updates, seed 1.
     *
     * <p>Why 1 free nat and balancing, not Dreamer's 3 nats without: a 16×16 frame's reconstruction loss is
     * small (about 0.4 nats per frame once trained, against thousands for Dreamer's 64×64×3 images), so the
     * model settles with a KL below 3 nats per step, where the free nats give the prior no gradient at all, and
     * the prior then barely learns the dynamics. Measured on 200 random-torque episodes (seed 1), open loop on
     * 50 held-out sequences (10 episodes, seed 2; 5 context frames, 15 imagined), after 4,000 updates, as the
     * mean error over the 15 steps divided by the mean-frame and by the copy-last baseline's: 0.74 and 0.38
     * with 3 free nats; 0.57 and 0.30 with 1 free nat; 0.30 and 0.16 with 1 free nat and balancing (0.34 and
     * 0.17 averaged over the evaluations at 3,000, 3,500 and 4,000 updates).
     */
    public static RssmConfig defaults() {
        return new RssmConfig(128, 64, 64, 16, 64, 16, 16, 1, true, 0.8, 1e-3, 4000, 1);
    }

    /** A small model for quick tests: every layer of 8, Z = 4, batches of 4 sequences of 6 steps. */
    public static RssmConfig tiny() {
        return new RssmConfig(8, 8, 8, 4, 8, 6, 4, 3, false, 0.8, 1e-3, 50, 1);
    }

    public RssmConfig withMaxUpdates(int updates) {
        return new RssmConfig(encoderUnits, embedding, deterministic, stochastic, headUnits, sequenceLength, batchSize,
                freeNats, klBalance, balanceAlpha, learningRate, updates, seed, latents, classes);
    }

    public RssmConfig withSeed(long s) {
        return new RssmConfig(encoderUnits, embedding, deterministic, stochastic, headUnits, sequenceLength, batchSize,
                freeNats, klBalance, balanceAlpha, learningRate, maxUpdates, s, latents, classes);
    }

    public RssmConfig withKlBalance(boolean balance) {
        return new RssmConfig(encoderUnits, embedding, deterministic, stochastic, headUnits, sequenceLength, batchSize,
                freeNats, balance, balanceAlpha, learningRate, maxUpdates, seed, latents, classes);
    }

    public RssmConfig withFreeNats(double nats) {
        return new RssmConfig(encoderUnits, embedding, deterministic, stochastic, headUnits, sequenceLength, batchSize,
                nats, klBalance, balanceAlpha, learningRate, maxUpdates, seed, latents, classes);
    }

    /** With Gaussian or categorical latents ({@link #stochastic} is then Z or G). */
    public RssmConfig withLatents(Latents kind) {
        return new RssmConfig(encoderUnits, embedding, deterministic, stochastic, headUnits, sequenceLength, batchSize,
                freeNats, klBalance, balanceAlpha, learningRate, maxUpdates, seed, kind, classes);
    }

    /** With Z (Gaussian) or G (categorical) = {@code size}. */
    public RssmConfig withStochastic(int size) {
        return new RssmConfig(encoderUnits, embedding, deterministic, size, headUnits, sequenceLength, batchSize,
                freeNats, klBalance, balanceAlpha, learningRate, maxUpdates, seed, latents, classes);
    }

    /** With K classes per group of categorical latents. */
    public RssmConfig withClasses(int k) {
        return new RssmConfig(encoderUnits, embedding, deterministic, stochastic, headUnits, sequenceLength, batchSize,
                freeNats, klBalance, balanceAlpha, learningRate, maxUpdates, seed, latents, k);
    }

    /** Whether z is categorical. */
    public boolean categorical() {
        return latents == Latents.CATEGORICAL;
    }
}
