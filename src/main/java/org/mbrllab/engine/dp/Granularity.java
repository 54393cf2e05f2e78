package org.mbrllab.engine.dp;

/** How much work one {@link DpSolver#step()} does. */
public enum Granularity {
    /** One state's backup (or, in policy iteration's improvement, one state's greedy choice). */
    BACKUP,
    /** The rest of the current sweep: normally one whole sweep over every non-terminal cell. */
    SWEEP
}
