package org.mbrllab.engine.dyna;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.dp.Action;

/**
 * The table model of a deterministic world: Model(S, A) = (R, S′), the last outcome seen after taking A
 * in S (Sutton &amp; Barto 2018, §8.2). It also keeps what the three planners need:
 * <ul>
 *   <li>the states observed, in the order first seen, and per state the actions known there, so that
 *       Dyna-Q can sample a state uniformly and then one of its actions uniformly;</li>
 *   <li>per pair the real time step it was last tried, for Dyna-Q+'s τ;</li>
 *   <li>per state the pairs predicted to lead into it, for prioritized sweeping.</li>
 * </ul>
 * A pair is <em>known</em> once it was tried, or once Dyna-Q+ assumed it ({@link #assumeStay}); only a
 * tried pair is {@link #tried}.
 */
public final class DeterministicModel {

    private final int states;
    private final boolean[] known;
    private final boolean[] tried;
    private final int[] next;
    private final double[] reward;
    private final long[] lastTried;
    /** Observed states in order of first visit, and per state its known actions in order of first use. */
    private final int[] observed;
    private int observedCount;
    private final boolean[] isObserved;
    private final int[] actions;
    private final int[] actionCount;
    /** Per state, the pairs s*4+a predicted to lead into it. */
    private final int[][] predecessors;
    private final int[] predecessorCount;

    public DeterministicModel(int states) {
        this.states = states;
        int pairs = states * Action.COUNT;
        known = new boolean[pairs];
        tried = new boolean[pairs];
        next = new int[pairs];
        reward = new double[pairs];
        lastTried = new long[pairs];
        observed = new int[states];
        isObserved = new boolean[states];
        actions = new int[pairs];
        actionCount = new int[states];
        predecessors = new int[states][];
        predecessorCount = new int[states];
    }

    /** Model(S, A) ← (R, S′), tried at real time step {@code time}. */
    public void record(int s, int a, double r, int s2, long time) {
        set(s, a, r, s2);
        int sa = s * Action.COUNT + a;
        tried[sa] = true;
        lastTried[sa] = time;
    }

    /**
     * Dyna-Q+'s footnote: every action not yet tried in {@code s} is modelled as leading back to {@code s}
     * with reward 0, last tried at time 0 (the start of the run), so planning may pick it.
     */
    public void assumeStay(int s) {
        for (int a = 0; a < Action.COUNT; a++) {
            if (!known[s * Action.COUNT + a]) set(s, a, 0, s);
        }
    }

    private void set(int s, int a, double r, int s2) {
        int sa = s * Action.COUNT + a;
        if (!isObserved[s]) {
            isObserved[s] = true;
            observed[observedCount++] = s;
        }
        if (!known[sa]) {
            known[sa] = true;
            actions[s * Action.COUNT + actionCount[s]++] = a;
        } else if (next[sa] != s2) {
            removePredecessor(next[sa], sa);
        } else {
            reward[sa] = r;
            return;
        }
        next[sa] = s2;
        reward[sa] = r;
        addPredecessor(s2, sa);
    }

    private void addPredecessor(int s2, int sa) {
        int[] list = predecessors[s2];
        if (list == null) list = predecessors[s2] = new int[4];
        else if (predecessorCount[s2] == list.length) list = predecessors[s2] = Arrays.copyOf(list, list.length * 2);
        list[predecessorCount[s2]++] = sa;
    }

    private void removePredecessor(int s2, int sa) {
        int[] list = predecessors[s2];
        int n = predecessorCount[s2];
        for (int k = 0; k < n; k++) {
            if (list[k] == sa) {
                System.arraycopy(list, k + 1, list, k, n - k - 1);
                predecessorCount[s2]--;
                return;
            }
        }
    }

    /** A previously observed state, uniformly; the model must not be empty. */
    public int sampleState(RandomGenerator rng) {
        if (observedCount == 0) throw new IllegalStateException("the model is empty");
        return observed[rng.nextInt(observedCount)];
    }

    /** An action known in {@code s}, uniformly. */
    public int sampleAction(int s, RandomGenerator rng) {
        return actions[s * Action.COUNT + rng.nextInt(actionCount[s])];
    }

    public boolean isEmpty() { return observedCount == 0; }

    /** Whether Model(s, a) has a prediction. */
    public boolean known(int s, int a) { return known[s * Action.COUNT + a]; }

    /** Whether (s, a) was really tried (not only assumed by Dyna-Q+). */
    public boolean tried(int s, int a) { return tried[s * Action.COUNT + a]; }

    /** The predicted next state of a known pair. */
    public int next(int s, int a) { return next[s * Action.COUNT + a]; }

    /** The predicted reward of a known pair. */
    public double reward(int s, int a) { return reward[s * Action.COUNT + a]; }

    /** The real time step (s, a) was last tried; 0 if never. */
    public long lastTried(int s, int a) { return lastTried[s * Action.COUNT + a]; }

    /** The pairs {@code s*4 + a} predicted to lead into {@code s2} (a copy). */
    public int[] predecessors(int s2) {
        return predecessors[s2] == null ? new int[0] : Arrays.copyOf(predecessors[s2], predecessorCount[s2]);
    }

    /** How many pairs are predicted to lead into {@code s2}. */
    int predecessorCount(int s2) { return predecessorCount[s2]; }

    /** The k-th pair predicted to lead into {@code s2}, without a copy. */
    int predecessor(int s2, int k) { return predecessors[s2][k]; }

    /** Number of observed states. */
    public int observedStates() { return observedCount; }

    public int states() { return states; }
}
