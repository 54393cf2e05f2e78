package org.mbrllab.engine.core;

import java.util.Objects;

/**
 * A numeric parameter that a lesson exposes: its key, its label, its range, its default and a tooltip.
 * The app's parameter panel builds a slider and a typed field from it; the command line uses the same
 * range for its error messages.
 *
 * @param key          stable identifier, used in preset files and front matter (e.g. {@code gamma})
 * @param label        what the student reads (e.g. {@code γ (discount)})
 * @param min          smallest allowed value
 * @param max          largest allowed value
 * @param defaultValue value when nothing else is given; lies in [min, max]
 * @param integer      whether only whole numbers are allowed
 * @param tooltip      one or two sentences saying what the parameter does
 */
public record ParameterSpec(String key, String label, double min, double max, double defaultValue,
                            boolean integer, String tooltip) {

    public ParameterSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(tooltip, "tooltip");
        if (!(min <= max)) throw new IllegalArgumentException(key + ": min " + min + " > max " + max);
        Check.inRange(key, defaultValue, min, max);
    }

    /** A real-valued parameter. */
    public static ParameterSpec real(String key, String label, double min, double max, double defaultValue,
                                     String tooltip) {
        return new ParameterSpec(key, label, min, max, defaultValue, false, tooltip);
    }

    /** A whole-number parameter. */
    public static ParameterSpec whole(String key, String label, int min, int max, int defaultValue,
                                      String tooltip) {
        return new ParameterSpec(key, label, min, max, defaultValue, true, tooltip);
    }

    /** Returns the value if allowed; otherwise throws {@link OutOfRangeException} naming the range. */
    public double validate(double value) {
        Check.inRange(key, value, min, max);
        if (integer && value != Math.rint(value)) {
            throw new IllegalArgumentException(key + " = " + Format.number(value) + " must be a whole number in "
                    + Format.range(min, max));
        }
        return value;
    }

    /** This spec with another default (from a lesson's front matter), checked against the range. */
    public ParameterSpec withDefault(double value) {
        return new ParameterSpec(key, label, min, max, validate(value), integer, tooltip);
    }
}
