package org.mbrllab.engine.control;

import java.util.Arrays;
import java.util.Objects;

import org.mbrllab.engine.control.ClosedLoop;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Controller;
import org.mbrllab.engine.control.DiscreteLqr;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.LqrGain;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.run.Engine;

/**
 * The region-of-attraction experiment: the infinite-horizon LQR controller u = −K·x̃ starts the nonlinear
 * plant at one initial angle per {@link #step()} (everything else 0) and we record whether
 * {@link ClosedLoop#settles} says it comes back to upright. The gain is solved here, on the sweep's own
 * worker, from the plant's upright linearisation.
 */
public final class AttractionSweep implements Engine<AttractionSweep.Snapshot> {

    /** How long a start is given to settle, in seconds. */
    public static final double SETTLE_SECONDS = 30;
    /** "Back at upright": every state entry (θ wrapped) within this at the end, in m, m/s, rad, rad/s. */
    static final double TOLERANCE = 0.05;

    /**
     * What the chart shows.
     *
     * @param anglesDegrees the initial angles, in order
     * @param outcome       per angle: 1 caught, 0 falls, −1 not tried yet (a copy; read it)
     * @param done          how many angles have been tried
     * @param limited       whether the plant's control was limited
     * @param problem       why no gain could be computed, or empty
     */
    public record Snapshot(double[] anglesDegrees, int[] outcome, int done, boolean limited, String problem) {

        public boolean finished() {
            return done == anglesDegrees.length;
        }

        /**
         * The contiguous range of caught angles around 0, as [low, high] in degrees, or null if 0 itself is
         * not caught or not tried yet.
         */
        public double[] caughtAroundZero() {
            int zero = -1;
            for (int i = 0; i < anglesDegrees.length; i++) if (anglesDegrees[i] == 0) zero = i;
            if (zero < 0 || outcome[zero] != 1) return null;
            int lo = zero;
            int hi = zero;
            while (lo > 0 && outcome[lo - 1] == 1) lo--;
            while (hi < outcome.length - 1 && outcome[hi + 1] == 1) hi++;
            return new double[] {anglesDegrees[lo], anglesDegrees[hi]};
        }
    }

    private final Dynamics plant;
    private final double[] angles;
    private final int[] outcome;
    private final int steps;
    private Controller controller;
    private String problem = "";
    private int done;

    public AttractionSweep(Dynamics plant, QuadraticCost cost, double[] anglesDegrees) {
        this.plant = Objects.requireNonNull(plant, "plant");
        this.angles = anglesDegrees.clone();
        this.outcome = new int[angles.length];
        Arrays.fill(outcome, -1);
        this.steps = (int) Math.max(1, Math.min(ClosedLoop.MAX_STEPS, Math.round(SETTLE_SECONDS / plant.timeStep())));
        try {
            LqrGain gain = DiscreteLqr.solve(plant.uprightLinearization(), cost);
            controller = LqrRun.wrapped(Controller.linear(gain.row()), plant.angleIndex());
        } catch (RuntimeException e) {
            problem = "No LQR gain for these settings: " + e.getMessage();
        }
    }

    /** The angles the sweep tries for {@code system}: every degree within ±90 (cartpole), every 2 within ±180 (pendulum). */
    public static double[] anglesFor(ControlSystem system) {
        int max = system == ControlSystem.CARTPOLE ? 90 : 180;
        int stride = system == ControlSystem.CARTPOLE ? 1 : 2;
        double[] a = new double[2 * max / stride + 1];
        for (int i = 0; i < a.length; i++) a[i] = -max + i * stride;
        return a;
    }

    @Override
    public boolean step() {
        if (isDone()) return false;
        double[] x0 = plant.stateWithAngle(Math.toRadians(angles[done]));
        outcome[done] = ClosedLoop.settles(plant, controller, x0, steps, TOLERANCE) ? 1 : 0;
        done++;
        return !isDone();
    }

    @Override
    public boolean isDone() {
        return !problem.isEmpty() || done == angles.length;
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(angles.clone(), outcome.clone(), done, Double.isFinite(plant.controlLimit()), problem);
    }
}
