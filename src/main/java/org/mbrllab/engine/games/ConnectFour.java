package org.mbrllab.engine.games;

import java.util.random.RandomGenerator;

/**
 * Connect Four on a 6×7 board as two 64-bit bitboards. Column c owns bits {@code 7c … 7c+6}: rows 0–5
 * from the bottom, and bit {@code 7c+6} an always-empty sentinel so that shifted lines never wrap from
 * one column into the next. A move sets the lowest empty bit of its column, found with one addition
 * ({@code (both + bottom(c)) & column(c)}). Four in a row is four shift-and tests, one per direction
 * (vertical 1, horizontal 7, the diagonals 6 and 8).
 */
public final class ConnectFour extends BoardState {

    public static final int ROWS = 6;
    public static final int COLUMNS = 7;
    /** Bits per column: the six rows and a sentinel. */
    static final int STRIDE = ROWS + 1;
    /** Row 0 of every column. */
    static final long BOTTOM;
    /** Rows 0–5 of every column (no sentinels). */
    static final long BOARD;
    /** Row 5 (the top row) of every column. */
    static final long TOP;
    static final int ALL_COLUMNS = (1 << COLUMNS) - 1;

    static {
        long bottom = 0;
        for (int c = 0; c < COLUMNS; c++) bottom |= 1L << (c * STRIDE);
        BOTTOM = bottom;
        BOARD = bottom * ((1L << ROWS) - 1);
        TOP = bottom << (ROWS - 1);
    }

    long x;
    long o;
    /** Columns not yet full (a bitmask of columns), kept up to date by play and undo. */
    private int open = ALL_COLUMNS;

    ConnectFour() {}

    static ConnectFour fromBoard(String board) {
        ConnectFour s = new ConnectFour();
        for (int c = 0; c < COLUMNS; c++) {
            boolean gap = false;
            for (int row = 0; row < ROWS; row++) {
                char ch = board.charAt((ROWS - 1 - row) * COLUMNS + c);
                if (ch == '.') {
                    gap = true;
                    continue;
                }
                if (gap) {
                    throw new BoardException("impossible board: a piece floats above an empty cell in column " + c
                            + " (rows are given top row first)");
                }
                long bit = 1L << (c * STRIDE + row);
                if (ch == 'X') s.x |= bit;
                else s.o |= bit;
            }
            if (!gap) s.open &= ~(1 << c);
        }
        s.setTurnFromBoard(Long.bitCount(s.x), Long.bitCount(s.o), hasFour(s.x), hasFour(s.o), "four in a row");
        return s;
    }

    /** Whether bitboard {@code b} has four in a row in any direction. */
    static boolean hasFour(long b) {
        long m = b & (b >>> STRIDE);            // horizontal
        if ((m & (m >>> 2 * STRIDE)) != 0) return true;
        m = b & (b >>> (STRIDE - 1));           // diagonal, down to the right
        if ((m & (m >>> 2 * (STRIDE - 1))) != 0) return true;
        m = b & (b >>> (STRIDE + 1));           // diagonal, up to the right
        if ((m & (m >>> 2 * (STRIDE + 1))) != 0) return true;
        m = b & (b >>> 1);                      // vertical
        return (m & (m >>> 2)) != 0;
    }

    /** The empty cells that would complete four in a row for bitboard {@code p} (the other pieces {@code both ^ p}). */
    static long winningCells(long p, long both) {
        long r = (p << 1) & (p << 2) & (p << 3);   // vertical: three below
        for (int d = STRIDE - 1; d <= STRIDE + 1; d++) {
            long t = (p << d) & (p << 2 * d);
            r |= t & (p << 3 * d);
            r |= t & (p >>> d);
            t = (p >>> d) & (p >>> 2 * d);
            r |= t & (p << d);
            r |= t & (p >>> 3 * d);
        }
        return r & (BOARD ^ both);
    }

