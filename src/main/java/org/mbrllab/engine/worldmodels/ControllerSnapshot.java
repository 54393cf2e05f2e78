package org.mbrllab.engine.worldmodels;

/**
 * Where the evolution of C stands: per generation the best, mean and worst dream score of the population
 * (mean steps survived over the candidate's dreams), CMA-ES's step size and mean. Holds copies.
 *
 * @param generations generations run so far; each array has this many entries
 * @param parameters  CMA-ES's mean m: the controller {@link ControllerTrainer#controller()} hands out
 */
public record ControllerSnapshot(ControllerConfig config, int generations, double[] best, double[] mean, double[] worst,
                                 double sigma, double[] parameters, boolean done) {
    public ControllerSnapshot {
        best = best.clone();
        mean = mean.clone();
        worst = worst.clone();
        parameters = parameters.clone();
    }

    @Override
    public double[] best() {
        return best.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] worst() {
        return worst.clone();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }
}
