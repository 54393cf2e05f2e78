package org.mbrllab.engine.dreamer;

import java.util.Objects;
import org.mbrllab.engine.core.Check;

/**
 * Dreamer's λ-return (Hafner et al. 2020, "Dream to control", Eq. 6), the target its actor maximises and its
 * critic regresses, over one imagined trajectory s_0 … s_H, by the backward recursion
 * <pre>
 *   V_λ(H) = v(s_H)
 *   V_λ(t) = r_t + γ c_t [(1 − λ) v(s_{t+1}) + λ V_λ(t + 1)],   t = H − 1 … 0
 * </pre>
 * r_t is the reward of the step from s_t to s_{t+1}, v the critic, and c_t ∈ [0, 1] an optional continue
 * weight (the probability that the episode goes on after step t; 1 when episodes never end, as the
 * pendulum's do not). The recursion is the paper's sum of n-step returns V_N^k weighted by (1 − λ) λ^{n−1},
 * written so that each step costs O(1) instead of O(H).
 *
 * <p>λ is the bias–variance dial: λ = 0 gives the one-step TD target r_t + γ v(s_{t+1}) (leaning entirely on
 * the critic, biased where it is wrong), λ = 1 gives the discounted sum of all H rewards plus γ^{H−t} v(s_H)
 * (leaning on the model's rewards, with the variance of a long sum). The graph of the behaviour learner
 * ({@code nn.BehaviourGraph}) writes the same recursion with SameDiff ops; this plain version is the
 * reference its test and the lesson's explain panel use.
 */
public final class LambdaReturn {
    private LambdaReturn() {}

    /** V_λ(0 … H − 1) with every continue weight 1. See {@link #compute(double[], double[], double[], double, double)}. */
    public static double[] compute(double[] rewards, double[] values, double gamma, double lambda) {
        Objects.requireNonNull(rewards, "rewards");
        double[] ones = new double[rewards.length];
        java.util.Arrays.fill(ones, 1);
        return compute(rewards, values, ones, gamma, lambda);
    }

    /**
     * V_λ(t) for t = 0 … H − 1.
     *
     * @param rewards   r_0 … r_{H−1}, H ≥ 1 values
     * @param values    v(s_0) … v(s_H), H + 1 values (v(s_0) is not used: no return leads into s_0)
     * @param continues c_0 … c_{H−1}, each in [0, 1]
     * @param gamma     γ, in [0, 1]
     * @param lambda    λ, in [0, 1]
     */
    public static double[] compute(double[] rewards, double[] values, double[] continues, double gamma, double lambda) {
        Objects.requireNonNull(rewards, "rewards");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(continues, "continues");
        Check.inRange("gamma", gamma, 0, 1);
        Check.inRange("lambda", lambda, 0, 1);
        int h = rewards.length;
        if (h < 1) throw new IllegalArgumentException("rewards: at least one step is needed");
        if (values.length != h + 1) {
            throw new IllegalArgumentException("values has " + values.length + " entries, expected H + 1 = " + (h + 1));
        }
        if (continues.length != h) {
            throw new IllegalArgumentException("continues has " + continues.length + " entries, expected H = " + h);
        }
        for (int t = 0; t < h; t++) Check.inRange("continues[" + t + "]", continues[t], 0, 1);
        double[] out = new double[h];
        double next = values[h];
        for (int t = h - 1; t >= 0; t--) {
            next = rewards[t] + gamma * continues[t] * ((1 - lambda) * values[t + 1] + lambda * next);
            out[t] = next;
        }
        return out;
    }
}
