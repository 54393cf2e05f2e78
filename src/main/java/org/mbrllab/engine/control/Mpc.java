package org.mbrllab.engine.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.run.Engine;

/**
 * Model predictive control: at every step plan H controls from the current state with the model,
 * apply the first to the true plant, observe the next state, replan (the course's equation 6):
 * <pre>
 *   u*_{t:t+H} = argmin Σ_{k=0}^{H−1} c(x_{t+k}, u_{t+k})  s.t. x_{t+k+1} = f̂(x_{t+k}, u_{t+k})
 * </pre>
 * The model f̂ may differ from the plant f (see {@link ModelError}); replanning from the observed state
 * is what corrects the drift that error causes. One {@link #step()} is one replan plus one plant step,
 * and each replan's wall time is measured.
 */
public final class Mpc implements Engine<MpcSnapshot> {

    private Dynamics plant;
    private Dynamics model;
    private final QuadraticCost cost;
    private MpcSettings settings;
    private Planner planner;
    private final int steps;

    private double[] x;
    private double[] previousPlan;
    private Trajectory lastPlan;
    private final List<double[]> states = new ArrayList<>();
    private final List<Double> actions = new ArrayList<>();
    private final List<Double> replanMillis = new ArrayList<>();
    private final List<Integer> pushes = new ArrayList<>();
    private double costSoFar;
    private double maxAbsTheta;
    private long plannerIterations;

    /**
     * @param plant    the true dynamics the actions act on
     * @param model    the dynamics the planner believes in (the plant, or {@code plant.withModelError(…)})
     * @param cost     the stage cost, both for planning and for pricing the run
     * @param settings horizon and planner
     * @param x0       the start state (copied)
     * @param steps    plant steps to run, 1 to {@link ClosedLoop#MAX_STEPS}
     */
    public Mpc(Dynamics plant, Dynamics model, QuadraticCost cost, MpcSettings settings, double[] x0, int steps) {
        this.plant = Objects.requireNonNull(plant, "plant");
        this.model = Objects.requireNonNull(model, "model");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.steps = Check.inRange("steps", steps, 1, ClosedLoop.MAX_STEPS);
        if (plant.stateSize() != model.stateSize() || x0.length != plant.stateSize()) {
            throw new IllegalArgumentException("plant, model and x0 must have the same state size");
        }
        this.planner = settings.planner().create(model, cost, settings);
        this.x = x0.clone();
        states.add(x.clone());
        maxAbsTheta = Math.abs(Angles.normalize(x[plant.angleIndex()]));
    }

    @Override
    public boolean step() {
        int t = actions.size();
        if (t >= steps) return false;
        // 1. Replan from the observed state, warm-started from the last plan shifted by one step.
        long start = System.nanoTime();
        Planner.Plan plan = planner.plan(x.clone(), previousPlan == null ? null : shift(previousPlan));
        replanMillis.add((System.nanoTime() - start) / 1e6);
        plannerIterations += plan.iterations();
        lastPlan = plan.predicted();
        previousPlan = plan.actions();

        // 2. Apply its first control to the true plant.
        double u = plant.clip(previousPlan[0]);
        double[] next = plant.step(x, u);
        for (double v : next) {
            if (!(Math.abs(v) <= ClosedLoop.DIVERGENCE_BOUND)) {
                throw new DivergenceException("The plant's state left every sensible range at step " + (t + 1) + ".");
            }
        }
        costSoFar += cost.stage(x, u);
        actions.add(u);
        x = next;
        states.add(x.clone());
        maxAbsTheta = Math.max(maxAbsTheta, Math.abs(Angles.normalize(x[plant.angleIndex()])));
        return actions.size() < steps;
    }

    /** u_1 … u_{H−1}, u_{H−1}: the plan one step later (the warm start of the next replan). */
    public static double[] shift(double[] plan) {
        double[] shifted = new double[plan.length];
        System.arraycopy(plan, 1, shifted, 0, plan.length - 1);
        shifted[plan.length - 1] = plan[plan.length - 1];
        return shifted;
    }

    @Override
    public boolean isDone() {
        return actions.size() >= steps;
    }

    /** Adds {@code dx} to the plant's state: an impulse from the mouse. */
    public void push(double[] dx) {
        for (int i = 0; i < x.length; i++) x[i] += dx[i];
        states.set(states.size() - 1, x.clone());
        pushes.add(actions.size());
    }

    /** Switches planner, horizon or sampling from the next replan on; the warm start is dropped. */
    public void setSettings(MpcSettings newSettings) {
        settings = Objects.requireNonNull(newSettings, "settings");
        planner = settings.planner().create(model, cost, settings);
        previousPlan = null;
    }

    /** Replaces the planner's model (a new model error) from the next replan on. */
    public void setModel(Dynamics newModel) {
        if (newModel.stateSize() != x.length) throw new IllegalArgumentException("another kind of system");
        model = newModel;
        planner = settings.planner().create(model, cost, settings);
    }

    /** Replaces the true plant (edited masses, limits …) from the next step on. */
    public void setPlant(Dynamics newPlant) {
        if (newPlant.stateSize() != x.length) throw new IllegalArgumentException("another kind of system");
        plant = newPlant;
    }

    /** x_0 … x_t and u_0 … u_{t−1} on the plant so far, with their cost. */
    public Trajectory trajectory() {
        double[] us = new double[actions.size()];
        for (int i = 0; i < us.length; i++) us[i] = actions.get(i);
        return new Trajectory(states.toArray(double[][]::new), us, costSoFar);
    }

    /** Iterations (or CEM refits) over all replans. */
    public long plannerIterations() {
        return plannerIterations;
    }

    /** Every replan's wall time in ms. */
    public List<Double> replanMillis() {
        return List.copyOf(replanMillis);
    }

    /** The median of {@code values}; NaN for none. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @Override
    public MpcSnapshot snapshot() {
        return new MpcSnapshot(actions.size(), steps, x.clone(), trajectory(), lastPlan, planner.kind(),
                List.copyOf(replanMillis), median(replanMillis), plannerIterations, maxAbsTheta, List.copyOf(pushes));
    }
}
