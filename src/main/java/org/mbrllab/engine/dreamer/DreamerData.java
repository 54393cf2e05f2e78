package org.mbrllab.engine.dreamer;

import org.mbrllab.engine.core.Check;

/**
 * The lesson's fixed data: the random episodes the world model learns from and the held-out episodes its
 * open-loop prediction is judged on. The command line and the pane take them from here, so that they report
 * the same numbers for the same model.
 *
 * <p>Training: {@code episodes} random-torque episodes from seed S (Dreamer's seed episodes, here the whole
 * data set). Held out: {@value #HELD_OUT_EPISODES} random-torque episodes from seed S + 1, which never share
 * an episode with a training collection from S (the same seed would give the same episodes). Open loop: the
 * first {@value #SEQUENCES} windows of {@value OpenLoop#CONTEXT} context and {@value OpenLoop#HORIZON}
 * imagined frames, five to an episode, as {@link RssmConfig#defaults()} was measured.
 */
public final class DreamerData {
    /** Random episodes the lesson's world model is trained on (as {@link RssmConfig#defaults()} was measured). */
    public static final int TRAINING_EPISODES = 200;
    /** Held-out episodes. */
    public static final int HELD_OUT_EPISODES = 10;
    /** Held-out open-loop sequences: every window of 20 frames the held-out episodes hold. */
    public static final int SEQUENCES = 50;

    private DreamerData() {}

    /** {@code episodes} random-torque episodes from {@code seed}, 1 to {@value PixelEpisodes#MAX_EPISODES}. */
    public static PixelEpisodes training(long seed, int episodes) {
        Check.inRange("episodes", episodes, 1, PixelEpisodes.MAX_EPISODES);
        return PixelEpisodes.collect(PixelEpisodes.randomTorques(), episodes, seed);
    }

    /** The held-out episodes for a model trained from {@code seed}. */
    public static PixelEpisodes heldOut(long seed) {
        return PixelEpisodes.collect(PixelEpisodes.randomTorques(), HELD_OUT_EPISODES, seed + 1);
    }

    /** The fixed open-loop benchmark: {@value #SEQUENCES} held-out sequences, 5 context frames, 15 imagined. */
    public static OpenLoop openLoop(PixelEpisodes heldOut, float[] meanFrame) {
        return new OpenLoop(heldOut, meanFrame, OpenLoop.CONTEXT, OpenLoop.HORIZON, SEQUENCES);
    }
}
