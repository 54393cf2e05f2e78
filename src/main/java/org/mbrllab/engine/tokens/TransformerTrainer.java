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
 *       ({@link TokenSequences}), and at each action token the reward r_{s+t} of that step, standardised:
 *       (r − μ) / σ with μ and σ the mean and standard deviation of every training reward.</li>
 *   <li>One Adam step on the mean cross-entropy of every frame code given the positions before it, plus λ times
 *       the mean squared error of the standardised rewards ({@link TokenConfig#rewardWeight()}), with the step
 *       size α_u = α (0.1 + 0.9 · ½ (1 + cos(π (u − 1) / U))) for update u of U: cosine decay to a tenth
 *       (Loshchilov and Hutter 2017, without restarts), as GPT-style models are trained.</li>
 * </ol>
 * The pendulum's rewards lie in about [−33, 0], most near −20 (hanging down): unscaled, their squared error
 * would start some hundred times the cross-entropy and the reward head's bias alone would need thousands of
 * Adam steps to reach the mean. Standardised, both terms start near 1. {@link #freeze()} folds μ and σ into the
 * reward head (w σ, b σ + μ), so the frozen transformer predicts rewards in their own units.
 *
 * <p>A loss that is not finite stops training with a {@link DivergenceException}. From the seed, in order: the
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
    private final double rewardMean;
    private final double rewardScale;
    private int updates;
    private TransformerGraph.Losses last;

    /** @param tokenizer the trained tokenizer, whose codes are the transformer's words */
    public TransformerTrainer(TokenConfig config, PixelEpisodes training, FrozenTokenizer tokenizer) {
        this.config = Objects.requireNonNull(config, "config");
        this.data = Objects.requireNonNull(training, "training");
        RandomGenerator master = Seeds.random(config.seed());
        master.nextLong();
        master.nextLong();
        RandomGenerator weights = Seeds.random(master.nextLong());
        this.batches = Seeds.random(master.nextLong());
        this.graph = new TransformerGraph(sizes(config, tokenizer.tokens()), config.transformerRate(), config.rewardWeight(),
                weights);
        this.tokens = new int[data.episodes()][PixelEpisodes.STEPS + 1][];
        float[] frame = new float[PixelPendulum.PIXELS];
        for (int e = 0; e < data.episodes(); e++) {
            for (int t = 0; t <= PixelEpisodes.STEPS; t++) {
                data.frame(e, t, frame);
                tokens[e][t] = tokenizer.encode(frame);
            }
        }
        double sum = 0, squares = 0;
        int count = data.episodes() * PixelEpisodes.STEPS;
        for (int e = 0; e < data.episodes(); e++) {
            for (int t = 0; t < PixelEpisodes.STEPS; t++) sum += data.reward(e, t);
        }
        this.rewardMean = sum / count;
        for (int e = 0; e < data.episodes(); e++) {
            for (int t = 0; t < PixelEpisodes.STEPS; t++) squares += (data.reward(e, t) - rewardMean) * (data.reward(e, t) - rewardMean);
        }
        // A floor keeps a constant reward (σ = 0) from dividing by zero.
        this.rewardScale = Math.max(Math.sqrt(squares / count), 1e-6);
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
        float[] r = new float[x.length];
        for (int b = 0; b < s.batch(); b++) {
            int e = batches.nextInt(data.episodes());
            int start = batches.nextInt(PixelEpisodes.STEPS - config.frames() + 1);
            for (int t = 0; t < config.frames(); t++) {
                int base = b * n + t * (f + 1);
                System.arraycopy(tokens[e][start + t], 0, x, base, f);
                x[base + f] = config.codes() + TokenSequences.actionBin(data.action(e, start + t), config.actionBins());
                r[base + f] = (float) ((data.reward(e, start + t) - rewardMean) / rewardScale);
            }
            TokenSequences.targets(x, b * n, config.frames(), f, y);
        }
        // 2. One Adam step.
        graph.setLearningRate(learningRate(updates));
        last = graph.train(x, y, r);
        if (!Double.isFinite(last.total())) {
            throw new DivergenceException("Training the transformer diverged in update " + updates + ": the loss became "
                    + last.total() + ". Lower the learning rate " + config.transformerRate() + ".");
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
        return last == null ? Double.NaN : last.tokens();
    }

    /** The last update's losses (the reward's on standardised rewards), or null before the first. */
    public TransformerGraph.Losses last() {
        return last;
    }

    /** μ, the mean training reward. */
    public double rewardMean() {
        return rewardMean;
    }

    /** σ, the training rewards' standard deviation (at least 10⁻⁶). */
    public double rewardScale() {
        return rewardScale;
    }

    /**
     * A plain-Java copy of the transformer as it is now, its reward head predicting rewards in their own units:
     * r = σ (h w + b) + μ = h (σ w) + (σ b + μ).
     */
    public FrozenTransformer freeze() {
        float[][] w = graph.weights();
        int head = w.length - 2;
        for (int j = 0; j < w[head].length; j++) w[head][j] = (float) (w[head][j] * rewardScale);
        w[head + 1][0] = (float) (w[head + 1][0] * rewardScale + rewardMean);
        return new FrozenTransformer(graph.sizes(), w);
    }

    /** The graph being trained (for the test that compares it with the frozen copy). */
    TransformerGraph graph() {
        return graph;
    }
}
