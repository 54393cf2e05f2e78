package org.mbrllab.engine.games;

import java.util.random.RandomGenerator;

/**
 * Tic-tac-toe on two 9-bit boards. Cell {@code i = 3·row + column}, row 0 at the top; bit i of
 * {@link #x} or {@link #o} is set when that side holds the cell. A win is one lookup in a 512-entry
 * table of the boards that contain a line.
 */
public final class TicTacToe extends BoardState {

    /** All nine cells. */
    static final int FULL = 0x1FF;
    /** The eight lines: rows, columns, diagonals. */
    static final int[] LINES = {0x007, 0x038, 0x1C0, 0x049, 0x092, 0x124, 0x111, 0x054};
    /** {@code WINS[b]}: whether the 9-bit board b contains a line. */
    private static final boolean[] WINS = new boolean[512];

    static {
        for (int b = 0; b < 512; b++) {
            for (int line : LINES) if ((b & line) == line) WINS[b] = true;
        }
    }

    int x;
    int o;

    TicTacToe() {}

    static TicTacToe fromBoard(String board) {
        TicTacToe t = new TicTacToe();
        for (int i = 0; i < 9; i++) {
            char ch = board.charAt(i);
            if (ch == 'X') t.x |= 1 << i;
            else if (ch == 'O') t.o |= 1 << i;
        }
        t.setTurnFromBoard(Integer.bitCount(t.x), Integer.bitCount(t.o), WINS[t.x], WINS[t.o], "three in a row");
        return t;
    }

    @Override public Game game() { return Game.TIC_TAC_TOE; }

    /** The empty cells. */
    @Override
    int openMoves() {
        return ~(x | o) & FULL;
    }

    @Override
    public void play(int move) {
        int bit = 1 << move;
        if (toMove == Side.X) {
            x |= bit;
            if (WINS[x]) winner = Side.X;
        } else {
            o |= bit;
            if (WINS[o]) winner = Side.O;
        }
        toMove ^= 1;
        plies++;
    }

    @Override
    public void undo(int move) {
        int clear = ~(1 << move);
        x &= clear;
        o &= clear;
        toMove ^= 1;
        winner = Side.NONE;
        plies--;
    }

    @Override
    public int winningMoves() {
        if (winner != Side.NONE) return 0;
        return winningMovesOf(toMove == Side.X ? x : o, openMoves());
    }

    @Override
    public int playout(RandomGenerator rng, boolean takeWins, int[] movesOut) {
        int n = 0;
        int bx = x;
        int bo = o;
        int side = toMove;
        int won = winner;
        while (won == Side.NONE) {
            int empty = ~(bx | bo) & FULL;
            if (empty == 0) break;
            int move = -1;
            if (takeWins) {
                int wins = winningMovesOf(side == Side.X ? bx : bo, empty);
                if (wins != 0) move = Integer.numberOfTrailingZeros(wins);
            }
            if (move < 0) move = GameState.nthBit(empty, rng.nextInt(Integer.bitCount(empty)));
            if (movesOut != null) movesOut[n] = move;
            n++;
            if (side == Side.X) {
                bx |= 1 << move;
                if (WINS[bx]) won = Side.X;
            } else {
                bo |= 1 << move;
                if (WINS[bo]) won = Side.O;
            }
            side ^= 1;
        }
        x = bx;
        o = bo;
        return endPlayout(side, won, n);
    }

    private static int winningMovesOf(int mine, int empty) {
        int wins = 0;
        for (int line : LINES) {
            int free = line & empty;
            if (Integer.bitCount(line & mine) == 2 && free != 0) wins |= free;
        }
        return wins;
    }

    @Override
    public TicTacToe copy() {
        TicTacToe t = new TicTacToe();
        t.copyFrom(this);
        return t;
    }

    @Override
    void copyPiecesFrom(BoardState other) {
        TicTacToe t = (TicTacToe) other;
        x = t.x;
        o = t.o;
    }

    @Override
    public String board() {
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < 9; i++) sb.append((x >> i & 1) != 0 ? 'X' : (o >> i & 1) != 0 ? 'O' : '.');
        return sb.toString();
    }

    /** Three lines of three, e.g. "X.O\n.X.\n..O". */
    @Override
    public String toString() {
        String b = board();
        return b.substring(0, 3) + "\n" + b.substring(3, 6) + "\n" + b.substring(6, 9);
    }

    /** Whether the 9-bit board {@code b} contains a line (for tests and the minimax heuristic). */
    static boolean hasLine(int b) {
        return WINS[b & FULL];
    }
}
