package org.mbrllab.engine.dreamer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.BehaviourGraph;
import org.mbrllab.engine.nn.RssmGraph;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.run.Engine;

/**
 * The whole Dreamer agent on the pixel pendulum: Algorithm 1 of Hafner et al. 2020 ("Dream to control"),
 * with the world model of {@link RssmGraph} and the actor and critic of {@link BehaviourGraph}.
 *
 * <h2>The loop</h2>
 * <ol>
 *   <li><b>Seed.</b> S episodes of uniformly random torques fill the replay ({@link PixelEpisodes}).</li>
 *   <li><b>Update</b> (one {@link #step()}): B sequences of L steps are drawn from the replay as
 *       {@link RssmTrainer} draws them, and the world model takes one Adam step on them. Its posterior states
 *       of that batch (L·B of them, computed before the step) are the start states of the behaviour update:
 *       the new world model's transition, prior and reward head are copied into the behaviour graph, and the
 *       actor and critic take one Adam step on trajectories of H steps imagined from those states, their
 *       gradients each clipped at the configured norm ({@link DreamerConfig#gradientClip()}). Every
 *       {@value #TARGET_EVERY} updates the critic is copied into the target critic.</li>
 *   <li><b>Collect.</b> After every C updates, one episode is played in the real pixel pendulum: the
 *       plain-Java world model ({@link FrozenRssm}) filters the frames into a posterior state
 *       (z sampled), the plain-Java actor ({@link FrozenActor}) samples an action there, Gaussian
 *       exploration noise is added and the sum clipped to [−1, 1], and the torque is twice that. The episode
 *       joins the replay.</li>
 *   <li>The loop ends when the configured number of episodes (seed episodes included) is reached.</li>
 * </ol>
 * Where this departs from the paper: Dreamer computes the world-model and behaviour losses with the same
 * weights and steps them together; here the behaviour step imagines with the world model just updated,
 * from states computed before that update (a difference of one Adam step). A loss that is not finite stops
 * the loop with a {@link DivergenceException}.
 *
 * <h2>Seeds</h2>
 * From the seed, in order: the world model's weights, the actor's and critic's, the batches, the model's ε,
 * the imagination's ε, the seed episodes' collection seed, and one seed per collected episode. The same
 * configuration gives the same numbers. Confined to one thread.
 */
public final class DreamerAgent implements Engine<DreamerSnapshot> {
    /** Updates between copies of the critic into the target critic the λ-returns use (DreamerV2: 100). */
    public static final int TARGET_EVERY = 100;
    private final DreamerConfig config;
    private final RssmGraph world;
    private final BehaviourGraph behaviour;
    private final RandomGenerator batches;
    private final RandomGenerator modelNoise;
    private final RandomGenerator imaginationNoise;
    private final RandomGenerator episodeSeeds;
    private final List<PixelEpisodes> parts = new ArrayList<>();
    private final List<DreamerEpisode> episodes = new ArrayList<>();
    private PixelEpisodes replay;
    private int updates;
    private int updatesSinceEpisode;
    private RssmUpdate lastModel;
    private double[] lastBehaviour;
    private boolean done;

    public DreamerAgent(DreamerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        RssmConfig w = config.world();
        RandomGenerator master = Seeds.random(config.seed());
        this.world = new RssmGraph(RssmTrainer.sizes(w), w.freeNats(), w.klBalance(), w.balanceAlpha(), w.learningRate(),
                Seeds.random(master.nextLong()));
        this.behaviour = new BehaviourGraph(behaviourSizes(config), config.gamma(), config.lambda(), config.entropy(),
                config.behaviourRate(), Seeds.random(master.nextLong()));
        if (config.gradientClip() > 0) behaviour.clipGradients(config.gradientClip());
        this.batches = Seeds.random(master.nextLong());
        this.modelNoise = Seeds.random(master.nextLong());
        this.imaginationNoise = Seeds.random(master.nextLong());
        long seedEpisodes = master.nextLong();
        this.episodeSeeds = Seeds.random(master.nextLong());
        // 1. Seed episodes.
        PixelEpisodes seeds = PixelEpisodes.collect(PixelEpisodes.randomTorques(), config.seedEpisodes(), seedEpisodes);
        parts.add(seeds);
        replay = seeds;
        for (int e = 0; e < seeds.episodes(); e++) {
            episodes.add(new DreamerEpisode(e + 1, true, seeds.episodeReturn(e), (e + 1) * PixelEpisodes.STEPS, 0, 0));
        }
    }

