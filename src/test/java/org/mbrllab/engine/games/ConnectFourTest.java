package org.mbrllab.engine.games;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.FastRandom;

class ConnectFourTest {

    static final String EMPTY = ".".repeat(42);

    /** A board from six rows of seven, top row first. */
    static String rows(String... rows) {
        assertEquals(6, rows.length);
        return String.join("", rows);
    }

    private static GameState play(int... columns) {
        GameState s = Game.CONNECT_FOUR.newGame();
        for (int c : columns) s.play(c);
        return s;
    }

    @Test
    void piecesFallToTheLowestEmptyCell() {
        GameState s = play(3, 3, 4);
        assertEquals(rows(".......", ".......", ".......", ".......", "...O...", "...XX.."), s.board());
        assertEquals(Side.O, s.toMove());
    }

    @Test
    void boardStringRoundTrips() {
        String b = rows(".......", ".......", "...O...", "...X...", "..OX...", ".XOXO..");
        assertEquals(b, Game.CONNECT_FOUR.parse(b).board());
    }

    @Test
    void verticalHorizontalAndBothDiagonalsWin() {
        assertEquals(Side.X, play(0, 1, 0, 1, 0, 1, 0).winner(), "vertical");
        assertEquals(Side.X, play(0, 0, 1, 1, 2, 2, 3).winner(), "horizontal");
        // Diagonal up to the right: X at (0,0), (1,1), (2,2), (3,3).
        assertEquals(Side.X, play(0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3).winner(), "diagonal /");
        // Diagonal down to the right: X at (3,0), (2,1), (1,2), (0,3).
        assertEquals(Side.X, play(3, 2, 2, 1, 1, 0, 1, 0, 0, 6, 0).winner(), "diagonal \\");
    }

    @Test
    void fourInARowAgreesWithANaiveCheckOnRandomBoardsSoLinesNeverWrapAcrossColumns() {
        FastRandom rng = new FastRandom(7);
        for (int i = 0; i < 20_000; i++) {
            boolean[][] cell = new boolean[7][6];
            long bits = 0;
            for (int c = 0; c < 7; c++) {
                for (int r = 0; r < 6; r++) {
                    if (rng.nextInt(3) == 0) {
                        cell[c][r] = true;
                        bits |= 1L << (c * 7 + r);
                    }
                }
            }
            assertEquals(naiveFour(cell), ConnectFour.hasFour(bits));
        }
    }

    private static boolean naiveFour(boolean[][] cell) {
        int[][] dirs = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};
        for (int c = 0; c < 7; c++) {
            for (int r = 0; r < 6; r++) {
                for (int[] d : dirs) {
                    int k = 0;
                    while (k < 4) {
                        int cc = c + k * d[0];
                        int rr = r + k * d[1];
                        if (cc < 0 || cc >= 7 || rr < 0 || rr >= 6 || !cell[cc][rr]) break;
                        k++;
                    }
                    if (k == 4) return true;
                }
            }
        }
        return false;
    }

    @Test
    void fullColumnIsIllegal() {
        GameState s = play(0, 0, 0, 0, 0, 0);
        assertFalse(s.isLegal(0));
        assertEquals(0b1111110, s.legalMoves());
    }

    @Test
    void undoRestoresThePosition() {
        GameState s = play(3, 2, 3, 2, 3, 2);
        String before = s.board();
        s.play(3);
        assertEquals(Side.X, s.winner());
        s.undo(3);
        assertEquals(before, s.board());
        assertEquals(Side.NONE, s.winner());
        assertEquals(6, s.plies());
        assertEquals(0x7F, s.legalMoves());
    }

    @Test
    void winningMovesAgreesWithTryingEveryColumnOnRandomPositions() {
        FastRandom rng = new FastRandom(11);
        int positionsWithWins = 0;
        for (int game = 0; game < 300; game++) {
            GameState s = Game.CONNECT_FOUR.newGame();
            while (!s.isOver()) {
                int expected = 0;
                for (int c = 0; c < 7; c++) {
                    if (!s.isLegal(c)) continue;
                    s.play(c);
                    if (s.winner() != Side.NONE) expected |= 1 << c;
                    s.undo(c);
                }
                assertEquals(expected, s.winningMoves(), s.toString());
                if (expected != 0) positionsWithWins++;
                s.play(GameState.randomBit(s.legalMoves(), rng));
            }
        }
        assertTrue(positionsWithWins > 100, "the positions include many with a winning move: " + positionsWithWins);
    }

    @Test
    void playoutRecordsMovesThatReplayTheGame() {
        FastRandom rng = new FastRandom(5);
        for (int i = 0; i < 100; i++) {
            GameState s = play(3, 3);
            int[] moves = new int[42];
            int winner = s.playout(rng, i % 2 == 0, moves);
            assertTrue(s.isOver());
            assertEquals(s.winner(), winner);
            GameState replay = play(3, 3);
            for (int k = 0; k < s.plies() - 2; k++) replay.play(moves[k]);
            assertEquals(s.board(), replay.board());
        }
    }

    @Test
    void drawnFullBoardIsOverWithNoWinner() {
        // 21 X and 21 O, no four in a line anywhere.
        String b = rows("XOXOXOX", "XOXOXOX", "OXOXOXO", "OXOXOXO", "XOXOXOX", "OXOXOXO");
        assertThrowsGameOver(b);
        ConnectFour s = ConnectFour.fromBoard(b);
        assertTrue(s.isOver());
        assertEquals(Side.NONE, s.winner());
    }

    private static void assertThrowsGameOver(String board) {
        BoardException e = org.junit.jupiter.api.Assertions.assertThrows(BoardException.class, () -> Game.CONNECT_FOUR.parse(board));
        assertEquals("the game is already over (a draw)", e.getMessage());
    }
}
