package org.mbrllab.engine.dreamer;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.Seeds;

/**
 * Whole {@link PixelPendulum} episodes: what the Dreamer world model learns from. Immutable, so it can be
 * shared between threads.
 *
 * <h2>What is kept, for each episode of T = {@value PixelPendulum#EPISODE_STEPS} agent steps</h2>
 * <pre>
 *   frames   o_0 … o_T      o_0 after the reset, o_t after step t
 *   actions  u_0 … u_{T−1}  the torque taken on seeing o_t, in N·m, as given (before the ±2 clip)
 *   rewards  r_0 … r_{T−1}  r_t earned by step t (the sum over the action repeat)
 * </pre>
 * Frames are stored one byte a pixel (value × 255); {@link PixelPendulum}'s values are multiples of 1/255,
 * so {@link #frame} gives back exactly what was drawn, in a quarter of the memory of floats (as
 * {@code worldmodels.Rollouts} does).
 *
 * <h2>Seeds</h2>
 * One stream from the seed gives, in order, the torque stream and then each episode's reset seed, so the same
 * seed and episode count give the same data, and a longer collection starts with the shorter one's episodes.
 */
public final class PixelEpisodes {
    /** The most episodes one collection may hold. */
    public static final int MAX_EPISODES = 10_000;
    /** Steps per episode. */
    public static final int STEPS = PixelPendulum.EPISODE_STEPS;
    private static final int PIXELS = PixelPendulum.PIXELS;

    private final byte[] pixels;
    private final float[] actions;
    private final double[] rewards;
    private final int episodes;

    private PixelEpisodes(byte[] pixels, float[] actions, double[] rewards, int episodes) {
        this.pixels = pixels;
        this.actions = actions;
        this.rewards = rewards;
        this.episodes = episodes;
    }

    /** A policy for collection: the torque to take on seeing a frame. */
    @FunctionalInterface
    public interface Policy {
        double torque(float[] frame, RandomGenerator random);
    }

    /** Torques uniform in [−2, 2], whatever the frame: the data Dreamer starts from (its S seed episodes). */
    public static Policy randomTorques() {
        return (frame, random) -> -2 + 4 * random.nextDouble();
    }

    /**
     * Plays {@code episodes} whole episodes with {@code policy}.
     *
     * @param episodes 1 to {@value #MAX_EPISODES}
     */
    public static PixelEpisodes collect(Policy policy, int episodes, long seed) {
        Objects.requireNonNull(policy, "policy");
        Check.inRange("episodes", episodes, 1, MAX_EPISODES);
        RandomGenerator master = Seeds.random(seed);
        RandomGenerator policyRandom = Seeds.random(master.nextLong());
        byte[] pixels = new byte[episodes * (STEPS + 1) * PIXELS];
        float[] actions = new float[episodes * STEPS];
        double[] rewards = new double[episodes * STEPS];
        float[] frame = new float[PIXELS];
        PixelPendulum world = new PixelPendulum(0);
        for (int e = 0; e < episodes; e++) {
            world.reset(master.nextLong());
            world.render(frame);
            put(frame, pixels, e * (STEPS + 1));
            for (int t = 0; t < STEPS; t++) {
                // Rounded to float before it acts, so that the stored torque replays the episode exactly.
                float u = (float) Check.finite("torque", policy.torque(frame.clone(), policyRandom));
                actions[e * STEPS + t] = u;
                rewards[e * STEPS + t] = world.step(u);
                world.render(frame);
                put(frame, pixels, e * (STEPS + 1) + t + 1);
            }
        }
        return new PixelEpisodes(pixels, actions, rewards, episodes);
    }

    /**
     * The episodes of {@code parts}, in order, as one collection: how Dreamer's replay grows by an episode at a
     * time while every collection stays immutable.
     */
    public static PixelEpisodes concat(java.util.List<PixelEpisodes> parts) {
        int total = 0;
        for (PixelEpisodes p : parts) total += p.episodes;
        Check.inRange("episodes", total, 1, MAX_EPISODES);
        byte[] pixels = new byte[total * (STEPS + 1) * PIXELS];
        float[] actions = new float[total * STEPS];
        double[] rewards = new double[total * STEPS];
        int e = 0;
        for (PixelEpisodes p : parts) {
            System.arraycopy(p.pixels, 0, pixels, e * (STEPS + 1) * PIXELS, p.pixels.length);
            System.arraycopy(p.actions, 0, actions, e * STEPS, p.actions.length);
            System.arraycopy(p.rewards, 0, rewards, e * STEPS, p.rewards.length);
            e += p.episodes;
        }
        return new PixelEpisodes(pixels, actions, rewards, total);
    }

    private static void put(float[] frame, byte[] pixels, int index) {
        int base = index * PIXELS;
        for (int i = 0; i < PIXELS; i++) pixels[base + i] = (byte) Math.round(frame[i] * 255);
    }

    /** Episodes held. */
    public int episodes() {
        return episodes;
    }

    /** Copies frame o_t of episode e (t = 0 … {@value #STEPS}) into {@code out} ({@value PixelPendulum#PIXELS} values). */
    public void frame(int e, int t, float[] out) {
        checkEpisode(e);
        if (t < 0 || t > STEPS) throw new IndexOutOfBoundsException("frame " + t + " of episode " + e + " (0 … " + STEPS + ")");
        if (out.length != PIXELS) throw new IllegalArgumentException("out has " + out.length + " values, expected " + PIXELS);
        frameInto(e, t, out, 0);
    }

    /** Frame o_t of episode e into {@code out} from {@code offset}, unchecked (for batch building). */
    void frameInto(int e, int t, float[] out, int offset) {
        int base = (e * (STEPS + 1) + t) * PIXELS;
        for (int i = 0; i < PIXELS; i++) out[offset + i] = (pixels[base + i] & 0xFF) / 255f;
    }

    /** The torque u_t of episode e (t = 0 … {@value #STEPS} − 1), as the policy gave it. */
    public float action(int e, int t) {
        return actions[step(e, t)];
    }

    /** The reward r_t of episode e. */
    public double reward(int e, int t) {
        return rewards[step(e, t)];
    }

    /** The return of episode e, Σ_t r_t. */
    public double episodeReturn(int e) {
        checkEpisode(e);
        double sum = 0;
        for (int t = 0; t < STEPS; t++) sum += rewards[e * STEPS + t];
        return sum;
    }

    /** The mean of every frame of every episode, per pixel: the "mean frame" baseline of open-loop prediction. */
    public float[] meanFrame() {
        double[] sum = new double[PIXELS];
        int frames = pixels.length / PIXELS;
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < PIXELS; i++) sum[i] += pixels[f * PIXELS + i] & 0xFF;
        }
        float[] mean = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) mean[i] = (float) (sum[i] / frames / 255);
        return mean;
    }

    private int step(int e, int t) {
        checkEpisode(e);
        if (t < 0 || t >= STEPS) throw new IndexOutOfBoundsException("step " + t + " of episode " + e + " (0 … " + (STEPS - 1) + ")");
        return e * STEPS + t;
    }

    private void checkEpisode(int e) {
        if (e < 0 || e >= episodes) throw new IndexOutOfBoundsException("episode " + e + " of " + episodes);
    }
}
