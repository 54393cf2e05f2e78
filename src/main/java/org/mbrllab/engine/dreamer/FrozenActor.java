package org.mbrllab.engine.dreamer;

import org.mbrllab.engine.nn.BehaviourGraph;
import org.mbrllab.engine.worldmodels.PlainLayers;

/**
 * An immutable plain-Java copy of Dreamer's actor and critic ({@link BehaviourGraph}), for acting in the real
 * world and for drawing imagination: a few matrix-vector products a step instead of a SameDiff call.
 * {@code FrozenActorTest} checks it against the graph's own imagined actions, rewards and values.
 *
 * <h2>The policy (float32, as the graph)</h2>
 * <pre>
 *   [m, s] = actor([h, z]),  μ = 5 tanh(m / 5),  σ = softplus(s + ln(e − 1)) + 0.1
 *   action = tanh(μ + σ ε)   in (−1, 1), the world model's action; the torque is 2 × action
 *   mean action: ε = 0, tanh(μ) (the mode of the Gaussian before the tanh)
 *   value v([h, z]) = κ critic([h, z]),  κ = 1/(1 − γ) (the graph's value scale)
 * </pre>
 */
public final class FrozenActor {
    private final int feature, actorUnits, criticUnits;
    private final float[][] actor;
    private final float[][] critic;
    private final double valueScale;

    /**
     * @param sizes  the graph's sizes
     * @param actor  the six arrays of {@link BehaviourGraph#actorWeights()} (not copied)
     * @param critic the six arrays of {@link BehaviourGraph#criticWeights()} (not copied)
     * @param valueScale κ, {@link BehaviourGraph#valueScale()}
     */
    public FrozenActor(BehaviourGraph.Sizes sizes, float[][] actor, float[][] critic, double valueScale) {
        feature = sizes.feature();
        actorUnits = sizes.actorUnits();
        criticUnits = sizes.criticUnits();
        int f = feature, ua = actorUnits, uc = criticUnits;
        check(actor, new int[] {f * ua, ua, ua * ua, ua, ua * 2, 2}, BehaviourGraph.ACTOR);
        check(critic, new int[] {f * uc, uc, uc * uc, uc, uc, 1}, BehaviourGraph.CRITIC);
        this.actor = actor;
        this.critic = critic;
        this.valueScale = valueScale;
    }

    private static void check(float[][] w, int[] lengths, String names) {
        if (w.length != 6) throw new IllegalArgumentException(w.length + " weight arrays, expected 6 (" + names + ")");
        String[] n = names.split(" ");
        for (int i = 0; i < 6; i++) PlainLayers.check(w[i].length, lengths[i], n[i]);
    }

    /** The action tanh(μ + σ ε) in a model state, in (−1, 1). */
    public double action(FrozenRssm.State state, double eps) {
        return action(state.h(), state.z(), eps);
    }

    /** The mean action tanh(μ) in a model state: the policy without its noise. */
    public double meanAction(FrozenRssm.State state) {
        return action(state.h(), state.z(), 0);
    }

    /** The torque, in N·m, of an action: {@value FrozenRssm#MAX_TORQUE} × action. */
    public static double torque(double action) {
        return FrozenRssm.MAX_TORQUE * action;
    }

    /** The action tanh(μ + σ ε) for a state given as h and z. */
    public double action(float[] h, float[] z, double eps) {
        float[] out = mlp(actor, features(h, z), actorUnits, 2);
        float mean = (float) (BehaviourGraph.MEAN_SCALE * Math.tanh(out[0] / BehaviourGraph.MEAN_SCALE));
        float s = (float) (out[1] + BehaviourGraph.STD_OFFSET);
        float std = (float) ((float) (Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s)))) + BehaviourGraph.MIN_STD);
        return (float) Math.tanh(mean + std * (float) eps);
    }

    /** The critic's value v = κ critic([h, z]) of a model state, in the environment's reward units. */
    public double value(FrozenRssm.State state) {
        return valueScale * mlp(critic, features(state.h(), state.z()), criticUnits, 1)[0];
    }

    private float[] features(float[] h, float[] z) {
        if (h.length + z.length != feature) {
            throw new IllegalArgumentException("h and z have " + (h.length + z.length) + " values, expected " + feature);
        }
        float[] f = new float[feature];
        System.arraycopy(h, 0, f, 0, h.length);
        System.arraycopy(z, 0, f, h.length, z.length);
        return f;
    }

    private float[] mlp(float[][] w, float[] x, int units, int outputs) {
        float[] a = new float[units];
        PlainLayers.dense(x, w[0], w[1], feature, units, a);
        elu(a);
        float[] b = new float[units];
        PlainLayers.dense(a, w[2], w[3], units, units, b);
        elu(b);
        float[] out = new float[outputs];
        PlainLayers.dense(b, w[4], w[5], units, outputs, out);
        return out;
    }

    private static void elu(float[] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) x[i] = (float) Math.expm1(x[i]);
        }
    }
}
