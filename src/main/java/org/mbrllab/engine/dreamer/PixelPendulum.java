package org.mbrllab.engine.dreamer;

import java.util.random.RandomGenerator;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.engine.control.PendulumParams;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.Seeds;

/**
 * Gymnasium's Pendulum-v1 seen only through a small grayscale camera: the world of the Dreamer lesson
 * (Hafner et al. 2020 learn from 64×64 colour frames of the DeepMind Control Suite; this is the same kind
 * of task at a size a laptop trains in minutes).
 *
 * <h2>Specification</h2>
 * <table>
 *   <caption>What the agent sees and does</caption>
 *   <tr><th>item</th><th>value</th></tr>
 *   <tr><td>observation</td><td>a {@value #SIZE}×{@value #SIZE} frame, row-major from the top-left, values in
 *       [0, 1] (multiples of 1/255): the rod drawn from the centre, anti-aliased, on black</td></tr>
 *   <tr><td>action</td><td>a torque u in N·m, clipped to ±2 as Gymnasium clips it</td></tr>
 *   <tr><td>action repeat</td><td>{@value #ACTION_REPEAT}: one agent step is two simulator steps of 0.05 s with the
 *       same torque, and its reward is the sum of theirs (Dreamer repeats actions 2 times on every task)</td></tr>
 *   <tr><td>reward</td><td>Gymnasium's −(θ² + 0.1 θ̇² + 0.001 u²) per simulator step, θ wrapped to (−π, π],
 *       charged on the state before the step ({@link Pendulum#GYMNASIUM_COST})</td></tr>
 *   <tr><td>start</td><td>Gymnasium's reset: θ uniform in [−π, π], θ̇ uniform in [−1, 1]</td></tr>
 *   <tr><td>end</td><td>never terminates; cut after {@value #EPISODE_STEPS} agent steps (200 simulator steps, as
 *       Pendulum-v1's time limit)</td></tr>
 * </table>
 * The dynamics and the reward are the control lessons' own ({@link Pendulum}, {@link PendulumParams#gymnasium()}),
 * never a second copy of the constants.
 *
 * <h2>The picture</h2>
 * As Gymnasium draws it, seen from the front: θ = 0 points up, and the tip of a rod of length
 * {@value #ROD_LENGTH} pixels sits at column c − ℓ sin θ, row c − ℓ cos θ, c = {@value #SIZE}/2 the centre of the
 * frame. Each pixel's value is the share of it the rod covers, approximated from the distance d of the pixel's
 * centre to the rod's axis segment: clamp(w/2 + ½ − d, 0, 1) for a rod of width w = {@value #ROD_WIDTH} pixels.
 * A pixel whose centre lies on the axis is fully lit, and the edge fades over one pixel, so a small turn of the
 * rod changes the picture a little, never by a whole pixel at once: that is what lets a decoder learn angles
 * finer than a pixel.
 */
public final class PixelPendulum {
    /** Width and height of a frame, in pixels. */
    public static final int SIZE = 16;
    /** Pixels in a frame. */
    public static final int PIXELS = SIZE * SIZE;
    /** Simulator steps per agent step. */
    public static final int ACTION_REPEAT = 2;
    /** Agent steps per episode. */
    public static final int EPISODE_STEPS = 100;
    /** The rod's length from the centre to the tip, in pixels. */
    public static final double ROD_LENGTH = 6.5;
    /** The rod's width, in pixels. */
    public static final double ROD_WIDTH = 1.5;

    private static final ControlSystem SYSTEM = ControlSystem.PENDULUM;

    private final Pendulum dynamics = Pendulum.gymnasium();
    private final QuadraticCost cost = SYSTEM.defaultCost();
    private final double[] state = new double[2];
    private final double[] next = new double[2];
    private int steps;

    /** A pendulum reset from {@code seed}. */
    public PixelPendulum(long seed) {
        reset(seed);
    }

    /** A fresh episode: the start state drawn as Gymnasium's reset draws it, from {@code seed}. */
    public void reset(long seed) {
        RandomGenerator random = Seeds.random(seed);
        double[] s = SYSTEM.gymnasiumReset(random);
        state[0] = s[0];
        state[1] = s[1];
        steps = 0;
    }

    /**
     * One agent step: the torque, clipped to ±2, held for {@value #ACTION_REPEAT} simulator steps.
     *
     * @param torque u in N·m; must be finite
     * @return the sum of the simulator steps' Gymnasium rewards
     * @throws IllegalStateException after the episode's last step
     */
    public double step(double torque) {
        Check.finite("torque", torque);
        if (isDone()) throw new IllegalStateException("the episode ended after " + EPISODE_STEPS + " steps; reset it");
        double u = Math.max(-dynamics.controlLimit(), Math.min(dynamics.controlLimit(), torque));
        double reward = 0;
        for (int k = 0; k < ACTION_REPEAT; k++) {
            reward -= cost.stage(state, u);
            dynamics.step(state, u, next);
            state[0] = next[0];
            state[1] = next[1];
        }
        steps++;
        return reward;
    }

    /** Whether the episode has reached its {@value #EPISODE_STEPS} agent steps. */
    public boolean isDone() {
        return steps >= EPISODE_STEPS;
    }

    /** Agent steps taken in this episode. */
    public int steps() {
        return steps;
    }

    /** The hidden state (θ, θ̇), copied: θ unwrapped, as the simulator keeps it. */
    public double[] state() {
        return state.clone();
    }

    /** Draws the current frame into {@code out} ({@value #PIXELS} values). */
    public void render(float[] out) {
        render(state[0], out);
    }

    /** Draws the rod at angle θ (0 upright) into {@code out} ({@value #PIXELS} values); see the class comment. */
    public static void render(double theta, float[] out) {
        if (out.length != PIXELS) throw new IllegalArgumentException("out has " + out.length + " values, expected " + PIXELS);
        double c = SIZE / 2.0;
        double tipX = c - ROD_LENGTH * Math.sin(theta);
        double tipY = c - ROD_LENGTH * Math.cos(theta);
        double dx = tipX - c;
        double dy = tipY - c;
        double lengthSquared = dx * dx + dy * dy;
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                double px = col + 0.5;
                double py = row + 0.5;
                // The nearest point of the segment centre → tip.
                double s = ((px - c) * dx + (py - c) * dy) / lengthSquared;
                s = Math.max(0, Math.min(1, s));
                double ex = px - (c + s * dx);
                double ey = py - (c + s * dy);
                double d = Math.sqrt(ex * ex + ey * ey);
                double v = Math.max(0, Math.min(1, ROD_WIDTH / 2 + 0.5 - d));
                out[row * SIZE + col] = Math.round(v * 255) / 255f;
            }
        }
    }
}
