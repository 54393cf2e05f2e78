package org.mbrllab.engine.dp;

import java.util.Arrays;
import org.mbrllab.engine.dp.GridLayout.Kind;

/**
 * A whole value-iteration sweep of a grid world done as a stencil: the same numbers as
 * {@link ValueIteration}'s backups over the {@link TabularMdp}, without walking its outcome lists.
 *
 * <h2>Why it can</h2>
 * In a grid world the successors of a cell are its four neighbours or itself. Call a cell
 * <em>regular</em> when it is backed up, is not a teleport source, and all four neighbours are on the grid
 * and are not walls. Then no move bumps, the outcomes of action a are exactly
 * <pre>  intended neighbour  1 − p,   the two neighbours at right angles  p/2 each</pre>
 * (see {@link GridWorld}), at the fixed offsets ±1 and ±cols in the row-major value array, and
 * <pre>
 *   q(s, up)    = r(s, up)    + γ ((a·V[s−cols] + b·V[s−1]) + b·V[s+1])
 *   q(s, down)  = r(s, down)  + γ ((a·V[s+cols] + b·V[s−1]) + b·V[s+1])
 *   q(s, left)  = r(s, left)  + γ ((a·V[s−1] + b·V[s−cols]) + b·V[s+cols])
 *   q(s, right) = r(s, right) + γ ((a·V[s+1] + b·V[s−cols]) + b·V[s+cols])
 * </pre>
 * with a = 1 − p and b = p/2. The rewards r(s, a) are the MDP's own expected rewards (terminal entry
 * rewards folded in), stored as one array per action so that a run of regular cells reads every array
 * left to right: a loop the JIT compiler can unroll and vectorise. The sums are formed in the order in
 * which {@link ValueIteration} adds the outcomes (intended move first, then the two at right angles in
 * action order), and Java neither reorders nor fuses floating-point operations, so the values are the
 * same bit for bit. The one exception is the sign of a zero: the general path leaves out outcomes of
 * probability 0 (p = 0 or 1) where the stencil adds 0·V, and it keeps the first of tied q values where
 * {@link Math#max} prefers +0 to −0.
 *
 * <p>Every other backed-up cell (an edge, a wall beside it, a teleport source) is backed up the general
 * way, through {@link ValueIteration#bestQ}. Most cells of an open grid are regular: in an N×N grid
 * without walls all but the 4N − 4 on the border.
 *
 * <h2>Order</h2>
 * The cells are visited in the sweep order of {@link DpSolver}, increasing state index (row-major), so an
 * in-place sweep (Gauss–Seidel) reads the same mix of new and old values as the general path.
 *
 * <p>The stencil is checked against the MDP when it is built: a cell counts as regular only if its
 * outcome lists are exactly the ones above, so a change of the grid's dynamics can make the stencil
 * slower but never wrong. A stencil belongs to one solver and one thread.
 */
final class GridStencil {

    private final TabularMdp mdp;
    private final int cols;
    private final double gamma;
    /** Probability of the intended move, 1 − p. */
    private final double a;
    /** Probability of each move at right angles, p/2. */
    private final double b;
    private final double[] rUp;
    private final double[] rDown;
    private final double[] rLeft;
    private final double[] rRight;
    /**
     * The sweep as segments in row-major order. Segment k covers [{@code from[k]}, {@code to[k]}): for a
     * regular segment a run of state indices, all regular; otherwise positions in {@link #irregular}.
     */
    private final int[] from;
    private final int[] to;
    private final boolean[] regular;
    /** The backed-up cells that are not regular, in increasing order. */
    private final int[] irregular;
    private final int regularCount;

    /** In-place sweeps: the state whose value left [−limit, limit], or −1. */
    private int failedAt = -1;

