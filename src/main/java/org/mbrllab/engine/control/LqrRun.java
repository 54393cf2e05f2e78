package org.mbrllab.engine.control;

import java.util.Objects;

import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.ClosedLoop;
import org.mbrllab.engine.control.ClosedLoopSnapshot;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Controller;
import org.mbrllab.engine.control.DiscreteLqr;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.FiniteHorizonLqr;
import org.mbrllab.engine.control.Linearization;
import org.mbrllab.engine.control.LqrGain;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.control.Trajectory;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.run.Engine;

/**
 * The LQR view's engine: a {@link ClosedLoop} under u = −K·x̃ on the nonlinear plant, with the gains
 * recomputed on this worker whenever the weights or the plant change, so that the FX thread never runs
 * a Riccati recursion. x̃ is the state with θ wrapped to (−π, π], so a pole pushed once round is caught
 * upright again instead of being unwound.
 *
 * <p>With the infinite horizon the run never ends: it continues in segments of {@link #SEGMENT} steps,
 * so a snapshot copies at most two segments however long the lecture lasts. With the finite horizon it
 * runs T steps under K_0 … K_{T−1} and stops.
 *
 * <p>A gain that cannot be computed does not throw here (the runner loads engines on its worker, where
 * an exception would be lost); the next {@link #step()} throws a {@link DivergenceException} with the
 * reason, which stops the run and shows the shell's reset banner.
 */
public final class LqrRun implements Engine<LqrSnapshot> {

    /** Steps per segment of an endless run. */
    static final int SEGMENT = 1000;
    /** How far ahead the ghosts look, in seconds. */
    static final double PREDICTION_SECONDS = 1.0;
    /** At most this many predicted states. */
    static final int MAX_PREDICTION = 100;

    private final ControlSystem system;
    private final Integer finiteHorizon;
    private Dynamics plant;
    private QuadraticCost cost;
    private Linearization linearization;
    private LqrGain gain;
    private double[][] finiteGains;
    private String problem = "";
    private ClosedLoop loop;
    private int segmentStart;
    private Trajectory previous;
    private int previousStart;
    private int step;

    /**
     * @param finiteHorizon T for the finite-horizon controller, or null for the infinite horizon
     */
    public LqrRun(ControlSystem system, Dynamics plant, QuadraticCost cost, Integer finiteHorizon, double[] x0) {
        this.system = Objects.requireNonNull(system, "system");
        this.plant = Objects.requireNonNull(plant, "plant");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.finiteHorizon = finiteHorizon;
        solve();
        loop = new ClosedLoop(plant, cost, controller(), x0, finiteHorizon != null ? finiteHorizon : SEGMENT);
    }

    /** The controller the run uses for {@code gain} on {@code plant}: u = −K·x̃, θ wrapped. */
    public static Controller wrapped(Controller linear, int angleIndex) {
        return (t, x) -> {
            double[] y = x.clone();
            y[angleIndex] = Angles.normalize(y[angleIndex]);
            return linear.control(t, y);
        };
    }

    private void solve() {
        linearization = plant.uprightLinearization();
        problem = "";
        try {
            gain = DiscreteLqr.solve(linearization, cost);
        } catch (RuntimeException e) {
            gain = null;
            problem = "No LQR gain for these settings: " + e.getMessage();
        }
        finiteGains = null;
        if (finiteHorizon != null && problem.isEmpty()) {
            try {
                finiteGains = FiniteHorizonLqr.solve(linearization, cost, finiteHorizon).rows();
            } catch (RuntimeException e) {
                problem = "No finite-horizon gains for these settings: " + e.getMessage();
            }
        }
    }

    private Controller controller() {
        if (!problem.isEmpty()) return (t, x) -> 0;
        Controller c = finiteGains != null ? Controller.timeVarying(finiteGains) : Controller.linear(gain.row());
        return wrapped(c, plant.angleIndex());
    }

