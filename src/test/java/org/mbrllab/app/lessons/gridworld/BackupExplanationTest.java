package org.mbrllab.app.lessons.gridworld;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.dp.Algorithm;
import org.mbrllab.engine.dp.DpSettings;
import org.mbrllab.engine.dp.DpSnapshot;
import org.mbrllab.engine.dp.DpSolver;
import org.mbrllab.engine.dp.Granularity;
import org.mbrllab.engine.dp.GridLayout;
import org.mbrllab.engine.dp.GridWorld;

class BackupExplanationTest {

    private static DpSnapshot firstBackup(String layout, Algorithm algorithm) throws Exception {
        GridWorld world = new GridWorld(GridLayout.parse(GridWorldViewModelTest.preset(layout), layout));
        DpSolver solver = DpSolver.create(algorithm, world, DpSettings.defaults().withGranularity(Granularity.BACKUP));
        solver.step();
        return solver.snapshot();
    }

    @Test
    void randomPolicyBackupOfExample4_1WritesTheWeightedSum() throws Exception {
        // First backup of Example 4.1: state (0, 1); every move earns −1 and V_0 = 0, so each q is −1
        // and V_1 = 4 · 0.25 · (−1) = −1.
        DpSnapshot s = firstBackup("sutton-barto-4.1", Algorithm.POLICY_EVALUATION);
        String md = BackupExplanation.markdown(s.lastBackup(), s.cols());
        assertTrue(md.contains("Backup of state (0, 1)"), md);
        assertTrue(md.contains("\\pi(a \\mid s)"), md);
        assertTrue(md.contains("1.00\\,(-1.00 + 1.00 \\cdot 0.00) = -1.00"), md);
        assertTrue(md.contains("0.25 \\cdot (-1.00) + 0.25 \\cdot (-1.00) + 0.25 \\cdot (-1.00) + 0.25 \\cdot (-1.00) = -1.00"), md);
    }

    @Test
    void valueIterationBackupOfTeleportCellShowsItsReward() throws Exception {
        // Example 3.5's first backup is (0, 0); the second is A = (0, 1), which every action leaves for A′ with +10.
        GridWorld world = new GridWorld(GridLayout.parse(GridWorldViewModelTest.preset("sutton-barto-3.5"), "3.5"));
        DpSolver solver = DpSolver.create(Algorithm.VALUE_ITERATION, world, DpSettings.defaults().withGranularity(Granularity.BACKUP));
        solver.step();
        solver.step();
        DpSnapshot s = solver.snapshot();
        String md = BackupExplanation.markdown(s.lastBackup(), s.cols());
        assertTrue(md.contains("\\max_a"), md);
        assertTrue(md.contains("\\text{up}: & 1.00\\,(10.00 + 0.90 \\cdot 0.00) = 10.00"), md);
        assertTrue(md.contains("= 10.00$$"), md);
    }

    @Test
    void slipperyBackupPutsEachSuccessorOnItsOwnRow() throws Exception {
        DpSnapshot s = firstBackup("frozenlake-4x4", Algorithm.VALUE_ITERATION);
        String md = BackupExplanation.markdown(s.lastBackup(), s.cols());
        int successors = s.lastBackup().terms().stream().mapToInt(t -> t.outcomes().size()).sum();
        long rows = md.lines().filter(l -> l.contains("\\,(")).count();
        assertTrue(successors >= 8, "the corner (0, 0) has merged bumps but still 8 successors: " + successors);
        org.junit.jupiter.api.Assertions.assertEquals(successors, rows, md);
    }
}
