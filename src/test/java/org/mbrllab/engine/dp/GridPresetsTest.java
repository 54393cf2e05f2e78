package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.dp.GridLayout.Cell;
import org.mbrllab.engine.dp.GridLayout.Kind;

/** The shipped presets: found on the classpath, readable, and what their sources say. */
class GridPresetsTest {

    @Test
    void listsTheSixPresets() {
        assertEquals(List.of("bridge", "cliff-walk", "frozenlake-4x4", "frozenlake-8x8", "sutton-barto-3.5",
                "sutton-barto-4.1"), GridPresets.names());
    }

    @Test
    void unknownPresetListsTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GridPresets.load("nope"));
        assertEquals("unknown preset 'nope' (available: bridge, cliff-walk, frozenlake-4x4, frozenlake-8x8, "
                + "sutton-barto-3.5, sutton-barto-4.1)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GridPresets.load("../presets/bridge"));
    }

    @Test
    void everyPresetSaysWhereItComesFrom() {
        for (String name : GridPresets.names()) {
            assertTrue(GridPresets.text(name).startsWith("# Source: "), name);
        }
    }

    @Test
    void frozenLakeMapsAreGymnasiumsExactly() {
        assertEquals(List.of("SFFF", "FHFH", "FFFH", "HFFG"), gymnasiumMap(DpTesting.preset("frozenlake-4x4")));
        assertEquals(List.of("SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF", "FFFHFFFF", "FHHFFFHF", "FHFFHFHF",
                "FFFHFFFG"), gymnasiumMap(DpTesting.preset("frozenlake-8x8")));
        GridWorldParams p = DpTesting.preset("frozenlake-8x8").params();
        assertEquals(new GridWorldParams(0.99, GridWorldParams.FROZEN_LAKE_SLIP, 0, 0, 1, 0), p);
    }

    private static List<String> gymnasiumMap(GridLayout g) {
        List<String> rows = new java.util.ArrayList<>();
        for (int r = 0; r < g.rows(); r++) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < g.cols(); c++) {
                char symbol = g.cell(r, c).symbol();
                b.append(r == g.startRow() && c == g.startCol() ? 'S' : symbol == '.' ? 'F' : symbol);
            }
            rows.add(b.toString());
        }
        return rows;
    }

    @Test
    void cliffWalkHasTheCliffBetweenStartAndGoal() {
        GridLayout g = DpTesting.preset("cliff-walk");
        assertEquals(4, g.rows());
        assertEquals(12, g.cols());
        assertEquals(3, g.startRow());
        assertEquals(0, g.startCol());
        assertEquals(Cell.goal(), g.cell(3, 11));
        for (int c = 1; c <= 10; c++) assertEquals(Cell.pit(), g.cell(3, c));
        assertEquals(-100, g.params().pitReward());
        assertEquals(-1, g.params().livingReward());
    }

    @Test
    void cliffWalkOptimalPathKeepsAwayFromTheEdgeWhenMovesSlip() {
        DpSolver solver = DpTesting.solver(Algorithm.VALUE_ITERATION, DpTesting.world("cliff-walk"));
        solver.solve();
        DpSnapshot s = solver.snapshot();
        assertEquals("up", s.greedyLabel(3, 0), "from the start, leave the edge first");
        assertTrue(s.greedyLabel(2, 5).equals("up"), "row 2 is next to the cliff: go up, not along it: " + s.greedyLabel(2, 5));
    }

    @Test
    void bridgeHasTwoCustomExitsAndAChasmOnBothSides() {
        GridLayout g = DpTesting.preset("bridge");
        assertEquals(Cell.terminal('L', 1, Kind.GOAL), g.cell(1, 0));
        assertEquals(Cell.terminal('R', 10, Kind.GOAL), g.cell(1, 6));
        assertEquals(Cell.wall(), g.cell(0, 0));
        assertEquals(Cell.wall(), g.cell(2, 6));
        for (int c = 1; c <= 5; c++) {
            assertEquals(Cell.pit(), g.cell(0, c));
            assertEquals(Cell.pit(), g.cell(2, c));
        }
        assertEquals(1, g.startRow());
        assertEquals(1, g.startCol());
        assertEquals(new GridWorldParams(0.9, 0.2, 0, 0, 1, -100), g.params());
    }

    @Test
    void bridgeIsCrossedWithoutSlip() {
        GridLayout g = DpTesting.preset("bridge");
        DpSolver solver = DpTesting.solver(Algorithm.VALUE_ITERATION, new GridWorld(g.withParams(g.params().with("slip", 0))));
        solver.solve();
        assertEquals("right", solver.snapshot().greedyLabel(1, 1));
    }
}
