package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dp.GridLayout.Kind;
import org.mbrllab.engine.run.DivergenceException;

/**
 * The stencil sweep of value iteration against the general one (issue 16): the same values to 1e-12,
 * the same counters, the same divergence, on every preset and on random layouts with walls, pits,
 * goals, teleports and slip.
 */
class GridStencilTest {

    /** The bound on any difference between the two paths. */
    private static final double SAME = 1e-12;
    private static final double[] SLIPS = {0, 0.1, 1.0 / 3, 0.8};

    // ---------------------------------------------------------------- the stencil itself

    @Test
    void everyInteriorCellOfAnOpenGridIsRegular() {
        GridWorld world = new GridWorld(GridLayout.empty(10, 12, GridWorldParams.defaults().with("slip", 0.2)));
        assertEquals(8 * 10, new GridStencil(world).runCount());
    }

    @Test
    void theBorderOfAnOpenGridIsGathered() {
        GridWorld world = new GridWorld(GridLayout.empty(10, 12, GridWorldParams.defaults().with("slip", 0.2)));
        GridStencil stencil = new GridStencil(world);
        assertEquals(2 * 10 + 2 * 12 - 4, stencil.gatheredCount(), "every edge cell bumps on some move");
        assertEquals(0, stencil.otherCount());
    }

    @Test
    void cellsBesideWallsAndTeleportSourcesAreNotRegular() {
        GridLayout layout = GridLayout.empty(5, 5, GridWorldParams.defaults().with("slip", 0.2))
                .withCell(1, 1, GridLayout.Cell.wall())      // (1,2) and (2,1) now touch a wall
                .withTeleport(3, 3, 0, 0, 5);                // (3,3) is a source
        // The 3×3 interior: (1,1) is a wall, (1,2), (2,1) touch it, (3,3) teleports.
        GridStencil stencil = new GridStencil(new GridWorld(layout));
        assertEquals(9 - 4, stencil.runCount());
        assertEquals(1, stencil.otherCount(), "the teleport source goes the general way");
        assertEquals(24 - 5 - 1, stencil.gatheredCount(), "the 16 edge cells and the two beside the wall");
    }

    /**
     * Slip 1/2 (intended move 1/2, each side 1/4): a cell with pits of reward X above and below it and ordinary cells
     * left and right pays (X + L)/2 for every action, L the living reward. Row 3 below has pits of −7 over and under
     * (3,2) and of +3 over and under (3,3): five run cells in a row whose four rewards are each one number, L,
     * (L − 7)/2, (L + 3)/2, L, L, which must be three runs, not one with a single reward.
     */
    @Test
    void runsOfOneRewardEndWhereTheRewardChanges() {
        GridLayout.Cell low = GridLayout.Cell.terminal('p', -7, Kind.PIT);
        GridLayout.Cell high = GridLayout.Cell.terminal('q', 3, Kind.GOAL);
        GridLayout layout = GridLayout.empty(7, 7, GridWorldParams.defaults().with("slip", 0.5))
                .withCell(2, 2, low).withCell(4, 2, low).withCell(2, 3, high).withCell(4, 3, high);
        GridWorld world = new GridWorld(layout);
        TabularMdp mdp = world.mdp();
        double living = world.params().livingReward();
        double[] expected = {living, (living - 7) / 2, (living + 3) / 2, living, living};
        for (int c = 1; c <= 5; c++) {
            for (int act = 0; act < Action.COUNT; act++) {
                assertEquals(expected[c - 1], mdp.expectedReward[(3 * 7 + c) * Action.COUNT + act], 0, "(3," + c + ")");
            }
        }
        GridStencil stencil = new GridStencil(world);
        assertEquals(25 - 4, stencil.runCount(), "pits are not walls: no move bumps into them");
        double[] read = randomValues(mdp, 3);
        double[] write = new double[mdp.states];
        stencil.sweepSynchronous(read, write, DpSolver.DIVERGENCE_LIMIT);
        for (int s = 0; s < mdp.states; s++) {
            if (mdp.backedUp(s)) assertEquals(ValueIteration.bestQ(mdp, s, read), write[s], SAME, "state " + s);
        }
        assertSameSolution(world, Sweep.SYNCHRONOUS, "pits of two rewards");
        assertSameSolution(world, Sweep.IN_PLACE, "pits of two rewards");
    }

