package org.mbrllab.engine.dp;

/**
 * What {@link DpSolver#solve()} found.
 *
 * @param values     V(s) for every state; 0 for terminal cells, NaN for walls
 * @param greedy     for every state the bitmask of the actions whose q is within
 *                   {@link DpSolver#TIE_TOLERANCE} of the best (bit {@code a} for action {@code a}); 0
 *                   for walls and terminal cells
 * @param iterations sweeps (value iteration, policy evaluation) or improvements (policy iteration),
 *                   including the last one
 * @param converged  whether the tolerance (or a stable policy) was reached before {@code maxIterations}
 * @param backups    state backups done, over all sweeps
 */
public record DpResult(double[] values, int[] greedy, int iterations, boolean converged, long backups) {}
