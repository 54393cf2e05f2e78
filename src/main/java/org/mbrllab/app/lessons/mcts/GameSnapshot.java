package org.mbrllab.app.lessons.mcts;

import java.util.List;

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

    /** The last move played by the search, or null. */
    public MoveRecord lastSearchMove() {
        for (int i = moves.size() - 1; i >= 0; i--) if (moves.get(i).visits() >= 0) return moves.get(i);
        return null;
    }
}
