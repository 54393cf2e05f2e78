package org.mbrllab.engine.games;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.FastRandom;

class MinimaxTest {

    private final Minimax minimax = new Minimax();

    @Test
    void emptyTicTacToeBoardIsADraw() {
        assertEquals(0, minimax.value(Game.TIC_TAC_TOE.newGame(), Minimax.FULL_DEPTH));
    }

    @Test
    void everyOpeningMoveOfTicTacToeDraws() {
        Minimax.Best best = minimax.bestMoves(Game.TIC_TAC_TOE.newGame(), Minimax.FULL_DEPTH);
        assertEquals(0, best.value());
        assertEquals(0x1FF, best.moves(), "all nine openings hold the draw");
    }

    @Test
    void immediateWinScoresWinMinusPlies() {
        // X X . / O O . / . . .: X wins at 2 on ply 5.
        Minimax.Best best = minimax.bestMoves(Game.TIC_TAC_TOE.parse("XX.OO...."), Minimax.FULL_DEPTH);
        assertEquals(1 << 2, best.moves());
        assertEquals(Minimax.WIN - 5, best.value());
    }

    @Test
    void forcedBlockIsTheOnlyMoveThatDoesNotLose() {
        // X X . / . O . / . . .: O must block at 2.
        Minimax.Best best = minimax.bestMoves(Game.TIC_TAC_TOE.parse("XX..O...."), Minimax.FULL_DEPTH);
        assertEquals(1 << 2, best.moves());
        assertEquals(0, best.value());
    }

    @Test
    void forkIsAForcedWin() {
        // X . O / . O . / . . X, X to move.
        GameState s = Game.TIC_TAC_TOE.parse("X.O.O...X");
        // X to move: 6 blocks O's diagonal and forks (0-3-6 and 6-7-8).
        Minimax.Best best = minimax.bestMoves(s, Minimax.FULL_DEPTH);
        assertEquals(1 << 6, best.moves());
        assertEquals(Minimax.WIN - 7, best.value(), "X wins on ply 7");
    }

    @Test
    void connectFourImmediateWinAndForcedBlockAreFound() {
        // X has three in column 0 and moves: win at 0.
        GameState win = play(0, 1, 0, 1, 0, 2);
        assertEquals(1, minimax.bestMoves(win, 2).moves());
        // O to move after X's three on the bottom row in columns 0, 1, 2: O must block at 3.
        GameState block = play(0, 6, 1, 6, 2);
        Minimax.Best best = minimax.bestMoves(block, 4);
        assertEquals(1 << 3, best.moves());
        assertTrue(Math.abs(best.value()) < Minimax.HEURISTIC_LIMIT, "blocked, the game goes on: " + best.value());
    }

    @Test
    void valueLeavesThePositionUnchanged() {
        GameState s = play(3, 3, 4);
        String before = s.board();
        minimax.value(s, 5);
        assertEquals(before, s.board());
        assertEquals(3, s.plies());
    }

    @Test
    void exactMinimaxNeverLosesToRandomAtTicTacToe() {
        Match.Result asX = Match.play(Game.TIC_TAC_TOE, new MinimaxPlayer(Minimax.FULL_DEPTH, new FastRandom(1)),
                new RandomPlayer(new FastRandom(2)), 20);
        Match.Result asO = Match.play(Game.TIC_TAC_TOE, new RandomPlayer(new FastRandom(3)),
                new MinimaxPlayer(Minimax.FULL_DEPTH, new FastRandom(4)), 20);
        assertEquals(0, asX.oWins());
        assertEquals(0, asO.xWins());
    }

    @Test
    void exactMinimaxAgainstItselfAlwaysDraws() {
        Match.Result r = Match.play(Game.TIC_TAC_TOE, new MinimaxPlayer(Minimax.FULL_DEPTH, new FastRandom(1)),
                new MinimaxPlayer(Minimax.FULL_DEPTH, new FastRandom(2)), 10);
        assertEquals(10, r.draws());
    }

    private static GameState play(int... columns) {
        GameState s = Game.CONNECT_FOUR.newGame();
        for (int c : columns) s.play(c);
        return s;
    }
}
