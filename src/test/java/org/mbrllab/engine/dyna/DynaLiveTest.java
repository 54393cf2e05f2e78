package org.mbrllab.engine.dyna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.dp.Action;

/** The live run, Figure 8.3's half-way policies, painting walls, scaled mazes and Example 8.4's comparison. */
class DynaLiveTest {

    private static final Maze DYNA_MAZE = MazeTest.preset(DynaPreset.DYNA_MAZE);
    private static final long SEED = 7;

    private static DynaConfig dynaQ(int n) {
        return DynaPreset.DYNA_MAZE.config(AgentKind.DYNA_Q, 0.95).withPlanningSteps(n);
    }

    @Test
    void steppingPlanningUpdatesOneByOneIsTheSameRunAsWholeSteps() {
        for (AgentKind kind : AgentKind.values()) {
            DynaConfig config = DynaPreset.DYNA_MAZE.config(kind, 0.95).withPlanningSteps(kind.plans() ? 5 : 0);
            DynaRun fine = DynaRun.forRun(DYNA_MAZE, config, SEED, 0);
            DynaRun coarse = DynaRun.forRun(DYNA_MAZE, config, SEED, 0);
            for (int i = 0; i < 300; i++) {
                coarse.step();
                fine.realStep();
                while (fine.planOnce() >= 0) {
                    // one by one
                }
            }
            assertArrayEquals(coarse.agent().qValues(), fine.agent().qValues(), 0, kind + ": Q after 300 real steps");
            assertEquals(coarse.planningUpdates(), fine.planningUpdates(), kind + ": planning updates");
            assertEquals(coarse.state(), fine.state(), kind + ": agent's cell");
        }
    }

    @Test
    void theLiveRunInPlanningUpdatesIsTheSameRunAsInRealSteps() {
        DynaLive fine = new DynaLive(DYNA_MAZE, dynaQ(5), SEED, LiveStep.PLANNING_UPDATE);
        DynaLive coarse = new DynaLive(DYNA_MAZE, dynaQ(5), SEED, LiveStep.REAL_STEP);
        for (int i = 0; i < 300; i++) coarse.step();
        for (int i = 0; i < 300 * 6; i++) fine.step(); // each real step, then its 5 planning updates
        assertEquals(300, fine.snapshot().realSteps());
        assertEquals(0, fine.snapshot().pendingPlanning());
        assertArrayEquals(coarse.snapshot().q(), fine.snapshot().q(), 0);
        assertEquals(1500, fine.snapshot().planningUpdates());
    }

    @Test
    void aPlanningUpdateStepReportsThePairItBackedUp() {
        DynaLive live = new DynaLive(DYNA_MAZE, dynaQ(3), SEED, LiveStep.PLANNING_UPDATE);
        live.step(); // the first real step: no planning yet
        DynaLive.Snapshot s = live.snapshot();
        assertEquals(1, s.realSteps());
        assertEquals(-1, s.lastPlanned());
        assertEquals(3, s.pendingPlanning());
        live.step();
        s = live.snapshot();
        // The model knows one pair only, so the planning update is that pair.
        assertEquals(s.lastFrom() * Action.COUNT + s.lastAction(), s.lastPlanned());
        assertEquals(2, s.pendingPlanning());
        assertEquals(1, s.knownPairs());
    }

    @Test
    void dynaQPlusModelsUntriedActionsAsStayingWithTauSinceTheStart() {
        DynaConfig plus = DynaPreset.DYNA_MAZE.config(AgentKind.DYNA_Q_PLUS, 0.95).withPlanningSteps(0);
        DynaLive live = new DynaLive(DYNA_MAZE, plus, SEED, LiveStep.REAL_STEP);
        for (int i = 0; i < 10; i++) live.step();
        DynaLive.Snapshot s = live.snapshot();
        int start = DYNA_MAZE.start();
        int assumed = 0;
        for (int a = 0; a < Action.COUNT; a++) {
            int sa = start * Action.COUNT + a;
            if (s.known()[sa] == DynaLive.Snapshot.ASSUMED) {
                assumed++;
                assertEquals(start, s.predicted()[sa]);
                assertEquals(10, s.tau()[sa], "τ of an assumed pair counts from time 0");
            }
        }
        assertTrue(assumed + countTried(s, start) == Action.COUNT, "every action in S is known, tried or assumed");
    }

    private static int countTried(DynaLive.Snapshot s, int cell) {
        int k = 0;
        for (int a = 0; a < Action.COUNT; a++) if (s.known()[cell * Action.COUNT + a] == DynaLive.Snapshot.TRIED) k++;
        return k;
    }

