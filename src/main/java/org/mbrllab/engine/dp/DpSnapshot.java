package org.mbrllab.engine.dp;

import java.util.List;

/**
 * What a view needs to draw a {@link DpSolver}. Every array is a fresh copy owned by the snapshot; read
 * it, don't change it. States are indexed {@code s = row*cols + col}.
 *
 * @param rows               grid rows
 * @param cols               grid columns
 * @param values             V(s) as it stands: 0 for terminal cells, NaN for walls. In a synchronous
 *                           sweep stopped half-way, the cells already backed up this sweep show their new
 *                           value and the others their old one.
 * @param q                  q(s, a) at index {@code s*4 + a}, computed from {@code values}; NaN for walls
 *                           and terminal cells
 * @param greedy             bitmask of the actions within {@link DpSolver#TIE_TOLERANCE} of the best q
 *                           (bit {@code a} for action {@code a}); 0 for walls and terminal cells
 * @param wall               wall flags
 * @param terminal           terminal flags
 * @param algorithm          the algorithm running
 * @param gamma              γ
 * @param iterations         completed sweeps (value iteration, evaluation) or improvements (policy
 *                           iteration)
 * @param backups            state backups done so far
 * @param transitionTerms    outcomes p·[r + γV(s')] evaluated so far: the work done
 * @param sweepDeltas        max|ΔV| of every completed value sweep (evaluation or value iteration)
 * @param policyChanges      policy iteration: per improvement, the states whose policy changed (an old
 *                           action stopped being among the best); empty for the other algorithms
 * @param converged          whether the solver has converged
 * @param phase              policy iteration: "evaluation" or "improvement"; "" for the others
 * @param cursor             the next state the current sweep backs up; −1 between sweeps
 * @param backedUpThisSweep  the states the current sweep has backed up so far
 * @param lastBackup         the last backup written out, or null unless the last step was one backup
 * @param policy             the policy being evaluated or improved (bitmask per state, uniform over the
 *                           set bits); for value iteration the same as {@code greedy}
 * @param reconfigurations   indices into {@code sweepDeltas} at which {@link DpSolver#setWorld} took
 *                           effect (the history before them belongs to another world)
 */
public record DpSnapshot(int rows, int cols, double[] values, double[] q, int[] greedy, boolean[] wall,
                         boolean[] terminal, Algorithm algorithm, double gamma, int iterations, long backups,
                         long transitionTerms, List<Double> sweepDeltas, List<Integer> policyChanges,
                         boolean converged, String phase, int cursor, boolean[] backedUpThisSweep,
                         BackupDetail lastBackup, int[] policy, List<Integer> reconfigurations) {

    /** The state index of ({@code row}, {@code col}). */
    public int index(int row, int col) {
        return row * cols + col;
    }

    /** V at ({@code row}, {@code col}). */
    public double value(int row, int col) {
        return values[index(row, col)];
    }

    /** The tied best actions at ({@code row}, {@code col}), e.g. "up|left"; "" for walls and terminals. */
    public String greedyLabel(int row, int col) {
        return Action.labels(greedy[index(row, col)]);
    }
}
