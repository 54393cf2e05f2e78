package org.mbrllab.engine.control;

/** Angle helpers shared by the costs, the command line and the renderers. */
public final class Angles {
    private Angles() {}

    private static final double TWO_PI = 2 * Math.PI;

    /**
     * θ wrapped into (−π, π], so that θ = 0 is upright and ±π both map to π (hanging down). Gymnasium's
     * {@code angle_normalize} wraps into [−π, π) instead; the two differ only at −π, where θ² is the same.
     */
    public static double normalize(double theta) {
        return theta - TWO_PI * Math.ceil((theta - Math.PI) / TWO_PI);
    }

    /**
     * Whether two consecutive wrapped angles lie on either side of the ±π cut: they differ by more than π.
     * One time step never turns the pole by half a turn, so a larger difference means the angle went past
     * hanging down (for example 179° to −179°), and a plot must break its line there instead of drawing it
     * across the whole axis.
     */
    public static boolean crossesCut(double wrappedBefore, double wrappedAfter) {
        return Math.abs(wrappedAfter - wrappedBefore) > Math.PI;
    }
}
