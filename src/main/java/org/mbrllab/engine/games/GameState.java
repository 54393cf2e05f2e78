package org.mbrllab.engine.games;

import java.util.random.RandomGenerator;

/**
 * A position of a two-player, zero-sum, perfect-information game that can be changed in place: the
 * searches (MCTS, minimax) play moves on one working copy and undo or overwrite them, so that a
 * simulation allocates nothing.
 *
 * <p>Moves are indices in [0, {@link Game#moves()}); sets of moves are int bitmasks, bit m for move m.
 * Sides are {@link Side#X} (moves first) and {@link Side#O}.
 */
public interface GameState {

    /** The rules this position belongs to. */
    Game game();

    /** The side to move: {@link Side#X} or {@link Side#O}. In a finished game, the side that would move next. */
    int toMove();

    /** The legal moves as a bitmask; 0 when the game is over. */
    int legalMoves();

    /** Whether {@code move} is legal here. */
    default boolean isLegal(int move) {
        return move >= 0 && move < game().moves() && ((legalMoves() >>> move) & 1) != 0;
    }

    /** Plays {@code move} for the side to move. The move must be legal; this is not checked in the hot path. */
    void play(int move);

    /** Takes back {@code move}, which must be the last move played. */
    void undo(int move);

    /** Whether the game has ended (a win or a full board). */
    boolean isOver();

    /** The winner, or {@link Side#NONE} while the game goes on and after a draw. */
    int winner();

    /** Moves played since the empty board. */
    int plies();

    /** The legal moves that win at once for the side to move (a bitmask, 0 if none). */
    int winningMoves();

    /**
     * Plays to the end of the game and returns the winner ({@link Side#NONE} for a draw). Each move is
     * uniform among the legal ones, drawn by {@code rng.nextInt(count)}; with {@code takeWins}, a move that
     * wins at once is played instead whenever there is one (the lowest such index).
     *
     * @param movesOut if not null, receives the moves played, from index 0 (length ≥ the moves left)
     */
    int playout(RandomGenerator rng, boolean takeWins, int[] movesOut);

    /** An independent copy. */
    GameState copy();

    /** Makes this position equal to {@code other}, which must be of the same game. */
    void copyFrom(GameState other);

    /** The board string of the command line's contract (see {@link Game}). */
    String board();

    /**
     * The {@code index}-th set bit of {@code mask} (0-based), i.e. the index-th legal move in move order.
     * Masks of up to 9 bits (every tic-tac-toe and Connect Four move mask) are looked up in a table
     * ({@link NthBit}): a playout asks this once per move, and the loop's unpredictable trip count cost a
     * branch misprediction nearly every time.
     */
    static int nthBit(int mask, int index) {
        if (mask < NthBit.MASKS && index < NthBit.INDICES) return NthBit.TABLE[mask * NthBit.INDICES + index];
        for (int i = 0; i < index; i++) mask &= mask - 1;
        return Integer.numberOfTrailingZeros(mask);
    }

    /** A move drawn uniformly from the non-empty {@code mask} with one call {@code rng.nextInt(bitCount)}. */
    static int randomBit(int mask, RandomGenerator rng) {
        return nthBit(mask, rng.nextInt(Integer.bitCount(mask)));
    }
}

/** The table of {@link GameState#nthBit} for masks below 2⁹: entry mask · 9 + index (32 where there is no such bit). */
final class NthBit {
    static final int MASKS = 1 << 9;
    static final int INDICES = 9;
    static final byte[] TABLE = new byte[MASKS * INDICES];

    static {
        for (int mask = 0; mask < MASKS; mask++) {
            int m = mask;
            for (int index = 0; index < INDICES; index++) {
                TABLE[mask * INDICES + index] = (byte) Integer.numberOfTrailingZeros(m);
                m &= m - 1;
            }
        }
    }

    private NthBit() {}
}
