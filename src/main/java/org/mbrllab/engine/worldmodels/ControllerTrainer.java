package org.mbrllab.engine.worldmodels;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.run.Engine;

/**
 * Evolves C inside M's dream with CMA-ES, one generation per {@link #step()}: the "C" stage of World
 * Models (Ha and Schmidhuber 2018, section 4.4: "train the controller inside the dream"). Every score it
 * sees comes from {@link DreamScorer}; no real frame is looked at until the controller is done.
 * <ol>
 *   <li>ask CMA-ES for λ parameter vectors;</li>
 *   <li>score them all, as one batch, on the same {@code dreams} dreams at temperature τ (generation g
 *       uses dream seeds from {@code seed · 10007 + g}, so each generation meets fresh dreams);</li>
 *   <li>tell CMA-ES the scores.</li>
 * </ol>
 * The controller it hands out ({@link #controller()}) is CMA-ES's mean m, the centre of what the search
 * has learned, rather than the luckiest candidate of one generation: with 8 stochastic dreams per
 * candidate, the best score of a generation is partly luck.
 */
public final class ControllerTrainer implements Engine<ControllerSnapshot> {
    private final ControllerConfig config;
    private final FrozenMdnRnn m;
    private final DreamScorer dream;
    private final CmaEs search;
    private final List<double[]> scores = new ArrayList<>();
    private boolean done;

    /** @param initialZ z_0 of every dream: V's latent of the game's first frame */
    public ControllerTrainer(ControllerConfig config, FrozenMdnRnn m, float[] initialZ) {
        this.config = Objects.requireNonNull(config, "config");
        this.m = Objects.requireNonNull(m, "m");
        dream = new DreamScorer(m, initialZ, config.temperature(), config.maxSteps());
        int n = LinearController.parameterCount(m.latent(), m.hiddenUnits());
        search = new CmaEs(new double[n], config.initialSigma(), config.population(), config.seed());
    }

    @Override
    public boolean step() {
        if (done) return false;
        double[][] candidates = search.ask();
        double[] fitness = dream.score(candidates, config.dreams(), config.seed() * 10_007L + search.generation(),
                config.threads());
        search.tell(fitness);
        scores.add(fitness);
        done = search.generation() >= config.generations();
        return true;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    /** C as the search stands: CMA-ES's mean. */
    public LinearController controller() {
        return new LinearController(m.latent(), m.hiddenUnits(), search.mean());
    }

    public ControllerConfig config() {
        return config;
    }

    /** Generations run. */
    public int generation() {
        return search.generation();
    }

    /** The dream this trainer scores in. */
    public DreamScorer dream() {
        return dream;
    }

    @Override
    public ControllerSnapshot snapshot() {
        int g = scores.size();
        double[] best = new double[g];
        double[] mean = new double[g];
        double[] worst = new double[g];
        for (int i = 0; i < g; i++) {
            double[] f = scores.get(i);
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            double sum = 0;
            for (double x : f) {
                hi = Math.max(hi, x);
                lo = Math.min(lo, x);
                sum += x;
            }
            best[i] = hi;
            mean[i] = sum / f.length;
            worst[i] = lo;
        }
        return new ControllerSnapshot(config, g, best, mean, worst, search.sigma(), search.mean(), done);
    }
}