    /** The behaviour graph's sizes: the world model's H, Z and head units; start states = L·B. */
    static BehaviourGraph.Sizes behaviourSizes(DreamerConfig c) {
        RssmConfig w = c.world();
        return new BehaviourGraph.Sizes(w.deterministic(), w.stochastic(), w.headUnits(), c.actorUnits(),
                c.criticUnits(), c.horizon(), w.sequenceLength() * w.batchSize());
    }

    @Override
    public boolean step() {
        if (done) return false;
        // 2. One update of the world model, then one of the actor and critic.
        updateWorldModel();
        updateBehaviour();
        updates++;
        updatesSinceEpisode++;
        // 3. Collect an episode after C updates.
        if (updatesSinceEpisode >= config.updatesPerEpisode()) {
            updatesSinceEpisode = 0;
            collect();
        }
        // 4. The end.
        done = episodes.size() >= config.episodes();
        return !done;
    }

    private void updateWorldModel() {
        RssmConfig w = config.world();
        int b = w.batchSize();
        int[] eps = new int[b];
        int[] starts = new int[b];
        for (int i = 0; i < b; i++) {
            eps[i] = batches.nextInt(replay.episodes());
            starts[i] = batches.nextInt(PixelEpisodes.STEPS - w.sequenceLength() + 1);
        }
        RssmTrainer.Batch batch = RssmTrainer.batch(replay, eps, starts, w.sequenceLength());
        float[] noise = gaussians(modelNoise, w.sequenceLength() * b * w.stochastic());
        double[] l = world.train(batch.frames(), batch.actions(), batch.rewards(), noise);
        if (!Double.isFinite(l[0])) diverged("the world model's loss", l[0]);
        lastModel = new RssmUpdate(updates + 1, l[0], l[1], l[2], l[3]);
    }

    private void updateBehaviour() {
        BehaviourGraph.Sizes s = behaviour.sizes();
        float[][] states = world.lastPosteriorStates();
        behaviour.setWorldModel(world.weights());
        float[] actEps = gaussians(imaginationNoise, s.horizon() * s.batch());
        float[] latEps = gaussians(imaginationNoise, s.horizon() * s.batch() * s.stochastic());
        double[] l = behaviour.train(states[0], states[1], actEps, latEps);
        if ((updates + 1) % TARGET_EVERY == 0) behaviour.syncTargetCritic();
        if (!Double.isFinite(l[0])) diverged("the actor's loss", l[0]);
        if (!Double.isFinite(l[1])) diverged("the critic's loss", l[1]);
        lastBehaviour = l;
    }

    private void diverged(String what, double value) {
        done = true;
        throw new DivergenceException("Dreamer diverged in update " + (updates + 1) + ": " + what + " became "
                + (Double.isNaN(value) ? "NaN" : "infinite") + ". Lower the learning rates (world model "
                + config.world().learningRate() + ", behaviour " + config.behaviourRate() + ").");
    }

    private void collect() {
        FrozenRssm model = freezeModel();
        FrozenActor actor = freezeActor();
        PixelEpisodes e = PixelEpisodes.collect(actingPolicy(model, actor, config.explorationNoise(), true), 1,
                episodeSeeds.nextLong());
        parts.add(e);
        replay = PixelEpisodes.concat(parts);
        int n = episodes.size() + 1;
        episodes.add(new DreamerEpisode(n, false, e.episodeReturn(0), n * PixelEpisodes.STEPS, updates, updates));
    }

