package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.RssmGraph;

/** The Gaussian KL against its closed form in one dimension, a Monte Carlo estimate, and the world model's own loss term. */
class GaussianKlTest {

    private static double kl1(double mq, double sq, double mp, double sp) {
        return GaussianKl.divergence(new float[] {(float) mq}, new float[] {(float) sq}, new float[] {(float) mp}, new float[] {(float) sp});
    }

    @Test
    void equalGaussiansAreZeroApart() {
        float[] m = {0.3f, -1.2f, 4f};
        float[] s = {0.5f, 1f, 2.5f};
        assertEquals(0, GaussianKl.divergence(m, s, m, s), 1e-12);
    }

    @Test
    void oneDimensionMatchesTheClosedForms() {
        // A shift of μ at σ = 1: μ² / 2.
        assertEquals(1.5 * 1.5 / 2, kl1(1.5, 1, 0, 1), 1e-7);
        // A width σ against N(0, 1): −ln σ + σ²/2 − ½.
        assertEquals(-Math.log(0.25) + 0.25 * 0.25 / 2 - 0.5, kl1(0, 0.25, 0, 1), 1e-7);
        // Both at once, by hand: q = N(1, 0.5²), p = N(−1, 2²): ln 4 + (0.25 + 4) / 8 − ½ = 1.4175443611.
        assertEquals(1.4175443611198906, kl1(1, 0.5, -1, 2), 1e-7);
        // Not symmetric: a prior too narrow costs more than one too wide.
        assertTrue(kl1(0, 2, 0, 0.5) > kl1(0, 0.5, 0, 2));
    }

    @Test
    void dimensionsAddUp() {
        float[] mq = {1, 0, 0.2f}, sq = {0.5f, 0.25f, 1.3f}, mp = {-1, 0, 0.7f}, sp = {2, 1, 0.4f};
        double sum = 0;
        for (int j = 0; j < 3; j++) sum += kl1(mq[j], sq[j], mp[j], sp[j]);
        assertEquals(sum, GaussianKl.divergence(mq, sq, mp, sp), 1e-12);
    }

    @Test
    void agreesWithAMonteCarloEstimateOfTheExpectedLogRatio() {
        float[] mq = {0.4f, -0.3f}, sq = {0.7f, 1.1f}, mp = {-0.2f, 0.5f}, sp = {1.3f, 0.8f};
        RandomGenerator r = Seeds.random(11);
        int n = 200_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++) {
            double logRatio = 0;
            for (int j = 0; j < 2; j++) {
                double z = mq[j] + sq[j] * r.nextGaussian();
                logRatio += logNormal(z, mq[j], sq[j]) - logNormal(z, mp[j], sp[j]);
            }
            sum += logRatio;
            sumSq += logRatio * logRatio;
        }
        double mean = sum / n;
        double standardError = Math.sqrt((sumSq / n - mean * mean) / n);
        assertEquals(GaussianKl.divergence(mq, sq, mp, sp), mean, 4 * standardError);
    }

    private static double logNormal(double x, double m, double s) {
        double d = (x - m) / s;
        return -0.5 * d * d - Math.log(s) - 0.5 * Math.log(2 * Math.PI);
    }

    @Test
    void theMeanOverABatchIsTheWorldModelGraphsKlTerm() {
        PixelEpisodes data = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 3, 4);
        RssmTrainer trainer = new RssmTrainer(RssmConfig.tiny().withMaxUpdates(5), data);
        while (trainer.step()) { }
        RssmGraph graph = trainer.graph();
        FrozenRssm frozen = trainer.freeze();
        RssmGraph.Sizes s = graph.sizes();
        int l = s.steps(), b = s.batch(), z = s.stochastic(), p = s.pixels();
        int[] episodes = {0, 2, 1, 2};
        int[] starts = {0, 30, 77, 94};
        RssmTrainer.Batch batch = RssmTrainer.batch(data, episodes, starts, l);
        RandomGenerator r = Seeds.random(6);
        float[] eps = new float[l * b * z];
        for (int i = 0; i < eps.length; i++) eps[i] = (float) r.nextGaussian();
        double graphKl = graph.losses(batch.frames(), batch.actions(), batch.rewards(), eps)[3];
        double sum = 0;
        for (int i = 0; i < b; i++) {
            FrozenRssm.State state = null;
            for (int t = 0; t < l; t++) {
                int row = t * b + i;
                float[] frame = new float[p];
                System.arraycopy(batch.frames(), row * p, frame, 0, p);
                float[] e = new float[z];
                System.arraycopy(eps, row * z, e, 0, z);
                double torque = t == 0 ? 0 : data.action(episodes[i], starts[i] + t - 1);
                state = frozen.observe(state, torque, frame, e);
                sum += GaussianKl.posteriorToPrior(frozen, state);
            }
        }
        // float32 graph against float64 sums of float32 inputs: a few ulps of a value of order 1.
        assertEquals(graphKl, sum / (l * b), 1e-4 * Math.max(1, Math.abs(graphKl)));
        assertTrue(graphKl > 0);
    }

    @Test
    void refusesImaginedStatesAndWidthsThatAreNotPositive() throws Exception {
        FrozenRssm m = DreamerNetworks.shipped().model();
        FrozenRssm.State seen = m.observe(null, 0, new float[PixelPendulum.PIXELS], null);
        FrozenRssm.State imagined = m.imagine(seen, 0, null);
        assertThrows(IllegalArgumentException.class, () -> GaussianKl.posteriorToPrior(m, imagined));
        assertThrows(IllegalArgumentException.class, () -> kl1(0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> kl1(0, 1, 0, -1));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianKl.divergence(new float[2], new float[] {1, 1}, new float[3], new float[] {1, 1, 1}));
    }
}
