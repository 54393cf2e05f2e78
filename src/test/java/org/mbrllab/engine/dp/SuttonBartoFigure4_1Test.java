package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mbrllab.engine.dp.DpTesting.assertPrinted;

import org.junit.jupiter.api.Test;

/**
 * Sutton &amp; Barto (2018), Example 4.1 and Figure 4.1: iterative policy evaluation of the equiprobable
 * random policy on the 4×4 gridworld, synchronous sweeps, γ = 1.
 */
class SuttonBartoFigure4_1Test {

    private static DpSolver randomPolicyEvaluation() {
        GridWorld world = DpTesting.world("sutton-barto-4.1");
        return DpTesting.solver(Algorithm.POLICY_EVALUATION, world);
    }

    private static double[] afterSweeps(int k) {
        DpSolver solver = randomPolicyEvaluation();
        for (int i = 0; i < k; i++) solver.step();
        assertEquals(k, solver.snapshot().iterations());
        return solver.snapshot().values();
    }

    @Test
    void presetAsksForPolicyEvaluationOfTheRandomPolicy() {
        assertEquals(Algorithm.POLICY_EVALUATION, DpTesting.preset("sutton-barto-4.1").algorithm());
        assertEquals(1.0, DpTesting.preset("sutton-barto-4.1").params().gamma());
    }

    @Test
    void firstSweepGivesMinusOneInEveryNonTerminalCell() {
        double[] v = afterSweeps(1);
        for (int s = 0; s < 16; s++) {
            assertEquals(s == 0 || s == 15 ? 0.0 : -1.0, v[s], 1e-12, "k = 1 at state " + s);
        }
    }

    @Test
    void secondSweepMatchesFigure4_1() {
        double[] printed = {
            0.0, -1.7, -2.0, -2.0,
            -1.7, -2.0, -2.0, -2.0,
            -2.0, -2.0, -2.0, -1.7,
            -2.0, -2.0, -1.7, 0.0};
        double[] v = afterSweeps(2);
        assertPrinted(printed, v, 4, "Figure 4.1, k = 2");
        assertEquals(-1.75, v[1], 1e-12, "the book prints −1.75 truncated as −1.7");
    }

    @Test
    void thirdSweepMatchesFigure4_1() {
        double[] printed = {
            0.0, -2.4, -2.9, -3.0,
            -2.4, -2.9, -3.0, -2.9,
            -2.9, -3.0, -2.9, -2.4,
            -3.0, -2.9, -2.4, 0.0};
        assertPrinted(printed, afterSweeps(3), 4, "Figure 4.1, k = 3");
    }

    @Test
    void tenthSweepMatchesFigure4_1() {
        double[] printed = {
            0.0, -6.1, -8.4, -9.0,
            -6.1, -7.7, -8.4, -8.4,
            -8.4, -8.4, -7.7, -6.1,
            -9.0, -8.4, -6.1, 0.0};
        assertPrinted(printed, afterSweeps(10), 4, "Figure 4.1, k = 10");
    }

    @Test
    void convergedValuesMatchFigure4_1AtKInfinity() {
        double[] printed = {
            0, -14, -20, -22,
            -14, -18, -20, -20,
            -20, -20, -18, -14,
            -22, -20, -14, 0};
        DpResult result = randomPolicyEvaluation().solve();
        assertTrue(result.converged());
        for (int s = 0; s < 16; s++) {
            assertEquals(printed[s], result.values()[s], 0.05, "k = ∞ at state " + s);
            assertEquals(printed[s], Math.rint(result.values()[s]), 0.0, "k = ∞ rounds to the printed integer at state " + s);
        }
    }

    @Test
    void inPlaceSweepsReachTheSameValuesInFewerSweeps() {
        DpResult twoArrays = randomPolicyEvaluation().solve();
        DpResult inPlace = DpTesting.solver(Algorithm.POLICY_EVALUATION, DpTesting.world("sutton-barto-4.1"),
                DpSettings.defaults().withSweep(Sweep.IN_PLACE)).solve();
        for (int s = 0; s < 16; s++) assertEquals(twoArrays.values()[s], inPlace.values()[s], 1e-8);
        assertTrue(inPlace.iterations() < twoArrays.iterations(),
                "in place " + inPlace.iterations() + " sweeps, synchronous " + twoArrays.iterations());
    }
}
