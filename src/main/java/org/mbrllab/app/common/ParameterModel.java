package org.mbrllab.app.common;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * A pane's declared numeric parameters and their current values, as properties the parameter panel
 * binds to. Values only ever hold allowed numbers: {@link #set} validates first. A pane may hide the
 * parameters that do not apply at the moment (the pendulum's length while the cartpole is shown); the
 * panel shows only those whose {@link #shownProperty} is true.
 */
public final class ParameterModel {

    private final Map<String, ParameterSpec> specs = new LinkedHashMap<>();
    private final Map<String, DoubleProperty> values = new LinkedHashMap<>();
    private final Map<String, BooleanProperty> shown = new LinkedHashMap<>();

    public ParameterModel(List<ParameterSpec> specs) {
        for (ParameterSpec spec : specs) {
            this.specs.put(spec.key(), spec);
            values.put(spec.key(), new SimpleDoubleProperty(this, spec.key(), spec.defaultValue()));
            shown.put(spec.key(), new SimpleBooleanProperty(this, spec.key() + "Shown", true));
        }
    }

    public List<ParameterSpec> specs() {
        return List.copyOf(specs.values());
    }

    public Optional<ParameterSpec> spec(String key) {
        return Optional.ofNullable(specs.get(key));
    }

    /** The property of {@code key}; listen to it to react to changes. */
    public DoubleProperty property(String key) {
        DoubleProperty p = values.get(key);
        if (p == null) throw new IllegalArgumentException("unknown parameter: " + key);
        return p;
    }

    public double get(String key) {
        return property(key).get();
    }

    /**
     * Sets {@code key} after checking its range.
     *
     * @throws IllegalArgumentException with a message naming the value and the allowed range
     */
    public void set(String key, double value) {
        ParameterSpec spec = specs.get(key);
        if (spec == null) throw new IllegalArgumentException("unknown parameter: " + key);
        property(key).set(spec.validate(value));
    }

    /**
     * Sets every value of {@code values} whose key is one of these parameters, each checked against its
     * range; other keys are ignored (a lesson's front matter may set parameters of another pane version).
     */
    public void setKnown(Map<String, Double> values) {
        values.forEach((key, value) -> {
            if (specs.containsKey(key)) set(key, value);
        });
    }

    /** Whether the parameter panel shows {@code key}; true unless the pane hides it. */
    public BooleanProperty shownProperty(String key) {
        BooleanProperty p = shown.get(key);
        if (p == null) throw new IllegalArgumentException("unknown parameter: " + key);
        return p;
    }

    /** Shows the parameters in {@code keys} and hides every other one. */
    public void showOnly(Collection<String> keys) {
        for (String k : keys) {
            if (!shown.containsKey(k)) throw new IllegalArgumentException("unknown parameter: " + k);
        }
        shown.forEach((k, p) -> p.set(keys.contains(k)));
    }

    /** The current values, in declaration order. */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, p) -> out.put(k, p.get()));
        return out;
    }
}
