package org.mbrllab.engine.control;

import java.util.List;

/**
 * What a view needs to draw an {@link Mpc} run. The trajectories and lists are immutable; {@code state} is
 * a copy owned by this snapshot: read it, don't change it.
 *
 * @param step              steps taken on the plant, t
 * @param steps             steps the run lasts
 * @param state             x_t of the true plant, a copy
 * @param executed          x_0 … x_t and u_0 … u_{t−1} on the true plant, with their cost
 * @param plan              the last plan, as the planner's model predicts it from x_{t−1}: its x_1 … x_H
 *                          are the ghosts to draw ahead; null before the first replan
 * @param planner           which planner replans
 * @param replanMillis      the wall time of every replan so far, in ms, oldest first
 * @param medianReplanMillis their median; NaN before the first replan
 * @param plannerIterations iLQR iterations or CEM refits over all replans so far
 * @param maxAbsTheta       max |θ| on the plant so far, θ wrapped to (−π, π]
 * @param pushes            the steps at which a push was applied
 */
public record MpcSnapshot(int step, int steps, double[] state, Trajectory executed, Trajectory plan,
                          PlannerKind planner, List<Double> replanMillis, double medianReplanMillis,
                          long plannerIterations, double maxAbsTheta, List<Integer> pushes) {}
