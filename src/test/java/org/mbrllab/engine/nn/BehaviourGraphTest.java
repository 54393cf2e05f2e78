package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.LambdaReturn;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The behaviour learner's graph: its λ-returns against the plain recursion, its gradients against finite differences. */
class BehaviourGraphTest {
    private static final BehaviourGraph.Sizes TINY = new BehaviourGraph.Sizes(3, 2, 3, 3, 3, 3, 2);
    private static final double GAMMA = 0.9;
    private static final double LAMBDA = 0.7;
    /** The step of the central differences. */
    private static final double H = 1e-6;
    /** As in {@code RssmGraphTest}: truncation ≈ h²·L‴ plus rounding ≈ 10 ε|L|/h. */
    private static final double RELATIVE = 1e-6;

    /** A world model of the tiny sizes with every array, biases included, drawn at random. */
    static float[][] worldModel(long seed) {
        RssmGraph.Sizes s = new RssmGraph.Sizes(5, 4, 3, TINY.deterministic(), TINY.stochastic(), TINY.modelUnits(), 1, 2, 2);
        float[][] w = new RssmGraph(s, 0, false, 0.8, 1e-3, Seeds.random(seed)).weights();
        RandomGenerator r = Seeds.random(seed + 1);
        for (int i = 1; i < w.length; i += 2) {
            for (int k = 0; k < w[i].length; k++) w[i][k] = (float) (0.5 * r.nextGaussian());
        }
        return w;
    }

    private static BehaviourGraph graph(double entropy) {
        BehaviourGraph g = new BehaviourGraph(TINY, GAMMA, LAMBDA, entropy, 1e-3, Seeds.random(4), DataType.DOUBLE);
        g.setWorldModel(worldModel(5));
        // Spread the actor's and critic's last layers, so that actions and values are not all near zero.
        RandomGenerator r = Seeds.random(6);
        for (int i : new int[] {4, 5, 10, 11}) {
            INDArray w = g.weight(i);
            for (int k = 0; k < w.length(); k++) w.putScalar(k, r.nextGaussian());
        }
        g.syncTargetCritic();
        return g;
    }

    /** {h0, z0, actEps, latEps}. */
    private static double[][] inputs(long seed) {
        RandomGenerator r = Seeds.random(seed);
        int b = TINY.batch(), t = TINY.horizon();
        return new double[][] {gaussians(r, b * TINY.deterministic(), 0.5), gaussians(r, b * TINY.stochastic(), 1),
            gaussians(r, t * b, 1), gaussians(r, t * b * TINY.stochastic(), 1)};
    }

    private static double[] gaussians(RandomGenerator r, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = scale * r.nextGaussian();
        return v;
    }

    @Test
    void theGraphsLambdaReturnsEqualThePlainRecursionOnItsOwnRewardsAndValues() {
        BehaviourGraph g = graph(0);
        double[][] in = inputs(7);
        double[][] out = g.outputs(in[0], in[1], in[2], in[3]);
        int b = TINY.batch(), len = TINY.horizon();
        for (int k = 0; k < b; k++) {
            double[] rewards = new double[len];
            double[] values = new double[len + 1];
            for (int t = 0; t < len; t++) rewards[t] = out[1][t * b + k];
            for (int t = 0; t <= len; t++) values[t] = out[2][t * b + k];
            double[] expected = LambdaReturn.compute(rewards, values, GAMMA, LAMBDA);
            for (int t = 0; t < len; t++) assertEquals(expected[t], out[3][t * b + k], 1e-9, "trajectory " + k + ", t = " + t);
        }
        // The losses are what the class comment says, on these numbers.
        double[] losses = g.losses(in[0], in[1], in[2], in[3]);
        double mean = 0;
        for (double v : out[3]) mean += v / out[3].length;
        assertEquals(-mean, losses[0], 1e-9);
        assertEquals(mean, losses[2], 1e-9);
        for (double a : out[0]) assertTrue(a > -1 && a < 1, "action " + a);
    }

