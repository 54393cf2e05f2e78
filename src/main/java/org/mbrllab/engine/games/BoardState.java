package org.mbrllab.engine.games;

/**
 * What tic-tac-toe and Connect Four keep alike besides their pieces: whose turn it is, who has won and how
 * many moves have been played. Both games take turns the same way (X first, a win ends the game, so does
 * a full board), so that bookkeeping is written once, here; the pieces, and every rule about where they
 * go and what makes a line, stay in each game, in the representation that suits it (nine bits, two
 * 64-bit bitboards).
 *
 * <p>The fields are the subclasses' to update in their hot loops ({@code play}, {@code undo},
 * {@code playout}); the methods here are only the parts that read the same in both games.
 */
abstract sealed class BoardState implements GameState permits TicTacToe, ConnectFour {

    int toMove = Side.X;
    int winner = Side.NONE;
    int plies;

    @Override public int toMove() { return toMove; }
    @Override public int winner() { return winner; }
    @Override public int plies() { return plies; }

    /** The moves the board still has room for, whether or not someone has already won. */
    abstract int openMoves();

    @Override
    public int legalMoves() {
        return winner != Side.NONE ? 0 : openMoves();
    }

    @Override
    public boolean isOver() {
        return winner != Side.NONE || openMoves() == 0;
    }

    /**
     * Sets the turn of a position read from a board string, from its pieces: X moves first, so it is X's
     * turn when the counts are equal and O's when X has one more (the caller has checked that it is one of
     * the two). A line can only belong to the side that moved last, because the game stops when it is
     * made; a board where it does not is refused.
     *
     * @param inARow "three in a row" or "four in a row", for the messages
     * @throws BoardException when both sides have a line, or the side with a line has not moved last
     */
    final void setTurnFromBoard(int xCount, int oCount, boolean xWon, boolean oWon, String inARow) {
        plies = xCount + oCount;
        toMove = xCount > oCount ? Side.O : Side.X;
        if (xWon && oWon) throw new BoardException("impossible board: both X and O have " + inARow);
        if (xWon && toMove != Side.O) throw new BoardException("impossible board: X has " + inARow + " but O has moved since");
        if (oWon && toMove != Side.X) throw new BoardException("impossible board: O has " + inARow + " but X has moved since");
        winner = xWon ? Side.X : oWon ? Side.O : Side.NONE;
    }

    /**
     * Leaves the position where a playout of {@code moves} moves stopped, with {@code side} to move and
     * {@code won} the winner, and returns the winner (the pieces are the subclass's to store).
     */
    final int endPlayout(int side, int won, int moves) {
        toMove = side;
        winner = won;
        plies += moves;
        return won;
    }

    /** Makes this position's pieces those of {@code other}, of the same game (the turn is copied here). */
    abstract void copyPiecesFrom(BoardState other);

    @Override
    public final void copyFrom(GameState other) {
        BoardState b = (BoardState) other;
        copyPiecesFrom(b);
        toMove = b.toMove;
        winner = b.winner;
        plies = b.plies;
    }
}
