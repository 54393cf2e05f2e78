package org.mbrllab.engine.dp;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Environment;
import org.mbrllab.engine.dp.GridLayout.Cell;
import org.mbrllab.engine.dp.GridLayout.Kind;

/**
 * A grid world: the finite MDP of a {@link GridLayout}, and an {@link Environment} that samples it.
 *
 * <h2>States</h2>
 * Every cell is a state, numbered row-major: {@code s = row*cols + col}, rows from the top, columns from
 * the left, both from 0. Walls and terminal cells are states too, but they are flagged and never backed
 * up: a terminal's value is 0 (it is absorbing), a wall has no value.
 *
 * <h2>Actions</h2>
 * {@link Action#UP}, {@link Action#DOWN}, {@link Action#LEFT}, {@link Action#RIGHT}, in that order, in
 * every state.
 *
 * <h2>Dynamics p(s', r | s, a)</h2>
 * <ol>
 *   <li><b>Teleport.</b> If s is a teleport source, every action lands on its target with the teleport's
 *       reward, with probability 1 and no slip (Sutton &amp; Barto 2018, Example 3.5).</li>
 *   <li><b>Slip.</b> Otherwise the agent moves in the intended direction with probability 1 − p and in
 *       each of the two directions at right angles with probability p/2, where p is
 *       {@link GridWorldParams#slip()}. FrozenLake's {@code is_slippery} is p = 2/3
 *       ({@link GridWorldParams#FROZEN_LAKE_SLIP}): all three directions 1/3.</li>
 *   <li><b>Bump.</b> A move off the grid or into a wall leaves the agent where it is.</li>
 *   <li><b>Reward.</b> Each transition earns exactly one reward; the first rule that applies replaces
 *       the others: the teleport reward (rule 1); else, if s' is terminal, that terminal's entry reward
 *       ({@code goal_reward} for {@code G}, {@code pit_reward} for {@code H}, the declared reward for a
 *       custom terminal); else, if the move bumped, {@code bump_reward}; else {@code living_reward}.</li>
 *   <li><b>Merging.</b> Moves that land on the same s' with the same reward are one outcome (their
 *       probabilities summed); outcomes of probability 0 are left out.</li>
 * </ol>
 * Terminal cells are absorbing with value 0; an episode ends on entering one.
 */
public final class GridWorld implements Environment<Integer, Action> {

    private final GridLayout layout;
    private final int rows;
    private final int cols;
    private final boolean[] wall;
    private final boolean[] terminal;
    private final int start;
    private final TabularMdp mdp;

    public GridWorld(GridLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.rows = layout.rows();
        this.cols = layout.cols();
        int n = rows * cols;
        Cell[] cells = layout.cellsUnsafe();
        this.wall = new boolean[n];
        this.terminal = new boolean[n];
        boolean[] backedUp = new boolean[n];
        for (int s = 0; s < n; s++) {
            wall[s] = cells[s].kind() == Kind.WALL;
            terminal[s] = cells[s].isTerminal();
            backedUp[s] = !wall[s] && !terminal[s];
        }
        this.start = findStart(backedUp);
        this.mdp = buildMdp(cells, backedUp);
    }

    private int findStart(boolean[] backedUp) {
        if (layout.startRow() >= 0) return index(layout.startRow(), layout.startCol());
        for (int s = 0; s < backedUp.length; s++) {
            if (backedUp[s]) return s;
        }
        return -1;
    }

    private TabularMdp buildMdp(Cell[] cells, boolean[] backedUp) {
        GridWorldParams p = layout.params();
        TabularMdp.Builder b = new TabularMdp.Builder(rows * cols, Action.COUNT, p.gamma(), backedUp);
        for (int s = 0; s < rows * cols; s++) {
            if (!backedUp[s]) continue;
            Cell cell = cells[s];
            int teleportTarget = cell.kind() == Kind.TELEPORT ? layout.find(cell.target()) : -1;
            for (Action a : Action.values()) {
                b.begin(s * Action.COUNT + a.ordinal());
                // 1. Teleport: every action lands on the target, no slip.
                if (teleportTarget >= 0) {
                    b.add(teleportTarget, 1.0, cell.reward());
                    continue;
                }
                // 2. Slip: intended move 1 − p, each perpendicular move p/2.
                Action[] side = a.perpendicular();
                addMove(b, s, a, 1.0 - p.slip(), cells, p);
                addMove(b, s, side[0], p.slip() / 2, cells, p);
                addMove(b, s, side[1], p.slip() / 2, cells, p);
            }
        }
        return b.build();
    }

    /** 3. Bump or move, 4. one reward, 5. merged by the builder. */
    private void addMove(TabularMdp.Builder b, int s, Action move, double prob, Cell[] cells, GridWorldParams p) {
        int r = s / cols + move.dr();
        int c = s % cols + move.dc();
        boolean bump = r < 0 || r >= rows || c < 0 || c >= cols || wall[r * cols + c];
        int next = bump ? s : r * cols + c;
        double reward = terminal[next] ? cells[next].entryReward(p) : bump ? p.bumpReward() : p.livingReward();
        b.add(next, prob, reward);
    }

    // ---------------------------------------------------------------- Environment

    /** The start state; see {@link #startState()}. */
    @Override
    public Integer reset(RandomGenerator rng) {
        if (start < 0) throw new IllegalStateException("the layout has no cell to start in: every cell is a wall or terminal");
        return start;
    }

    /**
     * Samples one transition from p(s', r | s, a). A step from a terminal cell stays there with reward 0
     * and reports the episode as ended.
     *
     * @throws IllegalArgumentException if {@code state} is a wall
     */
    @Override
    public Transition<Integer> step(Integer state, Action action, RandomGenerator rng) {
        int s = state;
        if (s < 0 || s >= rows * cols) throw new IllegalArgumentException("state " + s + " is not on the grid");
        if (wall[s]) throw new IllegalArgumentException("state " + s + " is a wall");
        if (terminal[s]) return new Transition<>(s, 0.0, true);
        int sa = s * Action.COUNT + action.ordinal();
        double u = rng.nextDouble();
        int last = mdp.first[sa + 1] - 1;
        int k = mdp.first[sa];
        while (k < last && u >= mdp.prob[k]) {
            u -= mdp.prob[k];
            k++;
        }
        int next = mdp.next[k];
        return new Transition<>(next, mdp.reward[k], terminal[next]);
    }

    // ---------------------------------------------------------------- accessors

    public GridLayout layout() { return layout; }
    public GridWorldParams params() { return layout.params(); }
    public int rows() { return rows; }
    public int cols() { return cols; }
    public TabularMdp mdp() { return mdp; }

    /** The state index of ({@code row}, {@code col}). */
    public int index(int row, int col) { return row * cols + col; }

    public boolean isWall(int s) { return wall[s]; }

    public boolean isTerminal(int s) { return terminal[s]; }

    /** The {@code S} cell; without one, the first cell (row-major) that is neither wall nor terminal; −1 if none. */
    public int startState() { return start; }

    boolean[] wallsUnsafe() { return wall; }

    boolean[] terminalsUnsafe() { return terminal; }
}