    GridStencil(GridWorld world) {
        this.mdp = world.mdp();
        this.cols = world.cols();
        this.gamma = mdp.gamma;
        double p = world.params().slip();
        this.a = 1.0 - p;
        this.b = p / 2;
        int n = mdp.states;
        this.rUp = new double[n];
        this.rDown = new double[n];
        this.rLeft = new double[n];
        this.rRight = new double[n];
        for (int s = 0; s < n; s++) {
            rUp[s] = mdp.expectedReward[s * Action.COUNT + Action.UP.ordinal()];
            rDown[s] = mdp.expectedReward[s * Action.COUNT + Action.DOWN.ordinal()];
            rLeft[s] = mdp.expectedReward[s * Action.COUNT + Action.LEFT.ordinal()];
            rRight[s] = mdp.expectedReward[s * Action.COUNT + Action.RIGHT.ordinal()];
        }

        // Cut the row-major order into runs of regular cells and groups of the other backed-up cells.
        int[] segFrom = new int[n + 1];
        int[] segTo = new int[n + 1];
        boolean[] segRegular = new boolean[n + 1];
        int[] others = new int[n];
        int segments = 0;
        int otherCount = 0;
        int regulars = 0;
        int open = 0; // 0 none, 1 regular run, 2 group of other cells
        for (int s = 0; s < n; s++) {
            if (isRegular(world, s)) {
                regulars++;
                if (open != 1) {
                    if (open != 0) segments++;
                    segRegular[segments] = true;
                    segFrom[segments] = s;
                    open = 1;
                }
                segTo[segments] = s + 1;
            } else if (mdp.backedUp[s]) {
                if (open != 2) {
                    if (open != 0) segments++;
                    segRegular[segments] = false;
                    segFrom[segments] = otherCount;
                    open = 2;
                }
                others[otherCount++] = s;
                segTo[segments] = otherCount;
            } else if (open == 1) {
                segments++;
                open = 0;
            }
        }
        if (open != 0) segments++;
        this.from = Arrays.copyOf(segFrom, segments);
        this.to = Arrays.copyOf(segTo, segments);
        this.regular = Arrays.copyOf(segRegular, segments);
        this.irregular = Arrays.copyOf(others, otherCount);
        this.regularCount = regulars;
    }

    /** Whether {@code s} is regular (see the class comment), checked against the MDP's outcome lists. */
    private boolean isRegular(GridWorld world, int s) {
        if (!mdp.backedUp[s]) return false;
        int rows = world.rows();
        int r = s / cols;
        int c = s % cols;
        if (r == 0 || r == rows - 1 || c == 0 || c == cols - 1) return false;
        if (world.isWall(s - cols) || world.isWall(s + cols) || world.isWall(s - 1) || world.isWall(s + 1)) return false;
        if (world.layout().cell(r, c).kind() == Kind.TELEPORT) return false;
        for (Action act : Action.values()) {
            Action[] side = act.perpendicular();
            int[] expectedNext = {neighbour(s, act), neighbour(s, side[0]), neighbour(s, side[1])};
            double[] expectedProb = {a, b, b};
            int sa = s * Action.COUNT + act.ordinal();
            int k = mdp.first[sa];
            for (int j = 0; j < 3; j++) {
                if (expectedProb[j] == 0) continue;
                if (k >= mdp.first[sa + 1] || mdp.next[k] != expectedNext[j] || mdp.prob[k] != expectedProb[j]) return false;
                k++;
            }
            if (k != mdp.first[sa + 1]) return false;
        }
        return true;
    }

    private int neighbour(int s, Action move) {
        return s + move.dr() * cols + move.dc();
    }

    /** How many cells the stencil backs up (the rest go the general way). */
    int regularCount() {
        return regularCount;
    }