    @Test
    void actorGradientIsTheActorLossesAndCriticGradientTheCriticLossesByFiniteDifferences() {
        BehaviourGraph g = graph(0.01);
        double[][] in = inputs(8);
        double[][] analytic = g.gradients(in[0], in[1], in[2], in[3]);
        double[] base = g.losses(in[0], in[1], in[2], in[3]);
        // The critic regresses a fixed target: the λ-returns before any nudge (the stop-gradient), over κ.
        double[] returns = g.outputs(in[0], in[1], in[2], in[3])[3];
        double[] target = new double[returns.length];
        for (int i = 0; i < target.length; i++) target[i] = returns[i] / g.valueScale();
        int checked = 0;
        double actorNorm = 0;
        for (int p = 0; p < 12; p++) {
            boolean actor = p < 6;
            double rounding = 10 * Math.ulp(1.0) * Math.abs(base[actor ? 0 : 1]) / H;
            INDArray w = g.weight(p);
            for (int k = 0; k < w.length(); k++) {
                double original = w.getDouble(k);
                w.putScalar(k, original + H);
                double plus = actor ? g.losses(in[0], in[1], in[2], in[3])[0] : criticLoss(g, in, target);
                w.putScalar(k, original - H);
                double minus = actor ? g.losses(in[0], in[1], in[2], in[3])[0] : criticLoss(g, in, target);
                w.putScalar(k, original);
                double numeric = (plus - minus) / (2 * H);
                double scale = Math.max(1e-3, Math.max(Math.abs(numeric), Math.abs(analytic[p][k])));
                assertEquals(numeric, analytic[p][k], RELATIVE * scale + rounding, "array " + p + "[" + k + "]");
                if (actor) actorNorm += numeric * numeric;
                checked++;
            }
        }
        int f = 5, u = 3;
        assertEquals((f * u + u + u * u + u + u * 2 + 2) + (f * u + u + u * u + u + u + 1), checked);
        // The actor's gradient is not trivially zero: the returns do depend on the actions, through the dynamics.
        assertTrue(Math.sqrt(actorNorm) > 1e-3, "actor gradient norm " + Math.sqrt(actorNorm));
        // And the graph's critic loss is this one at the unnudged weights.
        assertEquals(criticLoss(g, in, target), base[1], 1e-12);
    }

    /** ½ mean (critic output − target)², the critic's output read from the graph. */
    private static double criticLoss(BehaviourGraph g, double[][] in, double[] target) {
        double[] pred = g.outputs(in[0], in[1], in[2], in[3])[5];
        double sum = 0;
        for (int i = 0; i < pred.length; i++) sum += 0.5 * (pred[i] - target[i]) * (pred[i] - target[i]);
        return sum / pred.length;
    }

    @Test
    void theWorldModelIsNotTrainedByTheBehaviourStep() {
        BehaviourGraph g = new BehaviourGraph(TINY, GAMMA, LAMBDA, 0, 1e-2, Seeds.random(4));
        float[][] model = worldModel(5);
        g.setWorldModel(model);
        double[][] in = inputs(9);
        float[][] f = new float[4][];
        for (int i = 0; i < 4; i++) {
            f[i] = new float[in[i].length];
            for (int k = 0; k < f[i].length; k++) f[i][k] = (float) in[i][k];
        }
        float[][] actorBefore = g.actorWeights();
        for (int i = 0; i < 5; i++) g.train(f[0], f[1], f[2], f[3]);
        // The actor moved …
        double moved = 0;
        float[][] actorAfter = g.actorWeights();
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < actorAfter[i].length; k++) moved += Math.abs(actorAfter[i][k] - actorBefore[i][k]);
        }
        assertTrue(moved > 1e-3, "actor moved by " + moved);
        // … while the world model's transition, prior and reward head are exactly as set.
        float[][] held = g.worldModelWeights();
        int[] used = {4, 5, 6, 7, 8, 9, 10, 11, 20, 21, 22, 23};
        for (int i = 0; i < used.length; i++) {
            assertEquals(model[used[i]].length, held[i].length);
            for (int k = 0; k < held[i].length; k++) assertEquals(model[used[i]][k], held[i][k], "array " + used[i] + "[" + k + "]");
        }
    }

    @Test
    void aWorldModelOfOtherSizesIsRefusedWithTheArraysName() {
        BehaviourGraph g = new BehaviourGraph(TINY, GAMMA, LAMBDA, 0, 1e-3, Seeds.random(4));
        float[][] wrong = new RssmGraph(new RssmGraph.Sizes(5, 4, 3, 4, 2, 3, 1, 2, 2), 0, false, 0.8, 1e-3,
                Seeds.random(1)).weights();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.setWorldModel(wrong));
        assertTrue(e.getMessage().contains("gate_w"), e.getMessage());
    }
}
