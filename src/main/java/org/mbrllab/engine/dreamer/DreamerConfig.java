package org.mbrllab.engine.dreamer;

import java.util.Objects;
import org.mbrllab.engine.core.Check;

/**
 * How the whole Dreamer agent ({@link DreamerAgent}) is shaped and run: its world model, its actor and critic,
 * and the acting loop of Algorithm 1 (Hafner et al. 2020).
 *
 * @param world              the world model and its updates (its {@code maxUpdates} is not used: the loop decides)
 * @param horizon            H, imagined steps per trajectory, 1 to {@value #MAX_HORIZON} (Dreamer: 15)
 * @param gamma              γ, the discount, 0 to 1 (Dreamer: 0.99)
 * @param lambda             λ of the λ-returns, 0 to 1 (Dreamer: 0.95)
 * @param actorUnits         the actor's two hidden layers, 1 to {@value RssmConfig#MAX_UNITS}
 * @param criticUnits        the critic's two hidden layers, 1 to {@value RssmConfig#MAX_UNITS}
 * @param behaviourRate      Adam's step size for the actor and the critic, 1e-6 to 1 (Dreamer: 8e-5 each)
 * @param entropy            η, the weight of the actor's entropy bonus, 0 to 10
 * @param gradientClip       the largest global norm of the actor's gradient, and of the critic's, before Adam,
 *                           1e-3 to 1e6, or 0 for none (Dreamer: 100)
 * @param seedEpisodes       S, random-torque episodes before the first update, 1 to {@value #MAX_EPISODES}
 * @param updatesPerEpisode  C, updates (one of the world model, one of the behaviour) per collected episode,
 *                           1 to {@value #MAX_UPDATES_PER_EPISODE} (Dreamer: 100)
 * @param explorationNoise   the standard deviation of the Gaussian noise added to the actor's action in [−1, 1]
 *                           while collecting, 0 to 2 (Dreamer: 0.3)
 * @param episodes           episodes in all, seed episodes included, S + 1 to {@value #MAX_EPISODES}
 * @param seed               the seed of everything: weights, batches, noise, episodes
 */
public record DreamerConfig(RssmConfig world, int horizon, double gamma, double lambda, int actorUnits,
                            int criticUnits, double behaviourRate, double entropy, double gradientClip, int seedEpisodes,
                            int updatesPerEpisode, double explorationNoise, int episodes, long seed) {
    public static final int MAX_HORIZON = 100;
    public static final int MAX_EPISODES = PixelEpisodes.MAX_EPISODES;
    public static final int MAX_UPDATES_PER_EPISODE = 100_000;

    public DreamerConfig {
        Objects.requireNonNull(world, "world");
        if (world.categorical()) {
            throw new IllegalArgumentException("world latents categorical: the agent's actor and critic (BehaviourGraph) "
                    + "imagine with a Gaussian z only; use gaussian");
        }
        Check.inRange("horizon", horizon, 1, MAX_HORIZON);
        Check.inRange("gamma", gamma, 0, 1);
        Check.inRange("lambda", lambda, 0, 1);
        Check.inRange("actorUnits", actorUnits, 1, RssmConfig.MAX_UNITS);
        Check.inRange("criticUnits", criticUnits, 1, RssmConfig.MAX_UNITS);
        Check.inRange("behaviourRate", behaviourRate, 1e-6, 1);
        Check.inRange("entropy", entropy, 0, 10);
        if (gradientClip != 0) Check.inRange("gradientClip", gradientClip, 1e-3, 1e6);
        Check.inRange("seedEpisodes", seedEpisodes, 1, MAX_EPISODES);
        Check.inRange("updatesPerEpisode", updatesPerEpisode, 1, MAX_UPDATES_PER_EPISODE);
        Check.inRange("explorationNoise", explorationNoise, 0, 2);
        Check.inRange("episodes", episodes, seedEpisodes + 1, MAX_EPISODES);
    }

    /**
     * The lesson's agent: {@link RssmConfig#defaults()}'s world model, H = 15, γ = 0.99, λ = 0.95, actor and
     * critic of 64 units, Adam 1e-4, η = 1e-3, gradients clipped at norm 100, S = 5, C = 100, noise 0.3,
     * 50 episodes, seed 1. Dreamer's own values except the sizes and the step size (1e-4 rather than 8e-5).
     *
     * <p>Measured with {@code dreamer --behaviour --seed S} for S = 1 … 5 (4,500 updates, 5,000 agent steps,
     * 516 s alone on a quiet 2-core machine, up to 1,605 s beside other runs). Uniformly random torques return
     * −1,225 an episode (50 episodes, seed 77). The greedy policy (mean actions, no noise; 5 episodes, seed 77)
     * reached −225, −266, −330, −195 and −156 after 1,500, 2,500, 2,000, 2,000 and 2,000 updates and ended at
     * −174, −155, −233, −146 and −149; the last 10 real episodes (with noise) averaged −227, −238, −239, −196
     * and −188.
     *
     * <p>Before the clipping, with Adam 3e-4: seed 1 learned the swing-up (greedy −155) and lost it again
     * after 4,100 updates, with the imagined reward falling while the world model's losses stayed level; seed
     * 2 never learned it, its greedy policy returning exactly −1,492.7 at every evaluation from update 2,000
     * on, the mark of an actor whose mean sits in the tanh's flat tail. With the clipping, seed 2 learns at
     * 3e-4 too (greedy −152 at the end).
     */
    public static DreamerConfig defaults() {
        return new DreamerConfig(RssmConfig.defaults(), 15, 0.99, 0.95, 64, 64, 1e-4, 1e-3, 100, 5, 100, 0.3, 50, 1);
    }

    /** A small agent for quick tests: {@link RssmConfig#tiny()}, H = 4, units of 8, S = 2, C = 3, 4 episodes. */
    public static DreamerConfig tiny() {
        return new DreamerConfig(RssmConfig.tiny(), 4, 0.99, 0.95, 8, 8, 3e-4, 1e-3, 100, 2, 3, 0.3, 4, 1);
    }

    public DreamerConfig withEpisodes(int n) {
        return new DreamerConfig(world, horizon, gamma, lambda, actorUnits, criticUnits, behaviourRate, entropy,
                gradientClip, seedEpisodes, updatesPerEpisode, explorationNoise, n, seed);
    }

    public DreamerConfig withUpdatesPerEpisode(int c) {
        return new DreamerConfig(world, horizon, gamma, lambda, actorUnits, criticUnits, behaviourRate, entropy,
                gradientClip, seedEpisodes, c, explorationNoise, episodes, seed);
    }

    public DreamerConfig withNoise(double noise) {
        return new DreamerConfig(world, horizon, gamma, lambda, actorUnits, criticUnits, behaviourRate, entropy,
                gradientClip, seedEpisodes, updatesPerEpisode, noise, episodes, seed);
    }

    public DreamerConfig withBehaviour(double rate, double eta, double clip) {
        return new DreamerConfig(world, horizon, gamma, lambda, actorUnits, criticUnits, rate, eta, clip,
                seedEpisodes, updatesPerEpisode, explorationNoise, episodes, seed);
    }

    public DreamerConfig withSeed(long s) {
        return new DreamerConfig(world.withSeed(s), horizon, gamma, lambda, actorUnits, criticUnits, behaviourRate,
                entropy, gradientClip, seedEpisodes, updatesPerEpisode, explorationNoise, episodes, s);
    }
}
