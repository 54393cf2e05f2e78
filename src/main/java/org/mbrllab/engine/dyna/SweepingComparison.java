package org.mbrllab.engine.dyna;

import java.util.Objects;
import org.mbrllab.engine.run.Engine;

/**
 * The shape of Sutton &amp; Barto's Example 8.4: how many Q updates prioritized sweeping and Dyna-Q need
 * before their greedy policy solves a maze, as the maze grows. The maze is blown up k-fold
 * ({@link Maze#scaled}) for k = 1 … K; for each size and agent, runs play whole episodes until, at the end
 * of an episode, the greedy policy (ties to the first action) walks from S to a goal within
 * {@value #SLACK} × the shortest path, the tolerance of the reference implementation of the book's
 * figures, since ε-greedy learning settles on a near-shortest path before the shortest one. An update is
 * one Q backup, real or simulated (Dyna-Q makes 1 + n per real step; prioritized sweeping only its queue's).
 *
 * <p>Settings as in that reference: n = 5, α = 0.5, θ = 1e-4, with γ and ε of the student's agent. Each
 * {@link #step()} is one run; the snapshot holds the mean updates per size and agent so far.
 */
public final class SweepingComparison implements Engine<SweepingComparison.Snapshot> {

    /** A policy counts as solving the maze when its path is at most this times the shortest. */
    public static final double SLACK = 1.2;
    /** Updates after which a run gives up (reported as a failure). */
    public static final long MAX_UPDATES = 200_000_000L;
    public static final int PLANNING_STEPS = 5;
    public static final double ALPHA = 0.5;

    private final Maze[] mazes;
    private final int[] states;
    private final DynaConfig[] configs;
    private final int runs;
    private final long seed;
    /** Sum of updates, per agent (0 Dyna-Q, 1 prioritized sweeping) and size. */
    private final double[][] sum;
    private int done;

    /**
     * @param maze   the maze at k = 1 (it must not change)
     * @param yours  γ and ε come from it
     * @param sizes  K, the largest scale, in [1, 8]
     * @param runs   runs per size and agent, in [1, 1000]
     * @param seed   the runs' seed
     */
    public SweepingComparison(Maze maze, DynaConfig yours, int sizes, int runs, long seed) {
        Objects.requireNonNull(maze, "maze");
        if (sizes < 1 || sizes > 8) throw new IllegalArgumentException("sizes = " + sizes + " is out of range: allowed 1 to 8");
        if (runs < 1 || runs > 1000) throw new IllegalArgumentException("runs = " + runs + " is out of range: allowed 1 to 1000");
        mazes = new Maze[sizes];
        states = new int[sizes];
        for (int k = 0; k < sizes; k++) {
            mazes[k] = maze.scaled(k + 1);
            int open = 0;
            for (int s = 0; s < mazes[k].states(); s++) if (!mazes[k].isWall(s, 0)) open++;
            states[k] = open;
        }
        DynaConfig base = new DynaConfig(AgentKind.DYNA_Q, ALPHA, yours.gamma(), yours.epsilon(), PLANNING_STEPS, 0, 1e-4);
        configs = new DynaConfig[] {base, base.withAgent(AgentKind.PRIORITIZED_SWEEPING)};
        this.runs = runs;
        this.seed = seed;
        this.sum = new double[2][sizes];
    }

    /** Total runs: sizes × 2 agents × runs. */
    private int total() {
        return mazes.length * 2 * runs;
    }

    @Override
    public boolean step() {
        if (isDone()) return false;
        // Order: size by size, both agents, run by run, so small mazes are drawn first.
        int size = done / (2 * runs);
        int agent = (done / runs) % 2;
        int r = done % runs;
        sum[agent][size] += updatesToSolve(mazes[size], configs[agent], seed, r);
        done++;
        return !isDone();
    }

    /** Q updates run {@code r} needs until its greedy policy solves {@code maze} (checked at each episode's end). */
    public static long updatesToSolve(Maze maze, DynaConfig config, long seed, int r) {
        DynaRun run = DynaRun.forRun(maze, config, seed, r);
        int limit = (int) Math.floor(SLACK * maze.shortestPath(0));
        while (true) {
            run.runEpisode();
            if (run.agent().greedyReaches(maze, run.realSteps(), limit)) return run.agent().updates();
            if (run.agent().updates() > MAX_UPDATES) {
                throw new IllegalStateException(config.agent().displayName() + " needed more than " + MAX_UPDATES
                        + " updates on a " + maze.rows() + "×" + maze.cols() + " maze; try fewer sizes");
            }
        }
    }

    @Override
    public boolean isDone() {
        return done >= total();
    }

    @Override
    public Snapshot snapshot() {
        int sizes = mazes.length;
        double[][] mean = new double[2][sizes];
        int[] finished = new int[sizes];
        for (int k = 0; k < sizes; k++) {
            int before = k * 2 * runs;
            int dynaRuns = Math.max(0, Math.min(runs, done - before));
            int psRuns = Math.max(0, Math.min(runs, done - before - runs));
            mean[0][k] = dynaRuns == 0 ? Double.NaN : sum[0][k] / dynaRuns;
            mean[1][k] = psRuns == 0 ? Double.NaN : sum[1][k] / psRuns;
            finished[k] = Math.min(dynaRuns, psRuns);
        }
        return new Snapshot(states.clone(), mean[0], mean[1], finished, runs);
    }

    /**
     * @param states    open cells of each size
     * @param dynaQ     mean updates of Dyna-Q per size (NaN before its first run)
     * @param sweeping  mean updates of prioritized sweeping per size (NaN before its first run)
     * @param runsDone  runs both agents have finished, per size
     * @param runs      runs planned per size and agent
     */
    public record Snapshot(int[] states, double[] dynaQ, double[] sweeping, int[] runsDone, int runs) {
        public Snapshot {
            states = states.clone();
            dynaQ = dynaQ.clone();
            sweeping = sweeping.clone();
            runsDone = runsDone.clone();
        }

        @Override public int[] states() { return states.clone(); }
        @Override public double[] dynaQ() { return dynaQ.clone(); }
        @Override public double[] sweeping() { return sweeping.clone(); }
        @Override public int[] runsDone() { return runsDone.clone(); }
    }
}