    /**
     * One synchronous sweep: writes the backup of every backed-up state, reading {@code read}, into
     * {@code write} (a different array); leaves the other entries of {@code write} alone.
     *
     * @return max|ΔV| of the sweep; NaN when some new value is not finite or lies beyond ±{@code limit}
     *         (then the caller must redo the sweep the general way to say where)
     */
    double sweepSynchronous(double[] read, double[] write, double limit) {
        final double[] v = read;
        final double[] w = write;
        final double[] ru = rUp;
        final double[] rd = rDown;
        final double[] rl = rLeft;
        final double[] rr = rRight;
        final int n = cols;
        final double g = gamma;
        final double pa = a;
        final double pb = b;
        double delta = 0;
        boolean outside = false;
        for (int k = 0; k < from.length; k++) {
            if (regular[k]) {
                // The backups first, then the run's max|ΔV| and the limit check in a second pass over the same
                // cells: two plain loops cost less than one that also carries Math.max's running maxima (with
                // their NaN and −0 rules). Measured by hand (bench value-iteration, three interleaved rounds): 1.1–1.2× at
                // 100 × 100, 1.0–1.3× at 300 × 300.
                //
                // Within a row: γ folded into the two move probabilities, and each pair of side neighbours summed
                // once for the two moves that slip onto them, so that a cell costs 8 multiply-adds where it cost
                // 16 operations; and the best of the four by comparisons, not Math.max, whose NaN and −0 rules
                // cost branches (a NaN or ±∞ cannot reach here unnoticed: the second pass stops the run on the
                // sweep that first makes one). The sums are associated differently from the general path's, so
                // the values agree with it to rounding (GridStencilTest: 1e-12), not bit for bit. Measured by
                // hand (bench value-iteration, three interleaved rounds, quiet machine; bench/README.md): 1.27× at
                // 100 × 100 and 1.38× at 300 × 300.
                final double ga = g * pa;
                final double gb = g * pb;
                final int start = from[k], end = to[k];
                for (int i = start; i < end; i++) {
                    double up = v[i - n];
                    double down = v[i + n];
                    double left = v[i - 1];
                    double right = v[i + 1];
                    double sides = gb * (left + right);
                    double ends = gb * (up + down);
                    double qUp = ru[i] + ga * up + sides;
                    double qDown = rd[i] + ga * down + sides;
                    double qLeft = rl[i] + ga * left + ends;
                    double qRight = rr[i] + ga * right + ends;
                    double vertical = qUp > qDown ? qUp : qDown;
                    double horizontal = qLeft > qRight ? qLeft : qRight;
                    w[i] = vertical > horizontal ? vertical : horizontal;
                }
                for (int i = start; i < end; i++) {
                    double change = Math.abs(w[i] - v[i]);
                    if (change > delta) delta = change;
                    outside |= !(Math.abs(w[i]) <= limit); // true for NaN too, which the comparison above skips
                }
            } else {
                for (int j = from[k], end = to[k]; j < end; j++) {
                    int s = irregular[j];
                    double value = ValueIteration.bestQ(mdp, s, v);
                    w[s] = value;
                    double change = Math.abs(value - v[s]);
                    if (change > delta) delta = change;
                    outside |= !(Math.abs(value) <= limit);
                }
            }
        }
        return outside ? Double.NaN : delta;
    }

    /**
     * One in-place sweep (Gauss–Seidel) of {@code values}, in increasing state order. Stops right after
     * writing a value that is not finite or lies beyond ±{@code limit}; {@link #failedAt()} then names
     * its state.
     *
     * @return max|ΔV| of the sweep, or of the part done when it stopped
     */
    double sweepInPlace(double[] values, double limit) {
        final double[] v = values;
        final double[] ru = rUp;
        final double[] rd = rDown;
        final double[] rl = rLeft;
        final double[] rr = rRight;
        final int n = cols;
        final double g = gamma;
        final double pa = a;
        final double pb = b;
        failedAt = -1;
        double delta = 0;
        for (int k = 0; k < from.length; k++) {
            boolean run = regular[k];
            for (int j = from[k], end = to[k]; j < end; j++) {
                int i = run ? j : irregular[j];
                double value;
                if (run) {
                    double up = v[i - n];
                    double down = v[i + n];
                    double left = v[i - 1];
                    double right = v[i + 1];
                    double qUp = ru[i] + g * (pa * up + pb * left + pb * right);
                    double qDown = rd[i] + g * (pa * down + pb * left + pb * right);
                    double qLeft = rl[i] + g * (pa * left + pb * up + pb * down);
                    double qRight = rr[i] + g * (pa * right + pb * up + pb * down);
                    value = Math.max(Math.max(qUp, qDown), Math.max(qLeft, qRight));
                } else {
                    value = ValueIteration.bestQ(mdp, i, v);
                }
                double change = Math.abs(value - v[i]);
                v[i] = value;
                if (change > delta) delta = change;
                if (!(Math.abs(value) <= limit)) {
                    failedAt = i;
                    return delta;
                }
            }
        }
        return delta;
    }

    /** After {@link #sweepInPlace}: the state whose value stopped the sweep, or −1 if it ran through. */
    int failedAt() {
        return failedAt;
    }
}
