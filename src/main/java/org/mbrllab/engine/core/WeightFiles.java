package org.mbrllab.engine.core;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The pieces the lessons' network files share ({@code WorldModelsNetworks}, {@code DreamerNetworks}): a
 * float array as its length and then its values (big-endian, as {@link DataOutputStream} writes), and the
 * checks that make a cut or foreign file fail with a message instead of being read as nonsense.
 */
public final class WeightFiles {

    private WeightFiles() {}

    /** {@code n} if it lies in 1 … {@code max}; otherwise an {@link IOException} naming {@code what}. */
    public static int size(int n, int max, String what) throws IOException {
        if (n < 1 || n > max) throw new IOException(what + " is " + n + " in the file");
        return n;
    }

    /** Writes the length of {@code a}, then its values. */
    public static void writeArray(DataOutputStream data, float[] a) throws IOException {
        data.writeInt(a.length);
        for (float x : a) data.writeFloat(x);
    }

    /**
     * Reads an array written by {@link #writeArray}.
     *
     * @param max the longest array accepted
     * @throws IOException if the length is out of range or a value is not finite
     */
    public static float[] readArray(DataInputStream data, int max) throws IOException {
        int n = size(data.readInt(), max, "an array's length");
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = data.readFloat();
            if (!Float.isFinite(a[i])) throw new IOException("the network file holds a weight of " + a[i]);
        }
        return a;
    }
}