    @Override
    public boolean step() {
        if (!problem.isEmpty()) throw new DivergenceException(problem);
        boolean more = loop.step();
        step++;
        if (finiteHorizon != null) return more;
        if (!more) {
            // Continue the endless run in a new segment from the current state.
            ClosedLoopSnapshot end = loop.snapshot();
            previous = end.history();
            previousStart = segmentStart;
            segmentStart = step;
            loop = new ClosedLoop(plant, cost, controller(), end.state(), SEGMENT);
        }
        return true;
    }

    @Override
    public boolean isDone() {
        return finiteHorizon != null && loop.isDone();
    }

    /** New weights: K is recomputed and acts from the next step on. */
    public void setCost(QuadraticCost newCost) {
        cost = Objects.requireNonNull(newCost, "cost");
        solve();
        loop.setController(controller());
    }

    /** New constants or limit: A, B and K are recomputed, and the state carries on. */
    public void setPlant(Dynamics newPlant) {
        plant = Objects.requireNonNull(newPlant, "plant");
        solve();
        loop.setPlant(plant);
        loop.setController(controller());
    }

    /** An impulse from the mouse: {@code dx} is added to the state. */
    public void push(double[] dx) {
        loop.push(dx);
    }

    @Override
    public LqrSnapshot snapshot() {
        ClosedLoopSnapshot s = loop.snapshot();
        Trajectory now = s.history();
        Trajectory history = now;
        int start = segmentStart;
        if (previous != null) {
            history = join(previous, now);
            start = previousStart;
        }
        double control = now.steps() > 0 ? now.u(now.steps() - 1)
                : previous != null && previous.steps() > 0 ? previous.u(previous.steps() - 1) : 0;
        double[][] eigenvalues = new double[0][];
        if (problem.isEmpty()) {
            eigenvalues = finiteGains == null ? gain.eigenvalues()
                    : LqrGain.closedLoopEigenvalues(linearization, finiteGains[Math.min(step, finiteGains.length - 1)]);
        }
        return new LqrSnapshot(system, plant, cost, step, s.state(), control, history, start, linearization, gain,
                finiteGains, eigenvalues, predict(s.state()), problem);
    }

    /**
     * x_{t+1} … under the linear model x' = (A − B·K_t)·x̃, the controller's own expectation: after a push
     * the ghosts show where the controller thinks the system will go, and the picture shows where it goes.
     */
    private double[][] predict(double[] x) {
        if (!problem.isEmpty()) return new double[0][];
        int n = x.length;
        int count = (int) Math.min(MAX_PREDICTION, Math.round(PREDICTION_SECONDS / plant.timeStep()));
        if (finiteGains != null) count = Math.max(0, Math.min(count, finiteGains.length - step));
        double[][] a = linearization.a();
        double[] b = linearization.b();
        double[][] out = new double[count][];
        double[] cur = x.clone();
        double offset = cur[plant.angleIndex()] - Angles.normalize(cur[plant.angleIndex()]);
        cur[plant.angleIndex()] -= offset;
        for (int k = 0; k < count; k++) {
            double[] gainRow = finiteGains != null ? finiteGains[step + k] : gain.k()[0];
            double u = 0;
            for (int j = 0; j < n; j++) u -= gainRow[j] * cur[j];
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double v = b[i] * u;
                for (int j = 0; j < n; j++) v += a[i][j] * cur[j];
                next[i] = v;
            }
            cur = next;
            double[] shown = cur.clone();
            shown[plant.angleIndex()] += offset;
            out[k] = shown;
        }
        return out;
    }

    /** {@code a} followed by {@code b}, whose first state is {@code a}'s last. */
    public static Trajectory join(Trajectory a, Trajectory b) {
        int na = a.steps();
        int nb = b.steps();
        double[][] states = new double[na + nb + 1][];
        double[] actions = new double[na + nb];
        for (int t = 0; t < na; t++) {
            states[t] = a.state(t);
            actions[t] = a.u(t);
        }
        for (int t = 0; t <= nb; t++) states[na + t] = b.state(t);
        for (int t = 0; t < nb; t++) actions[na + t] = b.u(t);
        return new Trajectory(states, actions, a.cost() + b.cost());
    }
}
