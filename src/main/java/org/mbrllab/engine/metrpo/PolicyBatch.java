package org.mbrllab.engine.metrpo;

import java.util.Objects;

/**
 * The samples one TRPO update learns from: states s_i, the actions a_i taken there, their advantages Â_i
 * and log π_old(a_i | s_i) under the policy that took them. Arrays are not copied; the update only reads
 * them.
 */
public record PolicyBatch(double[][] states, double[][] actions, double[] advantages, double[] oldLogProbabilities) {

    public PolicyBatch {
        Objects.requireNonNull(states, "states");
        if (actions.length != states.length || advantages.length != states.length || oldLogProbabilities.length != states.length) {
            throw new IllegalArgumentException("states, actions, advantages and log-probabilities differ in number");
        }
        if (states.length == 0) throw new IllegalArgumentException("a batch needs at least one sample");
    }

    /** The batch with log π_old computed from {@code policy}, the policy that acted. */
    public static PolicyBatch of(GaussianMlpPolicy policy, double[][] states, double[][] actions, double[] advantages) {
        double[] old = new double[states.length];
        for (int i = 0; i < states.length; i++) old[i] = policy.logProbability(states[i], actions[i]);
        return new PolicyBatch(states, actions, advantages, old);
    }

    public int size() { return states.length; }
}
