package org.mbrllab.engine.worldmodels;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.Seeds;

/**
 * Whole {@link Dodge} episodes played by one policy: the data World Models trains V and M on (the paper
 * collects 10,000 random rollouts of "take cover"; the lesson, a few hundred). Immutable, so it can be
 * shared between threads.
 *
 * <h2>What is kept, for episode e of T steps</h2>
 * <pre>
 *   frames   o_0 … o_T      T + 1 frames: o_0 after the reset, o_t after step t (o_T shows the hit, if any)
 *   actions  a_0 … a_{T−1}  a_t was taken on seeing o_t
 *   done     d_0 … d_{T−1}  d_t: step t ended the episode by a hit (only d_{T−1} can be set)
 * </pre>
 * The reward is +1 for every step without a hit, so it is not stored: step t earned 1 − d_t. An episode
 * that reached the cap has no done flag set ({@link #truncated}): the game did not end, it was cut.
 * Frames are stored one byte a pixel (value × 255); {@link Dodge}'s shades are multiples of 1/255, so
 * {@link #frame} gives back exactly what {@link Dodge#render} drew, in a quarter of the memory of floats.
 *
 * <h2>Seeds</h2>
 * One stream from the seed gives, in order, the policy's stream and then each episode's game seed, so the
 * same seed, policy and episode count give the same data.
 */
public final class Rollouts {
    /** The most episodes one collection may hold. */
    public static final int MAX_EPISODES = 100_000;

    private final byte[] pixels;
    private final byte[] actions;
    private final boolean[] hit;
    /** Episode e's first frame and first step; one more entry than episodes. */
    private final int[] frameStart;
    private final int[] stepStart;

    private Rollouts(byte[] pixels, byte[] actions, boolean[] hit, int[] frameStart, int[] stepStart) {
        this.pixels = pixels;
        this.actions = actions;
        this.hit = hit;
        this.frameStart = frameStart;
        this.stepStart = stepStart;
    }

    /**
     * Plays {@code episodes} episodes of {@code params} with {@code policy}.
     *
     * @param episodes 1 to {@value #MAX_EPISODES}
     */
    public static Rollouts collect(DodgeParams params, DodgePolicy policy, int episodes, long seed) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(policy, "policy");
        Check.inRange("episodes", episodes, 1, MAX_EPISODES);
        RandomGenerator master = Seeds.random(seed);
        RandomGenerator policyRandom = Seeds.random(master.nextLong());
        ByteList pixels = new ByteList();
        ByteList actions = new ByteList();
        boolean[] hit = new boolean[episodes];
        int[] frameStart = new int[episodes + 1];
        int[] stepStart = new int[episodes + 1];
        float[] frame = new float[Dodge.PIXELS];
        Dodge game = new Dodge(params, 0);
        for (int e = 0; e < episodes; e++) {
            game.reset(master.nextLong());
            game.render(frame);
            pixels.addFrame(frame);
            while (!game.isDone()) {
                Dodge.Action a = policy.act(game, policyRandom);
                actions.add((byte) a.ordinal());
                game.step(a);
                game.render(frame);
                pixels.addFrame(frame);
            }
            hit[e] = game.wasHit();
            frameStart[e + 1] = pixels.size / Dodge.PIXELS;
            stepStart[e + 1] = actions.size;
        }
        return new Rollouts(pixels.toArray(), actions.toArray(), hit, frameStart, stepStart);
    }

    /** Episodes held. */
    public int episodes() {
        return hit.length;
    }

    /** Steps T of episode e (it has T + 1 frames). */
    public int steps(int e) {
        checkEpisode(e);
        return stepStart[e + 1] - stepStart[e];
    }

    /** Frames held in all, Σ (T_e + 1). */
    public int frames() {
        return frameStart[hit.length];
    }

    /** Steps held in all, Σ T_e. */
    public int totalSteps() {
        return stepStart[hit.length];
    }

    /** Copies frame o_t of episode e (t = 0 … T) into {@code out} ({@value Dodge#PIXELS} pixels). */
    public void frame(int e, int t, float[] out) {
        checkEpisode(e);
        if (t < 0 || t > steps(e)) throw new IndexOutOfBoundsException("frame " + t + " of episode " + e + " (0 … " + steps(e) + ")");
        if (out.length != Dodge.PIXELS) throw new IllegalArgumentException("out has " + out.length + " pixels, expected " + Dodge.PIXELS);
        int base = (frameStart[e] + t) * Dodge.PIXELS;
        for (int i = 0; i < Dodge.PIXELS; i++) out[i] = (pixels[base + i] & 0xFF) / 255f;
    }

    /** Action a_t of episode e (t = 0 … T − 1). */
    public Dodge.Action action(int e, int t) {
        return Dodge.Action.values()[actions[step(e, t)]];
    }

    /** d_t: whether step t of episode e ended it by a hit. */
    public boolean done(int e, int t) {
        step(e, t);
        return hit[e] && t == steps(e) - 1;
    }

    /** Whether episode e reached the cap without a hit. */
    public boolean truncated(int e) {
        checkEpisode(e);
        return !hit[e];
    }

    /** The return of episode e: its steps without a hit. */
    public int episodeReturn(int e) {
        return steps(e) - (hit[e] ? 1 : 0);
    }

    /** Every frame of every episode, in order, as one row-major (frames, {@value Dodge#PIXELS}) array: V's training set. */
    public float[] allFrames() {
        float[] all = new float[pixels.length];
        for (int i = 0; i < all.length; i++) all[i] = (pixels[i] & 0xFF) / 255f;
        return all;
    }

    private int step(int e, int t) {
        checkEpisode(e);
        if (t < 0 || t >= steps(e)) throw new IndexOutOfBoundsException("step " + t + " of episode " + e + " (0 … " + (steps(e) - 1) + ")");
        return stepStart[e] + t;
    }

    private void checkEpisode(int e) {
        if (e < 0 || e >= hit.length) throw new IndexOutOfBoundsException("episode " + e + " of " + hit.length);
    }

    /** A growing byte array. */
    private static final class ByteList {
        byte[] data = new byte[1 << 14];
        int size;

        void add(byte b) {
            if (size == data.length) data = Arrays.copyOf(data, 2 * data.length);
            data[size++] = b;
        }

        void addFrame(float[] frame) {
            for (float v : frame) add((byte) Math.round(v * 255));
        }

        byte[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
