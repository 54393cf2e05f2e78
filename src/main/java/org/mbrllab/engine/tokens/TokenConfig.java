package org.mbrllab.engine.tokens;

import org.mbrllab.engine.core.Check;

/**
 * How the token world model is shaped and trained: the VQ tokenizer ({@link TokenizerTrainer}) and the causal
 * transformer over its tokens ({@link TransformerTrainer}). Frames are the Dreamer lesson's 16×16 pixel
 * pendulum, cut into 4×4 patches: 16 tokens a frame.
 *
 * @param codes                K, codes in the codebook, 2 to {@value #MAX_CODES}
 * @param dimension            D, a code's dimension, 1 to {@value #MAX_UNITS}
 * @param encoderUnits         the patch encoder's hidden layer, 1 to {@value #MAX_UNITS}
 * @param decoderUnits         the frame decoder's hidden layer, 1 to {@value #MAX_UNITS}
 * @param beta                 β, the commitment weight, 0 to 10 (VQ-VAE: 0.25)
 * @param tokenizerBatch       frames per tokenizer update, 1 to {@value #MAX_BATCH}
 * @param tokenizerUpdates     tokenizer updates, 1 to {@value #MAX_UPDATES}
 * @param tokenizerRate        the tokenizer's Adam step size, 1e-6 to 1
 * @param width                the transformer's width (model dimension), 1 to {@value #MAX_UNITS}; a multiple of heads
 * @param heads                attention heads, 1 to 16
 * @param layers               transformer blocks, 1 to 8
 * @param frames               frames per training sequence (the context window), 2 to 16
 * @param actionBins           torque bins, the action tokens, 2 to 64
 * @param transformerBatch     sequences per transformer update, 1 to {@value #MAX_BATCH}
 * @param transformerUpdates   transformer updates, 1 to {@value #MAX_UPDATES}
 * @param transformerRate      the transformer's Adam step size, 1e-6 to 1
 * @param seed                 the seed of the initial weights and the batches
 * @param rewardWeight         λ, the reward term's weight in the transformer's loss (its error on standardised
 *                             rewards, beside the cross-entropy of the codes), 0 to 100; 0 leaves the reward head
 *                             untrained
 */
