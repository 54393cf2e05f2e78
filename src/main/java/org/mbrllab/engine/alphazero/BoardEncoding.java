package org.mbrllab.engine.alphazero;

import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.games.Side;

/**
 * The network's input: three planes of {@link Game#boardLength()} cells, in board-string order (row-major
 * from the top left):
 * <ol>
 *   <li>1 where the side to move has a stone;</li>
 *   <li>1 where the opponent has a stone;</li>
 *   <li>all 1 when X is to move, all 0 when O is (the side to move, as in Silver et al. 2017).</li>
 * </ol>
 * Seen from the side to move, as the value and the policy are. For tic-tac-toe the eight symmetries of
 * the square (rotations and reflections), for Connect Four the left-right mirror, map positions and move
 * distributions onto equally good ones; self-play stores every image (Silver et al. 2017 augment Go data
 * the same way).
 */
public final class BoardEncoding {
    private BoardEncoding() {}

    /** Planes per cell. */
    public static final int PLANES = 3;

    /** Inputs of the network for {@code game}: 3 × cells. */
    public static int inputs(Game game) {
        return PLANES * game.boardLength();
    }

    /** The planes of {@code state} into {@code out} (length {@link #inputs}). */
    public static void encode(GameState state, float[] out) {
        String board = state.board();
        int cells = board.length();
        char own = state.toMove() == Side.X ? 'X' : 'O';
        char opp = own == 'X' ? 'O' : 'X';
        float xToMove = state.toMove() == Side.X ? 1 : 0;
        for (int i = 0; i < cells; i++) {
            char ch = board.charAt(i);
            out[i] = ch == own ? 1 : 0;
            out[cells + i] = ch == opp ? 1 : 0;
            out[2 * cells + i] = xToMove;
        }
    }

    /**
     * The symmetries of {@code game} as cell maps: {@code map[k][i]} is where cell i goes under symmetry k.
     * The identity comes first. Tic-tac-toe has 8 (the square's rotations and reflections); Connect Four has
     * 2 (the identity and the left-right mirror, which gravity respects).
     */
    public static int[][] symmetries(Game game) {
        if (game == Game.CONNECT_FOUR) {
            int[][] maps = new int[2][42];
            for (int cell = 0; cell < 42; cell++) {
                maps[0][cell] = cell;
                maps[1][cell] = cell / 7 * 7 + (6 - cell % 7);
            }
            return maps;
        }
        int[][] maps = new int[8][9];
        for (int k = 0; k < 8; k++) {
            for (int cell = 0; cell < 9; cell++) {
                int r = cell / 3;
                int c = cell % 3;
                for (int turn = 0; turn < k % 4; turn++) { // rotate a quarter turn: (r, c) → (c, 2 − r)
                    int nr = c;
                    c = 2 - r;
                    r = nr;
                }
                if (k >= 4) c = 2 - c; // then mirror left-right
                maps[k][cell] = 3 * r + c;
            }
        }
        return maps;
    }

    /**
     * The same symmetries acting on move indices: for tic-tac-toe the cell maps themselves, for Connect
     * Four the column maps (identity; column c → 6 − c).
     */
    public static int[][] moveSymmetries(Game game) {
        if (game == Game.TIC_TAC_TOE) return symmetries(game);
        return new int[][] {{0, 1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1, 0}};
    }

    /** {@code in} (planes or per-cell values, a whole number of planes) with every cell i moved to map[i]. */
    static float[] permute(float[] in, int[] map) {
        int cells = map.length;
        float[] out = new float[in.length];
        for (int p = 0; p < in.length / cells; p++) {
            for (int i = 0; i < cells; i++) out[p * cells + map[i]] = in[p * cells + i];
        }
        return out;
    }
}
