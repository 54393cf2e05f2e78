package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The course's figure: the same net and data, two seeds, two solutions. */
class TwoSeedsFigureTest {

    private static final RegressionData DATA = new SineTask(150, 0.1, -0.5, 2.5, 1).sample();
    private static final EnsembleConfig CONFIG = SineTask.defaultConfig(5, MemberKind.DETERMINISTIC, 80, 0)
            .withHidden(2, 32).withBatchSize(256);

    private static TwoSeedsFigure.Snapshot train(long seedA, long seedB, int epochs) {
        TwoSeedsFigure figure = new TwoSeedsFigure(CONFIG.withMaxEpochs(epochs), DATA, SineTask.grid(-4, 4, 33), seedA,
                seedB);
        while (figure.step()) {
            // one epoch of each net per step
        }
        assertTrue(figure.isDone());
        return figure.snapshot();
    }

    @Test
    void twoSeedsGiveTwoProbabilisticNetsThatDisagreeInTheGap() {
        TwoSeedsFigure.Snapshot s = train(1, 2, 80);
        assertEquals(1, s.first().members());
        assertEquals(MemberKind.PROBABILISTIC, s.first().kind());
        assertTrue(s.largestGap() > 0.2, "largest |μ_A − μ_B| " + s.largestGap());
    }

    @Test
    void theSameSeedTwiceGivesOneSolution() {
        assertEquals(0.0, train(4, 4, 10).largestGap(), 0.0);
    }
}