public record TokenConfig(int codes, int dimension, int encoderUnits, int decoderUnits, double beta, int tokenizerBatch,
                          int tokenizerUpdates, double tokenizerRate, int width, int heads, int layers, int frames,
                          int actionBins, int transformerBatch, int transformerUpdates, double transformerRate,
                          long seed, double rewardWeight) {
    public static final int MAX_CODES = 1024;
    public static final int MAX_UNITS = 1024;
    public static final int MAX_BATCH = 1024;
    public static final int MAX_UPDATES = 1_000_000;
    /** The side of a patch, in pixels: a 16×16 frame is a 4×4 grid of tokens. */
    public static final int PATCH = 4;

    public TokenConfig {
        Check.inRange("codes", codes, 2, MAX_CODES);
        Check.inRange("dimension", dimension, 1, MAX_UNITS);
        Check.inRange("encoderUnits", encoderUnits, 1, MAX_UNITS);
        Check.inRange("decoderUnits", decoderUnits, 1, MAX_UNITS);
        Check.inRange("beta", beta, 0, 10);
        Check.inRange("tokenizerBatch", tokenizerBatch, 1, MAX_BATCH);
        Check.inRange("tokenizerUpdates", tokenizerUpdates, 1, MAX_UPDATES);
        Check.inRange("tokenizerRate", tokenizerRate, 1e-6, 1);
        Check.inRange("width", width, 1, MAX_UNITS);
        Check.inRange("heads", heads, 1, 16);
        if (width % heads != 0) throw new IllegalArgumentException("width " + width + " is not a multiple of heads " + heads);
        Check.inRange("layers", layers, 1, 8);
        Check.inRange("frames", frames, 2, 16);
        Check.inRange("actionBins", actionBins, 2, 64);
        Check.inRange("transformerBatch", transformerBatch, 1, MAX_BATCH);
        Check.inRange("transformerUpdates", transformerUpdates, 1, MAX_UPDATES);
        Check.inRange("transformerRate", transformerRate, 1e-6, 1);
        Check.inRange("rewardWeight", rewardWeight, 0, 100);
    }

    /** With the reward weight λ = 1 (the configuration before the reward head). */
    public TokenConfig(int codes, int dimension, int encoderUnits, int decoderUnits, double beta, int tokenizerBatch,
                       int tokenizerUpdates, double tokenizerRate, int width, int heads, int layers, int frames,
                       int actionBins, int transformerBatch, int transformerUpdates, double transformerRate, long seed) {
        this(codes, dimension, encoderUnits, decoderUnits, beta, tokenizerBatch, tokenizerUpdates, tokenizerRate, width,
                heads, layers, frames, actionBins, transformerBatch, transformerUpdates, transformerRate, seed, 1);
    }

    /**
     * The lesson's model: 64 codes of 16, patch encoder 64, decoder 256, β = 0.25, 1,000 tokenizer updates of 64
     * frames (Adam 2e-3); a transformer of 2 blocks, width 64, 4 heads, over windows of 5 frames, 9 torque bins,
     * 4,000 updates of 16 windows (Adam 2e-3 with cosine decay), the reward's squared error weighted 1, seed 1.
     *
     * <p>Measured before the reward head was added ({@code TokenWorldModelQualityRun}; with it, see the README's
     * {@code token-world-model} section) on the Dreamer lesson's data: 200 random-torque episodes (seed 1) to
     * train, 10 held out (seed 2), open loop on 50 windows of 5 context frames. Both trainings took 471 s on
     * this 2-core machine, shared with other work. The tokenizer: 0.00035 squared error per held-out pixel, 62 of the
     * 64 codes used (107 dead codes moved while training). Open loop, 10 imagined frames, error per pixel at step
     * 1 and step 10 (the mean-frame baseline: 0.024, 0.025; copy-last: 0.031, 0.051):
     * <ul>
     *   <li>greedy: 0.0098 and 0.039. One sharp future beats copying the last frame at every step but the mean frame
     *       only for the first two: a rod drawn at a slightly wrong angle costs twice, where it is drawn and where
     *       it is missing, and in 0.1 s the pendulum often turns by more than its width;</li>
     *   <li>the mean of 32 futures sampled at τ = 1: 0.0060 and 0.0215, below both baselines at every step (0.70 of
     *       the mean frame's error and 0.36 of copy-last's, averaged over the 10 steps). Over 15 steps, on exactly
     *       the windows of {@code RssmConfig.defaults()}' figures: 0.74 and 0.38, where the RSSM has 0.30 and 0.16.</li>
     * </ul>
     */
    public static TokenConfig defaults() {
        return new TokenConfig(64, 16, 64, 256, 0.25, 64, 1000, 2e-3, 64, 4, 2, 5, 9, 16, 4000, 2e-3, 1);
    }

    /** A small model for quick tests. */
    public static TokenConfig tiny() {
        return new TokenConfig(8, 4, 8, 16, 0.25, 8, 20, 2e-3, 8, 2, 1, 2, 3, 2, 5, 1e-3, 1);
    }

    public TokenConfig withUpdates(int tokenizer, int transformer) {
        return new TokenConfig(codes, dimension, encoderUnits, decoderUnits, beta, tokenizerBatch, tokenizer, tokenizerRate,
                width, heads, layers, frames, actionBins, transformerBatch, transformer, transformerRate, seed, rewardWeight);
    }

    public TokenConfig withSeed(long s) {
        return new TokenConfig(codes, dimension, encoderUnits, decoderUnits, beta, tokenizerBatch, tokenizerUpdates,
                tokenizerRate, width, heads, layers, frames, actionBins, transformerBatch, transformerUpdates, transformerRate, s,
                rewardWeight);
    }

    public TokenConfig withRewardWeight(double weight) {
        return new TokenConfig(codes, dimension, encoderUnits, decoderUnits, beta, tokenizerBatch, tokenizerUpdates,
                tokenizerRate, width, heads, layers, frames, actionBins, transformerBatch, transformerUpdates, transformerRate,
                seed, weight);
    }
}
