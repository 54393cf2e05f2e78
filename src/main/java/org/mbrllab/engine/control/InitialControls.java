package org.mbrllab.engine.control;

import java.util.Locale;
import java.util.random.RandomGenerator;

/** Where iLQR's control sequence starts. */
public enum InitialControls {
    /** u_t = 0 for every t. */
    ZERO,
    /**
     * u_t drawn uniformly from [−a, a], a = the control limit, or {@link #UNLIMITED_AMPLITUDE} when there
     * is none.
     */
    RANDOM;

    /** The amplitude of random controls when the system has no control limit (N or N·m). */
    public static final double UNLIMITED_AMPLITUDE = 1.0;

    /** {@code horizon} controls of this kind for {@code dynamics}; {@code rng} is used only by RANDOM. */
    public double[] controls(Dynamics dynamics, int horizon, RandomGenerator rng) {
        double[] us = new double[horizon];
        if (this == RANDOM) {
            double limit = dynamics.controlLimit();
            double a = Double.isFinite(limit) ? limit : UNLIMITED_AMPLITUDE;
            for (int t = 0; t < horizon; t++) us[t] = a * (2 * rng.nextDouble() - 1);
        }
        return us;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InitialControls fromCliName(String name) {
        for (InitialControls i : values()) if (i.cliName().equals(name)) return i;
        throw new IllegalArgumentException("unknown initial controls '" + name + "' (allowed: zero, random)");
    }
}
