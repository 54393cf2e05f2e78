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
import org.mbrllab.engine.control.IlqrEngine;
import org.mbrllab.engine.control.IlqrSettings;
import org.mbrllab.engine.control.IlqrSnapshot;
import org.mbrllab.engine.control.InitialControls;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.run.RunStatus;

/**
 * The iLQR view's view-model: one {@link IlqrEngine} step is one iteration, so Step (→) bends the
 * trajectory once and Run plays the iterations at a few per second. Any change of a parameter starts the
 * optimisation again from its initial controls.
 */
final class IlqrViewModel extends ControlViewModel<IlqrEngine, IlqrSnapshot> {

    /** Run plays this many iterations per second, slow enough to watch the trajectory bend. */
    static final double ITERATIONS_PER_SECOND = 4;
    /** Swing-up: the run starts hanging down. */
    static final double START_DEGREES = 180;
    /**
     * The cartpole's horizon: 3 s. At iLQR's default of 100 steps (2 s) the swing-up from hanging down does
     * not reach upright; at 150 it does.
     */
    static final int CARTPOLE_HORIZON = 150;
    static final String INIT_CHOICE = "init";

    private final ObjectProperty<InitialControls> init = new SimpleObjectProperty<>(this, "init", InitialControls.ZERO);
    private final ReadOnlyObjectWrapper<IlqrSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private Dynamics lastPlant;

    IlqrViewModel() {
        super("ilqr", specs(), ControlSystem.PENDULUM);
        init.addListener((obs, o, n) -> {
            if (!isQuiet()) reset();
        });
    }

    static List<ParameterSpec> specs() {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(ControlParameters.theta0(START_DEGREES));
        specs.addAll(IlqrSettings.specs());
        specs.addAll(ControlParameters.physicalSpecs());
        return specs;
    }

    @Override
    protected List<String> shownKeys(ControlSystem s) {
        List<String> keys = new ArrayList<>(List.of(ControlParameters.THETA0));
        IlqrSettings.specs().forEach(p -> keys.add(p.key()));
        keys.addAll(ControlParameters.physicalKeys(s));
        return keys;
    }

    @Override
    protected Map<String, Double> defaults(ControlSystem s) {
        Map<String, Double> d = new LinkedHashMap<>(ControlParameters.systemDefaults(s));
        d.put(ControlParameters.THETA0, START_DEGREES);
        d.put(IlqrSettings.HORIZON.key(), s == ControlSystem.CARTPOLE ? CARTPOLE_HORIZON : IlqrSettings.HORIZON.defaultValue());
        return d;
    }

    @Override
    protected double realTimeSpeed(Dynamics d) {
        return ITERATIONS_PER_SECOND;
    }

    ObjectProperty<InitialControls> initProperty() { return init; }
    ReadOnlyObjectProperty<IlqrSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }

    /** The plant of the running optimisation (its constants size the drawing). */
    Dynamics plant() {
        return lastPlant != null ? lastPlant : ControlParameters.dynamics(system(), parameters(), true);
    }

    IlqrSettings settings() {
        return IlqrSettings.defaults()
                .withHorizon((int) parameters().get(IlqrSettings.HORIZON.key()))
                .withMaxIterations((int) parameters().get(IlqrSettings.MAX_ITERATIONS.key()))
                .withRestarts((int) parameters().get(IlqrSettings.RESTARTS.key()))
                .withInit(init.get())
                .withSeed(seed());
    }

    @Override
    protected Supplier<IlqrEngine> engineFactory() {
        Dynamics plant = ControlParameters.dynamics(system(), parameters(), true);
        lastPlant = plant;
        QuadraticCost cost = system().defaultCost();
        double[] x0 = ControlParameters.start(plant, parameters());
        IlqrSettings settings = settings();
        return () -> new IlqrEngine(plant, cost, x0, settings);
    }

    @Override
    protected void onSnapshot(IlqrSnapshot s, RunStatus status) {
        snapshot.set(s);
    }

    @Override
    protected void parameterChanged(String key) {
        reset();
    }

    @Override
    protected String describe(RunStatus s) {
        IlqrSnapshot snap = snapshot.get();
        if (s.state() == RunStatus.State.DONE && snap != null && snap.best() != null) {
            return "Done: best J = " + Format.fixed(snap.best().cost(), 2)
                    + (snap.restarts() > 1 ? " from start " + (snap.bestRestart() + 1) + " of " + snap.restarts() : "");
        }
        return super.describe(s);
    }

    /** The status line under the strip: start, iteration, J, μ and α, and why the start stopped. */
    static String describe(IlqrSnapshot s) {
        StringBuilder sb = new StringBuilder();
        if (s.restarts() > 1) sb.append("start ").append(s.restart() + 1).append(" of ").append(s.restarts()).append(" · ");
        sb.append("iteration ").append(s.iteration());
        sb.append(" · J = ").append(Format.fixed(s.trajectory().cost(), 2));
        sb.append(" · μ = ").append(mu(s.mu()));
        sb.append(" · α = ").append(Double.isNaN(s.alpha()) ? "–" : Format.number(s.alpha()));
        if (s.iteration() > 0 && !s.lastAccepted()) sb.append(" (no step lowered J: μ raised)");
        return sb.toString();
    }

    /** μ for the strip: 0, 1, or a power of ten written 10⁻³ (iLQR multiplies it by 10). */
    static String mu(double mu) {
        if (mu == 0) return "0";
        int exp = (int) Math.round(Math.log10(mu));
        if (Math.abs(mu - Math.pow(10, exp)) > 1e-9 * mu) return Format.number(mu);
        if (exp == 0) return "1";
        if (exp == 1) return "10";
        return "10" + superscript(exp);
    }

    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) sb.append(digits.charAt(c - '0'));
        return sb.toString();
    }

    @Override
    protected Map<String, String> choices() {
        return Map.of(INIT_CHOICE, init.get().cliName());
    }

    @Override
    protected void checkChoice(String key, String value) {
        InitialControls.fromCliName(value);
    }

    @Override
    protected void setChoice(String key, String value) {
        init.set(InitialControls.fromCliName(value));
    }
}
