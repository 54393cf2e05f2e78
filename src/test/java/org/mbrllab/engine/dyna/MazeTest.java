package org.mbrllab.engine.dyna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.dp.Action;
import org.mbrllab.engine.dp.GridLayout;
import org.mbrllab.engine.dp.LayoutException;

/** The three mazes of chapter 8 as shipped: their walls, shortest paths, rewards and changes. */
class MazeTest {

    static Maze preset(DynaPreset p) {
        try {
            return p.maze();
        } catch (LayoutException e) {
            throw new AssertionError(e);
        }
    }

    static GridLayout layout(String text) {
        try {
            return GridLayout.parse(text, "test.grid");
        } catch (LayoutException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void dynaMazeIsExample8_1() {
        Maze maze = preset(DynaPreset.DYNA_MAZE);
        assertEquals(6, maze.rows());
        assertEquals(9, maze.cols());
        assertEquals(2 * 9, maze.start(), "S at row 2, col 0");
        assertTrue(maze.isTerminal(8, 0), "G at row 0, col 8");
        int[][] walls = {{1, 2}, {2, 2}, {3, 2}, {0, 7}, {1, 7}, {2, 7}, {4, 5}};
        int count = 0;
        for (int s = 0; s < maze.states(); s++) if (maze.isWall(s, 0)) count++;
        assertEquals(walls.length, count);
        for (int[] w : walls) assertTrue(maze.isWall(w[0] * 9 + w[1], 0), w[0] + "," + w[1]);
        assertFalse(maze.changes());
        assertEquals(0.95, maze.gamma(), 0);
    }

    @Test
    void shortestPathInTheDynaMazeIs14() {
        assertEquals(14, preset(DynaPreset.DYNA_MAZE).shortestPath(0));
    }

    @Test
    void blockingMazeShortestPathIs10Then16() {
        Maze maze = preset(DynaPreset.BLOCKING);
        assertEquals(10, maze.shortestPath(0));
        assertEquals(16, maze.shortestPath(1));
        assertEquals(1_000, maze.switchStep());
    }

    @Test
    void shortcutMazeShortestPathIs16Then10() {
        Maze maze = preset(DynaPreset.SHORTCUT);
        assertEquals(16, maze.shortestPath(0));
        assertEquals(10, maze.shortestPath(1));
        assertEquals(3_000, maze.switchStep());
    }

    @Test
    void rewardIsZeroPerStepAndOneAtTheGoal() {
        Maze maze = preset(DynaPreset.DYNA_MAZE);
        int belowGoal = 9 + 8;
        assertEquals(1.0, maze.reward(belowGoal, Action.UP.ordinal(), 0), 0);
        assertEquals(8, maze.next(belowGoal, Action.UP.ordinal(), 0));
        assertEquals(0.0, maze.reward(maze.start(), Action.RIGHT.ordinal(), 0), 0);
        assertEquals(maze.start(), maze.next(maze.start(), Action.LEFT.ordinal(), 0), "off the grid: stay");
        assertEquals(0.0, maze.reward(maze.start(), Action.LEFT.ordinal(), 0), 0);
    }

    @Test
    void wallsChangeAfterTheSwitchStep() {
        Maze maze = preset(DynaPreset.BLOCKING);
        int gapRight = 3 * 9 + 8;
        int aboveGap = 4 * 9 + 8;
        assertEquals(gapRight, maze.next(aboveGap, Action.UP.ordinal(), 999), "step 1,000 still in the old maze");
        assertEquals(aboveGap, maze.next(aboveGap, Action.UP.ordinal(), 1_000), "step 1,001 bumps into the new wall");
    }

    @Test
    void anAgentCaughtInANewWallWalksOut() {
        Maze maze = preset(DynaPreset.BLOCKING);
        int gapRight = 3 * 9 + 8;
        assertTrue(maze.isWall(gapRight, 1_000));
        assertEquals(2 * 9 + 8, maze.next(gapRight, Action.UP.ordinal(), 1_000));
        assertEquals(gapRight, maze.next(gapRight, Action.LEFT.ordinal(), 1_000), "into the wall beside: stay");
    }

    @Test
    void slipperyLayoutIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Maze.of(layout("name: icy\nslip: 0.2\ngrid:\nS . G\n")));
        assertEquals("icy: slip = 0.2 is out of range: allowed 0 (Dyna's mazes are deterministic)", e.getMessage());
    }

    @Test
    void unreachableGoalIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Maze.of(layout("name: shut\nslip: 0\ngrid:\nS # G\n")));
        assertEquals("shut: no goal can be reached from the start, so an episode would never end", e.getMessage());
    }

    @Test
    void changedLayoutMustKeepSizeAndStart() {
        GridLayout a = layout("slip: 0\ngrid:\nS . G\n");
        assertThrows(IllegalArgumentException.class, () -> Maze.changing(a, layout("slip: 0\ngrid:\nS . . G\n"), 5));
        assertThrows(IllegalArgumentException.class, () -> Maze.changing(a, layout("slip: 0\ngrid:\n. S G\n"), 5));
    }

    @Test
    void unknownPresetListsTheMazes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DynaPreset.fromCliName("nope"));
        assertEquals("unknown maze 'nope' (mazes: dyna-maze, blocking, shortcut)", e.getMessage());
    }

    @Test
    void everyMazeFileSaysWhereItComesFrom() {
        for (DynaPreset p : DynaPreset.values()) {
            for (String file : p.files()) assertTrue(DynaPreset.bundledText(file).startsWith("# Source: "), file);
        }
    }
}
