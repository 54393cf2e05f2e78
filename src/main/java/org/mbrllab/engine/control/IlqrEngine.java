package org.mbrllab.engine.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.run.Engine;

/**
 * Multi-start {@link Ilqr} as an {@link Engine}: one {@link #step()} is one iteration, so a pane can show
 * the trajectory bending iteration by iteration. When a start stops, the next {@link #step()} rolls out
 * the next start's initial controls; after the last start the engine is done and {@link #best()} is the
 * cheapest result.
 *
 * <p>Start 0 uses {@link IlqrSettings#init()}; every later start uses random controls. All random
 * controls come from one generator seeded with {@link IlqrSettings#seed()}, in start order, so a seed
 * fixes every start.
 */
public final class IlqrEngine implements Engine<IlqrSnapshot> {

    private final Dynamics model;
    private final QuadraticCost cost;
    private final double[] x0;
    private final IlqrSettings settings;
    private final RandomGenerator rng;

    private Ilqr current;
    private int restart;
    private int totalIterations;
    private final List<Trajectory> accepted = new ArrayList<>();
    private final List<Double> costs = new ArrayList<>();
    private final List<Double> finishedCosts = new ArrayList<>();
    private double alpha = Double.NaN;
    private boolean lastAccepted;
    private Trajectory best;
    private int bestRestart = -1;

    public IlqrEngine(Dynamics model, QuadraticCost cost, double[] x0, IlqrSettings settings) {
        this.model = Objects.requireNonNull(model, "model");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.x0 = x0.clone();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rng = Seeds.random(settings.seed());
        begin(0);
    }

    /** Runs every start to its end; returns the best trajectory. */
    public Trajectory solve() {
        while (step()) {
            // iterate
        }
        return best;
    }

    @Override
    public boolean step() {
        if (isDone()) return false;
        if (current.stopped()) {
            begin(restart + 1);
            return true;
        }
        Ilqr.Iteration it = current.iterate();
        totalIterations++;
        lastAccepted = it.accepted();
        alpha = it.accepted() ? it.alpha() : Double.NaN;
        costs.add(it.cost());
        if (it.accepted()) accepted.add(current.trajectory());
        if (current.stopped()) {
            Trajectory result = current.trajectory();
            finishedCosts.add(result.cost());
            if (best == null || result.cost() < best.cost()) {
                best = result;
                bestRestart = restart;
            }
        }
        return !isDone();
    }

    private void begin(int r) {
        restart = r;
        InitialControls init = r == 0 ? settings.init() : InitialControls.RANDOM;
        current = new Ilqr(model, cost, x0, init.controls(model, settings.horizon(), rng), settings.maxIterations());
        accepted.clear();
        costs.clear();
        accepted.add(current.trajectory());
        costs.add(current.cost());
        alpha = Double.NaN;
        lastAccepted = false;
    }

    @Override
    public boolean isDone() {
        return current.stopped() && restart == settings.restarts() - 1;
    }

    /** The cheapest trajectory of the finished starts; null before the first finishes. */
    public Trajectory best() {
        return best;
    }

    /** The start that gave {@link #best()}; −1 before the first finishes. */
    public int bestRestart() {
        return bestRestart;
    }

    /** Iterations over all starts. */
    public int totalIterations() {
        return totalIterations;
    }

    /** The final J of every finished start, in order. */
    public List<Double> finishedCosts() {
        return List.copyOf(finishedCosts);
    }

    public IlqrSettings settings() {
        return settings;
    }

    @Override
    public IlqrSnapshot snapshot() {
        return new IlqrSnapshot(restart, settings.restarts(), current.iterations(), totalIterations,
                current.trajectory(), List.copyOf(accepted), List.copyOf(costs), current.mu(), alpha, lastAccepted,
                current.stopReason(), List.copyOf(finishedCosts), best, bestRestart, isDone());
    }
}
