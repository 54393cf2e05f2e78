package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbrllab.engine.dp.GridLayout.Cell;
import org.mbrllab.engine.dp.GridLayout.Kind;

/** The {@code .grid} format: reading, writing, errors, and the editing methods. */
class GridLayoutTest {

    private static final String HEADER = """
            name: Test
            gamma: 0.9
            teleport: A a 10
            """;

    static java.util.List<String> presets() {
        return GridPresets.names();
    }

    private static LayoutException error(String text) {
        return assertThrows(LayoutException.class, () -> GridLayout.parse(text, "test.grid"));
    }

    // ---------------------------------------------------------------- reading

    @Test
    void readsEveryHeaderKeyAndTheGrid() throws LayoutException {
        GridLayout g = GridLayout.parse("""
                # a comment
                name: Two exits   # trailing comment
                description: Left or right?
                algorithm: policy-iteration
                gamma: 0.5
                slip: frozenlake
                living_reward: -0.04
                bump_reward: -2
                goal_reward: 3
                pit_reward: -4
                teleport: A a 10
                terminal: L 7 pit
                grid:   # the map
                S . A #
                L a G H
                """, "two.grid");
        assertEquals("Two exits", g.name());
        assertEquals("Left or right?", g.description());
        assertEquals(Algorithm.POLICY_ITERATION, g.algorithm());
        assertEquals(new GridWorldParams(0.5, GridWorldParams.FROZEN_LAKE_SLIP, -0.04, -2, 3, -4), g.params());
        assertEquals(2, g.rows());
        assertEquals(4, g.cols());
        assertEquals(0, g.startRow());
        assertEquals(0, g.startCol());
        assertEquals(Cell.empty(), g.cell(0, 0));
        assertEquals(Cell.teleport('A', 'a', 10), g.cell(0, 2));
        assertEquals(Cell.wall(), g.cell(0, 3));
        assertEquals(Cell.terminal('L', 7, Kind.PIT), g.cell(1, 0));
        assertEquals(Cell.teleportTarget('a'), g.cell(1, 1));
        assertEquals(Cell.goal(), g.cell(1, 2));
        assertEquals(Cell.pit(), g.cell(1, 3));
    }

    @Test
    void missingKeysTakeTheDefaults() throws LayoutException {
        GridLayout g = GridLayout.parse("grid:\n.G\n", "dir/plain.grid");
        assertEquals("plain", g.name(), "named after the file");
        assertEquals("", g.description());
        assertEquals(Algorithm.VALUE_ITERATION, g.algorithm());
        assertEquals(GridWorldParams.defaults(), g.params());
        assertEquals(-1, g.startRow());
    }

    @Test
    void gridIgnoresWhitespaceAndBlankLinesButHashIsAWall() throws LayoutException {
        GridLayout g = GridLayout.parse("grid:\n#  .\n\n .#\n", "w.grid");
        assertEquals(2, g.rows());
        assertEquals(Cell.wall(), g.cell(0, 0));
        assertEquals(Cell.wall(), g.cell(1, 1));
    }

    @ParameterizedTest
    @MethodSource("presets")
    void formatRoundTripsEveryPreset(String name) throws LayoutException {
        GridLayout preset = DpTesting.preset(name);
        GridLayout again = GridLayout.parse(preset.format(), name + ".grid");
        assertEquals(preset, again);
        assertEquals(preset.format(), again.format());
    }

    @Test
    void formatRoundTripsAnEditedLayout() throws LayoutException {
        GridLayout edited = GridLayout.empty(3, 4, GridWorldParams.defaults().with("slip", 0.125))
                .withTeleport(0, 0, 2, 3, -2.5)
                .withTerminal(1, 1, 42, Kind.GOAL)
                .withStart(2, 0)
                .withAlgorithm(Algorithm.POLICY_EVALUATION)
                .withName("Edited C#")
                .withDescription("made by hand");
        assertEquals(edited, GridLayout.parse(edited.format(), "edited.grid"));
    }

    // ---------------------------------------------------------------- errors

