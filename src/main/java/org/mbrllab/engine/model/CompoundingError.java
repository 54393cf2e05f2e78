package org.mbrllab.engine.model;

import java.util.List;
import org.mbrllab.engine.control.BatchDynamics;

/**
 * The k-step open-loop prediction error of a model against the true system, the course's "drift":
 * <pre>
 *   ŝ_{t+k} = f̂(… f̂(f̂(s_t, a_t), a_{t+1}) …, a_{t+k−1}),    e(k) = mean over t of ‖ŝ_{t+k} − s_{t+k}‖
 * </pre>
 * started from every real state s_t of the given episodes that has k more real steps after it, with the
 * actions that were really taken. Distances wrap the angle difference ({@link ModelFeatures#distance}).
 * All start states advance together, one {@link BatchDynamics#stepBatch} per k, so under
 * {@link RolloutMode#MEMBER_PER_TRAJECTORY} every start keeps its own member.
 */
public final class CompoundingError {

    private CompoundingError() {
    }

    /**
     * e(1) … e(maxK).
     *
     * @param model    the model rolled open loop
     * @param features the distance between states
     * @param states   per episode, its real states s_0 … s_T
     * @param actions  per episode, its actions a_0 … a_{T−1}
     * @param maxK     the longest prediction, at least 1; starts are the t with t + maxK ≤ T, the same
     *                 starts for every k
     * @return e(k) at index k − 1; empty when no episode is longer than maxK
     */
    public static double[] kStep(BatchDynamics model, ModelFeatures features, List<double[][]> states,
                                 List<double[]> actions, int maxK) {
        if (maxK < 1) throw new IllegalArgumentException("maxK = " + maxK + " must be at least 1");
        int n = features.stateSize();
        int count = 0;
        for (double[] a : actions) count += Math.max(0, a.length - maxK + 1);
        if (count == 0) return new double[0];
        int[] episodeOf = new int[count];
        int[] startOf = new int[count];
        double[] predicted = new double[count * n];
        int c = 0;
        for (int e = 0; e < actions.size(); e++) {
            for (int t = 0; t + maxK <= actions.get(e).length; t++) {
                episodeOf[c] = e;
                startOf[c] = t;
                System.arraycopy(states.get(e)[t], 0, predicted, c * n, n);
                c++;
            }
        }
        double[] next = new double[count * n];
        double[] u = new double[count];
        double[] errors = new double[maxK];
        for (int k = 1; k <= maxK; k++) {
            // 1. One more model step for every start, with the action really taken there.
            for (int i = 0; i < count; i++) u[i] = actions.get(episodeOf[i])[startOf[i] + k - 1];
            model.stepBatch(predicted, u, next, count);
            double[] swap = predicted;
            predicted = next;
            next = swap;
            // 2. The mean distance to where the real system went.
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += features.distance(predicted, i * n, states.get(episodeOf[i])[startOf[i] + k], 0);
            }
            errors[k - 1] = sum / count;
        }
        return errors;
    }
}
