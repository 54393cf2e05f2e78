package org.mbrllab.engine.core;

/**
 * A parameter value outside its allowed range. The message names the parameter, the value and the
 * range, so that it can be shown to a student as it is.
 */
public final class OutOfRangeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final double value;
    private final double min;
    private final double max;

    public OutOfRangeException(String name, double value, double min, double max) {
        super(name + " = " + Format.number(value) + " is out of range: allowed "
                + Format.range(min, max));
        this.name = name;
        this.value = value;
        this.min = min;
        this.max = max;
    }

    public String name() { return name; }
    public double value() { return value; }
    public double min() { return min; }
    public double max() { return max; }
}
