package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mbrllab.engine.dp.DpTesting.assertPrinted;

import org.junit.jupiter.api.Test;

/**
 * Sutton &amp; Barto (2018), Example 3.5 (Figure 3.2: v of the random policy) and Example 3.8 (Figure 3.5:
 * v* and π*), on the 5×5 gridworld with the teleports A → A′ (+10) and B → B′ (+5), γ = 0.9.
 */
class SuttonBartoGridworldTest {

    private static final double[] FIGURE_3_2 = {
        3.3, 8.8, 4.4, 5.3, 1.5,
        1.5, 3.0, 2.3, 1.9, 0.5,
        0.1, 0.7, 0.7, 0.4, -0.4,
        -1.0, -0.4, -0.4, -0.6, -1.2,
        -1.9, -1.3, -1.2, -1.4, -2.0};

    private static final double[] FIGURE_3_5 = {
        22.0, 24.4, 22.0, 19.4, 17.5,
        19.8, 22.0, 19.8, 17.8, 16.0,
        17.8, 19.8, 17.8, 16.0, 14.4,
        16.0, 17.8, 16.0, 14.4, 13.0,
        14.4, 16.0, 14.4, 13.0, 11.7};

    private static DpResult solve(Algorithm algorithm) {
        return DpTesting.solver(algorithm, DpTesting.world("sutton-barto-3.5")).solve();
    }

    @Test
    void randomPolicyValuesMatchFigure3_2() {
        DpResult result = solve(Algorithm.POLICY_EVALUATION);
        assertTrue(result.converged());
        assertPrinted(FIGURE_3_2, result.values(), 5, "Figure 3.2");
    }

    @Test
    void valueIterationMatchesFigure3_5() {
        DpResult result = solve(Algorithm.VALUE_ITERATION);
        assertTrue(result.converged());
        assertPrinted(FIGURE_3_5, result.values(), 5, "Figure 3.5 (v*)");
    }

    @Test
    void policyIterationMatchesFigure3_5() {
        DpResult result = solve(Algorithm.POLICY_ITERATION);
        assertTrue(result.converged());
        assertPrinted(FIGURE_3_5, result.values(), 5, "Figure 3.5 (v*) by policy iteration");
    }

    @Test
    void optimalArrowsMatchFigure3_5() {
        int[] greedy = solve(Algorithm.VALUE_ITERATION).greedy();
        assertEquals("right", Action.labels(greedy[0]), "(0, 0)");
        assertEquals("up|down|left|right", Action.labels(greedy[1]), "A: every action teleports");
        assertEquals("left", Action.labels(greedy[2]), "(0, 2)");
        assertEquals("up|down|left|right", Action.labels(greedy[3]), "B: every action teleports");
        assertEquals("up|right", Action.labels(greedy[5]), "(1, 0)");
        assertEquals("left", Action.labels(greedy[8]), "(1, 3)");
        assertEquals("up|left", Action.labels(greedy[12]), "(2, 2)");
        assertEquals("up", Action.labels(greedy[21]), "(4, 1)");
        assertEquals("up|left", Action.labels(greedy[24]), "(4, 4)");
    }

    @Test
    void teleportValueIsItsRewardPlusTheDiscountedTarget() {
        double[] v = solve(Algorithm.VALUE_ITERATION).values();
        assertEquals(10 + 0.9 * v[21], v[1], 1e-9, "v*(A) = 10 + γ v*(A′)");
        assertEquals(5 + 0.9 * v[13], v[3], 1e-9, "v*(B) = 5 + γ v*(B′)");
    }
}
