package org.mbrllab.engine.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.run.Engine;

/**
 * A controller acting on a plant, one step per {@link #step()}: u_t = clip(π(t, x_t)),
 * x_{t+1} = f(x_t, u_t). The LQR view balances the cartpole with it, the open-loop view plays a fixed plan
 * with it, and {@link #push} kicks the state as a mouse click would.
 */
public final class ClosedLoop implements Engine<ClosedLoopSnapshot> {

    /** Longest run. */
    public static final int MAX_STEPS = 1_000_000;
    /** A state entry beyond this magnitude counts as diverged (well past anything physical here). */
    public static final double DIVERGENCE_BOUND = 1e6;

    private Dynamics plant;
    private final QuadraticCost cost;
    private Controller controller;
    private final int steps;
    private final List<double[]> states = new ArrayList<>();
    private final List<Double> actions = new ArrayList<>();
    private final List<Integer> pushes = new ArrayList<>();
    private double[] x;
    private double costSoFar;
    private double maxAbsTheta;

    /**
     * @param plant      the true dynamics
     * @param cost       prices the run (for the display; the controller does not see it)
     * @param controller the feedback law
     * @param x0         the start state (copied)
     * @param steps      how many steps to run, 1 to {@link #MAX_STEPS}
     */
    public ClosedLoop(Dynamics plant, QuadraticCost cost, Controller controller, double[] x0, int steps) {
        this.plant = Objects.requireNonNull(plant, "plant");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.controller = Objects.requireNonNull(controller, "controller");
        this.steps = Check.inRange("steps", steps, 1, MAX_STEPS);
        if (x0.length != plant.stateSize()) throw new IllegalArgumentException("x0 has " + x0.length
                + " entries; the state has " + plant.stateSize());
        this.x = x0.clone();
        states.add(x.clone());
        maxAbsTheta = Math.abs(Angles.normalize(x[plant.angleIndex()]));
    }

    /** Runs {@code controller} on {@code plant} from {@code x0} for {@code steps} steps. */
    public static Trajectory simulate(Dynamics plant, QuadraticCost cost, Controller controller, double[] x0, int steps) {
        ClosedLoop loop = new ClosedLoop(plant, cost, controller, x0, steps);
        while (loop.step()) {
            // run to the end
        }
        return loop.trajectory();
    }

    /**
     * Whether {@code controller} brings {@code plant} from {@code x0} to within {@code tolerance} of the
     * origin (every state entry, θ wrapped) by step {@code steps}; a run that diverges does not. One
     * point of the LQR view's region-of-attraction sweep over initial angles.
     */
    public static boolean settles(Dynamics plant, Controller controller, double[] x0, int steps, double tolerance) {
        // Only the end state matters here, so the run is priced at (almost) nothing.
        QuadraticCost ignored = new QuadraticCost(new double[plant.stateSize()], QuadraticCost.R_WEIGHT.min(),
                QuadraticCost.NO_WRAP);
        double[] end;
        try {
            end = simulate(plant, ignored, controller, x0, steps).finalState();
        } catch (DivergenceException e) {
            return false;
        }
        end[plant.angleIndex()] = Angles.normalize(end[plant.angleIndex()]);
        for (double v : end) if (!(Math.abs(v) <= tolerance)) return false;
        return true;
    }

    @Override
    public boolean step() {
        int t = actions.size();
        if (t >= steps) return false;
        double u = plant.clip(controller.control(t, x.clone()));
        double[] next = plant.step(x, u);
        for (double v : next) {
            if (!(Math.abs(v) <= DIVERGENCE_BOUND)) {
                throw new DivergenceException("The state left every sensible range at step " + (t + 1)
                        + ": the controller drives the system unstable.");
            }
        }
        costSoFar += cost.stage(x, u);
        actions.add(u);
        x = next;
        states.add(x.clone());
        maxAbsTheta = Math.max(maxAbsTheta, Math.abs(Angles.normalize(x[plant.angleIndex()])));
        return actions.size() < steps;
    }

    @Override
    public boolean isDone() {
        return actions.size() >= steps;
    }

    /** Adds {@code dx} to the current state: an impulse (a push on the cart changes ẋ, on the pole θ̇). */
    public void push(double[] dx) {
        for (int i = 0; i < x.length; i++) x[i] += dx[i];
        states.set(states.size() - 1, x.clone());
        pushes.add(actions.size());
    }

    /** Swaps the feedback law (new LQR weights) from the next step on. */
    public void setController(Controller controller) {
        this.controller = Objects.requireNonNull(controller, "controller");
    }

    /** Swaps the plant (edited masses, limits …) from the next step on; the state stays. */
    public void setPlant(Dynamics plant) {
        if (plant.stateSize() != x.length) throw new IllegalArgumentException("another kind of system");
        this.plant = plant;
    }

    /** x_0 … x_t, u_0 … u_{t−1} so far, and their cost. */
    public Trajectory trajectory() {
        double[] us = new double[actions.size()];
        for (int i = 0; i < us.length; i++) us[i] = actions.get(i);
        return new Trajectory(states.toArray(double[][]::new), us, costSoFar);
    }

    @Override
    public ClosedLoopSnapshot snapshot() {
        return new ClosedLoopSnapshot(actions.size(), steps, x.clone(), trajectory(), maxAbsTheta, List.copyOf(pushes));
    }
}
