package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.BehaviourGraph;
import org.mbrllab.engine.nn.RssmGraph;

/** The plain-Java actor and critic, driving the plain-Java world model, against the behaviour graph's imagination. */
class FrozenActorTest {
    private static final RssmGraph.Sizes MODEL = new RssmGraph.Sizes(5, 4, 3, 6, 3, 5, 1, 2, 2);
    private static final BehaviourGraph.Sizes SIZES = new BehaviourGraph.Sizes(6, 3, 5, 7, 6, 4, 3);
    private static final double TOLERANCE = 1e-5;

    private static float[][] randomModel() {
        float[][] w = new RssmGraph(MODEL, 0, false, 0.8, 1e-3, Seeds.random(1)).weights();
        RandomGenerator r = Seeds.random(2);
        for (int i = 1; i < w.length; i += 2) {
            for (int k = 0; k < w[i].length; k++) w[i][k] = (float) (0.5 * r.nextGaussian());
        }
        return w;
    }

    private static float[] gaussians(RandomGenerator r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    @Test
    void actionsRewardsAndValuesAlongAnImaginedTrajectoryMatchTheGraph() {
        float[][] model = randomModel();
        FrozenRssm rssm = new FrozenRssm(MODEL, model);
        BehaviourGraph graph = new BehaviourGraph(SIZES, 0.9, 0.8, 0, 1e-3, Seeds.random(3));
        graph.setWorldModel(model);
        RandomGenerator r = Seeds.random(4);
        // Train a few steps first, so that the actor and critic are not at their initial, near-zero last layers.
        int b = SIZES.batch(), len = SIZES.horizon(), h = SIZES.deterministic(), z = SIZES.stochastic();
        FrozenRssm.State[] starts = new FrozenRssm.State[b];
        float[] h0 = new float[b * h];
        float[] z0 = new float[b * z];
        for (int k = 0; k < b; k++) {
            starts[k] = rssm.observe(null, 0, gaussians(r, MODEL.pixels()), gaussians(r, z));
            System.arraycopy(starts[k].h(), 0, h0, k * h, h);
            System.arraycopy(starts[k].z(), 0, z0, k * z, z);
        }
        float[] actEps = gaussians(r, len * b);
        float[] latEps = gaussians(r, len * b * z);
        for (int i = 0; i < 20; i++) graph.train(h0, z0, gaussians(r, len * b), gaussians(r, len * b * z));
        graph.syncTargetCritic();
        float[][] rollout = graph.rollout(h0, z0, actEps, latEps);
        FrozenActor actor = new FrozenActor(SIZES, graph.actorWeights(), graph.criticWeights(), graph.valueScale());
        for (int k = 0; k < b; k++) {
            FrozenRssm.State s = starts[k];
            assertEquals(rollout[2][k], actor.value(s), TOLERANCE * Math.max(1, Math.abs(rollout[2][k])), "v_0 of " + k);
            for (int t = 0; t < len; t++) {
                int row = t * b + k;
                double a = actor.action(s, actEps[row]);
                assertEquals(rollout[0][row], a, TOLERANCE, "action " + t + " of " + k);
                float[] eps = new float[z];
                System.arraycopy(latEps, row * z, eps, 0, z);
                // The state carried forward is the one just imagined, under the action just taken.
                s = rssm.imagine(s, FrozenActor.torque(a), eps);
                double reward = rssm.reward(s);
                assertEquals(rollout[1][row], reward, TOLERANCE * Math.max(1, Math.abs(reward)), "reward " + t + " of " + k);
                double v = actor.value(s);
                assertEquals(rollout[2][row + b], v, TOLERANCE * Math.max(1, Math.abs(v)), "value " + (t + 1) + " of " + k);
            }
        }
    }

    @Test
    void theMeanActionIsTheActionWithoutNoiseAndNoiseSpreadsIt() {
        float[][] model = randomModel();
        FrozenRssm rssm = new FrozenRssm(MODEL, model);
        BehaviourGraph graph = new BehaviourGraph(SIZES, 0.9, 0.8, 0, 1e-3, Seeds.random(3));
        FrozenActor actor = new FrozenActor(SIZES, graph.actorWeights(), graph.criticWeights(), graph.valueScale());
        RandomGenerator r = Seeds.random(5);
        FrozenRssm.State s = rssm.observe(null, 0, gaussians(r, MODEL.pixels()), null);
        assertEquals(actor.action(s, 0), actor.meanAction(s), 0);
        // At initialisation σ ≈ 1.1 before the tanh, so ε = ±1 moves the action well apart.
        double up = actor.action(s, 1);
        double down = actor.action(s, -1);
        assertEquals(true, up - down > 0.5, "spread " + (up - down));
        assertEquals(2 * 0.25, FrozenActor.torque(0.25), 0);
    }

    @Test
    void weightsOfTheWrongShapeAreRefused() {
        BehaviourGraph graph = new BehaviourGraph(SIZES, 0.9, 0.8, 0, 1e-3, Seeds.random(3));
        float[][] a = graph.actorWeights();
        a[2] = new float[3];
        assertThrows(IllegalArgumentException.class, () -> new FrozenActor(SIZES, a, graph.criticWeights(), 1));
    }
}
