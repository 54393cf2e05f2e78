package org.mbrllab.engine.games;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The games the search plays: their rules, as factories of {@link GameState}s.
 *
 * <h2>Board strings (the command line's contract)</h2>
 * <ul>
 *   <li>Tic-tac-toe: 9 characters, row-major from the top left, {@code X}, {@code O} and {@code .}.</li>
 *   <li>Connect Four: 42 characters, 6 rows of 7, top row first.</li>
 * </ul>
 * X moves first, so the side to move follows from the counts: X when they are equal, O when X has one
 * more.
 *
 * <h2>Moves</h2>
 * A move is an index: a cell 0–8 for tic-tac-toe, a column 0–6 for Connect Four. Sets of moves are int
 * bitmasks (bit m for move m).
 */
public enum Game {
    TIC_TAC_TOE("tictactoe", "Tic-tac-toe", 9, 9),
    CONNECT_FOUR("connect4", "Connect Four", 7, 42);

    private final String cliName;
    private final String displayName;
    private final int moves;
    private final int boardLength;

    Game(String cliName, String displayName, int moves, int boardLength) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.moves = moves;
        this.boardLength = boardLength;
    }

    /** The name on the command line: {@code tictactoe} or {@code connect4}. */
    public String cliName() { return cliName; }

    /** The name a student reads. */
    public String displayName() { return displayName; }

    /** The number of move indices: 9 cells or 7 columns. Every move is in [0, moves()). */
    public int moves() { return moves; }

    /** The length of a board string: 9 or 42. */
    public int boardLength() { return boardLength; }

    /** The empty board, X to move. */
    public GameState newGame() {
        return switch (this) {
            case TIC_TAC_TOE -> new TicTacToe();
            case CONNECT_FOUR -> new ConnectFour();
        };
    }

    /**
     * The position a board string describes, checked: length, characters, counts, gravity (Connect Four),
     * and that the game is not over yet.
     *
     * @throws BoardException with a one-line message saying what is wrong
     */
    public GameState parse(String board) {
        if (board == null) throw new BoardException("no board given");
        if (board.length() != boardLength) {
            throw new BoardException(displayName + " board must have " + boardLength + " characters (X, O and .), got "
                    + board.length());
        }
        for (int i = 0; i < board.length(); i++) {
            char ch = board.charAt(i);
            if (ch != 'X' && ch != 'O' && ch != '.') {
                throw new BoardException("unexpected character '" + ch + "' at position " + i + " of the board: use X, O and .");
            }
        }
        long xs = board.chars().filter(ch -> ch == 'X').count();
        long os = board.chars().filter(ch -> ch == 'O').count();
        if (xs != os && xs != os + 1) {
            throw new BoardException("impossible board: " + xs + " X and " + os + " O (X moves first, so X has as many as O or one more)");
        }
        GameState state = switch (this) {
            case TIC_TAC_TOE -> TicTacToe.fromBoard(board);
            case CONNECT_FOUR -> ConnectFour.fromBoard(board);
        };
        if (state.isOver()) {
            throw new BoardException("the game is already over (" + (state.winner() == Side.NONE ? "a draw"
                    : Side.name(state.winner()) + " has won") + ")");
        }
        return state;
    }

    /** A move as a student reads it: "cell 4 (row 2, column 2)" or "column 3". */
    public String moveName(int move) {
        return switch (this) {
            case TIC_TAC_TOE -> "cell " + move + " (row " + (move / 3 + 1) + ", column " + (move % 3 + 1) + ")";
            case CONNECT_FOUR -> "column " + move;
        };
    }

    /** The game called {@code name} on the command line. */
    public static Game fromCliName(String name) {
        for (Game g : values()) if (g.cliName.equals(name.toLowerCase(Locale.ROOT))) return g;
        throw new IllegalArgumentException("unknown game '" + name + "' (games: " + cliNames() + ")");
    }

    /** "tictactoe, connect4". */
    public static String cliNames() {
        return Arrays.stream(values()).map(Game::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return displayName;
    }
}
