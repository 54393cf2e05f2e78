package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The course's two tables of optimistic and pessimistic bias, computed exactly. */
class BiasTableTest {

    @Test
    void case1ExpectsMinusOneInRealityAndExactlyPlus8Point2UnderTheModel() {
        BiasTable t = BiasTable.CASE_1_OPTIMISTIC;
        assertEquals(-1.0, t.expectedRealReward(), 0.0, "0.1·40 + 0.8·(−5) + 0.1·(−10)");
        assertEquals(8.2, t.expectedModelReward(), 0.0, "0.33·40 + 0.34·(−5) + 0.33·(−10)");
        assertNotEquals(8.25, t.expectedModelReward(), "the slides' 8.25 is a typo");
        assertEquals(9.2, t.bias(), 0.0);
        assertEquals(BiasTable.Bias.OPTIMISTIC, t.direction());
    }

    @Test
    void case2ExpectsPlusOneInRealityAndExactlyMinus8Point2UnderTheModel() {
        BiasTable t = BiasTable.CASE_2_PESSIMISTIC;
        assertEquals(1.0, t.expectedRealReward(), 0.0, "0.1·10 + 0.8·5 + 0.1·(−40)");
        assertEquals(-8.2, t.expectedModelReward(), 0.0, "0.33·10 + 0.34·5 + 0.33·(−40)");
        assertEquals(-9.2, t.bias(), 0.0);
        assertEquals(BiasTable.Bias.PESSIMISTIC, t.direction());
    }

    @Test
    void bothCasesGetTheMeanNextStateRight() {
        for (BiasTable t : List.of(BiasTable.CASE_1_OPTIMISTIC, BiasTable.CASE_2_PESSIMISTIC)) {
            assertEquals(0.0, t.expectedRealPosition(), 0.0);
            assertEquals(0.0, t.expectedModelPosition(), 0.0);
        }
    }

    @Test
    void presetProbabilitiesAreThePercentagesOfTheCourse() {
        BiasTable t = BiasTable.CASE_1_OPTIMISTIC;
        assertEquals(List.of(0.1, 0.8, 0.1), List.of(t.realProbability(0), t.realProbability(1), t.realProbability(2)));
        assertEquals(List.of(0.33, 0.34, 0.33), List.of(t.modelProbability(0), t.modelProbability(1), t.modelProbability(2)));
    }

    @Test
    void weightsAreNormalised() {
        BiasTable t = BiasTable.CASE_1_OPTIMISTIC
                .with(0, new BiasTable.Outcome("Goal", 40, 1, 1, 1))
                .with(1, new BiasTable.Outcome("Neutral", -5, 0, 8, 1))
                .with(2, new BiasTable.Outcome("Failure", -10, -1, 1, 1));
        assertEquals(-1.0, t.expectedRealReward(), 0.0, "weights 1, 8, 1 are 10 %, 80 %, 10 %");
        assertEquals(25.0 / 3, t.expectedModelReward(), 1e-15, "equal weights: the plain mean of the rewards");
        assertEquals(1.0, t.realProbability(0) + t.realProbability(1) + t.realProbability(2), 1e-15);
    }

    @Test
    void explanationSaysWhichWayTheAgentIsMisledWithTheTrueNumbers() {
        String optimistic = BiasTable.CASE_1_OPTIMISTIC.explanation();
        assertTrue(optimistic.contains("+8.2") && optimistic.contains("−1") && optimistic.contains("overestimates by 9.2")
                && optimistic.contains("unnecessary risks"), optimistic);
        String pessimistic = BiasTable.CASE_2_PESSIMISTIC.explanation();
        assertTrue(pessimistic.contains("−8.2") && pessimistic.contains("underestimates by 9.2")
                && pessimistic.contains("avoids good actions"), pessimistic);
    }

    /** Case 2 with a Failure of −95: the real expectation is 1 + 4 − 9.5 = −4.5, so the action is poor anyway. */
    @Test
    void underestimatingAPoorActionDoesNotSayTheAgentAvoidsGoodActions() {
        BiasTable t = BiasTable.CASE_2_PESSIMISTIC.with(2, new BiasTable.Outcome("Failure", -95, -1, 10, 33));
        assertEquals(-4.5, t.expectedRealReward(), 1e-12);
        assertEquals(-26.35, t.expectedModelReward(), 1e-12);
        assertEquals(BiasTable.Bias.PESSIMISTIC, t.direction());
        String s = t.explanation();
        assertTrue(s.contains("real expectation is −4.5") && s.contains("underestimates by 21.85"), s);
        assertFalse(s.contains("avoids good actions"), s);
        assertTrue(s.contains("poor anyway, so avoiding it is no mistake"), s);
    }

    /** Case 1 with a Goal of 60: the real expectation is 6 − 4 − 1 = +1, so taking the action is no risk. */
    @Test
    void overestimatingAGoodActionDoesNotCallItAnUnnecessaryRisk() {
        BiasTable t = BiasTable.CASE_1_OPTIMISTIC.with(0, new BiasTable.Outcome("Goal", 60, 1, 10, 33));
        assertEquals(1.0, t.expectedRealReward(), 1e-12);
        assertEquals(BiasTable.Bias.OPTIMISTIC, t.direction());
        String s = t.explanation();
        assertFalse(s.contains("unnecessary risks"), s);
        assertTrue(s.contains("good anyway, so taking it is no mistake"), s);
    }

    @Test
    void aModelThatMatchesRealityHasNoBias() {
        BiasTable t = new BiasTable(List.of(new BiasTable.Outcome("A", 3, 0, 1, 2), new BiasTable.Outcome("B", 3, 1, 1, 5)));
        assertEquals(BiasTable.Bias.NONE, t.direction());
        assertEquals(0.0, t.bias(), 0.0);
    }

    @Test
    void allZeroOrNegativeWeightsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BiasTable(List.of(new BiasTable.Outcome("A", 1, 0, 0, 1))));
        assertThrows(IllegalArgumentException.class, () -> new BiasTable.Outcome("A", 1, 0, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BiasTable(List.of()));
    }
}
