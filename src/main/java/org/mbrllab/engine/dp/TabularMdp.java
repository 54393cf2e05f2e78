package org.mbrllab.engine.dp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A finite MDP with the transition model p(s', r | s, a) stored as flat arrays, so that a sweep runs
 * without boxing or allocation. The outcomes of the pair (s, a) are the entries
 * {@code first[s*A + a] … first[s*A + a + 1] − 1} of {@code next}, {@code prob} and {@code reward}
 * (compressed sparse rows). The expected reward r(s, a) = Σ p·r is precomputed, so that
 * <pre>  q(s, a) = r(s, a) + γ Σ_{s'} p(s'|s, a) V(s')</pre>
 * costs one multiply-add per outcome.
 *
 * <p>States that are not backed up (walls and terminal cells) have no outcomes.
 */
public final class TabularMdp implements org.mbrllab.engine.core.FiniteMdp {

    /** One possible result of an action: the next state, its probability and the reward. */

    final int states;
    final int actions;
    final double gamma;
    final boolean[] backedUp;
    /** The backed-up states in increasing order: the order of every sweep. */
    final int[] order;
    final int[] first;
    final int[] next;
    final double[] prob;
    final double[] reward;
    final double[] expectedReward;

    private TabularMdp(Builder b) {
        this.states = b.states;
        this.actions = b.actions;
        this.gamma = b.gamma;
        this.backedUp = b.backedUp;
        int n = 0;
        for (boolean x : backedUp) if (x) n++;
        this.order = new int[n];
        for (int s = 0, k = 0; s < states; s++) if (backedUp[s]) order[k++] = s;
        this.first = b.first;
        this.next = Arrays.copyOf(b.next, b.size);
        this.prob = Arrays.copyOf(b.prob, b.size);
        this.reward = Arrays.copyOf(b.reward, b.size);
        this.expectedReward = new double[states * actions];
        for (int sa = 0; sa < states * actions; sa++) {
            double r = 0;
            for (int k = first[sa]; k < first[sa + 1]; k++) r += prob[k] * reward[k];
            expectedReward[sa] = r;
        }
    }

    @Override public int states() { return states; }

    @Override public int actions() { return actions; }

    /** γ, the discount factor. */
    @Override public double gamma() { return gamma; }

    /** False for walls and terminal cells, which no sweep backs up. */
    @Override public boolean backedUp(int s) { return backedUp[s]; }

    /** How many states are backed up: the number of backups in one sweep. */
    public int backedUpCount() { return order.length; }

    /** The outcomes of taking {@code a} in {@code s}, probabilities summing to 1; empty if not backed up. */
    @Override public List<Outcome> outcomes(int s, int a) {
        int sa = s * actions + a;
        List<Outcome> list = new ArrayList<>(first[sa + 1] - first[sa]);
        for (int k = first[sa]; k < first[sa + 1]; k++) list.add(new Outcome(next[k], prob[k], reward[k]));
        return List.copyOf(list);
    }

    /** r(s, a) = Σ p(s', r | s, a)·r. */
    public double expectedReward(int s, int a) {
        return expectedReward[s * actions + a];
    }

    /** q(s, a) = r(s, a) + γ Σ p(s'|s, a)·values[s']; NaN when {@code s} is not backed up. */
    public double q(int s, int a, double[] values) {
        if (!backedUp[s]) return Double.NaN;
        int sa = s * actions + a;
        double acc = 0;
        for (int k = first[sa]; k < first[sa + 1]; k++) acc += prob[k] * values[next[k]];
        return expectedReward[sa] + gamma * acc;
    }

    /** Collects outcomes state by state, action by action, merging equal ones. */
    static final class Builder {
        private final int states;
        private final int actions;
        private final double gamma;
        private final boolean[] backedUp;
        private final int[] first;
        private int[] next;
        private double[] prob;
        private double[] reward;
        private int size;
        private int current = -1;

        Builder(int states, int actions, double gamma, boolean[] backedUp) {
            this.states = states;
            this.actions = actions;
            this.gamma = gamma;
            this.backedUp = backedUp.clone();
            this.first = new int[states * actions + 1];
            int capacity = Math.max(16, states * actions);
            this.next = new int[capacity];
            this.prob = new double[capacity];
            this.reward = new double[capacity];
        }

        /** Starts the outcomes of the pair {@code sa = s*A + a}; pairs must come in increasing order. */
        void begin(int sa) {
            for (int k = current + 1; k <= sa; k++) first[k] = size;
            current = sa;
        }

        /**
         * Adds an outcome of the current pair. An outcome with the same next state and the same reward as
         * an earlier one is merged into it (probabilities summed); zero probabilities are dropped.
         */
        void add(int nextState, double p, double r) {
            if (p == 0) return;
            for (int k = first[current]; k < size; k++) {
                if (next[k] == nextState && reward[k] == r) {
                    prob[k] += p;
                    return;
                }
            }
            if (size == next.length) {
                int capacity = size * 2;
                next = Arrays.copyOf(next, capacity);
                prob = Arrays.copyOf(prob, capacity);
                reward = Arrays.copyOf(reward, capacity);
            }
            next[size] = nextState;
            prob[size] = p;
            reward[size] = r;
            size++;
        }

        TabularMdp build() {
            for (int k = current + 1; k <= states * actions; k++) first[k] = size;
            return new TabularMdp(this);
        }
    }
}
