package org.mbrllab.engine.worldmodels;

/**
 * The plain-Java pieces the frozen copies of trained networks share (V's and M's, {@link FrozenVae},
 * {@link FrozenMdnRnn}; Dreamer's {@code dreamer.FrozenRssm}): a dense layer over weights copied out of
 * SameDiff, and the size check of their inputs.
 */
public final class PlainLayers {

    private PlainLayers() {}

    /** y = x·W + b, as a sum of W's rows so that the inner loop runs along memory. */
    public static void dense(float[] x, float[] w, float[] b, int fanIn, int fanOut, float[] y) {
        System.arraycopy(b, 0, y, 0, fanOut);
        for (int i = 0; i < fanIn; i++) {
            float xi = x[i];
            if (xi == 0) continue;
            int row = i * fanOut;
            for (int j = 0; j < fanOut; j++) y[j] += xi * w[row + j];
        }
    }

    /** Refuses an array of {@code length} values where {@code expected} are needed, naming {@code what}. */
    public static void check(int length, int expected, String what) {
        if (length != expected) throw new IllegalArgumentException(what + " has " + length + " values, expected " + expected);
    }
}
