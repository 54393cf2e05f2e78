package org.mbrllab.engine.tokens;

import org.mbrllab.engine.dreamer.FrozenRssm;

/**
 * The token sequence of IRIS (Micheli et al. 2023), as the transformer reads it: for each frame, its F codes
 * (row-major over the patch grid), then the token of the action taken on seeing it.
 * <pre>
 *   position  t·(F + 1) + i   code i of frame t          (0 … K − 1)
 *   position  t·(F + 1) + F   action after frame t        (K + bin, bin 0 … A − 1)
 * </pre>
 * A torque u is clipped to ±{@value FrozenRssm#MAX_TORQUE} N·m and rounded to the nearest of A evenly spaced
 * values from −2 to 2 (bin 0 is −2, bin A − 1 is +2). Every position whose next position holds a frame code is
 * trained to predict it; the positions before an action, and the last one, predict nothing.
 */
public final class TokenSequences {
    private TokenSequences() {}

    /** The bin (0 … bins − 1) of a torque. */
    public static int actionBin(double torque, int bins) {
        double u = Math.max(-FrozenRssm.MAX_TORQUE, Math.min(FrozenRssm.MAX_TORQUE, torque));
        return (int) Math.round((u + FrozenRssm.MAX_TORQUE) / (2 * FrozenRssm.MAX_TORQUE) * (bins - 1));
    }

    /** The torque a bin stands for. */
    public static double binTorque(int bin, int bins) {
        return -FrozenRssm.MAX_TORQUE + 2 * FrozenRssm.MAX_TORQUE * bin / (bins - 1);
    }

    /**
     * Writes the targets of one sequence of N = T·(F + 1) positions, from {@code offset}: the next token where it
     * is a frame code, −1 elsewhere.
     */
    public static void targets(int[] tokens, int offset, int frames, int frameTokens, int[] out) {
        int n = frames * (frameTokens + 1);
        for (int i = 0; i < n; i++) {
            int next = i + 1;
            out[offset + i] = next < n && next % (frameTokens + 1) != frameTokens ? tokens[offset + next] : -1;
        }
    }
}
