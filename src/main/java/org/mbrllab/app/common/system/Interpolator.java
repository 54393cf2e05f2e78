package org.mbrllab.app.common.system;

/**
 * Smooth motion between snapshots: snapshots arrive at most 30 times a second, the screen draws 60, so
 * the view glides from where it is drawn now to each new state over the time the last one took to
 * arrive (between {@link #MIN_NANOS} and {@link #MAX_NANOS}). Only reads states; it computes no physics.
 * Times are {@link System#nanoTime()} values, passed in so that tests can choose them.
 */
public final class Interpolator {

    /** Shortest glide, in ns. */
    static final long MIN_NANOS = 8_000_000L;
    /** Longest glide, in ns: a single step after a pause glides this long. */
    static final long MAX_NANOS = 100_000_000L;

    private double[] from;
    private double[] to;
    private long start;
    private long duration;
    private long lastArrival;

    /** Glides from the state drawn at {@code now} to {@code target}. */
    void moveTo(double[] target, long now) {
        if (to == null || target.length != to.length) {
            jumpTo(target, now);
            return;
        }
        from = at(now);
        to = target.clone();
        duration = Math.max(MIN_NANOS, Math.min(MAX_NANOS, now - lastArrival));
        start = now;
        lastArrival = now;
    }

    /** Shows {@code target} at once (a reset, another system). */
    void jumpTo(double[] target, long now) {
        from = target.clone();
        to = from.clone();
        duration = 0;
        start = now;
        lastArrival = now;
    }

    /** The state to draw at {@code now}; null before the first state. */
    double[] at(long now) {
        if (to == null) return null;
        if (duration <= 0 || now - start >= duration) return to.clone();
        double a = Math.max(0, (double) (now - start) / duration);
        double[] x = new double[to.length];
        for (int i = 0; i < x.length; i++) x[i] = from[i] + a * (to[i] - from[i]);
        return x;
    }

    /** Whether the glide has reached its target at {@code now}. */
    boolean settled(long now) {
        return to == null || duration <= 0 || now - start >= duration;
    }

    /** The newest target; null before the first. */
    double[] target() {
        return to == null ? null : to.clone();
    }
}