    @Test
    void episodeLengthsAreRecordedAndTheFirstMatchesTheRun() {
        DynaLive live = new DynaLive(DYNA_MAZE, dynaQ(50), SEED, LiveStep.EPISODE);
        live.step();
        live.step();
        DynaLive.Snapshot s = live.snapshot();
        assertEquals(2, s.episodes());
        DynaRun same = DynaRun.forRun(DYNA_MAZE, dynaQ(50), SEED, 0);
        assertArrayEquals(new int[] {same.runEpisode(), same.runEpisode()}, s.episodeLengths());
    }

    /** Figure 8.3: without planning only the cells next to the goal have a policy; with n = 50 most of the maze. */
    @Test
    void halfwayThroughEpisodeTwoPlanningHasSpreadThePolicyAndQLearningHasNot() {
        for (long seed = 1; seed <= 5; seed++) {
            int without = cellsWithAPreference(HalfwayPolicy.of(DYNA_MAZE, dynaQ(0), seed));
            int with = cellsWithAPreference(HalfwayPolicy.of(DYNA_MAZE, dynaQ(50), seed));
            assertTrue(without <= 3, "seed " + seed + ": n = 0 prefers an action in " + without + " cells");
            assertTrue(with >= 20, "seed " + seed + ": n = 50 prefers an action in only " + with + " cells");
        }
    }

    private static int cellsWithAPreference(HalfwayPolicy p) {
        double[] q = p.q();
        int cells = 0;
        for (int s = 0; s < q.length / Action.COUNT; s++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < Action.COUNT; a++) {
                lo = Math.min(lo, q[s * Action.COUNT + a]);
                hi = Math.max(hi, q[s * Action.COUNT + a]);
            }
            if (hi > lo) cells++;
        }
        return cells;
    }

    @Test
    void aPaintedWallLengthensTheShortestPathAndAWallCuttingOffTheGoalIsRefused() {
        // The Dyna maze's shortest path (14) runs through row 3, col 7 (the gap below the wall column).
        Maze walled = DYNA_MAZE.withWall(3, 7, true);
        assertTrue(walled.shortestPath(0) > 14, "path " + walled.shortestPath(0));
        assertEquals(14, walled.withWall(3, 7, false).shortestPath(0));
        Maze cut = walled.withWall(0, 5, false); // harmless
        assertThrows(IllegalArgumentException.class, () -> cut.withWall(1, 8, true).withWall(3, 8, true)
                .withWall(3, 7, true).withWall(3, 6, true).withWall(2, 6, true).withWall(1, 6, true).withWall(0, 6, true));
        IllegalArgumentException start = assertThrows(IllegalArgumentException.class, () -> DYNA_MAZE.withWall(2, 0, true));
        assertTrue(start.getMessage().contains("start"), start.getMessage());
    }

    @Test
    void aRunGoesOnInAChangedMazeWithItsOldModel() {
        DynaLive live = new DynaLive(DYNA_MAZE, dynaQ(5), SEED, LiveStep.EPISODE);
        for (int i = 0; i < 3; i++) live.step();
        live.changeMaze(DYNA_MAZE.withWall(3, 7, true));
        DynaLive.Snapshot s = live.snapshot();
        assertTrue(s.wall()[3 * 9 + 7]);
        assertEquals(3, s.episodes());
        live.step();
        assertEquals(4, live.snapshot().episodes());
    }

    @Test
    void scalingKeepsTheStartAndGoalAndGrowsTheShortestPath() {
        Maze twice = DYNA_MAZE.scaled(2);
        assertEquals(12, twice.rows());
        assertEquals(18, twice.cols());
        assertEquals(4 * 18, twice.start()); // S at (2, 0) → (4, 0)
        // Every move of the k = 1 path becomes two, except that G sits in its block's corner.
        assertTrue(twice.shortestPath(0) >= 26 && twice.shortestPath(0) <= 28, "path " + twice.shortestPath(0));
    }

    /** Example 8.4's shape: prioritized sweeping solves the maze with several times fewer updates, at every size. */
    @Test
    void prioritizedSweepingNeedsSeveralTimesFewerUpdatesThanDynaQAtEverySize() {
        SweepingComparison c = new SweepingComparison(DYNA_MAZE, dynaQ(5), 3, 3, SEED);
        while (c.step()) {
            // all runs
        }
        SweepingComparison.Snapshot s = c.snapshot();
        for (int k = 0; k < 3; k++) {
            // The book: "often by a factor of 5 to 10"; with 3 runs, at least 2.
            assertTrue(s.dynaQ()[k] / s.sweeping()[k] > 2, "size " + (k + 1) + ": " + s.sweeping()[k] + " vs " + s.dynaQ()[k]);
            if (k > 0) assertTrue(s.dynaQ()[k] > s.dynaQ()[k - 1] && s.sweeping()[k] > s.sweeping()[k - 1], "updates grow with the maze");
        }
    }
}
