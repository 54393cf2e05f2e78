package org.mbrllab.engine.games;

/**
 * The two sides of a two-player game, as plain ints so that hot loops need no objects. X always moves
 * first.
 */
public final class Side {
    private Side() {}

    /** The first player. */
    public static final int X = 0;
    /** The second player. */
    public static final int O = 1;
    /** No one: the game is not over, or it ended in a draw. */
    public static final int NONE = -1;

    /** The opponent of {@code side} (X ↔ O). */
    public static int other(int side) {
        return side ^ 1;
    }

    /** "X", "O" or "none". */
    public static String name(int side) {
        return switch (side) {
            case X -> "X";
            case O -> "O";
            default -> "none";
        };
    }

    /** The outcome +1 (win), 0 (draw) or −1 (loss) of a finished game with {@code winner}, seen by {@code side}. */
    public static double outcome(int winner, int side) {
        return winner == NONE ? 0 : winner == side ? 1 : -1;
    }
}
