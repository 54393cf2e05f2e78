package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stepping one backup or one sweep at a time, snapshots, explanations and live reconfiguration. */
class DpSolverSteppingTest {

    private static DpSettings backups(Sweep sweep) {
        return DpSettings.defaults().withGranularity(Granularity.BACKUP).withSweep(sweep);
    }

    @ParameterizedTest
    @EnumSource(Sweep.class)
    void oneSweepOfBackupsEqualsOneSweepStep(Sweep sweep) {
        GridWorld world = DpTesting.world("frozenlake-8x8");
        for (Algorithm algorithm : Algorithm.values()) {
            DpSolver bySweep = DpTesting.solver(algorithm, world, DpSettings.defaults().withSweep(sweep));
            DpSolver byBackup = DpTesting.solver(algorithm, world, backups(sweep));
            int nonTerminal = world.mdp().backedUpCount();
            assertEquals(64 - 11, nonTerminal, "8×8 FrozenLake has 10 holes and 1 goal");
            for (int sweeps = 0; sweeps < 3; sweeps++) {
                bySweep.step();
                for (int i = 0; i < nonTerminal; i++) byBackup.step();
                DpSnapshot a = bySweep.snapshot();
                DpSnapshot b = byBackup.snapshot();
                assertArrayEquals(a.values(), b.values(), algorithm + " " + sweep + " after sweep " + (sweeps + 1));
                assertEquals(a.iterations(), b.iterations());
                assertEquals(a.backups(), b.backups());
                assertEquals(a.transitionTerms(), b.transitionTerms());
                assertEquals(-1, b.cursor(), "between sweeps");
            }
        }
    }

    @Test
    void halfASynchronousSweepShowsNewValuesOnlyWhereItHasBeen() {
        GridWorld world = DpTesting.world("sutton-barto-4.1");
        DpSolver solver = DpTesting.solver(Algorithm.POLICY_EVALUATION, world, backups(Sweep.SYNCHRONOUS));
        for (int i = 0; i < 14; i++) solver.step(); // sweep 1: every value −1
        for (int i = 0; i < 3; i++) solver.step(); // sweep 2: states 1, 2, 3
        DpSnapshot s = solver.snapshot();
        assertEquals(4, s.cursor(), "next: state 4 = (1, 0)");
        assertTrue(s.backedUpThisSweep()[1] && s.backedUpThisSweep()[3]);
        assertFalse(s.backedUpThisSweep()[4]);
        assertFalse(s.backedUpThisSweep()[0], "terminals are never backed up");
        assertEquals(-1.75, s.values()[1], 1e-12, "backed up this sweep");
        assertEquals(-1.0, s.values()[4], 1e-12, "not yet");
        assertEquals(1, s.iterations());
    }

    @Test
    void backupDetailWritesOutThePolicyEvaluationBackup() {
        GridWorld world = DpTesting.world("sutton-barto-4.1");
        DpSolver solver = DpTesting.solver(Algorithm.POLICY_EVALUATION, world, backups(Sweep.SYNCHRONOUS));
        for (int i = 0; i < 15; i++) solver.step(); // sweep 1, then state 1 of sweep 2
        BackupDetail d = solver.snapshot().lastBackup();
        assertNotNull(d);
        assertEquals(1, d.state());
        assertEquals(-1.0, d.oldValue(), 1e-12);
        assertEquals(-1.75, d.newValue(), 1e-12);
        assertFalse(d.usesMax());
        assertEquals(1.0, d.gamma());
        assertEquals(List.of(Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT),
                d.terms().stream().map(ActionTerm::action).toList());
        ActionTerm left = d.terms().get(Action.LEFT.ordinal());
        assertEquals(0.25, left.weight(), 0);
        assertEquals(-1.0, left.q(), 1e-12, "left enters the terminal: −1 + 0");
        assertEquals(List.of(new ActionTerm.Term(0, 1.0, -1.0, 0.0)), left.outcomes());
        ActionTerm up = d.terms().get(Action.UP.ordinal());
        assertEquals(List.of(new ActionTerm.Term(1, 1.0, -1.0, -1.0)), up.outcomes(), "up bumps: stays, −1");
        double weighted = d.terms().stream().mapToDouble(t -> t.weight() * t.q()).sum();
        assertEquals(d.newValue(), weighted, 1e-12, "V(s) = Σ π(a|s) q(s, a)");
    }

    @Test
    void backupDetailOfValueIterationTakesTheMax() {
        GridWorld world = DpTesting.world("sutton-barto-3.5");
        DpSolver solver = DpTesting.solver(Algorithm.VALUE_ITERATION, world, backups(Sweep.IN_PLACE));
        solver.step();
        solver.step(); // state 1 = A
        BackupDetail d = solver.snapshot().lastBackup();
        assertEquals(1, d.state());
        assertTrue(d.usesMax());
        assertTrue(Double.isNaN(d.terms().get(0).weight()));
        assertEquals(10.0, d.newValue(), 1e-12, "A pays 10 and lands on A′ (still 0)");
        assertEquals(d.newValue(), d.terms().stream().mapToDouble(ActionTerm::q).max().orElseThrow(), 1e-12);
    }

    @Test
    void sweepGranularityBuildsNoBackupDetail() {
        DpSolver solver = DpTesting.solver(Algorithm.VALUE_ITERATION, DpTesting.world("sutton-barto-3.5"));
        solver.step();
        assertNull(solver.snapshot().lastBackup());
    }

