package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.run.DivergenceException;

/** γ = 1 without an end in sight: the solver says so instead of sweeping forever. */
class DivergenceTest {

    private static GridWorld noTerminal(double gamma, double living) {
        GridWorldParams params = new GridWorldParams(gamma, 0.1, living, living, 1, -1);
        return new GridWorld(GridLayout.empty(4, 5, params).withCell(1, 1, GridLayout.Cell.wall()));
    }

    @Test
    void policyEvaluationWithoutDiscountOrTerminalDiverges() {
        DpSolver solver = DpTesting.solver(Algorithm.POLICY_EVALUATION, noTerminal(1, -1));
        DivergenceException e = assertThrows(DivergenceException.class, solver::step);
        assertTrue(e.getMessage().contains("γ = 1"), e.getMessage());
        assertTrue(e.getMessage().contains("never reaches a terminal"), e.getMessage());
        assertTrue(e.getMessage().contains("fall without bound"), e.getMessage());
        assertTrue(solver.isDone());
        assertThrows(DivergenceException.class, solver::step, "every later step too");
    }

    @Test
    void positiveRewardsWithoutEndDivergeUpwards() {
        DpSolver solver = DpTesting.solver(Algorithm.POLICY_EVALUATION, noTerminal(1, 0.5));
        DivergenceException e = assertThrows(DivergenceException.class, solver::step);
        assertTrue(e.getMessage().contains("grow without bound"), e.getMessage());
    }

    @Test
    void valueIterationWithoutDiscountOrTerminalDiverges() {
        DpSolver solver = DpTesting.solver(Algorithm.VALUE_ITERATION, noTerminal(1, -1));
        DivergenceException e = assertThrows(DivergenceException.class, solver::step);
        assertTrue(e.getMessage().contains("no sequence of moves reaches a terminal"), e.getMessage());
    }

    @Test
    void valueIterationOnAPositiveLoopDivergesBeforeTheFirstSweep() {
        // Example 3.5 with γ = 1: A → A′ pays +10 and the walk back from A′ to A costs nothing, so V* = +∞.
        // Without the check, value iteration added about 10/4 per sweep and stopped unconverged at the
        // sweep limit, far below 1e9.
        GridWorld world = DpTesting.world("sutton-barto-3.5");
        GridWorld undiscounted = new GridWorld(world.layout().withParams(world.params().with("gamma", 1)));
        DpSolver solver = DpTesting.solver(Algorithm.VALUE_ITERATION, undiscounted);
        DivergenceException e = assertThrows(DivergenceException.class, solver::step);
        assertTrue(e.getMessage().contains("grow without bound"), e.getMessage());
        assertTrue(e.getMessage().startsWith("With γ = 1 the values never settle: 25 cells"), e.getMessage());
    }

    @Test
    void valueIterationOnFreeLoopsWithAPayingGoalConverges() {
        // γ = 1, moves and bumps earn 0, the goal pays +1: cells can loop forever, but no move of a loop
        // pays (entering the goal ends the episode), so V* = 1 everywhere and value iteration converges.
        GridWorldParams params = new GridWorldParams(1, 0, 0, 0, 1, -1);
        GridWorld world = new GridWorld(GridLayout.empty(3, 3, params).withCell(2, 2, GridLayout.Cell.goal()));
        DpResult result = DpTesting.solver(Algorithm.VALUE_ITERATION, world).solve();
        assertTrue(result.converged());
        assertEquals(1.0, result.values()[0], 1e-12);
    }

    @Test
    void mixedRewardsWithNonZeroAverageDivergeAtOnce() {
        // Example 3.5 with γ = 1: the random policy earns +10, +5 and −1 in one closed class. Its average
        // reward per step is not zero, so V grows or falls linearly; the solver says so before sweeping.
        GridWorld world = DpTesting.world("sutton-barto-3.5");
        GridWorld undiscounted = new GridWorld(world.layout().withParams(world.params().with("gamma", 1)));
        DivergenceException e = assertThrows(DivergenceException.class,
                DpTesting.solver(Algorithm.POLICY_EVALUATION, undiscounted)::step);
        assertTrue(e.getMessage().contains("on average"), e.getMessage());
    }

    @Test
    void zeroRewardsWithoutTerminalStayBounded() {
        DpResult result = DpTesting.solver(Algorithm.POLICY_EVALUATION, noTerminal(1, 0)).solve();
        assertTrue(result.converged());
        assertEquals(0.0, result.values()[0], 0);
    }

    @Test
    void policyThatCanReachATerminalOnlyWithLuckStillConverges() {
        // The random policy on Example 4.1 reaches a terminal with probability 1: no divergence.
        assertTrue(DpTesting.solver(Algorithm.POLICY_EVALUATION, DpTesting.world("sutton-barto-4.1")).solve().converged());
    }

    @Test
    void valuesBeyondTheLimitDivergeWithAPlainExplanation() {
        // γ so close to 1 that 1000/(1 − γ) passes 1e9; rewards of one sign in a region never left.
        GridWorldParams params = new GridWorldParams(1 - 1e-8, 0, -1000, -1000, 1, -1);
        GridWorld world = new GridWorld(GridLayout.empty(2, 2, params));
        DpSolver solver = DpSolver.create(Algorithm.VALUE_ITERATION, world,
                DpSettings.defaults().withMaxIterations(100_000_000));
        DivergenceException e = assertThrows(DivergenceException.class, solver::solve);
        assertTrue(e.getMessage().startsWith("Values passed −1e9 after "), e.getMessage());
        assertTrue(e.getMessage().contains("Lower γ"), e.getMessage());
        assertTrue(solver.snapshot().sweepDeltas().size() > 1_000_000 - 1, "about 1e9 / 1000 sweeps");
    }

    @Test
    void settingAWorldWithDiscountRecoversFromDivergence() {
        DpSolver solver = DpTesting.solver(Algorithm.POLICY_ITERATION, noTerminal(1, -1));
        assertThrows(DivergenceException.class, solver::step);
        solver.setWorld(noTerminal(0.9, -1));
        DpResult result = solver.solve();
        assertTrue(result.converged());
        assertEquals(-10.0, result.values()[0], 1e-6, "−1 per step forever, discounted: −1/(1 − 0.9)");
    }
}
