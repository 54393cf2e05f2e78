package org.mbrllab.engine.dyna;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.core.Environment.Transition;
import org.mbrllab.engine.dp.Action;
import org.mbrllab.engine.dp.GridLayout;
import org.mbrllab.engine.dp.GridWorld;
import org.mbrllab.engine.dp.GridWorldParams;

/**
 * A deterministic maze for Dyna: one {@link GridLayout}, or two and the real time step at which the walls
 * change (Sutton &amp; Barto 2018, Examples 8.2 and 8.3).
 *
 * <h2>States, actions, rewards</h2>
 * As in {@link GridWorld}: a state is a cell {@code s = row*cols + col} (row 0 at the top), the actions
 * are up, down, left, right, a move into a wall or off the grid leaves the agent in place, and each move
 * earns one reward: the goal's entry reward ({@code goal_reward}), else {@code bump_reward} for a bump,
 * else {@code living_reward}. The book's mazes are 0 per step and +1 on reaching G. Entering a terminal
 * cell ends the episode; the next one starts at S. Moves are deterministic, so a layout with a slip
 * other than 0 is refused.
 *
 * <h2>The change</h2>
 * The first {@code switchStep} real steps of a run move in {@code before}; every later step in
 * {@code after}. Both layouts have the same size and start. If the agent stands on a cell that becomes a
 * wall, it leaves it by the usual rules, as if the cell were empty (this happens in the blocking maze
 * when the change catches the agent in the right-hand gap).
 */
public final class Maze {

    /** No change: the one layout holds for ever. */
    public static final long NEVER = Long.MAX_VALUE;

    private final GridLayout before;
    private final GridLayout after;
    private final long switchStep;
    private final int rows;
    private final int cols;
    private final int start;
    /** Per phase (0 before, 1 after), per s*4+a: the next cell and the reward. */
    private final int[][] next = new int[2][];
    private final double[][] reward = new double[2][];
    private final boolean[][] terminal = new boolean[2][];
    private final boolean[][] wall = new boolean[2][];

    private Maze(GridLayout before, GridLayout after, long switchStep) {
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
        if (switchStep < 0) throw new IllegalArgumentException("switch step = " + switchStep + " is out of range: allowed ≥ 0");
        this.switchStep = switchStep;
        if (after.rows() != before.rows() || after.cols() != before.cols()) {
            throw new IllegalArgumentException("the changed layout is " + after.rows() + "×" + after.cols()
                    + ", the first " + before.rows() + "×" + before.cols() + ": a maze keeps its size");
        }
        this.rows = before.rows();
        this.cols = before.cols();
        GridWorld first = world(before);
        this.start = first.startState();
        if (start < 0) throw new IllegalArgumentException(before.name() + ": no cell to start in");
        if (world(after).startState() != start) {
            throw new IllegalArgumentException("the changed layout starts elsewhere: a maze keeps its start S");
        }
        build(0, first);
        build(1, after == before ? first : world(after));
        for (int phase = 0; phase < 2; phase++) {
            if (phase == 1 && switchStep == NEVER) break;
            if (shortestPath(phase) < 0) {
                throw new IllegalArgumentException((phase == 0 ? before : after).name()
                        + ": no goal can be reached from the start, so an episode would never end");
            }
        }
    }

    /** A maze that never changes. */
    public static Maze of(GridLayout layout) {
        return new Maze(layout, layout, NEVER);
    }

    /** A maze whose walls are {@code before} for the first {@code switchStep} real steps, then {@code after}. */
    public static Maze changing(GridLayout before, GridLayout after, long switchStep) {
        return new Maze(before, after, switchStep);
    }

    private static GridWorld world(GridLayout layout) {
        double slip = layout.params().slip();
        if (slip != 0) {
            throw new IllegalArgumentException(layout.name() + ": slip = " + GridWorldParams.formatSlip(slip)
                    + " is out of range: allowed 0 (Dyna's mazes are deterministic)");
        }
        return new GridWorld(layout);
    }

