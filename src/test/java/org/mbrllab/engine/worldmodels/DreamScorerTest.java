package org.mbrllab.engine.worldmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;

/** Dreams follow the paper's rules, are seeded per dream, and do not depend on how the batch is shared out. */
class DreamScorerTest {
    /** A random M whose done head fires now and then: bias −0.6, so that h·w_d, spread about ±0.8, sometimes crosses 0. */
    private static final FrozenMdnRnn M = withDoneBias(TinyNetworks.m(4, 8, 3, 0.5, 21), -0.6f);

    private static FrozenMdnRnn withDoneBias(FrozenMdnRnn m, float bias) {
        float[][] w = m.weights();
        w[7][0] = bias;
        return new FrozenMdnRnn(m.latent(), m.hiddenUnits(), m.components(), w);
    }

    private static double[][] controllers(int n, long seed) {
        RandomGenerator r = Seeds.random(seed);
        double[][] t = new double[n][LinearController.parameterCount(4, 8)];
        for (double[] theta : t) for (int i = 0; i < theta.length; i++) theta[i] = r.nextGaussian();
        return t;
    }

    @Test
    void aDreamEndsWhenMsDoneLogitIsAboveZeroAndPaysOnePerStepBefore() {
        float[] z0 = {0.1f, -0.2f, 0.3f, 0.4f};
        double tau = 0.8;
        double[][] thetas = controllers(3, 1);
        DreamScorer scorer = new DreamScorer(M, z0, tau, 60);
        int[] pays = scorer.pays(thetas, 2, 5);
        int ended = 0;
        for (int p : pays) if (p > 0 && p < 60) ended++;
        assertTrue(ended >= 3, "most dreams end inside the cap: " + java.util.Arrays.toString(pays));
        // The same dreams, walked by hand with the public step, mixture and sample.
        for (int c = 0; c < 3; c++) {
            LinearController controller = new LinearController(4, 8, thetas[c]);
            for (int d = 0; d < 2; d++) {
                RandomGenerator r = Seeds.random(DreamScorer.dreamSeed(5, d));
                float[] z = z0.clone();
                float[] h = M.initialState();
                int pay = 0;
                for (int t = 0; t < 60; t++) {
                    Dodge.Action a = controller.act(z, h);
                    h = M.step(h, z, a);
                    FrozenMdnRnn.Mixture mix = M.mixture(h);
                    z = FrozenMdnRnn.sample(mix, tau, r);
                    if (mix.doneLogit() > 0) break;
                    pay++;
                }
                assertEquals(pay, pays[c * 2 + d], "controller " + c + ", dream " + d);
            }
        }
    }

    @Test
    void theScoresAreTheSameOnOneThreadOrThree() {
        DreamScorer scorer = new DreamScorer(M, new float[4], 1.0, 80);
        double[][] thetas = controllers(7, 2);
        assertArrayEquals(scorer.pays(thetas, 5, 11, 1), scorer.pays(thetas, 5, 11, 3));
    }

    @Test
    void everyCandidateMeetsTheSameDreamsSoEqualControllersScoreEqually() {
        DreamScorer scorer = new DreamScorer(M, new float[4], 1.0, 80);
        double[][] thetas = controllers(2, 3);
        double[][] twice = {thetas[0], thetas[1], thetas[0].clone()};
        double[] scores = scorer.score(twice, 6, 4, 1);
        assertEquals(scores[0], scores[2], 0);
        assertNotEquals(scores[0], scorer.score(new double[][] {thetas[0]}, 6, 5, 1)[0], "another seed, other dreams");
    }

    @Test
    void aDreamNeverPaysMoreThanTheCap() {
        // A done head that never fires (bias −100): every dream runs to the cap.
        FrozenMdnRnn never = withDoneBias(TinyNetworks.m(4, 8, 3, 0.0, 1), -100);
        int[] pays = new DreamScorer(never, new float[4], 1.0, 37).pays(controllers(3, 4), 2, 1);
        for (int p : pays) assertEquals(37, p);
    }

    @Test
    void refusesATemperatureOutOfRangeNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DreamScorer(M, new float[4], 0, 10));
        assertTrue(e.getMessage().contains("tau"), e.getMessage());
    }
}
