package org.mbrllab.engine.games;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.FastRandom;

class TicTacToeTest {

    @Test
    void emptyBoardHasNineLegalMovesAndXToMove() {
        GameState s = Game.TIC_TAC_TOE.newGame();
        assertEquals(0x1FF, s.legalMoves());
        assertEquals(Side.X, s.toMove());
        assertEquals(".........", s.board());
        assertFalse(s.isOver());
    }

    @Test
    void boardStringRoundTripsAndCountsGiveTheSideToMove() {
        GameState s = Game.TIC_TAC_TOE.parse("X.O.X....");
        assertEquals("X.O.X....", s.board());
        assertEquals(Side.O, s.toMove());
        assertEquals(3, s.plies());
        assertEquals(0b111101010, s.legalMoves());
    }

    @Test
    void rowColumnAndDiagonalWinsEndTheGame() {
        for (int[] line : new int[][] {{0, 1, 2}, {2, 5, 8}, {2, 4, 6}}) {
            GameState s = Game.TIC_TAC_TOE.newGame();
            int filler = 0;
            for (int i = 0; i < 3; i++) {
                s.play(line[i]);
                if (i < 2) {
                    while (s.isLegal(filler) == false || contains(line, filler)) filler++;
                    s.play(filler);
                }
            }
            assertTrue(s.isOver(), s.toString());
            assertEquals(Side.X, s.winner());
            assertEquals(0, s.legalMoves());
        }
    }

    @Test
    void fullBoardWithoutALineIsADraw() {
        GameState s = Game.TIC_TAC_TOE.newGame();
        for (int m : new int[] {0, 1, 2, 4, 3, 5, 7, 6, 8}) s.play(m);
        assertEquals("XOXXOOOXX", s.board());
        assertTrue(s.isOver());
        assertEquals(Side.NONE, s.winner());
    }

    @Test
    void undoRestoresThePosition() {
        GameState s = Game.TIC_TAC_TOE.parse("XX.OO....");
        String before = s.board();
        s.play(2);
        assertEquals(Side.X, s.winner());
        s.undo(2);
        assertEquals(before, s.board());
        assertEquals(Side.NONE, s.winner());
        assertEquals(Side.X, s.toMove());
        assertEquals(4, s.plies());
    }

    @Test
    void winningMovesFindsEveryCellThatCompletesALine() {
        assertEquals(1 << 2, Game.TIC_TAC_TOE.parse("XX.OO....").winningMoves());
        // O to move on X X . / O O . / X . .: O wins at 5 only.
        assertEquals(1 << 5, Game.TIC_TAC_TOE.parse("XX.OO.X..").winningMoves());
        // X O O / X X O / . . .: X wins at 6 (column 0) and at 8 (diagonal).
        assertEquals((1 << 6) | (1 << 8), Game.TIC_TAC_TOE.parse("XOOXXO...").winningMoves());
        assertEquals(0, Game.TIC_TAC_TOE.newGame().winningMoves());
    }

    @Test
    void playoutEndsTheGameAndReportsItsWinner() {
        FastRandom rng = new FastRandom(3);
        for (int i = 0; i < 200; i++) {
            GameState s = Game.TIC_TAC_TOE.newGame();
            int[] moves = new int[9];
            int winner = s.playout(rng, false, moves);
            assertTrue(s.isOver());
            assertEquals(s.winner(), winner);
            GameState replay = Game.TIC_TAC_TOE.newGame();
            for (int k = 0; k < s.plies(); k++) replay.play(moves[k]);
            assertEquals(s.board(), replay.board(), "the recorded moves replay the rollout");
        }
    }

    @Test
    void playoutThatTakesWinsPlaysTheWinningMove() {
        GameState s = Game.TIC_TAC_TOE.parse("XX.OO....");
        int[] moves = new int[9];
        assertEquals(Side.X, s.playout(new FastRandom(1), true, moves));
        assertEquals(2, moves[0]);
        assertEquals(5, s.plies());
    }

    private static boolean contains(int[] a, int x) {
        for (int v : a) if (v == x) return true;
        return false;
    }
}
