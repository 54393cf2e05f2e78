package org.mbrllab.engine.dyna;

import java.util.Objects;

/**
 * Mean and standard error over runs, per episode or per time step: the snapshot of a
 * {@link DynaExperiment} and its result. Immutable; the arrays are copies.
 *
 * @param measure         what {@code mean} holds: steps of each episode, or cumulative reward after each step
 * @param mean            the mean over the runs done, one entry per episode or time step (all 0 before the first run)
 * @param sem             the standard error of that mean, s/√R with the sample standard deviation s
 *                        (divisor R − 1); 0 while fewer than two runs are done
 * @param runsDone        runs finished
 * @param runs            runs planned
 * @param realSteps       real steps over all runs done
 * @param planningUpdates planning updates over all runs done
 */
public record DynaStatistics(Measure measure, double[] mean, double[] sem, int runsDone, int runs, long realSteps,
                             long planningUpdates) {

    public DynaStatistics {
        Objects.requireNonNull(measure, "measure");
        mean = mean.clone();
        sem = sem.clone();
        if (mean.length != sem.length) throw new IllegalArgumentException("mean and sem differ in length");
    }

    @Override
    public double[] mean() { return mean.clone(); }

    @Override
    public double[] sem() { return sem.clone(); }

    /** Whether every planned run is done. */
    public boolean complete() { return runsDone == runs; }
}
