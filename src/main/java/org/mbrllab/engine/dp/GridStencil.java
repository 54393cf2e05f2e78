package org.mbrllab.engine.dp;

import java.util.Arrays;
import org.mbrllab.engine.dp.GridLayout.Kind;

/**
 * A whole value-iteration sweep of a grid world done as a stencil: the same numbers as
 * {@link ValueIteration}'s backups over the {@link TabularMdp}, to rounding, without walking its outcome lists.
 *
 * <h2>Why it can</h2>
 * In a grid world the successors of a cell are its four neighbours or itself: a move off the grid or into a
 * wall bumps and stays (see {@link GridWorld}). Write n(s, a) for the cell that move a reaches from s, s itself
 * when it bumps. The outcomes of action a are then
 * <pre>  n(s, a)  1 − p,   n(s, a') and n(s, a'') for the two moves a', a'' at right angles  p/2 each</pre>
 * and, with a = 1 − p and b = p/2,
 * <pre>
 *   q(s, up)    = r(s, up)    + γa·V[n(s, up)]    + γb·(V[n(s, left)] + V[n(s, right)])
 *   q(s, down)  = r(s, down)  + γa·V[n(s, down)]  + γb·(V[n(s, left)] + V[n(s, right)])
 *   q(s, left)  = r(s, left)  + γa·V[n(s, left)]  + γb·(V[n(s, up)]   + V[n(s, down)])
 *   q(s, right) = r(s, right) + γa·V[n(s, right)] + γb·(V[n(s, up)]   + V[n(s, down)])
 * </pre>
 * The rewards r(s, a) are the MDP's own expected rewards (bumps and terminal entry rewards folded in),
 * stored as one array per action. Each pair of side neighbours is summed once for the two moves that slip
 * onto it, so a cell costs 8 multiply-adds where the outcome lists cost 16 operations.
 *
 * <h2>Three kinds of cells</h2>
 * <ul>
 *   <li><em>Run</em> cells: none of the four moves bumps, so n(s, a) is s − cols, s + cols, s − 1, s + 1, fixed
 *       offsets in the row-major value array. A run of them is swept left to right by a loop that reads every
 *       array in order. Where every cell of a run has one and the same reward r for all four actions (an open
 *       grid: every step costs the same), the loop adds r once, after the max, and reads no reward array:
 *       max<sub>a</sub> fl(r + x<sub>a</sub>) = fl(r + max<sub>a</sub> x<sub>a</sub>) because rounded addition
 *       is monotone, so the values are the same bit for bit as adding it to each q.</li>
 *   <li><em>Gathered</em> cells: some move bumps (an edge, a wall beside it). The four n(s, a) are stored per
 *       cell and read through them.</li>
 *   <li><em>Other</em> cells (a teleport source, or any cell whose outcome lists are not the ones above): backed
 *       up the general way, through {@link ValueIteration#bestQ}.</li>
 * </ul>
 * A cell's kind is checked against the MDP when the stencil is built: its outcome lists, with the
 * probabilities of equal successors summed (the MDP merges a bump and a slip into the same wall), must be
 * the ones above, to 1e-15. A change of the grid's dynamics can make the stencil slower but never wrong.
 *
 * <p>The sums are associated differently from the general path's (which adds the outcomes in list order, a
 * merged bump as one term), so the values agree with it to rounding (GridStencilTest: 1e-12 on every preset
 * and on random layouts), not bit for bit. In an N×N grid without walls every cell is a run cell but the
 * 4N − 4 on the border, which are gathered.
 *
 * <h2>Order</h2>
 * The cells are visited in the sweep order of {@link DpSolver}, increasing state index (row-major), so an
 * in-place sweep (Gauss–Seidel) reads the same mix of new and old values as the general path. A stencil
 * belongs to one solver and one thread.
 */
final class GridStencil {

