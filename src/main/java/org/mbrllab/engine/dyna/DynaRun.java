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

    private final Maze maze;
    private final TabularAgent agent;
    private int state;
    private long realSteps;
    private int episodeSteps;
    private int episodes;
    private double cumulativeReward;
    private int lastEpisodeSteps;

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
        // (a)–(c) Act in the real maze.
        int s = state;
        int a = agent.act(s);
        int next = maze.next(s, a, realSteps);
        double r = maze.reward(s, a, realSteps);
        boolean ends = maze.isTerminal(next, realSteps);
        realSteps++;
        // (d)–(g) The agent's update and planning.
        agent.learn(s, a, r, next, realSteps);
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

    public TabularAgent agent() { return agent; }

    /** The cell the agent is in. */
    public int state() { return state; }

    /** Real steps taken in the run. */
    public long realSteps() { return realSteps; }

    /** Episodes finished. */
    public int episodes() { return episodes; }

    /** Steps of the episode under way. */
    public int episodeSteps() { return episodeSteps; }

    /** Reward summed over the run. */
    public double cumulativeReward() { return cumulativeReward; }

    /** Planning updates made in the run. */
    public long planningUpdates() { return agent.planningUpdates(); }
}
