package org.mbrllab.engine.worldmodels;

import org.mbrllab.engine.core.Check;

/**
 * The two knobs of a {@link Dodge} game; the geometry (a 16 × 16 arena, a 3-cell agent, 2 × 2 rocks) is
 * fixed in {@link Dodge}.
 *
 * @param maxSteps    the cap: an episode that is never hit ends (truncated) after this many steps, so its
 *                    return is at most this; 1 to {@value #MAX_STEPS}
 * @param spawnChance the probability that a new rock appears at the top on a step, 0 to 1
 */
public record DodgeParams(int maxSteps, double spawnChance) {
    /** The largest cap accepted. */
    public static final int MAX_STEPS = 100_000;
    /** The lesson's cap (the paper's "take cover" experiment counts survival up to 2,100 frames; ours are shorter). */
    public static final int DEFAULT_MAX_STEPS = 300;
    /**
     * The lesson's spawn chance. Over 100 seeded episodes of 300 steps a random policy survived 25.0 steps
     * on average, {@link DodgePolicy#evasive()} 55.0 and {@link DodgePolicy#lookahead()} 295.7 (95 reached
     * the cap); {@code DodgeTest} holds these.
     */
    public static final double DEFAULT_SPAWN_CHANCE = 0.3;

    public DodgeParams {
        Check.inRange("maxSteps", maxSteps, 1, MAX_STEPS);
        Check.inRange("spawnChance", spawnChance, 0.0, 1.0);
    }

    /** The lesson's game. */
    public static DodgeParams defaults() {
        return new DodgeParams(DEFAULT_MAX_STEPS, DEFAULT_SPAWN_CHANCE);
    }
}
