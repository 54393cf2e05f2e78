package org.mbrllab.engine.model;

import java.util.Arrays;

/**
 * Rows of (input, target) for supervised training: (s, a) → Δs for a dynamics model, x → y for the 1-D
 * regression lesson. Immutable: the constructor copies, the accessors copy or read single numbers.
 */
public final class RegressionData {
    private final double[][] inputs;
    private final double[][] targets;

    /**
     * @param inputs  one row per example; all rows the same width, at least 1
     * @param targets one row per example, same count as {@code inputs}; all rows the same width, at least 1
     * @throws IllegalArgumentException when the shapes disagree, there are fewer than 2 rows, or a number
     *                                  is not finite
     */
    public RegressionData(double[][] inputs, double[][] targets) {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException(inputs.length + " input rows but " + targets.length + " target rows");
        }
        if (inputs.length < 2) throw new IllegalArgumentException("need at least 2 rows, got " + inputs.length);
        this.inputs = copy("inputs", inputs);
        this.targets = copy("targets", targets);
    }

    /** One input and one target column: the 1-D regression task. */
    public static RegressionData ofColumns(double[] x, double[] y) {
        double[][] in = new double[x.length][];
        double[][] out = new double[y.length][];
        for (int i = 0; i < x.length; i++) in[i] = new double[] {x[i]};
        for (int i = 0; i < y.length; i++) out[i] = new double[] {y[i]};
        return new RegressionData(in, out);
    }

    public int rows() {
        return inputs.length;
    }

    public int inputWidth() {
        return inputs[0].length;
    }

    public int outputWidth() {
        return targets[0].length;
    }

    public double input(int row, int column) {
        return inputs[row][column];
    }

    public double target(int row, int column) {
        return targets[row][column];
    }

    /** A copy of one input column (e.g. the x of every point, for a scatter plot). */
    public double[] inputColumn(int column) {
        double[] c = new double[inputs.length];
        for (int i = 0; i < c.length; i++) c[i] = inputs[i][column];
        return c;
    }

    /** A copy of one target column. */
    public double[] targetColumn(int column) {
        double[] c = new double[targets.length];
        for (int i = 0; i < c.length; i++) c[i] = targets[i][column];
        return c;
    }

    /** These rows and one more (a point added by clicking). */
    public RegressionData withRow(double[] input, double[] target) {
        double[][] in = Arrays.copyOf(inputs, inputs.length + 1);
        double[][] out = Arrays.copyOf(targets, targets.length + 1);
        in[inputs.length] = input;
        out[targets.length] = target;
        return new RegressionData(in, out);
    }

    private static double[][] copy(String name, double[][] rows) {
        int width = rows[0].length;
        if (width < 1) throw new IllegalArgumentException(name + " rows are empty");
        double[][] c = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException(name + " row " + i + " has " + rows[i].length + " numbers, row 0 has "
                        + width);
            }
            for (double v : rows[i]) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException(name + " row " + i + " holds " + v);
            }
            c[i] = rows[i].clone();
        }
        return c;
    }

    double[] inputRow(int row) {
        return inputs[row];
    }

    double[] targetRow(int row) {
        return targets[row];
    }
}
