package org.mbrllab.app.lessons.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.FiniteHorizonLqr;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.run.Published;
import org.mbrllab.engine.run.RunStatus;
import org.mbrllab.engine.run.Runner;
import org.mbrllab.engine.control.LqrRun;
import org.mbrllab.engine.control.LqrSnapshot;
import org.mbrllab.engine.control.AttractionSweep;

/**
 * The LQR view's view-model: the weights, the plant, the horizon and the force limit; the closed loop's
 * runner ({@link LqrRun}, which recomputes K on its worker as the sliders move); and the
 * region-of-attraction sweep on a second runner. Once swept, the sweep follows every later change of the
 * weights or the plant.
 */
final class LqrViewModel extends ControlViewModel<LqrRun, LqrSnapshot> {

    /** Infinite-horizon K, or finite-horizon K_t. */
    enum Horizon {
        INFINITE("infinite", "Infinite horizon"),
        FINITE("finite", "Finite horizon T");

        final String key;
        final String label;

        Horizon(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final String FINITE_HORIZON = "finite_horizon";
    /** T, narrower than the engine's range so that the slider is usable. */
    static final ParameterSpec FINITE_HORIZON_SPEC = ParameterSpec.whole(FINITE_HORIZON, "horizon T (steps)", 10, 3000,
            FiniteHorizonLqr.DEFAULT_HORIZON, FiniteHorizonLqr.HORIZON.tooltip() + " Used with the finite horizon only.");
    /**
     * The cartpole's T: 600 steps (12 s). Its K_t differ from K by more than 1 % only in the last 180 steps
     * or so, so at 600 the curves are flat for most of the horizon, as the lesson says; at the engine's
     * default of 200 they bend almost all the way. The pendulum's bend lasts some 15 steps, and the
     * default of 200 shows it well.
     */
    static final int CARTPOLE_FINITE_HORIZON = 600;
    /** The start angle: a small tilt to balance from. */
    static final double START_DEGREES = 6;
    static final String HORIZON_CHOICE = "horizon";
    static final String LIMIT_CHOICE = "force_limit_on";

    private final ObjectProperty<Horizon> horizon = new SimpleObjectProperty<>(this, "horizon", Horizon.INFINITE);
    private final BooleanProperty limited = new SimpleBooleanProperty(this, "limited", false);
    private final ReadOnlyObjectWrapper<LqrSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<AttractionSweep.Snapshot> sweep = new ReadOnlyObjectWrapper<>(this, "sweep");
    private Runner<AttractionSweep, AttractionSweep.Snapshot> sweeper;

    LqrViewModel() {
        super("lqr", specs(), ControlSystem.CARTPOLE);
        horizon.addListener((obs, o, n) -> {
            refreshShown();
            if (!isQuiet()) reset();
        });
        refreshShown();
        limited.addListener((obs, o, n) -> {
            if (!isQuiet()) plantChanged();
        });
    }

    static List<ParameterSpec> specs() {
        List<ParameterSpec> specs = new ArrayList<>(ControlParameters.qSpecs());
        specs.add(ControlParameters.R_SPEC);
        specs.add(ControlParameters.theta0(START_DEGREES));
        specs.add(FINITE_HORIZON_SPEC);
        specs.addAll(ControlParameters.physicalSpecs());
        return specs;
    }

    @Override
    protected List<String> shownKeys(ControlSystem s) {
        List<String> keys = new ArrayList<>(ControlParameters.costKeys(s));
        keys.add(ControlParameters.THETA0);
        // horizon is null while the super constructor runs: the infinite horizon, which has no T.
        if (horizon != null && horizon.get() == Horizon.FINITE) keys.add(FINITE_HORIZON);
        keys.addAll(ControlParameters.physicalKeys(s));
        return keys;
    }

    @Override
    protected Map<String, Double> defaults(ControlSystem s) {
        Map<String, Double> d = new LinkedHashMap<>(ControlParameters.systemDefaults(s));
        d.put(ControlParameters.THETA0, START_DEGREES);
        d.put(FINITE_HORIZON, (double) (s == ControlSystem.CARTPOLE ? CARTPOLE_FINITE_HORIZON : FiniteHorizonLqr.DEFAULT_HORIZON));
        return d;
    }

    // ---------------------------------------------------------------- properties

    ObjectProperty<Horizon> horizonProperty() { return horizon; }
    BooleanProperty limitedProperty() { return limited; }
    ReadOnlyObjectProperty<LqrSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<AttractionSweep.Snapshot> sweepProperty() { return sweep.getReadOnlyProperty(); }

    Dynamics plant() {
        return ControlParameters.dynamics(system(), parameters(), limited.get());
    }

    QuadraticCost cost() {
        return ControlParameters.cost(system(), parameters());
    }

    // ---------------------------------------------------------------- engine

    @Override
    protected Supplier<LqrRun> engineFactory() {
        ControlSystem s = system();
        Dynamics plant = plant();
        QuadraticCost cost = cost();
        Integer t = horizon.get() == Horizon.FINITE ? (int) parameters().get(FINITE_HORIZON) : null;
        double[] x0 = ControlParameters.start(plant, parameters());
        return () -> new LqrRun(s, plant, cost, t, x0);
    }

    @Override
    protected void onSnapshot(LqrSnapshot s, RunStatus status) {
        snapshot.set(s);
    }

    @Override
    protected String describe(RunStatus s) {
        LqrSnapshot snap = snapshot.get();
        if (s.state() == RunStatus.State.DONE && snap != null && snap.finite()) {
            return "Done: the horizon of " + snap.finiteGains().length + " steps is over";
        }
        return super.describe(s);
    }

    @Override
    protected void parameterChanged(String key) {
        if (ControlParameters.costKeys(system()).contains(key)) {
            QuadraticCost cost = cost();
            apply(e -> e.setCost(cost));
            followSweep();
        } else if (key.equals(ControlParameters.THETA0)) {
            reset();
        } else if (key.equals(FINITE_HORIZON)) {
            if (horizon.get() == Horizon.FINITE) reset();
        } else {
            plantChanged();
        }
    }

    private void plantChanged() {
        Dynamics plant = plant();
        apply(e -> e.setPlant(plant));
        followSweep();
    }

    @Override
    protected void systemChanged() {
        stopSweep();
        sweep.set(null);
        reset();
    }

    /** An impulse from the mouse, added to the state between two steps. */
    void push(double[] dx) {
        double[] copy = dx.clone();
        apply(e -> e.push(copy));
    }

    /**
     * A synchronous runner (tests) runs on the caller's thread until the run ends and cannot be paused; an
     * endless infinite-horizon run is therefore capped at this many steps there.
     */
    static final long SYNCHRONOUS_RUN_LIMIT = 10_000;

    @Override
    public void toggleRun() {
        if (runners().isSynchronous() && !runningProperty().get()) runSteps(SYNCHRONOUS_RUN_LIMIT);
        else super.toggleRun();
    }

    /** Runs {@code steps} steps (tests: the synchronous runner runs them at once). */
    void runSteps(long steps) {
        if (runner() != null) runner().run(steps);
    }

    @Override
    public void open(PaneContext context, RunnerFactory runners) {
        super.open(context, runners);
    }

    @Override
    public void close() {
        stopSweep();
        super.close();
    }

    // ---------------------------------------------------------------- region of attraction

    /** Sweeps the initial angle on the nonlinear plant with the current K, in the background. */
    void sweep() {
        stopSweep();
        Dynamics plant = plant();
        QuadraticCost cost = cost();
        double[] angles = AttractionSweep.anglesFor(system());
        sweeper = runners().create("lqr-sweep", this::acceptSweep);
        sweeper.load(() -> new AttractionSweep(plant, cost, angles));
        sweeper.runToEnd();
    }

    /** Whether a sweep has been asked for (and so follows changes). */
    boolean sweeping() {
        return sweeper != null;
    }

    private void followSweep() {
        if (sweeper != null) sweep();
    }

    private void stopSweep() {
        if (sweeper != null) sweeper.close();
        sweeper = null;
    }

    private void acceptSweep(Published<AttractionSweep.Snapshot> p) {
        sweep.set(p.snapshot());
    }

    // ---------------------------------------------------------------- presets

    @Override
    protected Map<String, String> choices() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put(HORIZON_CHOICE, horizon.get().key);
        c.put(LIMIT_CHOICE, limited.get() ? "yes" : "no");
        return c;
    }

    @Override
    protected void checkChoice(String key, String value) {
        if (key.equals(HORIZON_CHOICE) && !value.equals("infinite") && !value.equals("finite")) {
            throw new IllegalArgumentException("horizon is 'infinite' or 'finite', not '" + value + "'");
        }
        if (key.equals(LIMIT_CHOICE) && !value.equals("yes") && !value.equals("no")) {
            throw new IllegalArgumentException(LIMIT_CHOICE + " is 'yes' or 'no', not '" + value + "'");
        }
    }

    @Override
    protected void setChoice(String key, String value) {
        if (key.equals(HORIZON_CHOICE)) horizon.set(value.equals("finite") ? Horizon.FINITE : Horizon.INFINITE);
        else limited.set(value.equals("yes"));
    }
}