    @Test
    void snapshotMarksWallsWithNaNAndTerminalsWithZero() {
        DpSolver solver = DpTesting.solver(Algorithm.VALUE_ITERATION, DpTesting.world("bridge"));
        solver.solve();
        DpSnapshot s = solver.snapshot();
        assertTrue(Double.isNaN(s.value(0, 0)) && s.wall()[0]);
        assertEquals(0.0, s.value(1, 0), 0, "the exit L is terminal");
        assertTrue(s.terminal()[s.index(1, 0)]);
        assertEquals(0, s.greedy()[0]);
        assertEquals(0, s.greedy()[s.index(1, 0)]);
        assertTrue(Double.isNaN(s.q()[s.index(1, 0) * 4]));
        assertEquals("left", s.greedyLabel(1, 1), "with slip 0.2 and γ 0.9 the safe exit wins");
    }

    @Test
    void policyIterationAlternatesEvaluationAndImprovement() {
        DpSolver solver = DpTesting.solver(Algorithm.POLICY_ITERATION, DpTesting.world("sutton-barto-4.1"));
        assertEquals("evaluation", solver.snapshot().phase());
        int evaluationSweeps = 0;
        while (solver.snapshot().phase().equals("evaluation")) {
            solver.step();
            evaluationSweeps++;
        }
        assertEquals(evaluationSweeps, solver.snapshot().sweepDeltas().size());
        assertEquals("improvement", solver.snapshot().phase());
        assertEquals(0, solver.snapshot().iterations());
        solver.step();
        assertEquals(1, solver.snapshot().iterations());
        assertTrue(solver.snapshot().policyChanges().get(0) > 0);
        assertEquals("evaluation", solver.snapshot().phase());
    }

    @Test
    void setWorldKeepsValuesWarmAndStartsAgain() {
        GridLayout layout = DpTesting.preset("sutton-barto-3.5");
        DpSolver solver = DpTesting.solver(Algorithm.VALUE_ITERATION, new GridWorld(layout));
        solver.solve();
        double before = solver.snapshot().value(2, 2);
        int sweepsBefore = solver.snapshot().sweepDeltas().size();
        assertTrue(solver.isDone());

        solver.setWorld(new GridWorld(layout.withCell(3, 3, GridLayout.Cell.wall())));
        DpSnapshot s = solver.snapshot();
        assertFalse(solver.isDone());
        assertFalse(s.converged());
        assertEquals(before, s.value(2, 2), 0, "kept");
        assertTrue(Double.isNaN(s.value(3, 3)), "the new wall");
        assertEquals(List.of(sweepsBefore), s.reconfigurations());
        assertTrue(solver.solve().converged());
        assertTrue(solver.snapshot().sweepDeltas().size() > sweepsBefore, "the history goes on");
    }

    @Test
    void setWorldToALargerGridStartsNewCellsAtZero() {
        GridLayout layout = DpTesting.preset("sutton-barto-3.5");
        DpSolver solver = DpTesting.solver(Algorithm.POLICY_ITERATION, new GridWorld(layout),
                backups(Sweep.SYNCHRONOUS));
        for (int i = 0; i < 60; i++) solver.step(); // two sweeps and a half
        double kept = solver.snapshot().value(0, 0);
        solver.setWorld(new GridWorld(layout.withSize(6, 7)));
        DpSnapshot s = solver.snapshot();
        assertEquals(6, s.rows());
        assertEquals(7, s.cols());
        assertEquals(-1, s.cursor(), "the half sweep was dropped");
        assertEquals(0.0, s.value(5, 6), 0);
        assertEquals(kept, s.value(0, 0), 0);
        assertEquals("evaluation", s.phase());
    }

    @Test
    void tighterToleranceAfterConvergenceGoesOn() {
        DpSolver solver = DpSolver.create(Algorithm.VALUE_ITERATION, DpTesting.world("frozenlake-4x4"),
                DpSettings.defaults().withTolerance(1e-3));
        DpResult loose = solver.solve();
        assertTrue(loose.converged());
        solver.setTolerance(1e-12);
        assertFalse(solver.isDone());
        DpResult tight = solver.solve();
        assertTrue(tight.iterations() > loose.iterations());
    }

    @Test
    void sweepModeChangesAtTheNextSweep() {
        GridWorld world = DpTesting.world("sutton-barto-4.1");
        DpSolver solver = DpTesting.solver(Algorithm.POLICY_EVALUATION, world, backups(Sweep.SYNCHRONOUS));
        for (int i = 0; i < 14 + 2; i++) solver.step(); // sweep 1, then two backups
        solver.setSweep(Sweep.IN_PLACE);
        for (int i = 0; i < 12; i++) solver.step(); // the rest of sweep 2: still synchronous
        DpSolver reference = DpTesting.solver(Algorithm.POLICY_EVALUATION, world);
        reference.step();
        reference.step();
        assertArrayEquals(reference.snapshot().values(), solver.snapshot().values());
        assertEquals(Sweep.IN_PLACE, solver.settings().sweep());
    }

    @Test
    void stopsUnconvergedAtMaxIterations() {
        DpSolver solver = DpSolver.create(Algorithm.VALUE_ITERATION, DpTesting.world("frozenlake-8x8"),
                DpSettings.defaults().withMaxIterations(5));
        DpResult result = solver.solve();
        assertFalse(result.converged());
        assertEquals(5, result.iterations());
        assertFalse(solver.step(), "nothing left to do");
    }

    @Test
    void snapshotIsACopy() {
        DpSolver solver = DpTesting.solver(Algorithm.VALUE_ITERATION, DpTesting.world("sutton-barto-3.5"));
        DpSnapshot first = solver.snapshot();
        solver.step();
        assertEquals(0.0, first.values()[1], 0, "an old snapshot does not change");
        assertEquals(10.0, solver.snapshot().values()[1], 1e-12);
    }
}
