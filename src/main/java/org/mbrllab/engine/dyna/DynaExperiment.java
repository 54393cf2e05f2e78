package org.mbrllab.engine.dyna;

import java.util.Objects;
import org.mbrllab.engine.run.Engine;

/**
 * Many runs of one agent in one maze, averaged as in the book's figures: per episode the mean number of
 * real steps (Figure 8.2), or per time step the mean cumulative reward (Figures 8.4 and 8.5), each with
 * its standard error. Run r uses the streams of {@link DynaRun#forRun}{@code (maze, config, seed, r)}, so
 * two experiments with the same seed and different n share their acting streams run by run.
 *
 * <p>As an {@link Engine}, one {@link #step()} is one whole run, so that a pane can draw the curves as
 * runs arrive; {@link #run} does all of them. Means and variances are updated with Welford's method.
 */
public final class DynaExperiment implements Engine<DynaStatistics> {

    /**
     * Most real steps a run may take to finish its episodes. A maze whose goal can be reached always ends
     * its episodes, but a large maze with little learning can take very long; past this the run fails.
     */
    public static final long MAX_STEPS_PER_RUN = 100_000_000L;

    private final Maze maze;
    private final ExperimentPlan plan;
    private final double[] mean;
    private final double[] m2;
    private final double[] values;
    private int runsDone;
    private long realSteps;
    private long planningUpdates;

    public DynaExperiment(Maze maze, ExperimentPlan plan) {
        this.maze = Objects.requireNonNull(maze, "maze");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.mean = new double[plan.length()];
        this.m2 = new double[plan.length()];
        this.values = new double[plan.length()];
    }

    /** All runs of {@code plan}, in order; the final statistics. */
    public static DynaStatistics run(Maze maze, ExperimentPlan plan) {
        DynaExperiment experiment = new DynaExperiment(maze, plan);
        while (experiment.step()) {
            // one run per step
        }
        return experiment.snapshot();
    }

    /**
     * Runs the next run and adds it to the statistics.
     *
     * @return false once every run is done
     * @throws IllegalStateException if a run needs more than {@link #MAX_STEPS_PER_RUN} real steps
     */
    @Override
    public boolean step() {
        if (isDone()) return false;
        DynaRun run = DynaRun.forRun(maze, plan.config(), plan.seed(), runsDone);
        // 1. One run, recording what the figure shows.
        if (plan.measure() == Measure.STEPS_PER_EPISODE) {
            for (int e = 0; e < plan.length(); e++) {
                int steps = 0;
                while (!run.step()) {
                    if (run.realSteps() >= MAX_STEPS_PER_RUN) {
                        throw new IllegalStateException("run " + (runsDone + 1) + " took more than " + MAX_STEPS_PER_RUN
                                + " real steps in " + (e + 1) + " episodes; the goal is very hard to find");
                    }
                    steps++;
                }
                values[e] = steps + 1;
            }
        } else {
            for (int t = 0; t < plan.length(); t++) {
                run.step();
                values[t] = run.cumulativeReward();
            }
        }
        // 2. Welford's update of mean and sum of squared deviations.
        runsDone++;
        for (int i = 0; i < values.length; i++) {
            double d = values[i] - mean[i];
            mean[i] += d / runsDone;
            m2[i] += d * (values[i] - mean[i]);
        }
        realSteps += run.realSteps();
        planningUpdates += run.planningUpdates();
        return !isDone();
    }

    @Override
    public boolean isDone() {
        return runsDone >= plan.runs();
    }

    @Override
    public DynaStatistics snapshot() {
        double[] sem = new double[mean.length];
        if (runsDone >= 2) {
            for (int i = 0; i < sem.length; i++) sem[i] = Math.sqrt(m2[i] / (runsDone - 1) / runsDone);
        }
        return new DynaStatistics(plan.measure(), mean, sem, runsDone, plan.runs(), realSteps, planningUpdates);
    }

    public ExperimentPlan plan() { return plan; }

    public Maze maze() { return maze; }
}