    /** The cells a piece can drop into now: the lowest empty cell of each open column. */
    static long playableCells(long both) {
        return (both + BOTTOM) & BOARD;
    }

    /** Columns of the set bits of a cell bitmask. */
    static int columnsOf(long cells) {
        int cols = 0;
        while (cells != 0) {
            cols |= 1 << (Long.numberOfTrailingZeros(cells) / STRIDE);
            cells &= cells - 1;
        }
        return cols;
    }

    @Override public Game game() { return Game.CONNECT_FOUR; }

    /** The columns not yet full. */
    @Override
    int openMoves() {
        return open;
    }

    @Override
    public void play(int column) {
        long both = x | o;
        long bit = (both + (1L << column * STRIDE)) & (0x3FL << column * STRIDE);
        if ((bit & TOP) != 0) open &= ~(1 << column);
        if (toMove == Side.X) {
            x |= bit;
            if (hasFour(x)) winner = Side.X;
        } else {
            o |= bit;
            if (hasFour(o)) winner = Side.O;
        }
        toMove ^= 1;
        plies++;
    }

    @Override
    public void undo(int column) {
        long col = 0x3FL << column * STRIDE;
        long both = (x | o) & col;
        long top = Long.highestOneBit(both);
        x &= ~top;
        o &= ~top;
        open |= 1 << column;
        toMove ^= 1;
        winner = Side.NONE;
        plies--;
    }

    @Override
    public int winningMoves() {
        if (winner != Side.NONE) return 0;
        long both = x | o;
        return columnsOf(winningCells(toMove == Side.X ? x : o, both) & playableCells(both));
    }

    @Override
    public int playout(RandomGenerator rng, boolean takeWins, int[] movesOut) {
        long bx = x;
        long bo = o;
        int cols = open;
        int side = toMove;
        int won = winner;
        int n = 0;
        while (won == Side.NONE && cols != 0) {
            long both = bx | bo;
            int column = -1;
            if (takeWins) {
                long wins = winningCells(side == Side.X ? bx : bo, both) & playableCells(both);
                if (wins != 0) column = Long.numberOfTrailingZeros(wins) / STRIDE;
            }
            if (column < 0) column = GameState.nthBit(cols, rng.nextInt(Integer.bitCount(cols)));
            if (movesOut != null) movesOut[n] = column;
            n++;
            long bit = (both + (1L << column * STRIDE)) & (0x3FL << column * STRIDE);
            if ((bit & TOP) != 0) cols &= ~(1 << column);
            if (side == Side.X) {
                bx |= bit;
                if (hasFour(bx)) won = Side.X;
            } else {
                bo |= bit;
                if (hasFour(bo)) won = Side.O;
            }
            side ^= 1;
        }
        x = bx;
        o = bo;
        open = cols;
        return endPlayout(side, won, n);
    }

    @Override
    public ConnectFour copy() {
        ConnectFour s = new ConnectFour();
        s.copyFrom(this);
        return s;
    }

    @Override
    void copyPiecesFrom(BoardState other) {
        ConnectFour s = (ConnectFour) other;
        x = s.x;
        o = s.o;
        open = s.open;
    }

    /** The piece at ({@code row} from the bottom, {@code column}): 'X', 'O' or '.'. */
    public char at(int row, int column) {
        long bit = 1L << (column * STRIDE + row);
        return (x & bit) != 0 ? 'X' : (o & bit) != 0 ? 'O' : '.';
    }

    @Override
    public String board() {
        StringBuilder sb = new StringBuilder(ROWS * COLUMNS);
        for (int r = ROWS - 1; r >= 0; r--) for (int c = 0; c < COLUMNS; c++) sb.append(at(r, c));
        return sb.toString();
    }

    /** Six lines of seven, top row first. */
    @Override
    public String toString() {
        String b = board();
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < ROWS; r++) {
            if (r > 0) sb.append('\n');
            sb.append(b, r * COLUMNS, (r + 1) * COLUMNS);
        }
        return sb.toString();
    }
}
