package org.mbrllab.engine.games;

import java.util.Objects;

/** Games between two players, X always moving first, counted as X wins, O wins and draws. */
public final class Match {
    private Match() {}

    /** The tally of a match. */
    public record Result(int xWins, int oWins, int draws) {
        public int games() {
            return xWins + oWins + draws;
        }
    }

    /** Plays one game from {@code start} (left unchanged) and returns the winner, or {@link Side#NONE}. */
    public static int play(Game game, GameState start, Player x, Player o) {
        Objects.requireNonNull(game, "game");
        GameState state = start.copy();
        x.newGame(state.copy());
        o.newGame(state.copy());
        while (!state.isOver()) {
            Player mover = state.toMove() == Side.X ? x : o;
            int move = mover.chooseMove(state.copy());
            if (!state.isLegal(move)) {
                throw new IllegalStateException(mover.describe() + " chose the illegal move " + move + " on " + state.board());
            }
            state.play(move);
            x.played(move);
            o.played(move);
        }
        return state.winner();
    }

    /** Plays {@code games} games from the empty board. */
    public static Result play(Game game, Player x, Player o, int games) {
        int xWins = 0;
        int oWins = 0;
        int draws = 0;
        for (int i = 0; i < games; i++) {
            int winner = play(game, game.newGame(), x, o);
            if (winner == Side.X) xWins++;
            else if (winner == Side.O) oWins++;
            else draws++;
        }
        return new Result(xWins, oWins, draws);
    }
}
