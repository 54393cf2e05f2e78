package org.mbrllab.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The data set D = {(s, a, s')ᵢ} of the model-based loops, in the order it was collected, each
 * transition tagged with the episode that produced it (0 for the initial random-policy data when it is
 * collected before the first episode). Append-only; confined to the engine thread. {@link #rows()} and
 * {@link #regressionData} hand out copies.
 */
public final class Transitions {
    private final int stateSize;
    private final List<double[]> states = new ArrayList<>();
    private final List<double[]> nextStates = new ArrayList<>();
    private final List<Double> actions = new ArrayList<>();
    private final List<Integer> episodes = new ArrayList<>();

    public Transitions(int stateSize) {
        this.stateSize = stateSize;
    }

    /** Adds (x, u, x') from {@code episode}. */
    public void add(double[] x, double u, double[] next, int episode) {
        if (x.length != stateSize || next.length != stateSize) {
            throw new IllegalArgumentException("a transition of a " + stateSize + "-entry state, got "
                    + x.length + " and " + next.length + " entries");
        }
        states.add(x.clone());
        nextStates.add(next.clone());
        actions.add(u);
        episodes.add(episode);
    }

    /** |D|. */
    public int size() {
        return states.size();
    }

    public int stateSize() {
        return stateSize;
    }

    /** x of row i, a copy. */
    public double[] state(int i) {
        return states.get(i).clone();
    }

    public double action(int i) {
        return actions.get(i);
    }

    /** x' of row i, a copy. */
    public double[] nextState(int i) {
        return nextStates.get(i).clone();
    }

    /** The episode that produced row i. */
    public int episode(int i) {
        return episodes.get(i);
    }

    /** The rows as (features of (x, u)) → Δx, for {@link EnsembleTrainer}. */
    public RegressionData regressionData(ModelFeatures features) {
        int n = size();
        double[][] in = new double[n][];
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            in[i] = features.input(states.get(i), actions.get(i));
            out[i] = features.target(states.get(i), nextStates.get(i));
        }
        return new RegressionData(in, out);
    }

    /** Entry {@code index} of every x, in order (a coverage plot's axis). */
    public double[] stateColumn(int index) {
        double[] c = new double[size()];
        for (int i = 0; i < c.length; i++) c[i] = states.get(i)[index];
        return c;
    }

    /** The episode tag of every row, in order. */
    public int[] episodeColumn() {
        int[] c = new int[size()];
        for (int i = 0; i < c.length; i++) c[i] = episodes.get(i);
        return c;
    }
}