    /** The deterministic tables of one phase: GridWorld's own step for open cells, the same rules for walls. */
    private void build(int phase, GridWorld world) {
        int n = rows * cols;
        next[phase] = new int[n * Action.COUNT];
        reward[phase] = new double[n * Action.COUNT];
        terminal[phase] = new boolean[n];
        wall[phase] = new boolean[n];
        for (int s = 0; s < n; s++) {
            terminal[phase][s] = world.isTerminal(s);
            wall[phase][s] = world.isWall(s);
        }
        GridWorldParams p = world.params();
        var unused = Seeds.random(0); // slip is 0: the one outcome has probability 1
        for (int s = 0; s < n; s++) {
            if (terminal[phase][s]) {
                Arrays.fill(next[phase], s * Action.COUNT, (s + 1) * Action.COUNT, s);
                continue;
            }
            for (Action a : Action.values()) {
                int sa = s * Action.COUNT + a.ordinal();
                if (!wall[phase][s]) {
                    Transition<Integer> t = world.step(s, a, unused);
                    next[phase][sa] = t.next();
                    reward[phase][sa] = t.reward();
                } else {
                    int r = s / cols + a.dr();
                    int c = s % cols + a.dc();
                    boolean bump = r < 0 || r >= rows || c < 0 || c >= cols || wall[phase][r * cols + c];
                    int to = bump ? s : r * cols + c;
                    next[phase][sa] = to;
                    reward[phase][sa] = terminal[phase][to]
                            ? world.layout().cell(to / cols, to % cols).entryReward(p)
                            : bump ? p.bumpReward() : p.livingReward();
                }
            }
        }
    }

    private int phase(long stepsTaken) {
        return stepsTaken >= switchStep ? 1 : 0;
    }

    /** The cell reached by {@code action} from {@code s} when {@code stepsTaken} real steps have been taken. */
    public int next(int s, int action, long stepsTaken) {
        return next[phase(stepsTaken)][s * Action.COUNT + action];
    }

    /** The reward of that move. */
    public double reward(int s, int action, long stepsTaken) {
        return reward[phase(stepsTaken)][s * Action.COUNT + action];
    }

    /** Whether entering {@code s} ends the episode, after {@code stepsTaken} real steps. */
    public boolean isTerminal(int s, long stepsTaken) {
        return terminal[phase(stepsTaken)][s];
    }

    /** Whether {@code s} is a wall after {@code stepsTaken} real steps. */
    public boolean isWall(int s, long stepsTaken) {
        return wall[phase(stepsTaken)][s];
    }

    /**
     * The fewest moves from S to a terminal cell in the walls before ({@code phase} 0) or after (1) the
     * change, by breadth-first search; −1 if none can be reached.
     */
    public int shortestPath(int phase) {
        int[] distance = distancesToGoal(phase);
        return distance[start];
    }

    /**
     * For every cell, the fewest moves to a terminal cell in the walls of {@code phase} (0 before, 1 after the
     * change); 0 on terminal cells, −1 where none can be reached. Breadth-first search backwards from the
     * terminals over the deterministic moves.
     */
    public int[] distancesToGoal(int phase) {
        if (phase != 0 && phase != 1) throw new IllegalArgumentException("phase = " + phase + " is out of range: allowed 0 or 1");
        int n = rows * cols;
        int[] distance = new int[n];
        Arrays.fill(distance, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < n; s++) {
            if (terminal[phase][s]) {
                distance[s] = 0;
                queue.add(s);
            }
        }
        // Predecessors of every cell, as a compressed list: the pairs (s, a) that lead into it.
        int[] nextOf = next[phase];
        int[] first = new int[n + 1];
        for (int sa = 0; sa < nextOf.length; sa++) first[nextOf[sa] + 1]++;
        for (int s = 0; s < n; s++) first[s + 1] += first[s];
        int[] fill = Arrays.copyOf(first, n);
        int[] from = new int[nextOf.length];
        for (int sa = 0; sa < nextOf.length; sa++) from[fill[nextOf[sa]]++] = sa / Action.COUNT;
        while (!queue.isEmpty()) {
            int reached = queue.poll();
            for (int k = first[reached]; k < first[reached + 1]; k++) {
                int s = from[k];
                if (distance[s] < 0 && !wall[phase][s]) {
                    distance[s] = distance[reached] + 1;
                    queue.add(s);
                }
            }
        }
        return distance;
    }

