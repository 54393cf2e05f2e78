package org.mbrllab.engine.games;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WinningLineTest {

    @Test
    void ticTacToeDiagonalIsFound() {
        assertArrayEquals(new int[] {2, 4, 6}, WinningLine.cells(Game.TIC_TAC_TOE, "XXO" + ".O." + "OX."));
    }

    @Test
    void noLineGivesNoCells() {
        assertArrayEquals(new int[0], WinningLine.cells(Game.TIC_TAC_TOE, "XOX" + "XOO" + "OXX"));
        assertArrayEquals(new int[0], WinningLine.cells(Game.CONNECT_FOUR, ".".repeat(42)));
    }

    /** Four in a column at the bottom of column 3: rows 2 to 5 (top row first). */
    @Test
    void connectFourColumnIsFound() {
        StringBuilder b = new StringBuilder(".".repeat(42));
        for (int r = 2; r < 6; r++) b.setCharAt(r * 7 + 3, 'X');
        b.setCharAt(5 * 7 + 4, 'O');
        b.setCharAt(4 * 7 + 4, 'O');
        b.setCharAt(3 * 7 + 4, 'O');
        assertArrayEquals(new int[] {17, 24, 31, 38}, WinningLine.cells(Game.CONNECT_FOUR, b.toString()));
    }

    /** An anti-diagonal from (2, 6) down to (5, 3). */
    @Test
    void connectFourAntiDiagonalIsFound() {
        StringBuilder b = new StringBuilder(".".repeat(42));
        for (int k = 0; k < 4; k++) b.setCharAt((2 + k) * 7 + (6 - k), 'O');
        assertArrayEquals(new int[] {20, 26, 32, 38}, WinningLine.cells(Game.CONNECT_FOUR, b.toString()));
    }

    @Test
    void threeInARowIsNoConnectFourWin() {
        String row = "XXX....";
        assertArrayEquals(new int[0], WinningLine.cells(Game.CONNECT_FOUR, ".".repeat(35) + row));
    }

    @Test
    void aBoardOfTheWrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WinningLine.cells(Game.CONNECT_FOUR, "X.O"));
    }
}