    @ParameterizedTest(name = "slip {0}")
    @MethodSource("slips")
    void synchronousStencilSweepOfRandomValuesEqualsTheGeneralBackups(double slip) {
        GridWorld world = new GridWorld(withTeleports(DpTesting.randomLayout(17, 13, slip, 0.95, 41), 41));
        TabularMdp mdp = world.mdp();
        double[] read = randomValues(mdp, 7);
        double[] write = new double[mdp.states];
        double delta = new GridStencil(world).sweepSynchronous(read, write, DpSolver.DIVERGENCE_LIMIT);
        double expectedDelta = 0;
        for (int s = 0; s < mdp.states; s++) {
            if (!mdp.backedUp(s)) {
                assertEquals(0.0, write[s], 0, "state " + s + " is not backed up and is left alone");
                continue;
            }
            double general = ValueIteration.bestQ(mdp, s, read);
            assertEquals(general, write[s], SAME, "state " + s);
            expectedDelta = Math.max(expectedDelta, Math.abs(general - read[s]));
        }
        assertEquals(expectedDelta, delta, SAME, "max|ΔV|");
    }

    @ParameterizedTest(name = "slip {0}")
    @MethodSource("slips")
    void inPlaceStencilSweepOfRandomValuesEqualsGaussSeidelInRowMajorOrder(double slip) {
        GridWorld world = new GridWorld(withTeleports(DpTesting.randomLayout(13, 17, slip, 0.9, 43), 43));
        TabularMdp mdp = world.mdp();
        double[] stencil = randomValues(mdp, 9);
        double[] general = stencil.clone();
        new GridStencil(world).sweepInPlace(stencil, DpSolver.DIVERGENCE_LIMIT);
        for (int s = 0; s < mdp.states; s++) {
            if (mdp.backedUp(s)) general[s] = ValueIteration.bestQ(mdp, s, general);
        }
        for (int s = 0; s < mdp.states; s++) assertEquals(general[s], stencil[s], SAME, "state " + s);
    }

    @Test
    void synchronousStencilSweepSignalsValuesBeyondTheLimit() {
        GridWorld world = edgesBetterThanInterior();
        GridStencil stencil = new GridStencil(world);
        assertEquals(1.0, stencil.sweepSynchronous(new double[16], new double[16], 1e9), 0, "−1 inside");
        assertTrue(Double.isNaN(stencil.sweepSynchronous(new double[16], new double[16], 0.5)));
    }

