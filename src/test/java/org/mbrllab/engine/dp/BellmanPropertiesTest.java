package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Properties every solution must have, on layouts where no figure gives the numbers. */
class BellmanPropertiesTest {

    private static final double TIGHT = 1e-13;

    private static DpResult solve(Algorithm algorithm, GridWorld world, Sweep sweep) {
        DpSettings settings = DpSettings.defaults().withSweep(sweep).withTolerance(TIGHT);
        return DpSolver.create(algorithm, world, settings).solve();
    }

    @Test
    void valueIterationSatisfiesBellmanOptimalityOnFrozenLake8x8() {
        GridWorld world = DpTesting.world("frozenlake-8x8");
        DpResult result = solve(Algorithm.VALUE_ITERATION, world, Sweep.SYNCHRONOUS);
        assertTrue(result.converged());
        assertTrue(DpTesting.bellmanOptimalityResidual(world.mdp(), result.values()) < 1e-8);
        assertTrue(result.values()[0] > 0.3, "the start of 8×8 has a fair chance of reaching G: " + result.values()[0]);
    }

    @Test
    void valueIterationSatisfiesBellmanOptimalityOnARandomSlipperyGrid() {
        GridWorld world = new GridWorld(DpTesting.randomLayout(20, 20, 0.3, 0.95, 7));
        DpResult result = solve(Algorithm.VALUE_ITERATION, world, Sweep.SYNCHRONOUS);
        assertTrue(result.converged());
        double residual = DpTesting.bellmanOptimalityResidual(world.mdp(), result.values());
        assertTrue(residual < 1e-8, "residual " + residual);
    }

    @Test
    void policyIterationEndsWithAPolicyThatOneMoreImprovementKeeps() {
        GridWorld world = new GridWorld(DpTesting.randomLayout(20, 20, 0.3, 0.95, 11));
        DpSolver solver = DpSolver.create(Algorithm.POLICY_ITERATION, world, DpSettings.defaults().withTolerance(TIGHT));
        assertTrue(solver.solve().converged());
        DpSnapshot end = solver.snapshot();
        // One more improvement against v_π: every action of π is still among the greedy ones.
        int[] greedy = DpSolver.greedyMasks(world.mdp(), zeroWalls(end.values()));
        int kept = 0;
        for (int s = 0; s < greedy.length; s++) {
            if (!world.mdp().backedUp(s)) continue;
            assertEquals(0, end.policy()[s] & ~greedy[s], "state " + s + ": π " + Action.labels(end.policy()[s])
                    + ", greedy " + Action.labels(greedy[s]));
            if (end.policy()[s] != DpSolver.ALL_ACTIONS) kept++;
        }
        assertTrue(kept > 100, "the final policy is not the random one it started from");
        assertTrue(DpTesting.bellmanOptimalityResidual(world.mdp(), end.values()) < 1e-8);
    }

    @Test
    void allAlgorithmsAndSweepsReachTheSameOptimalValues() {
        GridWorld world = new GridWorld(DpTesting.randomLayout(15, 12, 0.2, 0.9, 3));
        double[] reference = solve(Algorithm.VALUE_ITERATION, world, Sweep.SYNCHRONOUS).values();
        for (Algorithm algorithm : new Algorithm[] {Algorithm.VALUE_ITERATION, Algorithm.POLICY_ITERATION}) {
            for (Sweep sweep : Sweep.values()) {
                double[] v = solve(algorithm, world, sweep).values();
                for (int s = 0; s < v.length; s++) {
                    assertEquals(reference[s], v[s], 1e-8, algorithm + " " + sweep + " at state " + s);
                }
            }
        }
    }

    @Test
    void frozenLake4x4WithoutDiscountReachesTheGoalWithProbability14Over17() {
        // Checked independently: the greedy policy's exact value, solved with rational arithmetic,
        // is 14/17 = 0.8235… at the start and satisfies the Bellman optimality equation exactly.
        GridLayout layout = DpTesting.preset("frozenlake-4x4");
        GridWorld world = new GridWorld(layout.withParams(layout.params().with("gamma", 1)));
        DpResult result = solve(Algorithm.VALUE_ITERATION, world, Sweep.SYNCHRONOUS);
        assertTrue(result.converged());
        assertEquals(14.0 / 17.0, result.values()[world.startState()], 1e-9);
        assertEquals(0.8235, result.values()[world.startState()], 5e-5, "the published 0.8235");
    }

    @Test
    void policyIterationTakesFewImprovementsAndRecordsWhatChanged() {
        GridWorld world = DpTesting.world("frozenlake-8x8");
        DpSolver solver = DpTesting.solver(Algorithm.POLICY_ITERATION, world);
        DpResult result = solver.solve();
        DpSnapshot snapshot = solver.snapshot();
        assertTrue(result.converged());
        assertEquals(result.iterations(), snapshot.policyChanges().size());
        assertEquals(0, snapshot.policyChanges().get(snapshot.policyChanges().size() - 1), "the last improvement changes nothing");
        assertTrue(snapshot.policyChanges().get(0) > 0);
        assertTrue(result.iterations() < 20, "policy iteration needs only a few improvements: " + result.iterations());
    }

    private static double[] zeroWalls(double[] values) {
        double[] v = values.clone();
        for (int s = 0; s < v.length; s++) if (Double.isNaN(v[s])) v[s] = 0;
        return v;
    }
}
