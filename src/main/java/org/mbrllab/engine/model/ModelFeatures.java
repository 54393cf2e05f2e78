package org.mbrllab.engine.model;

import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.ControlSystem;

/**
 * How a state and a control become a network's input, and what the network predicts: the change of
 * state Δx = x' − x ("each member predicts Δs from (s, a)"). The angle θ enters as (cos θ, sin θ), so
 * that θ and θ + 2π are the same input, as Gymnasium's pendulum observes it; the other entries and the
 * control enter as they are (the trainer standardises them).
 *
 * <table>
 *   <caption>Inputs and outputs</caption>
 *   <tr><th>system</th><th>input</th><th>output</th></tr>
 *   <tr><td>pendulum</td><td>cos θ, sin θ, θ̇, u</td><td>Δθ, Δθ̇</td></tr>
 *   <tr><td>cartpole</td><td>x, ẋ, cos θ, sin θ, θ̇, u</td><td>Δx, Δẋ, Δθ, Δθ̇</td></tr>
 * </table>
 *
 * @param stateSize  n
 * @param angleIndex where θ sits in the state
 */
public record ModelFeatures(int stateSize, int angleIndex) {

    public static ModelFeatures of(ControlSystem system) {
        return new ModelFeatures(system.stateSize(), system.gymnasium().angleIndex());
    }

    /** Inputs per row: n − 1 plain entries, cos θ and sin θ, and u. */
    public int inputs() {
        return stateSize + 2;
    }

    /** Outputs per row: Δx, n entries. */
    public int outputs() {
        return stateSize;
    }

    /** Writes the input row of (x, u), x read at {@code xs[xOffset …]}, into {@code row[rowOffset …]}. */
    public void input(double[] xs, int xOffset, double u, double[] row, int rowOffset) {
        int c = rowOffset;
        for (int i = 0; i < stateSize; i++) {
            double v = xs[xOffset + i];
            if (i == angleIndex) {
                row[c++] = Math.cos(v);
                row[c++] = Math.sin(v);
            } else {
                row[c++] = v;
            }
        }
        row[c] = u;
    }

    /** The input row of (x, u) in a new array. */
    public double[] input(double[] x, double u) {
        double[] row = new double[inputs()];
        input(x, 0, u, row, 0);
        return row;
    }

    /** Δx = x' − x, the training target. */
    public double[] target(double[] x, double[] next) {
        double[] d = new double[stateSize];
        for (int i = 0; i < stateSize; i++) d[i] = next[i] - x[i];
        return d;
    }

    /** The distance between two states, with the angle difference wrapped to (−π, π]. */
    public double distance(double[] a, int aOffset, double[] b, int bOffset) {
        double sum = 0;
        for (int i = 0; i < stateSize; i++) {
            double d = a[aOffset + i] - b[bOffset + i];
            if (i == angleIndex) d = Angles.normalize(d);
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
