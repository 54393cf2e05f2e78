package org.mbrllab.app.common.system;

import java.util.List;

/**
 * A stored trajectory replayed in a loop at real time: x_0 … x_T, one step every dt seconds, gliding
 * linearly between steps, then holding x_T for one second before starting over. The states of the next
 * second ahead are shown as ghosts. Times are {@link System#nanoTime()} values, passed in so that tests can
 * choose them. Only reads states; it computes no physics.
 */
final class Playback {

    /** What to draw at one moment of the replay. */
    record Sample(double[] state, double u, double t) {}

    private double[][] states;
    private double[] actions;
    private double dt;
    private long start;
    private List<double[]> ghosts = List.of();

    /**
     * Replays {@code states} (with {@code actions}, which may be null) from {@code now}; null stops. A new
     * trajectory while one plays keeps the clock, so the motion morphs from one to the next.
     */
    void set(double[][] states, double[] actions, double dt, long now) {
        if (this.states == null && states != null) start = now;
        this.states = states;
        this.actions = actions;
        this.dt = dt;
    }

    /** Whether a trajectory is set (even an empty one): the engine's states are not shown then. */
    boolean on() {
        return states != null;
    }

    /** Whether there is something to replay. */
    boolean playing() {
        return states != null && states.length > 0;
    }

    /** The ghosts of the last {@link #at} sample: the states of the next second, nearest first. */
    List<double[]> ghosts() {
        return ghosts;
    }

    /** The state, control and time at {@code now}; only while {@link #playing()}. */
    Sample at(long now) {
        double steps = (now - start) / 1e9 / dt;
        double hold = 1 / dt; // one second at the end
        double cycle = states.length - 1 + hold;
        double k = steps % cycle;
        int i = (int) Math.min(states.length - 1, Math.floor(k));
        int j = Math.min(states.length - 1, i + 1);
        double a = Math.min(1, k - i);
        double[] s = new double[states[i].length];
        for (int e = 0; e < s.length; e++) s[e] = states[i][e] + a * (states[j][e] - states[i][e]);
        double u = actions != null && actions.length > 0 ? actions[Math.min(i, actions.length - 1)] : 0;
        double t = Math.min(k, states.length - 1) * dt;
        // The trajectory's next second ahead, as ghosts.
        int ahead = (int) Math.min(states.length - 1 - i, Math.round(1 / dt));
        double[][] next = new double[Math.max(0, ahead)][];
        for (int q = 0; q < next.length; q++) next[q] = states[i + 1 + q];
        ghosts = List.of(next);
        return new Sample(s, u, t);
    }
}
