package org.mbrllab.engine.games;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Board strings that cannot be searched are refused with a one-line reason. */
class BoardParsingTest {

    private static String error(Game game, String board) {
        return assertThrows(BoardException.class, () -> game.parse(board)).getMessage();
    }

    @Test
    void wrongLengthNamesTheExpectedLength() {
        assertEquals("Tic-tac-toe board must have 9 characters (X, O and .), got 8", error(Game.TIC_TAC_TOE, "........"));
        assertEquals("Connect Four board must have 42 characters (X, O and .), got 9", error(Game.CONNECT_FOUR, "........."));
    }

    @Test
    void unknownCharacterIsNamedWithItsPosition() {
        assertEquals("unexpected character 'x' at position 4 of the board: use X, O and .", error(Game.TIC_TAC_TOE, "....x...."));
        assertEquals("unexpected character '0' at position 0 of the board: use X, O and .", error(Game.TIC_TAC_TOE, "0........"));
    }

    @Test
    void countsThatNoGameReachesAreImpossible() {
        assertEquals("impossible board: 0 X and 1 O (X moves first, so X has as many as O or one more)",
                error(Game.TIC_TAC_TOE, "O........"));
        assertEquals("impossible board: 3 X and 1 O (X moves first, so X has as many as O or one more)",
                error(Game.TIC_TAC_TOE, "XXX.O...."));
    }

    @Test
    void bothSidesWinningIsImpossible() {
        assertEquals("impossible board: both X and O have three in a row", error(Game.TIC_TAC_TOE, "XXXOOO..."));
    }

    @Test
    void aWinFollowedByAnotherMoveIsImpossible() {
        assertEquals("impossible board: X has three in a row but O has moved since", error(Game.TIC_TAC_TOE, "XXXOO.O.."));
    }

    @Test
    void finishedGamesAreRefused() {
        assertEquals("the game is already over (X has won)", error(Game.TIC_TAC_TOE, "XXXOO...."));
        assertEquals("the game is already over (O has won)", error(Game.TIC_TAC_TOE, "XX.OOOX.."));
        assertEquals("the game is already over (a draw)", error(Game.TIC_TAC_TOE, "XOXXOOOXX"));
        String vertical = "......." + "......." + "X......" + "XO....." + "XO....." + "XO.....";
        assertEquals("the game is already over (X has won)", error(Game.CONNECT_FOUR, vertical));
    }

    @Test
    void floatingConnectFourPieceIsImpossible() {
        String floating = "......." + "......." + "......." + "...X..." + "......." + "...O...";
        assertEquals("impossible board: a piece floats above an empty cell in column 3 (rows are given top row first)",
                error(Game.CONNECT_FOUR, floating));
    }

    @Test
    void gameNamesParseAndUnknownNamesListTheGames() {
        assertEquals(Game.CONNECT_FOUR, Game.fromCliName("connect4"));
        assertEquals("unknown game 'chess' (games: tictactoe, connect4)",
                assertThrows(IllegalArgumentException.class, () -> Game.fromCliName("chess")).getMessage());
    }
}
