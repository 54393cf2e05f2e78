package org.mbrllab.engine.play;

import java.util.List;

import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot;

/**
 * What the pane draws: the search's snapshot, the game so far and whose turn it is. Immutable.
 *
 * @param search   the search at the current position (its root is the board shown)
 * @param mode     play or match
 * @param mctsSide the side the search plays ({@link org.mbrllab.engine.games.Side})
 * @param opponent who plays the other side, as a student reads it ("you", "minimax (exact)" …)
 * @param moves    the moves played since the start position, in order
 * @param waiting  what the game waits for
 */
public record GameSnapshot(MctsSnapshot search, Mode mode, int mctsSide, String opponent, List<MoveRecord> moves,
                    Waiting waiting) {

    public GameSnapshot {
        moves = List.copyOf(moves);
    }

    /** What happens next. */
    public enum Waiting {
        /** The search is to move and has simulations left. */
        SEARCH,
        /** The search is to move and its budget is spent: the next step (or "MCTS move") plays. */
        MCTS_MOVE,
        /** A person is to move: click the board. */
        YOUR_MOVE,
        /** The opponent player is to move: the next step plays its move. */
        OPPONENT_MOVE,
        /** The game is over. */
        OVER
    }

    /**
     * One move of the game.
     *
     * @param side        who played it
     * @param move        the move index
     * @param by          "MCTS", "you" or the opponent's description
     * @param visits      for a search move: N(root, move) when it was chosen; else −1
     * @param rootVisits  for a search move: N(root), the visits of all root moves; else −1
     * @param q           for a search move: Q(root, move); else NaN
     * @param kept        for a search move: the root visits kept from the previous search by tree reuse
     *                    (N(root) minus this move's simulations); else −1
     */
    public record MoveRecord(int side, int move, String by, int visits, int rootVisits, double q, int kept) {}

    /** "X wins", "O wins" or "a draw". */
    public String result() {
        int w = search.winner();
        return w == Side.NONE ? "a draw" : Side.name(w) + " wins";
    }

    /**
     * Why a click on {@code move} cannot be played now, or "" if it can: the game is over, the cell is
     * taken or the column full, or it is not the person's turn (the pane's own words).
     *
     * @param searchTurn   the words when the search is to move
     * @param opponentTurn the words when the opponent player is to move
     */
    public String refusal(int move, String searchTurn, String opponentTurn) {
        return switch (waiting) {
            case OVER -> "The game is over (" + result() + "): press Reset for a new game.";
            case SEARCH, MCTS_MOVE -> searchTurn;
            case OPPONENT_MOVE -> opponentTurn;
            case YOUR_MOVE -> move < 0 || move >= search.rootVisits().length || search.rootVisits()[move] < 0
                    ? "That " + (search.game() == Game.TIC_TAC_TOE ? "cell is taken." : "column is full.") : "";
        };
    }

    /** The last move played by the search, or null. */
    public MoveRecord lastSearchMove() {
        for (int i = moves.size() - 1; i >= 0; i--) if (moves.get(i).visits() >= 0) return moves.get(i);
        return null;
    }
}
