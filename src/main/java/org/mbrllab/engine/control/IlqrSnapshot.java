package org.mbrllab.engine.control;

import java.util.List;

/**
 * What a view needs to draw an {@link IlqrEngine}: the current start's trajectory, every trajectory it
 * has accepted so far (to overlay them, newest last), the cost per iteration, μ and α, and the best
 * result over the finished starts. Everything in it is immutable (trajectories copy their arrays in and
 * out; the lists are unmodifiable).
 *
 * @param restart         the start being optimised, 0-based
 * @param restarts        how many starts there are
 * @param iteration       iterations of this start so far (0: just rolled out its initial controls)
 * @param totalIterations iterations over all starts so far
 * @param trajectory      the current trajectory of this start: x_0 … x_T, u_0 … u_{T−1}, J
 * @param accepted        this start's trajectories after each accepted iteration, oldest first; the first
 *                        is the rollout of the initial controls, the last equals {@code trajectory}
 * @param costs           J after every iteration of this start (accepted or not), starting with the
 *                        initial J; so {@code costs.size() == iteration + 1}
 * @param mu              μ, the regularisation, as it stands for the next iteration
 * @param alpha           the α of the last accepted line-search step; NaN if the last iteration was
 *                        rejected or none has run
 * @param lastAccepted    whether the last iteration found a step
 * @param stopReason      why this start stopped; null while it runs
 * @param finishedCosts   the final J of each finished start, in order
 * @param best            the cheapest trajectory of the finished starts; null until one has finished
 * @param bestRestart     its start index; −1 until one has finished
 * @param done            whether every start has finished
 */
public record IlqrSnapshot(int restart, int restarts, int iteration, int totalIterations, Trajectory trajectory,
                           List<Trajectory> accepted, List<Double> costs, double mu, double alpha,
                           boolean lastAccepted, Ilqr.StopReason stopReason, List<Double> finishedCosts,
                           Trajectory best, int bestRestart, boolean done) {}
