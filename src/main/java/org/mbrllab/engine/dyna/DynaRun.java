package org.mbrllab.engine.dyna;

import java.util.Objects;
import org.mbrllab.engine.core.FastRandom;
import org.mbrllab.engine.core.Seeds;

/**
 * One run of one agent in one maze: the real steps (a)–(c) of the Dyna boxes, the episodes and the
 * counts. {@link #step()} takes one real step and lets the agent learn and plan; when it enters a
 * terminal cell the episode ends and the next starts at S. Time steps count over the whole run.
 */
public final class DynaRun {

    private Maze maze;
    private final TabularAgent agent;
    private int state;
    private long realSteps;
    private int episodeSteps;
    private int episodes;
    private double cumulativeReward;
    private int lastEpisodeSteps;
    /** Planning updates still to make after the last real step (only when stepping them one by one). */
    private int pendingPlanning;
    private int lastPlanned = -1;
    private int lastFrom = -1;
    private int lastAction = -1;

    /** A run whose acting and planning streams are seeded {@code actingSeed} and {@code planningSeed}. */
    public DynaRun(Maze maze, DynaConfig config, long actingSeed, long planningSeed) {
        this.maze = Objects.requireNonNull(maze, "maze");
        this.agent = TabularAgent.create(maze.states(), config, Seeds.fast(actingSeed), Seeds.fast(planningSeed));
        this.state = maze.start();
    }

    /** The acting and planning seeds of run {@code run} of an experiment seeded {@code seed}. */
    public static DynaRun forRun(Maze maze, DynaConfig config, long seed, int run) {
        long base = new FastRandom(seed).nextLong() + 0x9E3779B97F4A7C15L * run;
        return new DynaRun(maze, config, base, base ^ 0x5DEECE66DL);
    }

    /**
     * One real step: act, move, learn and plan.
     *
     * @return whether this step ended an episode
     */
    public boolean step() {
        finishPlanning();
        // (a)–(c) Act in the real maze, (d)–(g) the agent's update and planning.
        boolean ends = actAndObserve();
        finishPlanning();
        return ends;
    }

    /**
     * The real part of {@link #step()} alone: act, move, direct RL and model learning, leaving the n
     * planning updates to {@link #planOnce()}. Planning left over from the previous real step is made
     * first, so that the streams are drawn exactly as by {@link #step()}.
     *
     * @return whether this step ended an episode
     */
    public boolean realStep() {
        finishPlanning();
        return actAndObserve();
    }

    /**
     * The next planning update of the last real step.
     *
     * @return the pair {@code s*4 + a} backed up, or −1 if the real step has no planning left
     */
    public int planOnce() {
        if (pendingPlanning == 0) return -1;
        int sa = agent.planOnce(realSteps);
        pendingPlanning = sa < 0 ? 0 : pendingPlanning - 1;
        if (sa >= 0) lastPlanned = sa;
        return sa;
    }

    /** Planning updates the last real step still has to make (at most n; 0 once done or with nothing to plan). */
    public int pendingPlanning() { return pendingPlanning; }

    private void finishPlanning() {
        while (planOnce() >= 0) {
            // the rest of the last real step's planning
        }
    }

    private boolean actAndObserve() {
        int s = state;
        int a = agent.act(s);
        int next = maze.next(s, a, realSteps);
        double r = maze.reward(s, a, realSteps);
        boolean ends = maze.isTerminal(next, realSteps);
        realSteps++;
        agent.observe(s, a, r, next, realSteps);
        pendingPlanning = agent.config().planningSteps();
        lastFrom = s;
        lastAction = a;
        cumulativeReward += r;
        episodeSteps++;
        if (ends) {
            episodes++;
            lastEpisodeSteps = episodeSteps;
            episodeSteps = 0;
            state = maze.start();
        } else {
            state = next;
        }
        return ends;
    }

    /** Steps until an episode ends; returns its length. */
    public int runEpisode() {
        while (!step()) {
            // next step
        }
        return lastEpisodeSteps;
    }

    public Maze maze() { return maze; }

    /**
     * The world changes under the agent (a student paints a wall): the run goes on in {@code changed},
     * keeping Q, the model and the counts, so the model is wrong where the walls moved until the agent
     * tries those moves again. Time goes on too, so a scheduled change of {@code changed} happens at its
     * own step.
     *
     * @throws IllegalArgumentException if {@code changed} differs in size or start
     */
    public void changeMaze(Maze changed) {
        Objects.requireNonNull(changed, "changed");
        if (changed.rows() != maze.rows() || changed.cols() != maze.cols() || changed.start() != maze.start()) {
            throw new IllegalArgumentException("the changed maze is " + changed.rows() + "×" + changed.cols()
                    + " starting at cell " + changed.start() + ", the run's " + maze.rows() + "×" + maze.cols()
                    + " starting at cell " + maze.start() + ": a run keeps its maze's size and start");
        }
        maze = changed;
    }

    public TabularAgent agent() { return agent; }

    /** The cell the agent is in. */
    public int state() { return state; }

    /** Real steps taken in the run. */
    public long realSteps() { return realSteps; }

    /** Episodes finished. */
    public int episodes() { return episodes; }

    /** Real steps of the last finished episode; 0 before the first ends. */
    public int lastEpisodeSteps() { return lastEpisodeSteps; }

    /** The agent's settings. */
    public DynaConfig config() { return agent.config(); }

    /** Steps of the episode under way. */
    public int episodeSteps() { return episodeSteps; }

    /** Reward summed over the run. */
    public double cumulativeReward() { return cumulativeReward; }

    /** The pair {@code s*4 + a} of the last planning update, or −1 before the first. */
    public int lastPlanned() { return lastPlanned; }

    /** The cell the last real step started from, or −1 before the first. */
    public int lastFrom() { return lastFrom; }

    /** The action of the last real step, or −1 before the first. */
    public int lastAction() { return lastAction; }

    /** Planning updates made in the run. */
    public long planningUpdates() { return agent.planningUpdates(); }
}
