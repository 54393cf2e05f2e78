package org.mbrllab.engine.dreamer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.RssmGraph;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.run.Engine;

/**
 * Trains Dreamer's world model ({@link RssmGraph}) on stored pixel-pendulum episodes, one update per
 * {@link #step()}: the "dynamics learning" half of Dreamer's Algorithm 1 (Hafner et al. 2020), on a fixed
 * data set.
 *
 * <h2>One update ({@link #step()})</h2>
 * <ol>
 *   <li>B sequences of L steps are drawn, each from a uniformly drawn episode and a uniformly drawn start s
 *       (0 ≤ s ≤ T − L): frames o_s … o_{s+L−1}, actions a_s … a_{s+L−1} (torques clipped and scaled to
 *       [−1, 1], {@link FrozenRssm#action}), and as step t's reward target symlog r_{s+t−1}, the reward of the
 *       step that led to o_{s+t} (none for t = 0). Each sequence starts from h = 0.</li>
 *   <li>ε ~ N(0, I) is drawn for every step's posterior sample (for categorical latents, the uniforms u of its
 *       Gumbel-max draws).</li>
 *   <li>One Adam step on the loss of {@link RssmGraph}; its parts are recorded ({@link RssmUpdate}).</li>
 *   <li>A loss that is not finite stops training with a {@link DivergenceException}.</li>
 *   <li>Training ends after {@code maxUpdates}.</li>
 * </ol>
 * From the seed, in order: a stream for the initial weights, one for the batches, one for ε. Same seed, data
 * and configuration: the same numbers. Confined to one thread.
 */
public final class RssmTrainer implements Engine<RssmSnapshot> {
    private final RssmConfig config;
    private final PixelEpisodes data;
    private final RssmGraph graph;
    private final RandomGenerator batches;
    private final RandomGenerator noise;
    private final List<RssmUpdate> history = new ArrayList<>();
    private int updates;
    private boolean done;

    /** @param training the episodes to learn from */
    public RssmTrainer(RssmConfig config, PixelEpisodes training) {
        this.config = Objects.requireNonNull(config, "config");
        this.data = Objects.requireNonNull(training, "training");
        RandomGenerator master = Seeds.random(config.seed());
        RandomGenerator weights = Seeds.random(master.nextLong());
        this.batches = Seeds.random(master.nextLong());
        this.noise = Seeds.random(master.nextLong());
        this.graph = new RssmGraph(sizes(config), config.freeNats(), config.klBalance(), config.balanceAlpha(),
                config.learningRate(), weights);
    }

    /** The graph's sizes for a configuration: 16×16 frames, one action value. */
    static RssmGraph.Sizes sizes(RssmConfig c) {
        return new RssmGraph.Sizes(PixelPendulum.PIXELS, c.encoderUnits(), c.embedding(), c.deterministic(),
                c.stochastic(), c.headUnits(), 1, c.sequenceLength(), c.batchSize(), c.categorical() ? c.classes() : 0);
    }

    @Override
    public boolean step() {
        if (done) return false;
        updates++;
        // 1. The sequences.
        int b = config.batchSize();
        int[] episodes = new int[b];
        int[] starts = new int[b];
        for (int i = 0; i < b; i++) {
            episodes[i] = batches.nextInt(data.episodes());
            starts[i] = batches.nextInt(PixelEpisodes.STEPS - config.sequenceLength() + 1);
        }
        Batch batch = batch(data, episodes, starts, config.sequenceLength());
        // 2. The noise.
        float[] eps = new float[config.sequenceLength() * b * graph.sizes().latent()];
        for (int i = 0; i < eps.length; i++) eps[i] = config.categorical() ? uniform(noise) : (float) noise.nextGaussian();
        // 3. One Adam step.
        double[] l = graph.train(batch.frames, batch.actions, batch.rewards, eps);
        // 4. Divergence.
        if (!Double.isFinite(l[0])) {
            done = true;
            throw new DivergenceException("Training the world model diverged in update " + updates + ": the loss became "
                    + (Double.isNaN(l[0]) ? "NaN" : "infinite") + ". Lower the learning rate " + config.learningRate() + ".");
        }
        history.add(new RssmUpdate(updates, l[0], l[1], l[2], l[3]));
        // 5. The end.
        done = updates >= config.maxUpdates();
        return !done;
    }

    /** u ~ U(0, 1) as a float strictly inside (0, 1), as a Gumbel-max draw needs (a double near 1 rounds to 1f). */
    static float uniform(RandomGenerator random) {
        float u;
        do {
            u = (float) random.nextDouble();
        } while (u <= 0 || u >= 1);
        return u;
    }

    /** One batch in {@link RssmGraph}'s time-major layout: row t·B + b is step t of sequence b. */
    record Batch(float[] frames, float[] actions, float[] rewards) {}

    /** Sequence i: episode {@code episodes[i]} from step {@code starts[i]}, L steps (see the class comment). */
    static Batch batch(PixelEpisodes data, int[] episodes, int[] starts, int length) {
        int b = episodes.length;
        int p = PixelPendulum.PIXELS;
        float[] frames = new float[length * b * p];
        float[] actions = new float[length * b];
        float[] rewards = new float[length * b];
        for (int i = 0; i < b; i++) {
            for (int t = 0; t < length; t++) {
                int row = t * b + i;
                int step = starts[i] + t;
                data.frameInto(episodes[i], step, frames, row * p);
                actions[row] = FrozenRssm.action(data.action(episodes[i], step));
                if (t > 0) rewards[row] = (float) FrozenRssm.symlog(data.reward(episodes[i], step - 1));
            }
        }
        return new Batch(frames, actions, rewards);
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public RssmSnapshot snapshot() {
        return new RssmSnapshot(updates, config.maxUpdates(), history, done);
    }

    /** A plain-Java copy of the world model as it is now. */
    public FrozenRssm freeze() {
        return new FrozenRssm(graph.sizes(), graph.weights());
    }

    /** The graph being trained (for the test that compares it with the frozen copy). */
    RssmGraph graph() {
        return graph;
    }

    public RssmConfig config() {
        return config;
    }

    /** Updates done. */
    public int updates() {
        return updates;
    }
}
