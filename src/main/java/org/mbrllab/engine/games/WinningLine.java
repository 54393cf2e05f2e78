package org.mbrllab.engine.games;

/**
 * Where a finished game was won: the cells of the winning line on a board string (row-major, top row
 * first, as {@link Game#fromBoard} reads it), for a board drawing to mark. A line is 3 in a row for
 * tic-tac-toe and 4 for Connect Four, along a row, a column or either diagonal.
 */
public final class WinningLine {

    private WinningLine() {}

    /**
     * The cells of the first winning line found (scanning rows, then columns, then the two diagonals,
     * each from the top left), ordered from one end to the other; an empty array when no side has a line.
     * A Connect Four line longer than four gives its first four cells.
     *
     * @throws IllegalArgumentException if {@code board} is not {@code game}'s size
     */
    public static int[] cells(Game game, String board) {
        int rows = game == Game.TIC_TAC_TOE ? 3 : ConnectFour.ROWS;
        int cols = game == Game.TIC_TAC_TOE ? 3 : ConnectFour.COLUMNS;
        int length = game == Game.TIC_TAC_TOE ? 3 : 4;
        if (board.length() != rows * cols) {
            throw new IllegalArgumentException("board has " + board.length() + " cells; " + game.displayName()
                    + " has " + rows * cols);
        }
        int[][] directions = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};
        for (int[] d : directions) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    char mark = board.charAt(r * cols + c);
                    if (mark != 'X' && mark != 'O') continue;
                    int endR = r + (length - 1) * d[0];
                    int endC = c + (length - 1) * d[1];
                    if (endR < 0 || endR >= rows || endC < 0 || endC >= cols) continue;
                    int[] line = new int[length];
                    boolean whole = true;
                    for (int k = 0; k < length && whole; k++) {
                        int cell = (r + k * d[0]) * cols + (c + k * d[1]);
                        line[k] = cell;
                        whole = board.charAt(cell) == mark;
                    }
                    if (whole) return line;
                }
            }
        }
        return new int[0];
    }
}