    /** Segment kinds: run cells with four rewards each, */
    private static final byte RUN = 0;
    /** run cells that all have the same reward, for every action ({@link #runReward}), */
    private static final byte EVEN_RUN = 1;
    /** gathered cells, */
    private static final byte GATHERED = 2;
    /** other cells. */
    private static final byte OTHER = 3;

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
     * The sweep as segments in row-major order. Segment k covers [{@code from[k]}, {@code to[k]}): for a run a
     * range of state indices; for gathered cells positions in {@link #cell} and the four neighbour arrays; for
     * other cells positions in {@link #other}.
     */
    private final int[] from;
    private final int[] to;
    private final byte[] kind;
    /** The one reward of each {@link #EVEN_RUN} segment. */
    private final double[] runReward;
    /** The run segments (kinds RUN and EVEN_RUN), in order. */
    private final int[] runSegments;
    /** The gathered cells, in increasing order, and n(s, a) for each: the neighbour a move reaches, or s. */
    private final int[] cell;
    private final int[] nUp;
    private final int[] nDown;
    private final int[] nLeft;
    private final int[] nRight;
    /** The backed-up cells that are neither run cells nor gathered, in increasing order. */
    private final int[] other;
    private final int runCount;

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

        // Cut the row-major order into segments of one kind each.
        int[] segFrom = new int[n + 1];
        int[] segTo = new int[n + 1];
        byte[] segKind = new byte[n + 1];
        double[] segReward = new double[n + 1];
        int[] gathered = new int[n];
        int[][] reach = new int[Action.COUNT][n];
        int[] others = new int[n];
        int segments = 0;
        int gatheredCount = 0;
        int otherCount = 0;
        int runs = 0;
        byte open = -1; // the kind of the open segment, −1 none
        for (int s = 0; s < n; s++) {
            if (!mdp.backedUp[s]) {
                if (open >= 0) segments++;
                open = -1;
                continue;
            }
            int[] next = stencilNeighbours(world, s);
            byte k;
            int position;
            if (next == null) {
                k = OTHER;
                position = otherCount;
                others[otherCount++] = s;
            } else if (next[0] != s && next[1] != s && next[2] != s && next[3] != s) {
                k = evenRewards(s) ? EVEN_RUN : RUN;
                position = s;
                runs++;
                if (k == EVEN_RUN && open == EVEN_RUN && segReward[segments] != rUp[s]) {
                    segments++; // another reward: another run
                    open = -1;
                }
            } else {
                k = GATHERED;
                position = gatheredCount;
                gathered[gatheredCount] = s;
                for (int act = 0; act < Action.COUNT; act++) reach[act][gatheredCount] = next[act];
                gatheredCount++;
            }
            if (open != k) {
                if (open >= 0) segments++;
                segKind[segments] = k;
                segReward[segments] = rUp[s];
                segFrom[segments] = position;
                open = k;
            }
            segTo[segments] = position + 1;
        }
        if (open >= 0) segments++;
        this.from = Arrays.copyOf(segFrom, segments);
        this.to = Arrays.copyOf(segTo, segments);
        this.kind = Arrays.copyOf(segKind, segments);
        this.runReward = Arrays.copyOf(segReward, segments);
        int runSegmentCount = 0;
        for (int k = 0; k < segments; k++) {
            if (segKind[k] == RUN || segKind[k] == EVEN_RUN) segFrom[runSegmentCount++] = k;
        }
        this.runSegments = Arrays.copyOf(segFrom, runSegmentCount);
        this.cell = Arrays.copyOf(gathered, gatheredCount);
        this.nUp = Arrays.copyOf(reach[Action.UP.ordinal()], gatheredCount);
        this.nDown = Arrays.copyOf(reach[Action.DOWN.ordinal()], gatheredCount);
        this.nLeft = Arrays.copyOf(reach[Action.LEFT.ordinal()], gatheredCount);
        this.nRight = Arrays.copyOf(reach[Action.RIGHT.ordinal()], gatheredCount);
        this.other = Arrays.copyOf(others, otherCount);
        this.runCount = runs;
    }

    /**
     * n(s, a) for the four actions, in action order, if the MDP's outcome lists of backed-up cell {@code s} are
     * the stencil's (see the class comment); null otherwise.
     */
    private int[] stencilNeighbours(GridWorld world, int s) {
        int r = s / cols;
        int c = s % cols;
        if (world.layout().cell(r, c).kind() == Kind.TELEPORT) return null;
        int[] next = new int[Action.COUNT];
        for (Action act : Action.values()) {
            int nr = r + act.dr();
            int nc = c + act.dc();
            boolean bump = nr < 0 || nr >= world.rows() || nc < 0 || nc >= cols || world.isWall(nr * cols + nc);
            next[act.ordinal()] = bump ? s : nr * cols + nc;
        }
        for (Action act : Action.values()) {
            Action[] side = act.perpendicular();
            // The stencil's outcomes of act, equal successors merged as the MDP's builder merges them.
            int[] expectedNext = {next[act.ordinal()], next[side[0].ordinal()], next[side[1].ordinal()]};
            double[] expectedProb = {a, b, b};
            int sa = s * Action.COUNT + act.ordinal();
            for (int j = 0; j < 3; j++) {
                double want = 0;
                for (int i = 0; i < 3; i++) {
                    if (expectedNext[i] == expectedNext[j]) want += expectedProb[i];
                }
                double have = 0;
                for (int k = mdp.first[sa]; k < mdp.first[sa + 1]; k++) {
                    if (mdp.next[k] == expectedNext[j]) have += mdp.prob[k];
                }
                if (Math.abs(have - want) > 1e-15) return null;
            }
            // ... and no other successor.
            for (int k = mdp.first[sa]; k < mdp.first[sa + 1]; k++) {
                int t = mdp.next[k];
                if (t != expectedNext[0] && t != expectedNext[1] && t != expectedNext[2]) return null;
            }
        }
        return next;
    }

    /** Whether the four actions of {@code s} have the same expected reward. */
    private boolean evenRewards(int s) {
        return rUp[s] == rDown[s] && rUp[s] == rLeft[s] && rUp[s] == rRight[s];
    }

    /** How many cells the run loops back up (fixed offsets, no bump). */
    int runCount() {
        return runCount;
    }

    /** How many cells are backed up through their stored neighbours (some move bumps). */
    int gatheredCount() {
        return cell.length;
    }

    /** How many backed-up cells go the general way, through the outcome lists. */
    int otherCount() {
        return other.length;
    }

    /**
     * One synchronous sweep: writes the backup of every backed-up state, reading {@code read}, into
     * {@code write} (a different array); leaves the other entries of {@code write} alone. The order does
     * not matter here, so the runs come first, then all gathered cells, then the others.
     *
     * @return max|ΔV| of the sweep; NaN when some new value is not finite or lies beyond ±{@code limit}
     *         (then the caller must redo the sweep the general way to say where)
     */
    double sweepSynchronous(double[] read, double[] write, double limit) {
        final double[] v = read;
        final double[] w = write;
        final double ga = gamma * a;
        final double gb = gamma * b;
        final int n = cols;
        // The loops below take the best of four by comparisons, not Math.max, whose NaN and −0 rules cost
        // branches. The values read are within the limit (every sweep checks what it writes, and the solver starts
        // from finite values), so a new value can leave it only through its own arithmetic, and then the limit
        // check, false for NaN and ±∞ too, catches it. Each loop tracks max|ΔV| and the limit as it goes.
        // Measured by hand (bench/README.md).
        double delta = 0;
        boolean outside = false;
        for (int k : runSegments) {
            final int start = from[k], end = to[k];
            if (kind[k] == EVEN_RUN) {
                // 1. A run whose cells and actions all have reward c: c added once, after the max.
                final double c = runReward[k];
                for (int i = start; i < end; i++) {
                    double up = v[i - n];
                    double down = v[i + n];
                    double left = v[i - 1];
                    double right = v[i + 1];
                    double sides = gb * (left + right);
                    double ends = gb * (up + down);
                    double qUp = ga * up + sides;
                    double qDown = ga * down + sides;
                    double qLeft = ga * left + ends;
                    double qRight = ga * right + ends;
                    double vertical = qUp > qDown ? qUp : qDown;
                    double horizontal = qLeft > qRight ? qLeft : qRight;
                    double value = c + (vertical > horizontal ? vertical : horizontal);
                    w[i] = value;
                    double change = Math.abs(value - v[i]);
                    delta = change > delta ? change : delta;
                    outside |= !(Math.abs(value) <= limit); // true for NaN too, which the comparison above skips
                }
            } else {
                // 2. A run with four rewards per cell.
                for (int i = start; i < end; i++) {
                    double value = best(i, v[i - n], v[i + n], v[i - 1], v[i + 1], ga, gb);
                    w[i] = value;
                    double change = Math.abs(value - v[i]);
                    delta = change > delta ? change : delta;
                    outside |= !(Math.abs(value) <= limit);
                }
            }
        }
        // 3. The gathered cells, through their stored neighbours.
        for (int j = 0; j < cell.length; j++) {
            int i = cell[j];
            double value = best(i, v[nUp[j]], v[nDown[j]], v[nLeft[j]], v[nRight[j]], ga, gb);
            w[i] = value;
            double change = Math.abs(value - v[i]);
            delta = change > delta ? change : delta;
            outside |= !(Math.abs(value) <= limit);
        }
        // 4. The other cells, the general way.
        for (int i : other) {
            double value = ValueIteration.bestQ(mdp, i, v);
            w[i] = value;
            double change = Math.abs(value - v[i]);
            delta = change > delta ? change : delta;
            outside |= !(Math.abs(value) <= limit);
        }
        return outside ? Double.NaN : delta;
    }

    /**
     * max_a q(s, a) of cell {@code i} from the values of n(i, up), n(i, down), n(i, left), n(i, right), with γ
     * folded into the move probabilities (ga = γ(1 − p), gb = γp/2) and each pair of side neighbours summed once.
     */
    private double best(int i, double up, double down, double left, double right, double ga, double gb) {
        double sides = gb * (left + right);
        double ends = gb * (up + down);
        double qUp = rUp[i] + ga * up + sides;
        double qDown = rDown[i] + ga * down + sides;
        double qLeft = rLeft[i] + ga * left + ends;
        double qRight = rRight[i] + ga * right + ends;
        double vertical = qUp > qDown ? qUp : qDown;
        double horizontal = qLeft > qRight ? qLeft : qRight;
        return vertical > horizontal ? vertical : horizontal;
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
        final double g = gamma;
        final double pa = a;
        final double pb = b;
        final int n = cols;
        failedAt = -1;
        double delta = 0;
        for (int k = 0; k < from.length; k++) {
            byte segment = kind[k];
            for (int j = from[k], end = to[k]; j < end; j++) {
                int i;
                double value;
                if (segment == OTHER) {
                    i = other[j];
                    value = ValueIteration.bestQ(mdp, i, v);
                } else {
                    int u, d, l, r;
                    if (segment == GATHERED) {
                        i = cell[j];
                        u = nUp[j];
                        d = nDown[j];
                        l = nLeft[j];
                        r = nRight[j];
                    } else {
                        i = j;
                        u = i - n;
                        d = i + n;
                        l = i - 1;
                        r = i + 1;
                    }
                    double up = v[u];
                    double down = v[d];
                    double left = v[l];
                    double right = v[r];
                    double qUp = rUp[i] + g * (pa * up + pb * left + pb * right);
                    double qDown = rDown[i] + g * (pa * down + pb * left + pb * right);
                    double qLeft = rLeft[i] + g * (pa * left + pb * up + pb * down);
                    double qRight = rRight[i] + g * (pa * right + pb * up + pb * down);
                    value = Math.max(Math.max(qUp, qDown), Math.max(qLeft, qRight));
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
