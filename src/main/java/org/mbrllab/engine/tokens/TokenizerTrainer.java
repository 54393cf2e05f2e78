package org.mbrllab.engine.tokens;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.PixelPendulum;
import org.mbrllab.engine.nn.TokenizerGraph;
import org.mbrllab.engine.run.DivergenceException;

/**
 * Trains the VQ tokenizer ({@link TokenizerGraph}) on the frames of stored pixel-pendulum episodes, one update
 * per {@link #step()}.
 *
 * <h2>One update</h2>
 * <ol>
 *   <li>A batch of frames, each from a uniformly drawn episode and time step.</li>
 *   <li>One Adam step on recon + codebook + β·commit.</li>
 *   <li>Every {@value #REVIVE_EVERY} updates, each code that no patch chose since the last check (a dead code)
 *       is moved onto the encoder output of a patch drawn from this batch, so it is in use again (the "random
 *       restart" of dead codes, as in Dhariwal et al. 2020, Jukebox, section 2.2). On pendulum frames most
 *       patches are black, so without it many codes are never chosen and never move.</li>
 * </ol>
 * A loss that is not finite stops training with a {@link DivergenceException}. From the seed, in order: a stream
 * for the initial weights, one for the batches. Confined to one thread.
 */
public final class TokenizerTrainer {
    /** Updates between two checks for dead codes. */
    public static final int REVIVE_EVERY = 100;

    private final TokenConfig config;
    private final PixelEpisodes data;
    private final TokenizerGraph graph;
    private final RandomGenerator batches;
    private final boolean[] used;
    private int updates;
    private int revived;
    private TokenizerGraph.StepResult last;

    public TokenizerTrainer(TokenConfig config, PixelEpisodes training) {
        this.config = Objects.requireNonNull(config, "config");
        this.data = Objects.requireNonNull(training, "training");
        RandomGenerator master = Seeds.random(config.seed());
        RandomGenerator weights = Seeds.random(master.nextLong());
        this.batches = Seeds.random(master.nextLong());
        this.graph = new TokenizerGraph(sizes(config), config.tokenizerRate(), weights);
        this.used = new boolean[config.codes()];
    }

    /** The tokenizer's sizes for a configuration: 16×16 frames in patches of {@value TokenConfig#PATCH}. */
    public static TokenizerGraph.Sizes sizes(TokenConfig c) {
        return new TokenizerGraph.Sizes(PixelPendulum.SIZE, TokenConfig.PATCH, c.encoderUnits(), c.dimension(), c.codes(),
                c.decoderUnits(), c.beta());
    }

    /** One update; false once {@link TokenConfig#tokenizerUpdates()} are done. */
    public boolean step() {
        if (isDone()) return false;
        updates++;
        // 1. The frames.
        int n = config.tokenizerBatch();
        float[] frames = new float[n * PixelPendulum.PIXELS];
        float[] frame = new float[PixelPendulum.PIXELS];
        for (int i = 0; i < n; i++) {
            data.frame(batches.nextInt(data.episodes()), batches.nextInt(PixelEpisodes.STEPS + 1), frame);
            System.arraycopy(frame, 0, frames, i * frame.length, frame.length);
        }
        // 2. One Adam step.
        last = graph.train(frames, n);
        if (!Double.isFinite(last.loss())) {
            throw new DivergenceException("Training the tokenizer diverged in update " + updates + ": the loss became "
                    + last.loss() + ". Lower the learning rate " + config.tokenizerRate() + ".");
        }
        for (int k : last.codes()) used[k] = true;
        // 3. Dead codes onto encoder outputs of this batch.
        if (updates % REVIVE_EVERY == 0 && !isDone()) {
            int d = config.dimension();
            int rows = last.codes().length;
            for (int k = 0; k < used.length; k++) {
                if (!used[k]) {
                    int row = batches.nextInt(rows);
                    float[] z = new float[d];
                    System.arraycopy(last.z(), row * d, z, 0, d);
                    graph.setCode(k, z);
                    revived++;
                }
                used[k] = false;
            }
        }
        return !isDone();
    }

    public boolean isDone() {
        return updates >= config.tokenizerUpdates();
    }

    public int updates() {
        return updates;
    }

    /** Dead codes moved so far. */
    public int revived() {
        return revived;
    }

    /** The last update's losses, or null before the first. */
    public TokenizerGraph.StepResult last() {
        return last;
    }

    /** A plain-Java copy of the tokenizer as it is now. */
    public FrozenTokenizer freeze() {
        return new FrozenTokenizer(graph.sizes(), graph.weights());
    }

    /** The graph being trained (for the test that compares it with the frozen copy). */
    TokenizerGraph graph() {
        return graph;
    }
}
