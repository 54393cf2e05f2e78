package org.mbrllab.engine.metrpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The 70 % rule: saves, failures, the stop after five in a row with the restore, and K = 1. */
class ValidationRuleTest {

    @Test
    void sevenOfTenModelsImprovingSavesAndSixDoNot() {
        ValidationRule rule = new ValidationRule();
        double[] base = new double[10];
        assertEquals(ValidationRule.Verdict.SAVED, rule.check(new double[] {1}, base).verdict());
        double[] seven = {1, 1, 1, 1, 1, 1, 1, -1, -1, -1};
        ValidationRule.Check c = rule.check(new double[] {2}, seven);
        assertEquals(ValidationRule.Verdict.SAVED, c.verdict());
        assertEquals(0.7, c.improvedShare(), 1e-12);
        double[] six = {2, 2, 2, 2, 2, 2, 0, -2, -2, -2}; // against the saved scores: 6 of 10 not worse
        c = rule.check(new double[] {3}, six);
        assertEquals(ValidationRule.Verdict.FAILED, c.verdict());
        assertEquals(1, c.failures());
        assertArrayEquals(new double[] {2}, rule.savedPolicy(), 0, "a failure keeps the last saved policy");
    }

    @Test
    void fiveFailuresInARowStopThePhaseAndRestoreTheLastSavedPolicy() {
        ValidationRule rule = new ValidationRule();
        rule.check(new double[] {10}, new double[] {5, 5, 5});
        rule.check(new double[] {11}, new double[] {4, 4, 4}); // failure 1
        rule.check(new double[] {12}, new double[] {6, 6, 6}); // saved: failures reset
        assertEquals(0, rule.failures());
        for (int i = 1; i <= 4; i++) {
            assertEquals(ValidationRule.Verdict.FAILED, rule.check(new double[] {12 + i}, new double[] {0, 0, 7}).verdict());
        }
        ValidationRule.Check last = rule.check(new double[] {99}, new double[] {0, 0, 7});
        assertEquals(ValidationRule.Verdict.STOPPED, last.verdict());
        assertEquals(5, last.failures());
        assertTrue(rule.stopped());
        assertArrayEquals(new double[] {12}, rule.savedPolicy(), 0, "restore the policy saved before the failures");
        assertThrows(IllegalStateException.class, () -> rule.check(new double[] {1}, new double[] {1, 1, 1}));
    }

    @Test
    void withOneModelAnyDeclineIsAFailure() {
        ValidationRule rule = new ValidationRule();
        rule.check(new double[] {0}, new double[] {-300});
        assertEquals(ValidationRule.Verdict.SAVED, rule.check(new double[] {1}, new double[] {-300}).verdict(), "equal is not worse");
        assertEquals(ValidationRule.Verdict.FAILED, rule.check(new double[] {2}, new double[] {-300.5}).verdict());
        assertEquals(ValidationRule.Verdict.SAVED, rule.check(new double[] {3}, new double[] {-200}).verdict());
        assertArrayEquals(new double[] {3}, rule.savedPolicy(), 0);
    }
}
