package org.mbrllab.engine.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Check;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dreamer's behaviour learning (Hafner et al. 2020, "Dream to control", section 4 and Algorithm 1): an actor
 * and a critic trained on trajectories imagined by a fixed world model ({@link RssmGraph}'s transition, prior
 * and reward head, held here as constants that {@link #setWorldModel} refreshes), with the actor's gradient
 * flowing back through the learned dynamics (Dreamer V1's way, not REINFORCE).
 *
 * <h2>One imagined batch, from B start states s_0 = (h_0, z_0) (posterior states of replayed sequences)</h2>
 * <pre>
 *   for t = 0 … T − 1:
 *     [m, s] = actor([h_t, z_t])     an MLP: elu(elu(x W_a1 + b_a1) W_a2 + b_a2) W_a3 + b_a3
 *     μ = 5 tanh(m / 5),  σ = softplus(s + ln(e − 1)) + 0.1,  a_t = tanh(μ + σ ε^a_t)    reparameterised
 *     h_{t+1} = GRU(h_t, [z_t, a_t]),  z_{t+1} = μ_p + σ_p ε^z_t  from the prior p(z | h_{t+1})
 *   r_t = symexp(r̂([h_{t+1}, z_{t+1}]))             the reward head, its symlog undone
 *   v_t = κ critic'([h_t, z_t]),  t = 0 … T,  κ = 1/(1 − γ)   critic' the target critic (see below)
 *   V_λ(T) = v_T;  V_λ(t) = r_t + γ [(1 − λ) v_{t+1} + λ V_λ(t+1)]     Eq. 6, {@code dreamer.LambdaReturn}
 *   actor loss  = −mean_{t<T,b} V_λ(t) − η mean_{t,b} ln σ                maximise the return, keep some spread
 *   critic loss = ½ mean_{t<T,b} (critic(sg[h_t, z_t]) − sg V_λ(t) / κ)²
 *   loss = actor loss + critic loss
 * </pre>
 * Before Adam, {@link #clipGradients} can clip the actor's gradient and the critic's, each by its global norm
 * (Dreamer V1: 100; without it the lesson's agent lost its swing-up on one seed and never found it on another).
 * The mean scale 5, the raw offset that makes σ start near 1 and the floor on σ follow Dreamer V1's actor
 * (which starts at σ = 5 and floors at 1e-4; a σ of 5 before the tanh makes nearly every action ±1, and
 * gives the actor almost no gradient through the saturated tanh, so this one starts at 1). The entropy term
 * is that of the Gaussian before the tanh, ln σ up to a constant (the tanh's own term has no closed form).
 *
 * <h2>The critic's unit and its target copy</h2>
 * The critic predicts (1 − γ) v, the discounted average reward per step, in the reward's own units (−33 to
 * 0 an agent step for the pendulum), so that a network starting near 0 need not learn outputs in the
 * hundreds; κ is 1/max(1 − γ, {@value #MIN_VALUE_SCALE_INVERSE}). Dreamer V1 regresses raw values. A symlog
 * critic (DreamerV3's targets) with no target copy was tried first and diverged here within 500 updates: its error on imagined states is multiplicative in
 * the value, and bootstrapping from itself compounded it (mean V_λ from −100 to −3·10⁶). The values in the
 * λ-returns come from a target critic, constants copied from the critic by {@link #syncTargetCritic}
 * (DreamerV2's slow critic, copied every 100 updates), so that the critic does not chase its own output.
 *
 * <h2>What each loss trains, by stop-gradients</h2>
 * The λ-returns use the target critic's constants, so the actor loss moves the actor (through the
 * imagined states, rewards and values) and never the critic; the critic loss sees stopped features and a
 * stopped target, so it moves the critic and never the actor. The world model is made of constants and is
 * moved by neither. One Adam step on the sum therefore is one step of each. {@code BehaviourGraphTest}
 * checks, in float64 with central differences, that the actor's gradient is d(actor loss)/dθ_actor and the
 * critic's d(critic loss)/dθ_critic.
 *
 * <h2>Why the recursion is written out</h2>
 * SameDiff 1.0.0-M2.1's {@code cumsum} along an axis has a wrong gradient (STACK.md), so V_λ is T small
 * steps from the back. Layout is time-major, as {@link RssmGraph}'s: row t·B + b is step t of trajectory b.
 * Placeholders: {@code h0} (B, H), {@code z0} (B, Z), {@code act_eps} (T·B, 1), {@code lat_eps} (T·B, Z).
 * The actor's weights are {@value #ACTOR}, the critic's {@value #CRITIC}, matrices (fan-in, fan-out), the
 * first rows of a [h, z] input belonging to h; the actor's last layer's first column is m. Confined to one
 * thread.
 */
public final class BehaviourGraph {
    /** The actor's weight arrays, in the order {@link #actorWeights()} gives them. */
    public static final String ACTOR = "act_w1 act_b1 act_w2 act_b2 act_w3 act_b3";
    /** The critic's weight arrays, in the order {@link #criticWeights()} gives them. */
    public static final String CRITIC = "val_w1 val_b1 val_w2 val_b2 val_w3 val_b3";
    /** μ = MEAN_SCALE · tanh(m / MEAN_SCALE): keeps the mean before the tanh within ±5 (Dreamer V1). */
    public static final double MEAN_SCALE = 5;
    /** The smallest σ before the tanh. */
    public static final double MIN_STD = 0.1;
    /** ln(e − 1): softplus of it is 1, so the actor's σ starts near 1 + {@value #MIN_STD}. */
    public static final double STD_OFFSET = Math.log(Math.E - 1);
    /** The smallest 1 − γ the critic's output unit is based on, so that γ = 1 still gives a finite unit. */
    public static final double MIN_VALUE_SCALE_INVERSE = 0.01;
    /** The world model's arrays this graph uses, by their index in {@link RssmGraph#ORDER}. */
    private static final int[] MODEL_ARRAYS = {4, 5, 6, 7, 8, 9, 10, 11, 20, 21, 22, 23};
    private static final String[] ACTOR_NAMES = ACTOR.split(" ");
    private static final String[] CRITIC_NAMES = CRITIC.split(" ");
    private static final String[] OUTPUTS = {"actions", "rewards", "values", "lambda_returns", "log_std",
        "critic_pred"};
    private static final String[] LOSSES = {"actor_loss", "critic_loss", "lambda_mean", "reward_mean"};

    /**
     * The sizes of the world model it imagines with, of the actor and critic, and of a batch.
     *
     * @param deterministic H, the world model's GRU units
     * @param stochastic    Z, its Gaussian state's dimensions
     * @param modelUnits    the hidden layer of its prior and reward head
     * @param actorUnits    the actor's two hidden layers
     * @param criticUnits   the critic's two hidden layers
     * @param horizon       T, imagined steps, at least 1
     * @param batch         B, start states per update
     */
    public record Sizes(int deterministic, int stochastic, int modelUnits, int actorUnits, int criticUnits,
                        int horizon, int batch) {
        public Sizes {
            Check.inRange("deterministic", deterministic, 1, 4096);
            Check.inRange("stochastic", stochastic, 1, 4096);
            Check.inRange("modelUnits", modelUnits, 1, 4096);
            Check.inRange("actorUnits", actorUnits, 1, 4096);
            Check.inRange("criticUnits", criticUnits, 1, 4096);
            Check.inRange("horizon", horizon, 1, 1000);
            Check.inRange("batch", batch, 1, 100_000);
        }

        /** H + Z, the width of a model state [h, z]. */
        public int feature() {
            return deterministic + stochastic;
        }
    }

    private final SameDiff sd;
    private final Sizes sizes;
    private final DataType type;
    private final FixedTrainingStep step;
    private final double valueScale;

    /**
     * A float32 graph with freshly drawn actor and critic weights (matrices N(0, 1/fan-in), the last layers'
     * scaled by 0.1 so that the first actions and values are small; biases 0) and a zero world model until
     * {@link #setWorldModel} is called.
     *
     * @param gamma        γ, the discount, in [0, 1]
     * @param lambda       λ of the λ-return, in [0, 1]
     * @param entropy      η, the weight of the entropy bonus, 0 to 10
     * @param learningRate Adam's step size for both the actor and the critic
     */
    public BehaviourGraph(Sizes sizes, double gamma, double lambda, double entropy, double learningRate,
                          RandomGenerator random) {
        this(sizes, gamma, lambda, entropy, learningRate, random, DataType.FLOAT);
    }

    /** With a data type: {@link DataType#DOUBLE} for the finite-difference test. */
    BehaviourGraph(Sizes sizes, double gamma, double lambda, double entropy, double learningRate,
                   RandomGenerator random, DataType type) {
        Check.inRange("gamma", gamma, 0, 1);
        Check.inRange("lambda", lambda, 0, 1);
        Check.inRange("entropy", entropy, 0, 10);
        Check.inRange("learningRate", learningRate, 1e-8, 1);
        Nd4jRuntime.ensureReady();
        this.sizes = sizes;
        this.type = type;
        this.sd = SameDiff.create();
        int h = sizes.deterministic(), z = sizes.stochastic(), u = sizes.modelUnits(), f = sizes.feature();
        int ua = sizes.actorUnits(), uc = sizes.criticUnits(), len = sizes.horizon(), b = sizes.batch();
        // The world model's pieces, as constants (zero until set).
        int[][] modelDims = {{z + 1 + h, 2 * h}, {1, 2 * h}, {z + 1 + h, h}, {1, h},
            {h, u}, {1, u}, {u, 2 * z}, {1, 2 * z}, {f, u}, {1, u}, {u, 1}, {1, 1}};
        SDVariable[] m = new SDVariable[modelDims.length];
        String[] modelNames = RssmGraph.ORDER.split(" ");
        for (int i = 0; i < m.length; i++) {
            m[i] = sd.constant("wm_" + modelNames[MODEL_ARRAYS[i]], Nd4j.zeros(type, modelDims[i][0], modelDims[i][1]));
        }
        SDVariable[] actor = mlp(ACTOR_NAMES, new int[][] {{f, ua}, {1, ua}, {ua, ua}, {1, ua}, {ua, 2}, {1, 2}}, random);
        SDVariable[] critic = mlp(CRITIC_NAMES, new int[][] {{f, uc}, {1, uc}, {uc, uc}, {1, uc}, {uc, 1}, {1, 1}}, random);
        // The target critic: constants, copied from the critic by syncTargetCritic (DreamerV2's slow critic).
        SDVariable[] target = new SDVariable[critic.length];
        for (int i = 0; i < critic.length; i++) {
            target[i] = sd.constant("tgt_" + CRITIC_NAMES[i], critic[i].getArr().dup());
        }
        this.valueScale = valueScale(gamma);
        SDVariable hPrev = sd.placeHolder("h0", type, b, h);
        SDVariable zPrev = sd.placeHolder("z0", type, b, z);
        SDVariable actEps = sd.placeHolder("act_eps", type, (long) len * b, 1);
        SDVariable latEps = sd.placeHolder("lat_eps", type, (long) len * b, z);
        // 1. Imagination: the actor picks, the prior predicts, T times.
        List<SDVariable> features = new ArrayList<>(), actions = new ArrayList<>(), logStds = new ArrayList<>();
        features.add(sd.concat(1, hPrev, zPrev));
        for (int t = 0; t < len; t++) {
            SDVariable out = apply(actor, features.get(t));
            SDVariable mean = sd.math().tanh(out.get(SDIndex.all(), SDIndex.interval(0, 1)).div(MEAN_SCALE)).mul(MEAN_SCALE);
            SDVariable std = sd.nn().softplus(out.get(SDIndex.all(), SDIndex.interval(1, 2)).add(STD_OFFSET)).add(MIN_STD);
            SDVariable a = sd.math().tanh(mean.add(std.mul(rows(actEps, t))));
            SDVariable x = sd.concat(1, zPrev, a);
            SDVariable gates = sd.nn().sigmoid(sd.concat(1, x, hPrev).mmul(m[0]).add(m[1]));
            SDVariable r = gates.get(SDIndex.all(), SDIndex.interval(0, h));
            SDVariable up = gates.get(SDIndex.all(), SDIndex.interval(h, 2 * h));
            SDVariable n = sd.math().tanh(sd.concat(1, x, r.mul(hPrev)).mmul(m[2]).add(m[3]));
            SDVariable ht = n.add(up.mul(hPrev.sub(n)));
            SDVariable p = sd.nn().elu(ht.mmul(m[4]).add(m[5])).mmul(m[6]).add(m[7]);
            SDVariable muP = p.get(SDIndex.all(), SDIndex.interval(0, z));
            SDVariable sigmaP = sd.nn().softplus(p.get(SDIndex.all(), SDIndex.interval(z, 2 * z))).add(RssmGraph.MIN_STD);
            SDVariable zt = muP.add(sigmaP.mul(rows(latEps, t)));
            actions.add(a);
            logStds.add(sd.math().log(std));
            features.add(sd.concat(1, ht, zt));
            hPrev = ht;
            zPrev = zt;
        }
        SDVariable allFeatures = sd.concat(0, features.toArray(new SDVariable[0]));
        sd.concat(0, actions.toArray(new SDVariable[0])).rename("actions");
        SDVariable logStd = sd.concat(0, logStds.toArray(new SDVariable[0])).rename("log_std");
        // 2. Rewards of the imagined steps, and values of every imagined state by the target critic.
        SDVariable next = allFeatures.get(SDIndex.interval(b, (len + 1) * b), SDIndex.all());
        SDVariable rewards = symexp(sd.nn().elu(next.mmul(m[8]).add(m[9])).mmul(m[10]).add(m[11])).rename("rewards");
        SDVariable values = apply(target, allFeatures).mul(valueScale).rename("values");
        // 3. λ-returns by the backward recursion.
        SDVariable[] returns = new SDVariable[len];
        SDVariable after = rows(values, len);
        for (int t = len - 1; t >= 0; t--) {
            SDVariable bootstrap = rows(values, t + 1).mul(1 - lambda).add(after.mul(lambda));
            returns[t] = rows(rewards, t).add(bootstrap.mul(gamma));
            after = returns[t];
        }
        SDVariable lambdaReturns = sd.concat(0, returns).rename("lambda_returns");
        // 4. The losses.
        SDVariable actorLoss = lambdaReturns.mean().neg().sub(logStd.mean().mul(entropy)).rename("actor_loss");
        SDVariable past = stop(allFeatures.get(SDIndex.interval(0, len * b), SDIndex.all()));
        SDVariable diff = apply(critic, past).rename("critic_pred").sub(stop(lambdaReturns).div(valueScale));
        SDVariable criticLoss = diff.mul(diff).mean().mul(0.5).rename("critic_loss");
        lambdaReturns.mean().rename("lambda_mean");
        rewards.mean().rename("reward_mean");
        SDVariable loss = actorLoss.add(criticLoss).rename("loss");
        sd.setLossVariables(loss);
        Nd4jRuntime.quietly(() -> {
            sd.createGradFunction();
            return null;
        });
        List<String> parameters = new ArrayList<>(List.of(ACTOR_NAMES));
        parameters.addAll(List.of(CRITIC_NAMES));
        this.step = new FixedTrainingStep(sd, parameters, new AdamInJava(learningRate),
                List.of("h0", "z0", "act_eps", "lat_eps"), List.of(LOSSES));
    }

    private SDVariable[] mlp(String[] names, int[][] dims, RandomGenerator random) {
        SDVariable[] w = new SDVariable[names.length];
        for (int i = 0; i < names.length; i++) {
            double[] values = new double[dims[i][0] * dims[i][1]];
            if (i % 2 == 0) {
                double scale = Math.sqrt(1.0 / dims[i][0]) * (i == names.length - 2 ? 0.1 : 1);
                for (int k = 0; k < values.length; k++) values[k] = scale * random.nextGaussian();
            }
            w[i] = sd.var(names[i], Nd4j.create(values, new long[] {dims[i][0], dims[i][1]}, 'c').castTo(type));
        }
        return w;
    }

    /** The three-layer MLP of six arrays on x. */
    private SDVariable apply(SDVariable[] w, SDVariable x) {
        SDVariable a = sd.nn().elu(x.mmul(w[0]).add(w[1]));
        a = sd.nn().elu(a.mmul(w[2]).add(w[3]));
        return a.mmul(w[4]).add(w[5]);
    }

    /** symexp y = sign(y) (e^{|y|} − 1). */
    private SDVariable symexp(SDVariable y) {
        return sd.math().sign(y).mul(sd.math().exp(sd.math().abs(y)).sub(1));
    }

    private SDVariable stop(SDVariable v) {
        return new StopGradient(sd, v).outputVariable();
    }

    /** Step t's rows of a time-major (·B, ·) variable. */
    private SDVariable rows(SDVariable v, int t) {
        int b = sizes.batch();
        return v.get(SDIndex.interval(t * b, (t + 1) * b), SDIndex.all());
    }

    public Sizes sizes() {
        return sizes;
    }

    /**
     * From the next step on, clips the actor's gradient and the critic's gradient, each by its own global
     * norm, at {@code maxNorm} (Dreamer V1 clips both at 100) before Adam sees them.
     */
    public void clipGradients(double maxNorm) {
        Check.inRange("maxNorm", maxNorm, 1e-6, 1e9);
        step.clipGradients(List.of(ACTOR_NAMES), maxNorm);
        step.clipGradients(List.of(CRITIC_NAMES), maxNorm);
    }

    /** κ, the value of one unit of the critic's output. */
    public double valueScale() {
        return valueScale;
    }

    /**
     * Copies the world model's transition, prior and reward head into the graph's constants.
     *
     * @param rssmWeights the 24 arrays of {@link RssmGraph#weights()}, of a model with this graph's H, Z and
     *                    head units and one action value
     */
    public void setWorldModel(float[][] rssmWeights) {
        if (rssmWeights.length != 24) throw new IllegalArgumentException(rssmWeights.length + " weight arrays, expected 24");
        String[] names = RssmGraph.ORDER.split(" ");
        for (int i = 0; i < MODEL_ARRAYS.length; i++) {
            INDArray target = sd.getVariable("wm_" + names[MODEL_ARRAYS[i]]).getArr();
            float[] v = rssmWeights[MODEL_ARRAYS[i]];
            if (v.length != target.length()) {
                throw new IllegalArgumentException(names[MODEL_ARRAYS[i]] + " has " + v.length + " values, expected "
                        + target.length() + " (the world model's sizes differ from the behaviour graph's)");
            }
            target.assign(Nd4j.create(v, target.shape(), 'c').castTo(type));
        }
    }

    /**
     * One Adam step of the actor and the critic on imagined trajectories from these start states.
     *
     * @param h0     the start states' h, B·H values (row-major, one row per start state)
     * @param z0     their z, B·Z values
     * @param actEps ε^a, T·B values (time-major)
     * @param latEps ε^z, T·B·Z values (time-major)
     * @return {actor loss, critic loss, mean V_λ, mean imagined reward} before the step
     */
    public double[] train(float[] h0, float[] z0, float[] actEps, float[] latEps) {
        Map<String, INDArray> out = step.run(feed(h0, z0, actEps, latEps));
        double[] r = new double[LOSSES.length];
        for (int i = 0; i < r.length; i++) r[i] = out.get(LOSSES[i]).getDouble(0);
        return r;
    }

    /** A copy of the actor's weights, in {@value #ACTOR} order. */
    public float[][] actorWeights() {
        return copy(ACTOR_NAMES);
    }

    /** A copy of the critic's weights, in {@value #CRITIC} order. */
    public float[][] criticWeights() {
        return copy(CRITIC_NAMES);
    }

    private float[][] copy(String[] names) {
        float[][] w = new float[names.length][];
        for (int i = 0; i < w.length; i++) w[i] = sd.getVariable(names[i]).getArr().castTo(DataType.FLOAT).dup().data().asFloat();
        return w;
    }

    /**
     * The imagined trajectories from these start states with this noise, without training, time-major:
     * {actions a_t (T·B), rewards r_t (T·B), values v_t ((T + 1)·B), λ-returns V_λ(t) (T·B)}. What a viewer
     * of imagination draws, and what the plain-Java copies are checked against.
     */
    public float[][] rollout(float[] h0, float[] z0, float[] actEps, float[] latEps) {
        double[][] o = outputs(h0, z0, actEps, latEps);
        float[][] r = new float[4][];
        for (int i = 0; i < 4; i++) {
            r[i] = new float[o[i].length];
            for (int k = 0; k < r[i].length; k++) r[i][k] = (float) o[i][k];
        }
        return r;
    }

    // ---------------------------------------------------------------- for the tests

    /**
     * The imagined trajectories' numbers, time-major: {actions a_t (T·B), rewards r_t (T·B), values v_t
     * ((T + 1)·B), λ-returns (T·B), ln σ (T·B), the critic's output (1 − γ) v on s_0 … s_{T−1} (T·B)}.
     */
    double[][] outputs(Object h0, Object z0, Object actEps, Object latEps) {
        Map<String, INDArray> out = sd.output(map(feed(h0, z0, actEps, latEps)), OUTPUTS);
        double[][] r = new double[OUTPUTS.length][];
        for (int i = 0; i < r.length; i++) r[i] = out.get(OUTPUTS[i]).castTo(DataType.DOUBLE).dup().data().asDouble();
        return r;
    }

    /** {actor loss, critic loss, mean V_λ, mean reward}, without training. */
    double[] losses(Object h0, Object z0, Object actEps, Object latEps) {
        Map<String, INDArray> out = sd.output(map(feed(h0, z0, actEps, latEps)), LOSSES);
        double[] r = new double[LOSSES.length];
        for (int i = 0; i < r.length; i++) r[i] = out.get(LOSSES[i]).getDouble(0);
        return r;
    }

    /** d(actor loss + critic loss)/dθ for the actor's then the critic's arrays, by SameDiff's autodiff. */
    double[][] gradients(Object h0, Object z0, Object actEps, Object latEps) {
        String[] all = (ACTOR + " " + CRITIC).split(" ");
        Map<String, INDArray> g = sd.calculateGradients(map(feed(h0, z0, actEps, latEps)), all);
        double[][] out = new double[all.length][];
        for (int i = 0; i < all.length; i++) out[i] = g.get(all[i]).castTo(DataType.DOUBLE).dup().data().asDouble();
        return out;
    }

    /**
     * Copies the critic's weights into the target critic, whose values the λ-returns use (DreamerV2 copies
     * every 100 updates). Until the first call the target is the critic as initialised.
     */
    public void syncTargetCritic() {
        for (String n : CRITIC_NAMES) sd.getVariable("tgt_" + n).getArr().assign(sd.getVariable(n).getArr());
    }

    /** The critic's output unit: v = output × 1 / max(1 − γ, {@value #MIN_VALUE_SCALE_INVERSE}). */
    public static double valueScale(double gamma) {
        return 1 / Math.max(1 - gamma, MIN_VALUE_SCALE_INVERSE);
    }

    /** Copies of the world model's arrays held as constants, in the order of {@code MODEL_ARRAYS}. */
    float[][] worldModelWeights() {
        String[] names = RssmGraph.ORDER.split(" ");
        float[][] w = new float[MODEL_ARRAYS.length][];
        for (int i = 0; i < w.length; i++) {
            w[i] = sd.getVariable("wm_" + names[MODEL_ARRAYS[i]]).getArr().castTo(DataType.FLOAT).dup().data().asFloat();
        }
        return w;
    }

    /** The live array of the actor's (i < 6) or the critic's (i − 6) weights. */
    INDArray weight(int i) {
        return sd.getVariable(i < 6 ? ACTOR_NAMES[i] : CRITIC_NAMES[i - 6]).getArr();
    }

    // ---------------------------------------------------------------- helpers

    private INDArray[] feed(Object h0, Object z0, Object actEps, Object latEps) {
        int b = sizes.batch(), len = sizes.horizon();
        return new INDArray[] {array(h0, b, sizes.deterministic(), "h0"), array(z0, b, sizes.stochastic(), "z0"),
            array(actEps, len * b, 1, "act_eps"), array(latEps, len * b, sizes.stochastic(), "lat_eps")};
    }

    private static Map<String, INDArray> map(INDArray[] f) {
        Map<String, INDArray> m = new HashMap<>();
        m.put("h0", f[0]);
        m.put("z0", f[1]);
        m.put("act_eps", f[2]);
        m.put("lat_eps", f[3]);
        return m;
    }

    private INDArray array(Object values, int rows, int width, String what) {
        int length = values instanceof float[] f ? f.length : ((double[]) values).length;
        if (length != rows * width) {
            throw new IllegalArgumentException(what + ": " + length + " values for " + rows + " rows of " + width);
        }
        INDArray a = values instanceof float[] f ? Nd4j.create(f, new long[] {rows, width}, 'c')
                : Nd4j.create((double[]) values, new long[] {rows, width}, 'c');
        return a.castTo(type);
    }
}
