package org.mbrllab.engine.control;

/**
 * What a view needs to draw a {@link ClosedLoop}. The trajectory and the list are immutable; {@code state}
 * is a copy owned by this snapshot: read it, don't change it.
 *
 * @param step        steps taken, t
 * @param steps       steps it runs for
 * @param state       x_t, a copy
 * @param history     x_0 … x_t and u_0 … u_{t−1} as applied, with their cost so far (immutable)
 * @param maxAbsTheta max |θ| so far, θ wrapped to (−π, π]
 * @param pushes      the steps at which a push was applied, oldest first
 */
public record ClosedLoopSnapshot(int step, int steps, double[] state, Trajectory history, double maxAbsTheta,
                                 java.util.List<Integer> pushes) {}
