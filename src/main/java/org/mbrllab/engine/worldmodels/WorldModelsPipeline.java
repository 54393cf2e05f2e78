package org.mbrllab.engine.worldmodels;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The World Models pipeline of Ha and Schmidhuber (2018, section 4), stage by stage, for the command
 * line and the pane:
 * <ol>
 *   <li><b>collect</b> episodes of the real game with a random policy ({@link #collect});</li>
 *   <li><b>V</b>: train the VAE on their frames ({@link VaeTrainer});</li>
 *   <li><b>M</b>: train the MDN-RNN on V's latents of those episodes ({@link MdnRnnTrainer});</li>
 *   <li><b>C</b>: evolve the controller inside M's dream at a temperature τ ({@link #evolve});</li>
 *   <li><b>evaluate</b>: play C in the real game ({@link RealPlay}), beside a random policy on the same
 *       episodes.</li>
 * </ol>
 * Every step but the first and the last sees no real game: the controller's whole training happens in
 * the dream.
 */
public final class WorldModelsPipeline {
    /** Held-out episodes of a collection: V's and M's losses are measured on these. */
    public static final int HELD_OUT_EPISODES = 50;
    /** Dreams a finished controller's dream score averages over. */
    public static final int SCORE_DREAMS = 100;

    private WorldModelsPipeline() {}

    /** Training and held-out episodes of random play. */
    public record Data(Rollouts training, Rollouts heldOut) {
        public Data {
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(heldOut, "heldOut");
        }
    }

    /** Step 1: {@code episodes} random episodes to train on, and {@value #HELD_OUT_EPISODES} others held out. */
    public static Data collect(DodgeParams params, int episodes, long seed) {
        Rollouts training = Rollouts.collect(params, DodgePolicy.random(), episodes, seed);
        Rollouts heldOut = Rollouts.collect(params, DodgePolicy.random(), HELD_OUT_EPISODES, seed + 1_000_003L);
        return new Data(training, heldOut);
    }

    /** z_0 of every dream: V's latent (its mean) of the frame every game starts from. */
    public static float[] initialLatent(FrozenVae v, DodgeParams params) {
        float[] frame = new float[Dodge.PIXELS];
        new Dodge(params, 0).render(frame);
        return v.encodeMean(frame);
    }

    /** The seed of the real episodes every agent of a run seeded {@code seed} is evaluated on. */
    public static long evaluationSeed(long seed) {
        return seed + 500_009L;
    }

    /**
     * Steps 4 and 5 for one τ: evolve C in the dream, then measure it in the dream ({@value #SCORE_DREAMS}
     * fresh dreams) and in the real game ({@code episodes} episodes seeded by {@link #evaluationSeed}).
     *
     * @param generation called after each generation with the trainer's snapshot (may be null)
     * @param realEpisodes real episodes to evaluate on; 0 skips the real evaluation (its score is NaN)
     */
    public static WorldModelsNetworks.TrainedController evolve(ControllerConfig config, FrozenVae v, FrozenMdnRnn m,
            DodgeParams params, int realEpisodes, long seed, Consumer<ControllerSnapshot> generation) {
        ControllerTrainer trainer = new ControllerTrainer(config, m, initialLatent(v, params));
        while (trainer.step()) {
            if (Thread.currentThread().isInterrupted()) throw new IllegalStateException("interrupted");
            if (generation != null) generation.accept(trainer.snapshot());
        }
        if (generation != null) generation.accept(trainer.snapshot());
        return score(trainer, v, m, params, realEpisodes, seed);
    }

    /**
     * The end of {@link #evolve}, for a caller that steps the {@link ControllerTrainer} itself (the pane, one
     * generation at a time): C as the search stands, measured in the dream ({@value #SCORE_DREAMS} fresh
     * dreams) and in the real game. A trainer stepped to its end and scored here gives exactly what
     * {@code evolve} gives for the same configuration and seed.
     *
     * @param realEpisodes real episodes to evaluate on; 0 skips the real evaluation (its score is NaN)
     */
    public static WorldModelsNetworks.TrainedController score(ControllerTrainer trainer, FrozenVae v, FrozenMdnRnn m,
            DodgeParams params, int realEpisodes, long seed) {
        LinearController c = trainer.controller();
        double dream = RealPlay.mean(trainer.dream().pays(new double[][] {c.parameters()}, SCORE_DREAMS,
                seed * 31L + 7, trainer.config().threads()));
        double real = realEpisodes == 0 ? Double.NaN
                : RealPlay.mean(RealPlay.play(v, m, c, params, realEpisodes, evaluationSeed(seed)));
        return new WorldModelsNetworks.TrainedController(trainer.config().temperature(), c, dream, real);
    }

    /** Step 5's yardstick: a random policy's mean steps survived on the same real episodes. */
    public static double randomPolicyScore(DodgeParams params, int episodes, long seed) {
        return RealPlay.mean(RealPlay.play(DodgePolicy.random(), params, episodes, evaluationSeed(seed)));
    }
}