    /**
     * The agent's policy in the real world, for one episode at a time (it keeps the filter's state between
     * frames, and starts afresh after {@value PixelEpisodes#STEPS} frames): the posterior state from the
     * frames seen, the actor's action there, plus N(0, noise²), clipped to [−1, 1], times
     * {@value FrozenRssm#MAX_TORQUE}.
     *
     * @param sample whether the posterior's z and the actor's action are sampled (else their means)
     */
    public static PixelEpisodes.Policy actingPolicy(FrozenRssm model, FrozenActor actor, double noise, boolean sample) {
        return new PixelEpisodes.Policy() {
            private FrozenRssm.State state;
            private double previous;
            private int seen;

            @Override
            public double torque(float[] frame, RandomGenerator random) {
                if (seen % PixelEpisodes.STEPS == 0) state = null;
                seen++;
                state = model.observe(state, previous, frame, sample ? gaussians(random, model.stochastic()) : null);
                double a = sample ? actor.action(state, random.nextGaussian()) : actor.meanAction(state);
                if (noise > 0) a += noise * random.nextGaussian();
                a = Math.max(-1, Math.min(1, a));
                // Rounded to float as PixelEpisodes rounds the torque it acts with.
                previous = (float) FrozenActor.torque(a);
                return previous;
            }
        };
    }

    /**
     * The mean return over {@code count} real episodes of the actor's mean action on the posterior mean, with
     * no noise: the greedy policy, as the lesson's curve shows it. Does not touch the replay.
     */
    public double evaluate(int count, long seed) {
        PixelEpisodes e = PixelEpisodes.collect(actingPolicy(freezeModel(), freezeActor(), 0, false), count, seed);
        double sum = 0;
        for (int i = 0; i < count; i++) sum += e.episodeReturn(i);
        return sum / count;
    }

    /** The mean return of {@code count} episodes of uniformly random torques from {@code seed}. */
    public static double randomPolicyReturn(int count, long seed) {
        PixelEpisodes e = PixelEpisodes.collect(PixelEpisodes.randomTorques(), count, seed);
        double sum = 0;
        for (int i = 0; i < count; i++) sum += e.episodeReturn(i);
        return sum / count;
    }

    private static float[] gaussians(RandomGenerator r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public DreamerSnapshot snapshot() {
        return new DreamerSnapshot(episodes, updates, lastModel, lastBehaviour, done);
    }

    /** A plain-Java copy of the world model as it is now. */
    public FrozenRssm freezeModel() {
        return new FrozenRssm(world.sizes(), world.weights());
    }

    /** A plain-Java copy of the actor and critic as they are now. */
    public FrozenActor freezeActor() {
        return new FrozenActor(behaviour.sizes(), behaviour.actorWeights(), behaviour.criticWeights(),
                behaviour.valueScale());
    }

    /**
     * The agent as a file: its world model, and the sections {@value Imagination#ACTOR_SECTION} and
     * {@value Imagination#CRITIC_SECTION} (the arrays of {@link BehaviourGraph#ACTOR} and {@link BehaviourGraph#CRITIC}),
     * {@value Imagination#SETTINGS_SECTION} (one array: γ, λ, H) and {@value TrainingCurve#SECTION} (three arrays:
     * the environment steps after each real episode, its return, and one value, the random policy's return as
     * measured by the caller), which {@link Imagination#behaviour} and {@link TrainingCurve} read.
     */
    public DreamerNetworks networks(double randomPolicyReturn) {
        float[] steps = new float[episodes.size()];
        float[] returns = new float[episodes.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = episodes.get(i).envSteps();
            returns[i] = (float) episodes.get(i).realReturn();
        }
        List<DreamerNetworks.Section> sections = List.of(
                new DreamerNetworks.Section(Imagination.ACTOR_SECTION, List.of(behaviour.actorWeights())),
                new DreamerNetworks.Section(Imagination.CRITIC_SECTION, List.of(behaviour.criticWeights())),
                new DreamerNetworks.Section(Imagination.SETTINGS_SECTION,
                        List.of(new float[] {(float) config.gamma(), (float) config.lambda(), config.horizon()})),
                new DreamerNetworks.Section(TrainingCurve.SECTION,
                        List.of(steps, returns, new float[] {(float) randomPolicyReturn})));
        return new DreamerNetworks(freezeModel(), config.seed(), episodes.size(), updates, replay.meanFrame(), sections);
    }

    /** The replay: every episode so far, seed episodes first. */
    public PixelEpisodes replay() {
        return replay;
    }

    public DreamerConfig config() {
        return config;
    }

    /** Updates done. */
    public int updates() {
        return updates;
    }
}
