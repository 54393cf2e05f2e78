package org.mbrllab.engine.games;

import java.util.random.RandomGenerator;

/**
 * Minimax with alpha-beta pruning, in negamax form: the value of a position for the side to move is the
 * largest −value of the positions its moves lead to (Knuth &amp; Moore, "An analysis of alpha-beta
 * pruning", Artificial Intelligence 6, 1975). It is the reference the MCTS lesson measures against.
 *
 * <h2>Values</h2>
 * Always from the view of the side to move. A won game scores {@link #WIN} − plies (so a quick win
 * beats a slow one, and a loser prefers to lose late), a lost game the negative, a draw 0. At the depth
 * limit a {@linkplain #heuristic heuristic} scores the position; its magnitude stays below
 * {@link #HEURISTIC_LIMIT}, far from any win. With {@link #FULL_DEPTH} the search is exact: tic-tac-toe
 * has at most 9 plies, so its search is always exact at the default depth.
 *
 * <h2>Move order</h2>
 * Centre first (tic-tac-toe: centre, corners, edges; Connect Four: columns 3, 2, 4, 1, 5, 0, 6), which
 * prunes far more than index order. {@link #bestMoves} finds every move tied for the best value.
 */
public final class Minimax {

    /** The score of a win at ply 0; a win at ply p scores WIN − p. */
    public static final int WIN = 1_000_000;
    /** Every heuristic score lies strictly between ± this. */
    public static final int HEURISTIC_LIMIT = 100_000;
    /** A depth that reaches the end of every game of both. */
    public static final int FULL_DEPTH = 64;
    /** Default depth for Connect Four (plies): a second or less per move on one core, usually much less. */
    public static final int CONNECT_FOUR_DEPTH = 7;

    private static final int INF = Integer.MAX_VALUE / 2;
    private static final int[] TIC_TAC_TOE_ORDER = {4, 0, 2, 6, 8, 1, 3, 5, 7};
    private static final int[] CONNECT_FOUR_ORDER = {3, 2, 4, 1, 5, 0, 6};
    /** Heuristic weight of an open line (no enemy piece) holding 0–3 of one's own pieces. */
    private static final int[] TIC_TAC_TOE_WEIGHT = {0, 1, 8, 0};
    private static final int[] CONNECT_FOUR_WEIGHT = {0, 1, 4, 32, 0};
    private static final int CENTRE_WEIGHT = 3;
    /** The 69 windows of four cells in a line on the Connect Four bitboard. */
    private static final long[] WINDOWS = connectFourWindows();

    private long nodes;

    /** The tied best moves and their value. */
    public record Best(int moves, int value) {
        /** One of the tied best moves, uniformly at random. */
        public int pick(RandomGenerator rng) {
            return GameState.randomBit(moves, rng);
        }
    }

    /** Positions visited so far (for tests and benchmarks). */
    public long nodes() {
        return nodes;
    }

    /** The default depth for {@code game}: exact for tic-tac-toe, {@link #CONNECT_FOUR_DEPTH} for Connect Four. */
    public static int defaultDepth(Game game) {
        return game == Game.TIC_TAC_TOE ? FULL_DEPTH : CONNECT_FOUR_DEPTH;
    }

    /** The negamax value of {@code state} searched {@code depth} plies deep. {@code state} is left as it was. */
    public int value(GameState state, int depth) {
        return search(state, depth, -INF, INF);
    }

    /**
     * Every legal move whose value equals the best, searched {@code depth} plies deep (the moves themselves
     * count as the first ply). The game must not be over.
     */
    public Best bestMoves(GameState state, int depth) {
        if (state.isOver()) throw new IllegalArgumentException("the game is over: no move to choose");
        if (depth < 1) throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        int legal = state.legalMoves();
        int best = -INF;
        int ties = 0;
        for (int move : order(state.game())) {
            if ((legal >> move & 1) == 0) continue;
            // Window (best − 1, ∞): a value ≥ best comes back exact, anything lower only as "lower".
            int alpha = best == -INF ? -INF : best - 1;
            state.play(move);
            int v = -search(state, depth - 1, -INF, -alpha);
            state.undo(move);
            if (v > best) {
                best = v;
                ties = 1 << move;
            } else if (v == best) {
                ties |= 1 << move;
            }
        }
        return new Best(ties, best);
    }

    private int search(GameState s, int depth, int alpha, int beta) {
        nodes++;
        if (s.isOver()) return s.winner() == Side.NONE ? 0 : -(WIN - s.plies());
        if (depth == 0) return heuristic(s);
        int legal = s.legalMoves();
        int best = -INF;
        for (int move : order(s.game())) {
            if ((legal >> move & 1) == 0) continue;
            s.play(move);
            int v = -search(s, depth - 1, -beta, -alpha);
            s.undo(move);
            if (v > best) {
                best = v;
                if (v > alpha) {
                    alpha = v;
                    if (alpha >= beta) break;
                }
            }
        }
        return best;
    }

    private static int[] order(Game game) {
        return game == Game.TIC_TAC_TOE ? TIC_TAC_TOE_ORDER : CONNECT_FOUR_ORDER;
    }

    /**
     * The score at the depth limit, for the side to move: over every line (tic-tac-toe) or window of four
     * (Connect Four) that the opponent has not touched, a weight growing with one's own pieces in it, minus
     * the same for the opponent; in Connect Four also 3 per own piece in the centre column, minus the
     * opponent's.
     */
    public static int heuristic(GameState s) {
        int mineSign = s.toMove() == Side.X ? 1 : -1;
        int xMinusO;
        if (s instanceof TicTacToe t) {
            xMinusO = 0;
            for (int line : TicTacToe.LINES) {
                if ((line & t.o) == 0) xMinusO += TIC_TAC_TOE_WEIGHT[Integer.bitCount(line & t.x)];
                if ((line & t.x) == 0) xMinusO -= TIC_TAC_TOE_WEIGHT[Integer.bitCount(line & t.o)];
            }
        } else {
            ConnectFour c = (ConnectFour) s;
            xMinusO = 0;
            for (long w : WINDOWS) {
                if ((w & c.o) == 0) xMinusO += CONNECT_FOUR_WEIGHT[Long.bitCount(w & c.x)];
                if ((w & c.x) == 0) xMinusO -= CONNECT_FOUR_WEIGHT[Long.bitCount(w & c.o)];
            }
            long centre = 0x3FL << 3 * ConnectFour.STRIDE;
            xMinusO += CENTRE_WEIGHT * (Long.bitCount(c.x & centre) - Long.bitCount(c.o & centre));
        }
        return mineSign * xMinusO;
    }

    private static long[] connectFourWindows() {
        long[] w = new long[69];
        int n = 0;
        int[][] directions = {{0, 1}, {1, 0}, {1, 1}, {1, -1}}; // (dc, dr): vertical, horizontal, two diagonals
        for (int[] d : directions) {
            for (int c = 0; c < ConnectFour.COLUMNS; c++) {
                for (int r = 0; r < ConnectFour.ROWS; r++) {
                    int c3 = c + 3 * d[0];
                    int r3 = r + 3 * d[1];
                    if (c3 < 0 || c3 >= ConnectFour.COLUMNS || r3 < 0 || r3 >= ConnectFour.ROWS) continue;
                    long mask = 0;
                    for (int k = 0; k < 4; k++) mask |= 1L << ((c + k * d[0]) * ConnectFour.STRIDE + r + k * d[1]);
                    w[n++] = mask;
                }
            }
        }
        if (n != w.length) throw new AssertionError("Connect Four has 69 windows, counted " + n);
        return w;
    }
}
