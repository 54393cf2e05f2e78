package org.mbrllab.engine.dp;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/** A growable list of doubles without boxing; {@link #copy()} hands out an immutable {@code List<Double>}. */
final class DoubleList {
    private double[] items = new double[64];
    private int size;

    void add(double x) {
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = x;
    }

    int size() {
        return size;
    }

    /** An immutable copy, boxing an element only when it is read. */
    List<Double> copy() {
        return new Frozen(Arrays.copyOf(items, size));
    }

    private static final class Frozen extends AbstractList<Double> implements RandomAccess {
        private final double[] values;

        Frozen(double[] values) {
            this.values = values;
        }

        @Override
        public Double get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
    }
}
