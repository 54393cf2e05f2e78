package org.mbrllab.app.lessons.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Dynamics;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.run.Engine;

/**
 * What the three control view-models share: the system choice, one parameter model for both systems
 * (only the chosen system's keys shown), the real-time speed, and presets as {@code key: value} lines.
 * It never touches a control, so a test drives it synchronously without the toolkit.
 *
 * @param <E> the engine type
 * @param <S> its snapshot type
 */
abstract class ControlViewModel<E extends Engine<S>, S> extends RunnerViewModel<E, S> {

    /** The preset key naming the system. */
    static final String SYSTEM = "system";

    private final ParameterModel parameters;
    private final ObjectProperty<ControlSystem> system = new SimpleObjectProperty<>(this, "system", ControlSystem.CARTPOLE);
    private final ReadOnlyDoubleWrapper preferredSpeed = new ReadOnlyDoubleWrapper(this, "preferredSpeed", 50);

    protected ControlViewModel(String name, List<ParameterSpec> specs, ControlSystem initial) {
        super(name);
        parameters = new ParameterModel(specs);
        system.set(initial);
        for (ParameterSpec spec : specs) {
            parameters.property(spec.key()).addListener((obs, o, n) -> {
                if (isQuiet()) return;
                updateSpeed();
                parameterChanged(spec.key());
            });
        }
        system.addListener((obs, o, n) -> {
            if (isQuiet()) return;
            loadSystem(n);
            systemChanged();
        });
        loadSystem(initial);
    }

    // ---------------------------------------------------------------- what a pane says
    // shownKeys, defaults and realTimeSpeed are called from this constructor: they may read only
    // static data and their arguments.

    /** The keys the parameter panel shows for {@code s}, in any order (the panel keeps declaration order). */
    protected abstract List<String> shownKeys(ControlSystem s);

    /** Values loaded when {@code s} is chosen: its constants and cost, and the pane's own per-system defaults. */
    protected Map<String, Double> defaults(ControlSystem s) {
        return ControlParameters.systemDefaults(s);
    }

    /** A parameter changed (not while loading a system, a preset or the lesson's defaults). */
    protected abstract void parameterChanged(String key);

    /** The system changed and its defaults are loaded; by default the run starts again. */
    protected void systemChanged() {
        reset();
    }

    /** The pane's named choices (not numbers) as preset lines, e.g. {@code planner: cem}. */
    protected Map<String, String> choices() {
        return Map.of();
    }

    /** Checks a choice from a preset; throws IllegalArgumentException naming the allowed values. */
    protected void checkChoice(String key, String value) {
        throw new IllegalArgumentException("unknown key '" + key + "'");
    }

    /** Applies a checked choice (quietly: the caller resets afterwards). */
    protected void setChoice(String key, String value) {
    }

    /** Steps per second that play {@code d} in real time. */
    protected double realTimeSpeed(Dynamics d) {
        return 1 / d.timeStep();
    }

    // ---------------------------------------------------------------- properties

    @Override public ParameterModel parameters() { return parameters; }
    ObjectProperty<ControlSystem> systemProperty() { return system; }
    ControlSystem system() { return system.get(); }

    @Override
    public double preferredSpeed() {
        return preferredSpeed.get();
    }

    @Override
    public ReadOnlyDoubleProperty preferredSpeedProperty() {
        return preferredSpeed.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- lifecycle

    /** Takes the lesson's parameter defaults, then starts the worker (or a synchronous runner for tests). */
    @Override
    public void open(PaneContext context, RunnerFactory runners) {
        quietly(() -> {
            parameters.setKnown(context.parameterDefaults());
        });
        updateSpeed();
        start(runners);
    }

    @Override
    public void close() {
        stop();
    }

    private void loadSystem(ControlSystem s) {
        quietly(() -> setKnown(defaults(s)));
        parameters.showOnly(shownKeys(s));
        updateSpeed();
    }

    /** Sets the values of {@code values} that this pane has (a system's defaults include costs some panes lack). */
    private void setKnown(Map<String, Double> values) {
        values.forEach((k, v) -> {
            if (parameters.spec(k).isPresent()) parameters.set(k, v);
        });
    }

    /** Shows {@link #shownKeys} again, after a choice that changes which parameters apply. */
    protected void refreshShown() {
        parameters.showOnly(shownKeys(system.get()));
    }

    private void updateSpeed() {
        preferredSpeed.set(realTimeSpeed(ControlParameters.dynamics(system.get(), parameters, true)));
    }

    // ---------------------------------------------------------------- presets

    /** The system, the pane's choices and the shown parameters, one {@code key: value} per line. */
    String presetText() {
        StringBuilder sb = new StringBuilder("# MBRL Lab control preset\n");
        sb.append(SYSTEM).append(": ").append(system.get().cliName()).append('\n');
        choices().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        for (ParameterSpec s : parameters.specs()) {
            if (parameters.shownProperty(s.key()).get()) {
                sb.append(s.key()).append(": ").append(Format.number(parameters.get(s.key()))).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Loads preset text: every line is checked first, so a bad one leaves the pane as it was.
     *
     * @throws IllegalArgumentException naming the source, the line and the problem
     */
    void loadPreset(String text, String source) {
        ControlSystem chosen = system.get();
        Map<String, String> picked = new LinkedHashMap<>();
        Map<String, Double> numbers = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = source + ":" + (i + 1) + ": ";
            int colon = line.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException(where + "expected 'key: value', got '" + line + "'");
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            try {
                if (key.equals(SYSTEM)) {
                    chosen = ControlSystem.fromCliName(value);
                } else if (choices().containsKey(key)) {
                    checkChoice(key, value);
                    picked.put(key, value);
                } else if (parameters.spec(key).isPresent()) {
                    double v;
                    try {
                        v = Double.parseDouble(value.replace('−', '-'));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + value + "' is not a number");
                    }
                    parameters.spec(key).get().validate(v);
                    numbers.put(key, v);
                } else {
                    List<String> known = new ArrayList<>(List.of(SYSTEM));
                    known.addAll(choices().keySet());
                    parameters.specs().forEach(s -> known.add(s.key()));
                    throw new IllegalArgumentException("unknown key '" + key + "' (keys: " + String.join(", ", known) + ")");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        ControlSystem target = chosen;
        quietly(() -> {
            system.set(target);
            setKnown(defaults(target));
            numbers.forEach(parameters::set);
            picked.forEach(this::setChoice);
        });
        parameters.showOnly(shownKeys(target));
        updateSpeed();
        systemChanged();
    }
}
