package org.mbrllab.engine.dyna;

import java.util.Arrays;
import java.util.Objects;
import org.mbrllab.engine.dp.Action;
import org.mbrllab.engine.run.Engine;

/**
 * One Dyna run shown live: the agent walking the maze, Q, the model and its planning, one planning
 * update, one real step or one episode per {@link #step()} ({@link LiveStep}). It only wraps a
 * {@link DynaRun}, so what it shows is exactly what the figures average: stepping planning updates one by
 * one draws the random streams as a whole real step does.
 *
 * <p>The maze can change under the agent ({@link #changeMaze}), which keeps Q and the model: the model is
 * then wrong where the walls moved, as in the book's changing mazes.
 */
public final class DynaLive implements Engine<DynaLive.Snapshot> {

    /** Real steps at which a live run stops by itself, so that a forgotten run does not spin for ever. */
    public static final long MAX_REAL_STEPS = 10_000_000L;

    private final DynaRun run;
    private final LiveStep stepSize;
    private int episodesRecorded;
    private int[] lengths = new int[64];
    private int lastPlanned = -1;

    /**
     * @param maze     the maze
     * @param config   the agent and its settings
     * @param seed     the seed of run 0 of an experiment (see {@link DynaRun#forRun}), so the live run is the
     *                 figures' first run
     * @param stepSize what one step does
     */
    public DynaLive(Maze maze, DynaConfig config, long seed, LiveStep stepSize) {
        this.run = DynaRun.forRun(maze, config, seed, 0);
        this.stepSize = Objects.requireNonNull(stepSize, "stepSize");
    }

    @Override
    public boolean step() {
        if (isDone()) return false;
        switch (stepSize) {
            case PLANNING_UPDATE -> {
                lastPlanned = run.planOnce();
                if (lastPlanned < 0) record(run.realStep());
            }
            case REAL_STEP -> {
                long before = run.planningUpdates();
                record(run.step());
                // The last of this step's planning updates; none when it made none (an empty queue).
                lastPlanned = run.planningUpdates() > before ? run.lastPlanned() : -1;
            }
            case EPISODE -> {
                boolean ends;
                do {
                    ends = run.step();
                    record(ends);
                } while (!ends && !isDone());
                lastPlanned = -1;
            }
        }
        return !isDone();
    }

    private void record(boolean episodeEnded) {
        if (!episodeEnded) return;
        if (episodesRecorded == lengths.length) lengths = Arrays.copyOf(lengths, lengths.length * 2);
        lengths[episodesRecorded++] = run.lastEpisodeSteps();
    }

    @Override
    public boolean isDone() {
        return run.realSteps() >= MAX_REAL_STEPS;
    }

    /** The world changes under the agent; see {@link DynaRun#changeMaze}. */
    public void changeMaze(Maze changed) {
        run.changeMaze(changed);
    }

    public DynaRun run() { return run; }

    @Override
    public Snapshot snapshot() {
        Maze maze = run.maze();
        TabularAgent agent = run.agent();
        long now = run.realSteps();
        int n = maze.states();
        boolean[] wall = new boolean[n];
        boolean[] terminal = new boolean[n];
        for (int s = 0; s < n; s++) {
            wall[s] = maze.isWall(s, now);
            terminal[s] = maze.isTerminal(s, now);
        }
        int pairs = n * Action.COUNT;
        byte[] known = new byte[pairs];
        int[] predicted = new int[pairs];
        double[] predictedReward = new double[pairs];
        long[] tau = new long[pairs];
        Arrays.fill(predicted, -1);
        Arrays.fill(tau, -1);
        DeterministicModel model = agent.model();
        if (model != null) {
            for (int sa = 0; sa < pairs; sa++) {
                int s = sa / Action.COUNT;
                int a = sa % Action.COUNT;
                if (!model.known(s, a)) continue;
                known[sa] = model.tried(s, a) ? Snapshot.TRIED : Snapshot.ASSUMED;
                predicted[sa] = model.next(s, a);
                predictedReward[sa] = model.reward(s, a);
                tau[sa] = now - model.lastTried(s, a);
            }
        }
        double[] priority = null;
        if (agent instanceof PrioritizedSweeping ps) {
            priority = new double[pairs];
            for (int sa = 0; sa < pairs; sa++) priority[sa] = ps.priority(sa / Action.COUNT, sa % Action.COUNT);
        }
        return new Snapshot(maze.rows(), maze.cols(), wall, terminal, maze.start(), run.state(), agent.qValues(),
                known, predicted, predictedReward, tau, priority, lastPlanned, run.lastFrom(), run.lastAction(),
                run.pendingPlanning(), now, run.planningUpdates(), run.episodes(), run.episodeSteps(),
                run.cumulativeReward(), Arrays.copyOf(lengths, episodesRecorded), agent.config(), maze.switchStep(),
                stepSize);
    }

    /**
     * What the live view draws; immutable, the arrays are copies (pairs indexed {@code s*4 + a}).
     *
     * @param wall            per cell, a wall now
     * @param terminal        per cell, entering it ends the episode now
     * @param state           the agent's cell
     * @param q               Q(s, a)
     * @param known           per pair {@link #UNKNOWN}, {@link #TRIED} or {@link #ASSUMED} (Dyna-Q+'s "stay")
     * @param predicted       the model's next cell per known pair, −1 otherwise
     * @param predictedReward the model's reward per known pair
     * @param tau             real steps since the pair was last tried, −1 if unknown
     * @param priority        prioritized sweeping's queued priority per pair (−1 when not queued); null for
     *                        the other agents
     * @param lastPlanned     the pair of the last planning update this step made, or −1 if it made none
     * @param lastFrom        the cell the last real step started from, −1 before the first
     * @param lastAction      the action of the last real step, −1 before the first
     * @param pendingPlanning planning updates the last real step still has to make
     * @param episodeLengths  real steps of each finished episode
     */
    public record Snapshot(int rows, int cols, boolean[] wall, boolean[] terminal, int start, int state, double[] q,
                           byte[] known, int[] predicted, double[] predictedReward, long[] tau, double[] priority,
                           int lastPlanned, int lastFrom, int lastAction, int pendingPlanning, long realSteps,
                           long planningUpdates, int episodes, int episodeSteps, double cumulativeReward,
                           int[] episodeLengths, DynaConfig config, long switchStep, LiveStep stepSize) {

        public static final byte UNKNOWN = 0;
        public static final byte TRIED = 1;
        public static final byte ASSUMED = 2;

        /** Q(s, a). */
        public double q(int s, int a) { return q[s * Action.COUNT + a]; }

        /** Whether the walls have changed (a changing maze past its switch step). */
        public boolean changed() { return realSteps >= switchStep; }

        /** Pairs the model knows. */
        public int knownPairs() {
            int k = 0;
            for (byte b : known) if (b != UNKNOWN) k++;
            return k;
        }

        /** Pairs waiting in prioritized sweeping's queue; 0 for the other agents. */
        public int queued() {
            if (priority == null) return 0;
            int k = 0;
            for (double p : priority) if (p >= 0) k++;
            return k;
        }
    }
}