    /**
     * The maze with the cell at ({@code row}, {@code col}) made a wall ({@code wall} true) or empty, in
     * both layouts of a changing maze (so the scheduled change no longer touches that cell), keeping the
     * switch step: what a student's brush does.
     *
     * @throws IllegalArgumentException if the cell is outside, is the start or a terminal cell (only empty
     *         cells and walls can be painted), or if the new wall cuts every goal off from the start
     */
    public Maze withWall(int row, int col, boolean wall) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IllegalArgumentException("cell (" + row + ", " + col + ") is outside the " + rows + "×" + cols + " maze");
        }
        if (row * cols + col == start) throw new IllegalArgumentException("cell (" + row + ", " + col + ") is the start S: only empty cells and walls can be painted");
        GridLayout.Cell cell = wall ? GridLayout.Cell.wall() : GridLayout.Cell.empty();
        GridLayout[] layouts = {before, after};
        for (int i = 0; i < 2; i++) {
            GridLayout.Cell old = layouts[i].cell(row, col);
            if (!old.equals(GridLayout.Cell.empty()) && !old.equals(GridLayout.Cell.wall())) {
                throw new IllegalArgumentException("cell (" + row + ", " + col + ") is a goal or special cell: only empty cells and walls can be painted");
            }
            layouts[i] = layouts[i].withCell(row, col, cell);
        }
        return after == before ? of(layouts[0]) : changing(layouts[0], layouts[1], switchStep);
    }

    /**
     * The maze with every cell blown up to a {@code k} × {@code k} block (the book's Example 8.4 grows the
     * Dyna maze this way): a wall becomes a block of walls, an empty cell a block of empty cells, and the
     * start and each terminal cell stay single cells at the top-left corner of their block, the rest of the
     * block empty. Shortest paths grow about k-fold.
     *
     * @throws IllegalArgumentException if k is outside [1, 20] or the result is larger than a layout may be
     */
    public Maze scaled(int k) {
        if (k < 1 || k > 20) throw new IllegalArgumentException("scale = " + k + " is out of range: allowed 1 to 20");
        if (k == 1) return this;
        GridLayout a = scale(before, k);
        return after == before ? of(a) : changing(a, scale(after, k), switchStep);
    }

    private static GridLayout scale(GridLayout layout, int k) {
        int rows = layout.rows();
        int cols = layout.cols();
        GridLayout big = GridLayout.empty(rows * k, cols * k, layout.params())
                .withName(layout.name() + " ×" + k).withDescription(layout.description());
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                GridLayout.Cell cell = layout.cell(r, c);
                if (cell.equals(GridLayout.Cell.wall())) {
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) big = big.withCell(r * k + i, c * k + j, cell);
                    }
                } else if (!cell.equals(GridLayout.Cell.empty())) {
                    big = big.withCell(r * k, c * k, cell);
                }
            }
        }
        return big.withStart(layout.startRow() * k, layout.startCol() * k);
    }

    public GridLayout before() { return before; }

    /** The layout after the change; {@link #before()} if the maze never changes. */
    public GridLayout after() { return after; }

    /** Real steps after which the walls change; {@link #NEVER} if they do not. */
    public long switchStep() { return switchStep; }

    public boolean changes() { return switchStep != NEVER; }

    public int rows() { return rows; }

    public int cols() { return cols; }

    /** Number of states: every cell, walls included. */
    public int states() { return rows * cols; }

    /** The start cell S. */
    public int start() { return start; }

    /** The discount of the first layout's header, the default γ of the agent. */
    public double gamma() { return before.params().gamma(); }
}
