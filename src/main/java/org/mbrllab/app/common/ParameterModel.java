package org.mbrllab.app.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * A pane's declared numeric parameters and their current values, as properties the parameter panel
 * binds to. Values only ever hold allowed numbers: {@link #set} validates first.
 */
public final class ParameterModel {

    private final Map<String, ParameterSpec> specs = new LinkedHashMap<>();
    private final Map<String, DoubleProperty> values = new LinkedHashMap<>();

    public ParameterModel(List<ParameterSpec> specs) {
        for (ParameterSpec spec : specs) {
            this.specs.put(spec.key(), spec);
            values.put(spec.key(), new SimpleDoubleProperty(this, spec.key(), spec.defaultValue()));
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

    /** The current values, in declaration order. */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, p) -> out.put(k, p.get()));
        return out;
    }
}
