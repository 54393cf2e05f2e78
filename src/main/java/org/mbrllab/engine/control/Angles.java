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
}
