package org.mbrllab.engine.control;

import java.util.Objects;

import org.mbrllab.engine.control.ClosedLoop;
import org.mbrllab.engine.control.ClosedLoopSnapshot;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Controller;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.LqrGain;
import org.mbrllab.engine.control.DiscreteLqr;
import org.mbrllab.engine.control.Ilqr;
import org.mbrllab.engine.control.IlqrSettings;
import org.mbrllab.engine.control.Mpc;
import org.mbrllab.engine.control.MpcSettings;
import org.mbrllab.engine.control.MpcSnapshot;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.control.Trajectory;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.run.Engine;

/**
 * MPC beside open-loop execution, on two copies of the same true plant from the same start: one
 * {@link #step()} is one MPC step (replan with the model, apply the first control) and one step of the
 * open-loop run, which plays a single plan made once, at the start, with the same model: iLQR over the
 * whole run ({@link #openLoopPlan}; at most {@link IlqrSettings#HORIZON}'s largest horizon, after which the
 * controls are 0).
 *
 * <p>The plan is solved in the constructor, which the runner calls on its worker. A failure of the open
 * loop (its plan cannot be made, or its state blows up) only stops the open-loop side; MPC's own
 * divergence stops the run.
 */
public final class MpcComparison implements Engine<MpcComparison.Snapshot> {

    /**
     * What the MPC view draws. Records, trajectories and lists are immutable.
     *
     * @param system        which system
     * @param plant         the true plant (both runs)
     * @param cost          the stage cost
     * @param mpc           the MPC run
     * @param open          the open-loop run; null if its plan could not be made
     * @param openPlan      the open-loop plan as the model predicts it (x_0 … x_N); null without one
     * @param openPlanMillis the wall time of solving that plan, in ms
     * @param openProblem   why the open-loop side stopped, or empty
     */
    public record Snapshot(ControlSystem system, Dynamics plant, QuadraticCost cost, MpcSnapshot mpc, ClosedLoopSnapshot open,
                    Trajectory openPlan, double openPlanMillis, String openProblem) {

        /** t in seconds. */
        public double time() {
            return mpc.step() * plant.timeStep();
        }
    }

    private final ControlSystem system;
    private final Dynamics plant;
    private final QuadraticCost cost;
    private final Mpc mpc;
    private ClosedLoop open;
    private Trajectory openPlan;
    private double openPlanMillis;
    private String openProblem = "";

    public MpcComparison(ControlSystem system, Dynamics plant, Dynamics model, QuadraticCost cost, MpcSettings settings,
                  double[] x0, int steps) {
        this.system = Objects.requireNonNull(system, "system");
        this.plant = Objects.requireNonNull(plant, "plant");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.mpc = new Mpc(plant, model, cost, settings, x0, steps);
        long start = System.nanoTime();
        try {
            int horizon = (int) Math.min(steps, IlqrSettings.HORIZON.max());
            openPlan = openLoopPlan(model, cost, x0, horizon);
            open = new ClosedLoop(plant, cost, Controller.openLoop(openPlan.actions()), x0, steps);
        } catch (RuntimeException e) {
            openPlan = null;
            open = null;
            openProblem = "No open-loop plan: " + e.getMessage();
        }
        openPlanMillis = (System.nanoTime() - start) / 1e6;
    }

    /**
     * The open-loop plan: iLQR on the model over the whole run, started from three control sequences, and
     * the cheapest result kept: zero controls; the controls of the LQR controller run on the model; and
     * the controls MPC applies when the model is the plant (a rehearsal, worked out in advance). iLQR over a
     * long horizon settles in the local minimum nearest its start: from zero controls the cartpole's pole
     * falls and is swung up again (J ≈ 8 500 where balancing costs 20 at 6°), and the pendulum loops over
     * the top twice before it settles; the LQR start gives the balancing plan, the rehearsal the swing-up.
     */
    public static Trajectory openLoopPlan(Dynamics model, QuadraticCost cost, double[] x0, int horizon) {
        int iterations = (int) IlqrSettings.MAX_ITERATIONS.defaultValue();
        Trajectory best = new Ilqr(model, cost, x0, new double[horizon], iterations).solve();
        try {
            LqrGain gain = DiscreteLqr.solve(model.uprightLinearization(), cost);
            Controller lqr = LqrRun.wrapped(Controller.linear(gain.row()), model.angleIndex());
            double[] start = ClosedLoop.simulate(model, cost, lqr, x0, horizon).actions();
            best = cheaper(best, new Ilqr(model, cost, x0, start, iterations).solve());
        } catch (RuntimeException e) {
            // No LQR start for this model (it blew up): the others stand.
        }
        try {
            MpcSettings rehearsal = MpcSettings.defaults();
            Mpc mpc = new Mpc(model, model, cost, rehearsal, x0, horizon);
            while (mpc.step()) {
                // rehearse the whole run on the model
            }
            best = cheaper(best, new Ilqr(model, cost, x0, mpc.trajectory().actions(), iterations).solve());
        } catch (RuntimeException e) {
            // The rehearsal blew up: the others stand.
        }
        return best;
    }

    private static Trajectory cheaper(Trajectory a, Trajectory b) {
        return b.cost() < a.cost() ? b : a;
    }

    @Override
    public boolean step() {
        boolean more = mpc.step();
        if (open != null && openProblem.isEmpty() && !open.isDone()) {
            try {
                open.step();
            } catch (DivergenceException e) {
                openProblem = "The open-loop run blew up: " + e.getMessage();
            }
        }
        return more;
    }

    @Override
    public boolean isDone() {
        return mpc.isDone();
    }

    /** An impulse on one of the two plants: MPC's ({@code onMpc}) or the open loop's. */
    public void push(boolean onMpc, double[] dx) {
        if (onMpc) mpc.push(dx);
        else if (open != null) open.push(dx);
    }

    /** New planner, horizon or sampling for MPC, from the next replan on. */
    public void setSettings(MpcSettings settings) {
        mpc.setSettings(settings);
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(system, plant, cost, mpc.snapshot(), open == null ? null : open.snapshot(), openPlan,
                openPlanMillis, openProblem);
    }
}