    @Test
    void unknownCellNamesFileLineColumnAndTheAllowedCells() {
        LayoutException e = error(HEADER + "grid:\n. A .\n. Q a\n");
        assertEquals("test.grid:6:3: unknown cell 'Q' (allowed: . # S G H A a)", e.getMessage());
        assertEquals("test.grid", e.source());
        assertEquals(6, e.line());
        assertEquals(3, e.column());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key        | gama: 0.9\\ngrid:\\n.                | test.grid:1:1: unknown key 'gama' (allowed: name, description",
        "bad number         | gamma: 0.9x\\ngrid:\\n.              | test.grid:1:8: gamma: '0.9x' is not a number",
        "gamma out of range | name: x\\ngamma: 1.5\\ngrid:\\n.      | test.grid:2:8: gamma = 1.5 is out of range: allowed [0, 1]",
        "reward range       | pit_reward: -2000\\ngrid:\\n.          | test.grid:1:13: pit_reward = -2000 is out of range: allowed [-1000, 1000]",
        "slip word          | slip: icy\\ngrid:\\n.                  | test.grid:1:7: slip: 'icy' is neither a probability nor 'frozenlake'",
        "algorithm          | algorithm: sarsa\\ngrid:\\n.           | test.grid:1:12: unknown algorithm 'sarsa' (allowed: policy-evaluation, policy-iteration, value-iteration)",
        "duplicate key      | gamma: 0.5\\ngamma: 0.6\\ngrid:\\n.    | test.grid:2: 'gamma' is given twice (first on line 1)",
        "ragged rows        | grid:\\n...\\n..                     | test.grid:3: this row has 2 cells, but the first row has 3",
        "two starts         | grid:\\nS.\\n.S                      | test.grid:3:2: a second start 'S' (the first is at line 2, column 1)",
        "missing grid       | name: x\\ngamma: 0.5\\n\\n             | test.grid:2: missing the line 'grid:'",
        "empty grid         | grid:\\n\\n                          | test.grid:1: the grid after 'grid:' has no rows",
        "teleport missing   | teleport: A a 1\\ngrid:\\nA.          | test.grid:1: teleport target 'a' is not in the grid",
        "teleport twice     | teleport: A a 1\\ngrid:\\nAa\\nA.     | test.grid:4:1: teleport letter 'A' appears twice (first at line 3, column 1)",
        "teleport parts     | teleport: A a\\ngrid:\\n.               | test.grid:1:11: a teleport has three parts",
        "reserved symbol    | teleport: G a 1\\ngrid:\\n.             | test.grid:1:11: teleport source 'G' must be one letter or digit other than S, G and H",
        "declared twice     | terminal: L 1 goal\\nteleport: L a 1\\ngrid:\\n. | test.grid:2:11: symbol 'L' is already declared on line 1",
        "terminal drawing   | terminal: L 1 exit\\ngrid:\\n.          | test.grid:1:11: a terminal is drawn as 'goal' or 'pit', not 'exit'",
        "no colon           | gamma 0.9\\ngrid:\\n.                  | test.grid:1:1: expected 'key: value'",
    })
    void everyErrorNamesTheFileAndLine(String what, String text, String expectedStart) {
        LayoutException e = error(text.replace("\\n", "\n"));
        assertTrue(e.getMessage().startsWith(expectedStart), what + ": " + e.getMessage());
    }

    @Test
    void gridLargerThan300IsRejected() {
        String row = ".".repeat(301);
        LayoutException e = error("grid:\n" + row + "\n");
        assertEquals("test.grid:2: this row has 301 cells: at most 300 allowed", e.getMessage());
    }

    // ---------------------------------------------------------------- editing

    @Test
    void paintingOverATeleportSourceRemovesItsTarget() {
        GridLayout g = DpTesting.preset("sutton-barto-3.5").withCell(0, 1, Cell.wall());
        assertEquals(Cell.wall(), g.cell(0, 1));
        assertEquals(Cell.empty(), g.cell(4, 1), "A′ is an ordinary cell again");
        assertEquals(Cell.teleport('B', 'b', 5), g.cell(0, 3), "B is untouched");
    }

    @Test
    void paintingOverATeleportTargetRemovesItsSource() {
        GridLayout g = DpTesting.preset("sutton-barto-3.5").withCell(2, 3, Cell.goal());
        assertEquals(Cell.empty(), g.cell(0, 3));
        assertEquals(Cell.goal(), g.cell(2, 3));
    }

    @Test
    void paintingATeleportTargetElsewhereMovesIt() {
        GridLayout g = DpTesting.preset("sutton-barto-3.5").withCell(3, 0, Cell.teleportTarget('a'));
        assertEquals(Cell.teleportTarget('a'), g.cell(3, 0));
        assertEquals(Cell.empty(), g.cell(4, 1));
        assertEquals(Cell.teleport('A', 'a', 10), g.cell(0, 1));
    }

    @Test
    void aTeleportSourceNeedsItsTarget() {
        GridLayout g = GridLayout.empty(2, 2, GridWorldParams.defaults());
        assertThrows(IllegalArgumentException.class, () -> g.withCell(0, 0, Cell.teleport('A', 'a', 1)));
    }

    @Test
    void conflictingCustomTerminalsAreRejected() {
        GridLayout g = GridLayout.empty(2, 2, GridWorldParams.defaults()).withCell(0, 0, Cell.terminal('L', 1, Kind.GOAL));
        assertThrows(IllegalArgumentException.class, () -> g.withCell(1, 1, Cell.terminal('L', 2, Kind.GOAL)));
        assertEquals(g.cell(0, 0), g.withTerminal(1, 1, 1, Kind.GOAL).cell(1, 1), "withTerminal reuses the symbol");
    }

    @Test
    void startMovesAndIsRemovedWhenPaintedOver() {
        GridLayout g = DpTesting.preset("frozenlake-4x4");
        assertEquals(0, g.startRow());
        GridLayout moved = g.withStart(1, 1);
        assertEquals(Cell.empty(), moved.cell(1, 1), "the hole under the new start is gone");
        assertEquals(1, moved.startRow());
        assertEquals(-1, moved.withCell(1, 1, Cell.wall()).startRow());
    }

    @Test
    void resizingKeepsTheOverlapAndDropsBrokenTeleports() {
        GridLayout g = DpTesting.preset("sutton-barto-3.5").withSize(3, 6);
        assertEquals(3, g.rows());
        assertEquals(6, g.cols());
        assertEquals(Cell.empty(), g.cell(0, 1), "A lost A′ (row 4)");
        assertEquals(Cell.teleport('B', 'b', 5), g.cell(0, 3), "B′ (row 2) survived");
        assertEquals(Cell.empty(), g.cell(2, 5));
        GridLayout small = DpTesting.preset("frozenlake-4x4").withStart(3, 3).withSize(2, 2);
        assertEquals(-1, small.startRow(), "the start fell outside");
    }

    @Test
    void namesThatWouldBreakTheFileAreRejected() {
        GridLayout g = GridLayout.empty(1, 1, GridWorldParams.defaults());
        assertThrows(IllegalArgumentException.class, () -> g.withName("two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> g.withName("world #2"));
    }
}