    /**
     * A NaN or +∞ read by the regular cells' backups makes new values that are not finite, and the sweep NaN (a NaN
     * must not be skipped as "no change"). A −∞ is never the best of a cell's q values here, so no new value is
     * infinite: the sweep reports the infinite change of that cell instead.
     */
    @Test
    void synchronousStencilSweepSignalsANotFiniteValueInTheRegularRun() {
        GridWorld world = edgesBetterThanInterior();
        GridStencil stencil = new GridStencil(world);
        assertTrue(stencil.runCount() > 0);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            double[] v = new double[16];
            v[5] = bad;
            assertTrue(Double.isNaN(stencil.sweepSynchronous(v, new double[16], 1e9)), "a value of " + bad);
        }
        double[] v = new double[16];
        v[5] = Double.NEGATIVE_INFINITY;
        assertEquals(Double.POSITIVE_INFINITY, stencil.sweepSynchronous(v, new double[16], 1e9));
    }

    @Test
    void inPlaceStencilSweepStopsRightAfterTheFirstValueBeyondTheLimit() {
        GridWorld world = edgesBetterThanInterior();
        GridStencil stencil = new GridStencil(world);
        double[] values = new double[16];
        stencil.sweepInPlace(values, 0.5);
        assertEquals(5, stencil.failedAt(), "(1,1), the first interior cell, is the first value past 0.5");
        assertTrue(values[5] < -1, "its value is written: −1 and a share of its updated neighbours'");
        assertEquals(ValueIteration.bestQ(world.mdp(), 5, values), values[5], SAME);
        assertEquals(0.0, values[6], 0, "(1,2) is not reached");
    }

    /**
     * 4×4, living reward −1, bumps free, slip 0.1: from zeros, every edge cell can bump for a value above
     * −0.5, every interior cell gets −1.
     */
    private static GridWorld edgesBetterThanInterior() {
        return new GridWorld(GridLayout.empty(4, 4, new GridWorldParams(0.9, 0.1, -1, 0, 1, -1)));
    }

    // ---------------------------------------------------------------- the solver with and without it

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("presetsAndSweeps")
    void everyPresetSolvesTheSameWithAndWithoutTheStencil(String preset, Sweep sweep) {
        assertSameSolution(DpTesting.world(preset), sweep, preset);
    }

    @ParameterizedTest(name = "slip {0}, γ {1}, {2}, seed {3}")
    @MethodSource("randomCases")
    void randomLayoutsSolveTheSameWithAndWithoutTheStencil(double slip, double gamma, Sweep sweep, long seed) {
        RandomGenerator rng = Seeds.random(seed);
        int rows = 3 + rng.nextInt(18);
        int cols = 3 + rng.nextInt(18);
        GridLayout layout = withTeleports(DpTesting.randomLayout(rows, cols, slip, gamma, seed), seed);
        assertSameSolution(new GridWorld(layout), sweep, rows + "×" + cols + " seed " + seed);
    }

    @Test
    void aBenchmarkSizedGridSolvesTheSameWithAndWithoutTheStencil() {
        GridWorldParams params = new GridWorldParams(0.99, 0.2, -1, -1, -1, -1);
        GridWorld world = new GridWorld(GridLayout.empty(60, 60, params).withCell(59, 59, GridLayout.Cell.goal()));
        for (Sweep sweep : Sweep.values()) assertSameSolution(world, sweep, "60×60 " + sweep);
    }

    @Test
    void wholeSweepsUseTheStencilAndSingleBackupsDoNot() {
        GridWorld world = DpTesting.world("bridge");
        DpSolver single = DpTesting.solver(Algorithm.VALUE_ITERATION, world,
                DpSettings.defaults().withGranularity(Granularity.BACKUP));
        for (int i = 0; i < 3 * world.mdp().backedUpCount(); i++) single.step();
        assertNull(single.stencil, "backup-by-backup stepping stays on the general path");
        assertNotNull(single.snapshot().lastBackup(), "and is written out");
        DpSolver whole = DpTesting.solver(Algorithm.VALUE_ITERATION, world);
        whole.step();
        assertNotNull(whole.stencil);
        DpSolver evaluation = DpTesting.solver(Algorithm.POLICY_EVALUATION, world);
        evaluation.step();
        assertNull(evaluation.stencil, "policy evaluation takes expectations, not the max");
    }

    @Test
    void aSingleBackupThatIsAWholeSweepIsStillWrittenOut() {
        // One backed-up cell: its one backup is also the whole sweep.
        GridLayout layout = GridLayout.empty(1, 2, GridWorldParams.defaults()).withCell(0, 1, GridLayout.Cell.goal());
        DpSolver solver = DpTesting.solver(Algorithm.VALUE_ITERATION, new GridWorld(layout),
                DpSettings.defaults().withGranularity(Granularity.BACKUP));
        solver.step();
        assertNotNull(solver.snapshot().lastBackup(), "the explain panel has its backup");
        assertNull(solver.stencil);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweeps")
    void aSweepBegunBackupByBackupAndFinishedWholeMatchesTheGeneralPath(Sweep sweep) {
        GridWorld world = new GridWorld(withTeleports(DpTesting.randomLayout(9, 11, 0.1, 0.9, 5), 5));
        DpSettings settings = DpSettings.defaults().withSweep(sweep).withGranularity(Granularity.BACKUP);
        DpSolver stencil = DpTesting.solver(Algorithm.VALUE_ITERATION, world, settings);
        DpSolver general = DpTesting.solver(Algorithm.VALUE_ITERATION, world, settings);
        general.setStencilSweeps(false);
        for (DpSolver solver : List.of(stencil, general)) {
            for (int i = 0; i < 7; i++) solver.step();          // part of the first sweep
            solver.setGranularity(Granularity.SWEEP);
            for (int i = 0; i < 4; i++) solver.step();          // its rest, then three whole sweeps
        }
        assertSameSnapshot(general.snapshot(), stencil.snapshot(), "after mixed stepping");
    }

    @Test
    void aNewWorldGetsANewStencil() {
        GridWorld before = new GridWorld(DpTesting.randomLayout(12, 12, 0.1, 0.9, 21));
        GridWorld after = new GridWorld(withTeleports(DpTesting.randomLayout(12, 14, 0.8, 0.95, 22), 22));
        DpSolver stencil = DpTesting.solver(Algorithm.VALUE_ITERATION, before);
        DpSolver general = DpTesting.solver(Algorithm.VALUE_ITERATION, before);
        general.setStencilSweeps(false);
        for (DpSolver solver : List.of(stencil, general)) {
            for (int i = 0; i < 5; i++) solver.step();
            solver.setWorld(after);                             // painted and resized: a warm start
            solver.solve();
        }
        assertSameSnapshot(general.snapshot(), stencil.snapshot(), "after a change of world");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweeps")
    void valuesBeyondTheLimitDivergeAtTheSameCellWithTheSameMessage(Sweep sweep) {
        GridWorldParams params = new GridWorldParams(1 - 1e-8, 0.1, -1000, -1000, 1, -1);
        GridWorld world = new GridWorld(GridLayout.empty(3, 4, params));
        DpSettings settings = DpSettings.defaults().withSweep(sweep).withMaxIterations(100_000_000);
        DpSolver stencil = DpTesting.solver(Algorithm.VALUE_ITERATION, world, settings);
        DpSolver general = DpTesting.solver(Algorithm.VALUE_ITERATION, world, settings);
        general.setStencilSweeps(false);
        DivergenceException expected = assertThrows(DivergenceException.class, general::solve);
        DivergenceException actual = assertThrows(DivergenceException.class, stencil::solve);
        assertEquals(expected.getMessage(), actual.getMessage());
        assertNotNull(stencil.stencil, "the stencil did the sweeps");
        // Values near 1e9 after about a million sweeps at γ = 1 − 1e-8, which does not damp rounding: the stencil
        // associates its sums differently, so they agree to rounding relative to their size, not to 1e-12.
        assertSameSnapshot(general.snapshot(), stencil.snapshot(), "at divergence", 1e-9);
        assertThrows(DivergenceException.class, stencil::step, "and every later step throws too");
    }

    // ---------------------------------------------------------------- helpers

    /** Runs value iteration with and without the stencil: after 1, 2 and 5 sweeps, and to convergence. */
    private static void assertSameSolution(GridWorld world, Sweep sweep, String what) {
        DpSettings settings = DpSettings.defaults().withSweep(sweep).withTolerance(1e-11);
        DpSolver stencil = DpTesting.solver(Algorithm.VALUE_ITERATION, world, settings);
        DpSolver general = DpTesting.solver(Algorithm.VALUE_ITERATION, world, settings);
        general.setStencilSweeps(false);
        int done = 0;
        for (int sweeps : new int[] {1, 2, 5}) {
            for (; done < sweeps; done++) {
                assertEquals(general.step(), stencil.step(), what + ": sweep " + (done + 1));
            }
            assertSameSnapshot(general.snapshot(), stencil.snapshot(), what + " after " + sweeps + " sweeps");
        }
        DpResult expected = general.solve();
        DpResult actual = stencil.solve();
        assertTrue(expected.converged(), what + ": the general path converges");
        assertNotNull(stencil.stencil, what + ": the stencil did the sweeps");
        assertEquals(expected.iterations(), actual.iterations(), what + ": sweeps to convergence");
        assertSameSnapshot(general.snapshot(), stencil.snapshot(), what + " at convergence");
    }

    private static void assertSameSnapshot(DpSnapshot expected, DpSnapshot actual, String what) {
        assertSameSnapshot(expected, actual, what, 0);
    }

    /** The same snapshot: values to {@link #SAME}, or to {@code relative} × |V| when that is larger. */
    private static void assertSameSnapshot(DpSnapshot expected, DpSnapshot actual, String what, double relative) {
        double[] e = expected.values();
        double[] a = actual.values();
        for (int s = 0; s < e.length; s++) {
            assertEquals(e[s], a[s], relative == 0 ? SAME : Math.max(SAME, relative * Math.abs(e[s])), what + ": V at state " + s);
        }
        assertEquals(expected.iterations(), actual.iterations(), what + ": iterations");
        assertEquals(expected.backups(), actual.backups(), what + ": backups");
        assertEquals(expected.transitionTerms(), actual.transitionTerms(), what + ": transition terms");
        assertEquals(expected.converged(), actual.converged(), what + ": converged");
        assertEquals(expected.cursor(), actual.cursor(), what + ": cursor");
        assertEquals(expected.sweepDeltas().size(), actual.sweepDeltas().size(), what + ": sweeps recorded");
        for (int i = 0; i < expected.sweepDeltas().size(); i++) {
            double d = expected.sweepDeltas().get(i);
            assertEquals(d, actual.sweepDeltas().get(i), relative == 0 ? SAME : Math.max(SAME, relative * Math.abs(d)),
                    what + ": max|ΔV| of sweep " + i);
        }
    }

    /** Up to two teleports between random cells, painted over whatever was there. */
    private static GridLayout withTeleports(GridLayout layout, long seed) {
        RandomGenerator rng = Seeds.random(seed + 1000);
        for (int t = 0; t < 2; t++) {
            int r = rng.nextInt(layout.rows());
            int c = rng.nextInt(layout.cols());
            int tr = rng.nextInt(layout.rows());
            int tc = rng.nextInt(layout.cols());
            if (r == tr && c == tc) continue;
            layout = layout.withTeleport(r, c, tr, tc, rng.nextDouble() * 4 - 1);
        }
        return layout;
    }

    private static double[] randomValues(TabularMdp mdp, long seed) {
        RandomGenerator rng = Seeds.random(seed);
        double[] v = new double[mdp.states];
        for (int s = 0; s < v.length; s++) v[s] = mdp.backedUp(s) ? rng.nextDouble() * 20 - 10 : 0;
        return v;
    }

    static Stream<Double> slips() {
        return Stream.of(0.0, 0.1, 1.0 / 3, 0.8);
    }

    static Stream<Sweep> sweeps() {
        return Stream.of(Sweep.values());
    }

    static Stream<Arguments> presetsAndSweeps() {
        List<String> names = GridPresets.names();
        assertFalse(names.isEmpty(), "the presets are on the classpath");
        List<Arguments> cases = new ArrayList<>();
        for (String name : names) for (Sweep sweep : Sweep.values()) cases.add(Arguments.of(name, sweep));
        return cases.stream();
    }

    static Stream<Arguments> randomCases() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 1;
        for (double slip : SLIPS) {
            for (double gamma : new double[] {0.9, 0.99}) {
                for (Sweep sweep : Sweep.values()) {
                    for (int i = 0; i < 3; i++) cases.add(Arguments.of(slip, gamma, sweep, seed++));
                }
            }
        }
        return cases.stream();
    }
}
