package org.mbrllab.app.lessons.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.control.ModelError;
import org.mbrllab.engine.control.MpcSettings;
import org.mbrllab.engine.control.PlannerKind;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.run.RunStatus;
import org.mbrllab.engine.control.MpcComparison;

/**
 * The MPC view's view-model: MPC and an open-loop plan side by side on the same true plant
 * ({@link MpcComparison}). The planner, the horizon and the sampling sizes change MPC between two steps
 * while it runs; the model error, the start, the length of the run and the plant start both runs again,
 * since the open-loop plan is made once, at the start.
 */
final class MpcViewModel extends ControlViewModel<MpcComparison, MpcComparison.Snapshot> {

    static final String DURATION = "duration";
    /** How long a run lasts: 10 s by default; at most 30 s (1 500 cartpole steps, the open loop's plan included). */
    static final ParameterSpec DURATION_SPEC = ParameterSpec.real(DURATION, "run length (s)", 1, 30, 10,
            "How long both runs last, in simulated seconds. The open-loop plan covers the whole run.");
    /** Balancing: the cartpole starts slightly tilted. */
    static final double CARTPOLE_START = 6;
    /** Swing-up: the pendulum starts hanging down. */
    static final double PENDULUM_START = 180;
    static final String PLANNER_CHOICE = "planner";

    private final ObjectProperty<PlannerKind> planner = new SimpleObjectProperty<>(this, "planner", PlannerKind.ILQR);
    private final ReadOnlyObjectWrapper<MpcComparison.Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");

    MpcViewModel() {
        super("mpc", specs(), ControlSystem.CARTPOLE);
        planner.addListener((obs, o, n) -> {
            refreshShown();
            if (!isQuiet()) settingsChanged();
        });
        refreshShown();
    }

    static List<ParameterSpec> specs() {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(ControlParameters.theta0(CARTPOLE_START));
        specs.add(DURATION_SPEC);
        specs.addAll(MpcSettings.specs());
        specs.addAll(ModelError.specs());
        specs.addAll(ControlParameters.physicalSpecs());
        return specs;
    }

    @Override
    protected List<String> shownKeys(ControlSystem s) {
        List<String> keys = new ArrayList<>(List.of(ControlParameters.THETA0, DURATION, MpcSettings.HORIZON.key()));
        // planner is null while the super constructor runs; iLQR is then the planner.
        PlannerKind p = planner == null ? PlannerKind.ILQR : planner.get();
        if (p == PlannerKind.ILQR) keys.add(MpcSettings.ILQR_ITERATIONS.key());
        if (p != PlannerKind.ILQR) keys.add(MpcSettings.SAMPLES.key());
        if (p == PlannerKind.CEM) {
            keys.add(MpcSettings.ELITES.key());
            keys.add(MpcSettings.CEM_ITERATIONS.key());
        }
        ModelError.specs().forEach(e -> keys.add(e.key()));
        keys.addAll(ControlParameters.physicalKeys(s));
        return keys;
    }

    @Override
    protected Map<String, Double> defaults(ControlSystem s) {
        Map<String, Double> d = new LinkedHashMap<>(ControlParameters.systemDefaults(s));
        d.put(ControlParameters.THETA0, s == ControlSystem.CARTPOLE ? CARTPOLE_START : PENDULUM_START);
        return d;
    }

    ObjectProperty<PlannerKind> plannerProperty() { return planner; }
    ReadOnlyObjectProperty<MpcComparison.Snapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }

    Dynamics plant() {
        return ControlParameters.dynamics(system(), parameters(), true);
    }

    ModelError modelError() {
        return new ModelError(parameters().get(ModelError.MASS_FACTOR.key()), parameters().get(ModelError.LENGTH_FACTOR.key()));
    }

    /** The planner settings; elites are capped at the samples (CEM needs E ≤ N). */
    MpcSettings settings() {
        int samples = (int) parameters().get(MpcSettings.SAMPLES.key());
        int elites = (int) Math.min(samples, parameters().get(MpcSettings.ELITES.key()));
        return MpcSettings.defaults()
                .withHorizon((int) parameters().get(MpcSettings.HORIZON.key()))
                .withPlanner(planner.get())
                .withSampling(samples, elites, (int) parameters().get(MpcSettings.CEM_ITERATIONS.key()))
                .withIlqrIterations((int) parameters().get(MpcSettings.ILQR_ITERATIONS.key()))
                .withSeed(seed());
    }

    /** Plant steps in a run. */
    int steps() {
        return (int) Math.max(1, Math.round(parameters().get(DURATION) / plant().timeStep()));
    }

    @Override
    protected Supplier<MpcComparison> engineFactory() {
        ControlSystem s = system();
        Dynamics plant = plant();
        Dynamics model = plant.withModelError(modelError());
        QuadraticCost cost = s.defaultCost();
        MpcSettings settings = settings();
        double[] x0 = ControlParameters.start(plant, parameters());
        int steps = steps();
        return () -> new MpcComparison(s, plant, model, cost, settings, x0, steps);
    }

    @Override
    protected void onSnapshot(MpcComparison.Snapshot s, RunStatus status) {
        snapshot.set(s);
    }

    @Override
    protected String describe(RunStatus s) {
        return s.state() == RunStatus.State.DONE ? "Done: the run is over; Reset plays it again" : super.describe(s);
    }

    @Override
    protected void parameterChanged(String key) {
        if (MpcSettings.specs().stream().anyMatch(p -> p.key().equals(key))) settingsChanged();
        else reset();
    }

    private void settingsChanged() {
        MpcSettings settings = settings();
        apply(e -> e.setSettings(settings));
    }

    /** An impulse on MPC's plant ({@code onMpc}) or on the open loop's. */
    void push(boolean onMpc, double[] dx) {
        double[] copy = dx.clone();
        apply(e -> e.push(onMpc, copy));
    }

    /** Runs {@code steps} steps (tests: the synchronous runner runs them at once). */
    void runSteps(long steps) {
        if (runner() != null) runner().run(steps);
    }

    @Override
    protected Map<String, String> choices() {
        return Map.of(PLANNER_CHOICE, planner.get().cliName());
    }

    @Override
    protected void checkChoice(String key, String value) {
        PlannerKind.fromCliName(value);
    }

    @Override
    protected void setChoice(String key, String value) {
        planner.set(PlannerKind.fromCliName(value));
    }
}
