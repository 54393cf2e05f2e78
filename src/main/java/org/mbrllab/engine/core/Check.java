package org.mbrllab.engine.core;

/** Argument checks used by the compact constructors of parameter records. */
public final class Check {
    private Check() {}

    /** Returns {@code value} if it lies in [min, max]; otherwise throws {@link OutOfRangeException}. */
    public static double inRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) throw new OutOfRangeException(name, value, min, max);
        return value;
    }

    /** Returns {@code value} if it lies in [min, max]; otherwise throws {@link OutOfRangeException}. */
    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) throw new OutOfRangeException(name, value, min, max);
        return value;
    }

    /** Returns {@code value} if it is finite; otherwise throws an exception naming it. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + Format.number(value) + " must be a finite number");
        }
        return value;
    }
}
