package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the lesson shows: disagreement grows where data are missing; a probabilistic net learns the noise. */
class EnsembleUncertaintyTest {

    @Test
    void disagreementInTheDataGapIsManyTimesTheDisagreementWhereDataAreDense() {
        // Five deterministic members, as the course trains them, on 300 points with no data in [−0.5, 2.5].
        SineTask task = new SineTask(300, 0.1, -0.5, 2.5, 3);
        EnsembleConfig config = SineTask.defaultConfig(5, MemberKind.DETERMINISTIC, 300, 3)
                .withBatchSize(256).withEarlyStopping(0.1, 30);
        Ensemble ensemble = EnsembleTrainer.fit(config, task.sample());
        double gap = meanStd(ensemble.predict(new double[] {0.5, 0.75, 1.0, 1.25, 1.5}));
        double dense = meanStd(ensemble.predict(new double[] {-3.5, -3, -2.5, -2, -1.5, -1}));
        assertTrue(gap >= 4 * dense, "σ_ens in the gap " + gap + ", where data are dense " + dense);
    }

    @Test
    void aProbabilisticMemberRecoversTheInjectedNoiseLevel() {
        double noise = 0.3;
        // One net, as the lesson's single view trains it: without a random prior, which only serves disagreement.
        EnsembleConfig config = SineTask.defaultConfig(1, MemberKind.PROBABILISTIC, 200, 2)
                .withBatchSize(256).withEarlyStopping(0.1, 30).withPriorScale(0);
        Ensemble net = EnsembleTrainer.fit(config, SineTask.withoutGap(600, noise, 2).sample());
        EnsemblePrediction p = net.predict(SineTask.grid(-3.5, 3.5, 29));
        double mean = 0;
        for (int i = 0; i < p.points(); i++) {
            double sigma = Math.sqrt(p.aleatoricVariance(i, 0));
            assertEquals(noise, sigma, 0.25 * noise, "σ at x = " + (-3.5 + 0.25 * i));
            mean += sigma / p.points();
        }
        assertEquals(noise, mean, 0.1 * noise, "σ averaged over [−3.5, 3.5]");
        assertEquals(0.0, p.epistemicVariance(0, 0), 0.0, "one member cannot disagree with itself");
    }

    private static double meanStd(EnsemblePrediction p) {
        double s = 0;
        for (int i = 0; i < p.points(); i++) s += Math.sqrt(p.epistemicVariance(i, 0)) / p.points();
        return s;
    }
}
