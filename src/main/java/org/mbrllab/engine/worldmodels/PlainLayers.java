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

    /**
     * y = x·W + b with W given transposed ({@code wT}: fanOut rows of fanIn), as dot products, four
     * outputs at a time. Each output is summed over i in the same order as {@link #dense} sums it, so the
     * two give the same floats; this one is about twice as fast on the dream's small layers, because
     * HotSpot (JDK 17) does not turn {@link #dense}'s inner loop into vector instructions (it cannot rule
     * out that y and W are one array), while four independent sums keep the scalar units busy.
     */
    static void denseTransposed(float[] x, float[] wT, float[] b, int fanIn, int fanOut, float[] y) {
        int j = 0;
        for (; j + 3 < fanOut; j += 4) {
            float a0 = b[j];
            float a1 = b[j + 1];
            float a2 = b[j + 2];
            float a3 = b[j + 3];
            int r0 = j * fanIn;
            int r1 = r0 + fanIn;
            int r2 = r1 + fanIn;
            int r3 = r2 + fanIn;
            for (int i = 0; i < fanIn; i++) {
                float xi = x[i];
                a0 += xi * wT[r0 + i];
                a1 += xi * wT[r1 + i];
                a2 += xi * wT[r2 + i];
                a3 += xi * wT[r3 + i];
            }
            y[j] = a0;
            y[j + 1] = a1;
            y[j + 2] = a2;
            y[j + 3] = a3;
        }
        for (; j < fanOut; j++) {
            float a = b[j];
            int r = j * fanIn;
            for (int i = 0; i < fanIn; i++) a += x[i] * wT[r + i];
            y[j] = a;
        }
    }

    /** W (fanIn × fanOut, row-major) transposed: fanOut rows of fanIn. */
    static float[] transpose(float[] w, int fanIn, int fanOut) {
        float[] t = new float[w.length];
        for (int i = 0; i < fanIn; i++) {
            for (int j = 0; j < fanOut; j++) t[j * fanIn + i] = w[i * fanOut + j];
        }
        return t;
    }

    /** Refuses an array of {@code length} values where {@code expected} are needed, naming {@code what}. */
    public static void check(int length, int expected, String what) {
        if (length != expected) throw new IllegalArgumentException(what + " has " + length + " values, expected " + expected);
    }
}
