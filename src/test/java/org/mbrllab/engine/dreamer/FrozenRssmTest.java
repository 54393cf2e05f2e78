package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.RssmGraph;

/** The plain-Java RSSM gives SameDiff's numbers, and its states are immutable values. */
class FrozenRssmTest {
    /** Both passes in float32, summed in different orders: agreement to a few ulps of values of order 1–10. */
    private static final double TOLERANCE = 1e-5;
    private static final PixelEpisodes DATA = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 3, 4);

    /** The tiny model with 4 groups of 4 classes. */
    private static final RssmConfig CATEGORICAL = RssmConfig.tiny().withLatents(RssmConfig.Latents.CATEGORICAL).withClasses(4);

    private static RssmTrainer trained() {
        return trained(RssmConfig.tiny());
    }

    private static RssmTrainer trained(RssmConfig config) {
        RssmTrainer t = new RssmTrainer(config.withMaxUpdates(5), DATA);
        while (t.step()) { }
        return t;
    }

    @Test
    void observingASequenceMatchesTheGraphStepByStep() {
        observingASequenceMatchesTheGraph(RssmConfig.tiny());
    }

    /**
     * Also the draws: the same uniforms give the same class in every group. A float32 tie within a few ulps
     * between two classes' scores could flip one; with these seeds none is that close (the test would show it).
     */
    @Test
    void observingASequenceWithCategoricalLatentsMatchesTheGraphStepByStep() {
        observingASequenceMatchesTheGraph(CATEGORICAL);
    }

    private static void observingASequenceMatchesTheGraph(RssmConfig config) {
        RssmTrainer trainer = trained(config);
        RssmGraph graph = trainer.graph();
        FrozenRssm frozen = trainer.freeze();
        RssmGraph.Sizes s = graph.sizes();
        int l = s.steps(), b = s.batch(), z = s.latent(), h = s.deterministic(), p = s.pixels();
        assertEquals(config.categorical(), frozen.categorical());
        int[] episodes = {0, 2, 1, 2};
        int[] starts = {0, 30, 77, 94};
        RssmTrainer.Batch batch = RssmTrainer.batch(DATA, episodes, starts, l);
        RandomGenerator r = Seeds.random(6);
        float[] eps = new float[l * b * z];
        for (int i = 0; i < eps.length; i++) eps[i] = config.categorical() ? RssmTrainer.uniform(r) : (float) r.nextGaussian();
        float[][] out = graph.outputs(batch.frames(), batch.actions(), eps);
        for (int i = 0; i < b; i++) {
            FrozenRssm.State state = null;
            for (int t = 0; t < l; t++) {
                int row = t * b + i;
                float[] frame = new float[p];
                System.arraycopy(batch.frames(), row * p, frame, 0, p);
                float[] e = new float[z];
                System.arraycopy(eps, row * z, e, 0, z);
                double torque = t == 0 ? 0 : DATA.action(episodes[i], starts[i] + t - 1);
                state = frozen.observe(state, torque, frame, e);
                String at = "sequence " + i + " step " + t;
                close(out[0], row * h, state.h(), at + " h");
                close(out[1], row * z, state.z(), at + " z");
                close(out[2], row * z, state.mean(), at + " posterior mean");
                close(out[3], row * z, state.std(), at + " posterior std");
                float[][] prior = frozen.prior(state);
                close(out[4], row * z, prior[0], at + " prior mean");
                close(out[5], row * z, prior[1], at + " prior std");
                close(out[6], row * p, frozen.decode(state), at + " decoded");
                assertEquals(out[7][row], frozen.rewardSymlog(state), TOLERANCE * Math.max(1, Math.abs(out[7][row])), at);
                assertTrue(state.posterior());
            }
        }
    }

    private static void close(float[] expected, int from, float[] actual, String what) {
        for (int k = 0; k < actual.length; k++) {
            float e = expected[from + k];
            assertEquals(e, actual[k], TOLERANCE * Math.max(1, Math.abs(e)), what + " [" + k + "]");
        }
    }

    @Test
    void imaginingIsAPureFunctionOfTheStateItIsGiven() {
        FrozenRssm m = trained().freeze();
        float[] frame = new float[PixelPendulum.PIXELS];
        PixelPendulum.render(0.3, frame);
        FrozenRssm.State s = m.observe(null, 0, frame, null);
        float[] h = s.h();
        FrozenRssm.State a = m.imagine(s, 1.0, null);
        FrozenRssm.State b = m.imagine(s, 1.0, null);
        assertArrayEquals(a.h(), b.h(), 0);
        assertArrayEquals(a.z(), b.z(), 0);
        assertArrayEquals(h, s.h(), 0, "the state imagined from is unchanged");
        assertFalse(a.posterior());
        // With ε = 0 the sample is the prior's mean; the getters hand out copies.
        assertArrayEquals(a.mean(), a.z(), 0);
        a.z()[0] = 99;
        assertTrue(a.z()[0] != 99);
        // A different torque leads elsewhere.
        assertFalse(java.util.Arrays.equals(m.imagine(s, -1.0, null).h(), a.h()));
    }

    @Test
    void withoutUniformsACategoricalStateIsEachGroupsModeAsAOneHot() {
        FrozenRssm m = trained(CATEGORICAL).freeze();
        assertEquals(16, m.latent());
        float[] frame = new float[PixelPendulum.PIXELS];
        PixelPendulum.render(0.3, frame);
        FrozenRssm.State s = m.observe(null, 0, frame, null);
        for (FrozenRssm.State state : new FrozenRssm.State[] {s, m.imagine(s, 1.0, null)}) {
            float[] z = state.z();
            float[] p = state.mean();
            for (int g = 0; g < 4; g++) {
                int mode = 0;
                double sum = 0;
                for (int k = 0; k < 4; k++) {
                    if (p[g * 4 + k] > p[g * 4 + mode]) mode = k;
                    sum += p[g * 4 + k];
                    assertTrue(p[g * 4 + k] >= 0.01f / 4 * (1 - 1e-6), "unimix floor");
                }
                assertEquals(1, sum, 1e-6);
                for (int k = 0; k < 4; k++) assertEquals(k == mode ? 1f : 0f, z[g * 4 + k], "group " + g + " class " + k);
            }
        }
        // Uniforms outside (0, 1) cannot be a Gumbel-max draw.
        float[] u = new float[16];
        java.util.Arrays.fill(u, 0.5f);
        u[3] = 1;
        assertThrows(IllegalArgumentException.class, () -> m.imagine(s, 0, u));
    }

    @Test
    void actionsAreClippedAndScaledAndSymlogInvertsSymexp() {
        assertEquals(0.5f, FrozenRssm.action(1.0));
        assertEquals(1f, FrozenRssm.action(7.0));
        assertEquals(-1f, FrozenRssm.action(-2.5));
        for (double x : new double[] {-33, -1.5, 0, 0.2, 12}) assertEquals(x, FrozenRssm.symexp(FrozenRssm.symlog(x)), 1e-12);
        assertEquals(-Math.log(34), FrozenRssm.symlog(-33), 1e-12);
    }

    @Test
    void wrongSizesAreRefused() {
        FrozenRssm m = trained().freeze();
        assertThrows(IllegalArgumentException.class, () -> m.observe(null, 0, new float[3], null));
        float[] frame = new float[PixelPendulum.PIXELS];
        FrozenRssm.State s = m.observe(null, 0, frame, null);
        assertThrows(IllegalArgumentException.class, () -> m.imagine(s, 0, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> m.imagine(null, 0, null));
    }
}
