package org.mbrllab.engine.core;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The pieces the lessons' network files share ({@code WorldModelsNetworks}, {@code DreamerNetworks},
 * {@code TokenNetworks}): a header of magic letters and a version, a float array as its length and then its values
 * (big-endian, as {@link DataOutputStream} writes), and the checks that make a cut or foreign file fail with a
 * message instead of being read as nonsense.
 */
public final class WeightFiles {

    private WeightFiles() {}

    /** Writes the header {@link #readHeader} checks: the magic letters (ASCII), then the version. */
    public static void writeHeader(DataOutputStream data, String magic, int version) throws IOException {
        data.writeBytes(magic);
        data.writeInt(version);
    }

    /**
     * Reads and checks a header written by {@link #writeHeader}.
     *
     * @param kind what such a file is, for the messages ("a Dreamer network file")
     * @param versionName how the version is named in the message ("network file version")
     * @throws IOException if the file starts otherwise or has another version
     */
    public static void readHeader(DataInputStream data, String magic, int version, String kind, String versionName)
            throws IOException {
        readHeader(data, magic, version, version, kind, versionName);
    }

    /**
     * Reads and checks a header written by {@link #writeHeader} whose version may be any of {@code oldest} …
     * {@code newest}, and returns it (for formats that still read their older versions).
     *
     * @throws IOException if the file starts otherwise or has a version outside that range
     */
    public static int readHeader(DataInputStream data, String magic, int oldest, int newest, String kind,
                                 String versionName) throws IOException {
        byte[] read = new byte[magic.length()];
        data.readFully(read);
        if (!magic.equals(new String(read, StandardCharsets.US_ASCII))) {
            throw new IOException("not " + kind + " (it does not start with " + magic + ")");
        }
        int v = data.readInt();
        if (v < oldest || v > newest) {
            throw new IOException(versionName + " " + v + "; this app reads version "
                    + (oldest == newest ? String.valueOf(newest) : oldest + " to " + newest));
        }
        return v;
    }

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
