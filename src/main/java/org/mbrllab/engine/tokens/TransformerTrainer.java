package org.mbrllab.engine.tokens;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.PixelPendulum;
import org.mbrllab.engine.nn.TransformerGraph;
import org.mbrllab.engine.run.DivergenceException;

/**
 * Trains the token transformer ({@link TransformerGraph}) on stored pixel-pendulum episodes, seen through a
 * trained tokenizer: the world model learning of IRIS (Micheli et al. 2023), on a fixed data set.
 *
 * <h2>Before the first update</h2>
 * Every frame of every episode is turned into its tokens once, by the frozen tokenizer.
 *
 * <h2>One update ({@link #step()})</h2>
 * <ol>
 *   <li>B windows of T frames, each from a uniformly drawn episode and start s (0 ≤ s ≤ {@value PixelEpisodes#STEPS}
 *       − T): frames o_s … o_{s+T−1} as codes, each followed by the token of its action u_{s+t}
 *       ({@link TokenSequences}).</li>
 *   <li>One Adam step on the mean cross-entropy of every frame code given the positions before it, with the step
 *       size α_u = α (0.1 + 0.9 · ½ (1 + cos(π (u − 1) / U))) for update u of U: cosine decay to a tenth
 *       (Loshchilov and Hutter 2017, without restarts), as GPT-style models are trained.</li>
 * </ol>
 * A loss that is not finite stops training with a {@link DivergenceException}. From the seed, in order: the
 * tokenizer's two streams (skipped), a stream for the initial weights, one for the batches. Confined to one thread.
 */
public final class TransformerTrainer {
    /** The MLP's hidden units per unit of width. */
    public static final int MLP_RATIO = 2;

    private final TokenConfig config;
    private final PixelEpisodes data;
    private final TransformerGraph graph;
    private final RandomGenerator batches;
    /** tokens[e][t] are frame t of episode e's codes. */
    private final int[][][] tokens;
    private int updates;
    private double lastLoss = Double.NaN;

    /** @param tokenizer the trained tokenizer, whose codes are the transformer's words */
    public TransformerTrainer(TokenConfig config, PixelEpisodes training, FrozenTokenizer tokenizer) {
        this.config = Objects.requireNonNull(config, "config");
        this.data = Objects.requireNonNull(training, "training");
        RandomGenerator master = Seeds.random(config.seed());
        master.nextLong();
        master.nextLong();
        RandomGenerator weights = Seeds.random(master.nextLong());
        this.batches = Seeds.random(master.nextLong());
        this.graph = new TransformerGraph(sizes(config, tokenizer.tokens()), config.transformerRate(), weights);
        this.tokens = new int[data.episodes()][PixelEpisodes.STEPS + 1][];
        float[] frame = new float[PixelPendulum.PIXELS];
        for (int e = 0; e < data.episodes(); e++) {
            for (int t = 0; t <= PixelEpisodes.STEPS; t++) {
                data.frame(e, t, frame);
                tokens[e][t] = tokenizer.encode(frame);
            }
        }
    }

    /** The graph's sizes for a configuration and F tokens a frame. */
    public static TransformerGraph.Sizes sizes(TokenConfig c, int frameTokens) {
        return new TransformerGraph.Sizes(c.codes() + c.actionBins(), c.codes(), frameTokens, c.frames(), c.width(),
                c.heads(), c.layers(), MLP_RATIO * c.width(), c.transformerBatch());
    }

    /** One update; false once {@link TokenConfig#transformerUpdates()} are done. */
    public boolean step() {
        if (isDone()) return false;
        updates++;
        // 1. The windows.
        TransformerGraph.Sizes s = graph.sizes();
        int n = s.positions(), f = s.frameTokens();
        int[] x = new int[s.batch() * n];
        int[] y = new int[x.length];
        for (int b = 0; b < s.batch(); b++) {
            int e = batches.nextInt(data.episodes());
            int start = batches.nextInt(PixelEpisodes.STEPS - config.frames() + 1);
            for (int t = 0; t < config.frames(); t++) {
                int base = b * n + t * (f + 1);
                System.arraycopy(tokens[e][start + t], 0, x, base, f);
                x[base + f] = config.codes() + TokenSequences.actionBin(data.action(e, start + t), config.actionBins());
            }
            TokenSequences.targets(x, b * n, config.frames(), f, y);
        }
        // 2. One Adam step.
        graph.setLearningRate(learningRate(updates));
        lastLoss = graph.train(x, y);
        if (!Double.isFinite(lastLoss)) {
            throw new DivergenceException("Training the transformer diverged in update " + updates + ": the loss became "
                    + lastLoss + ". Lower the learning rate " + config.transformerRate() + ".");
        }
        return !isDone();
    }

    /** α_u of update u (1 … U), as the class comment gives it. */
    double learningRate(int update) {
        double progress = (update - 1) / (double) config.transformerUpdates();
        return config.transformerRate() * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }

    public boolean isDone() {
        return updates >= config.transformerUpdates();
    }

    public int updates() {
        return updates;
    }

    /** The last update's mean cross-entropy (nats per token), NaN before the first. */
    public double lastLoss() {
        return lastLoss;
    }

    /** A plain-Java copy of the transformer as it is now. */
    public FrozenTransformer freeze() {
        return new FrozenTransformer(graph.sizes(), graph.weights());
    }

    /** The graph being trained (for the test that compares it with the frozen copy). */
    TransformerGraph graph() {
        return graph;
    }
}
