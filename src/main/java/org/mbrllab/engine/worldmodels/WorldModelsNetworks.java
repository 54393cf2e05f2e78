package org.mbrllab.engine.worldmodels;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.core.WeightFiles;

/**
 * A trained World Models agent as a file: V and M, and one controller per dream temperature with the
 * scores it earned (the lesson's Table 2). The lesson ships one ({@link #SHIPPED}) so that it opens ready
 * to play; {@code mbrl-lab world-models --out FILE} writes one.
 *
 * <h2>Format (big-endian, as {@link DataOutputStream} writes)</h2>
 * <pre>
 *   "MBRLWM" version(int = 1)
 *   V:  pixels hidden latent (ints), then 10 arrays   (each: length int, then floats)
 *   M:  latent hidden components (ints), then 8 arrays
 *   controllers: count (int), then per controller: τ, dream score, real score (doubles; NaN if not
 *       measured), parameter count (int), parameters (doubles)
 * </pre>
 * Reading checks every size against the one before it, so a cut or foreign file is refused with a message
 * rather than read as nonsense.
 *
 * @param controllers one per temperature trained, in the order trained
 */
public record WorldModelsNetworks(FrozenVae v, FrozenMdnRnn m, List<TrainedController> controllers) {
    /** The class-path resource of the networks that ship with the app. */
    public static final String SHIPPED = "/assets/networks/world-models.wm";
    private static final String MAGIC = "MBRLWM";
    private static final int VERSION = 1;
    /** No array in a file may be longer than this (a 64 × 64 frame's 4,096 pixels × 2,048 hidden units). */
    private static final int MAX_ARRAY = 4096 * 2048;

    /**
     * A controller evolved in the dream at temperature τ.
     *
     * @param dreamScore mean steps survived in the dream at τ (NaN if not measured)
     * @param realScore  mean steps survived in the real game (NaN if not measured)
     */
    public record TrainedController(double temperature, LinearController controller, double dreamScore, double realScore) {
        public TrainedController {
            Objects.requireNonNull(controller, "controller");
        }
    }

    public WorldModelsNetworks {
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(m, "m");
        controllers = List.copyOf(controllers);
        if (v.latent() != m.latent()) {
            throw new IllegalArgumentException("V gives z of " + v.latent() + " but M takes z of " + m.latent());
        }
        for (TrainedController c : controllers) {
            if (c.controller().latent() != m.latent() || c.controller().hiddenUnits() != m.hiddenUnits()) {
                throw new IllegalArgumentException("a controller for z of " + c.controller().latent() + " and h of "
                        + c.controller().hiddenUnits() + " does not fit M (" + m.latent() + ", " + m.hiddenUnits() + ")");
            }
        }
    }

    /** The controller trained at the temperature closest to τ, or null if there is none. */
    public TrainedController closest(double tau) {
        TrainedController best = null;
        for (TrainedController c : controllers) {
            if (best == null || Math.abs(c.temperature() - tau) < Math.abs(best.temperature() - tau)) best = c;
        }
        return best;
    }

    /** Writes the networks in the format of the class comment. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        WeightFiles.writeHeader(data, MAGIC, VERSION);
        data.writeInt(v.pixels());
        data.writeInt(v.hiddenUnits());
        data.writeInt(v.latent());
        for (float[] a : v.weights()) writeArray(data, a);
        data.writeInt(m.latent());
        data.writeInt(m.hiddenUnits());
        data.writeInt(m.components());
        for (float[] a : m.weights()) writeArray(data, a);
        data.writeInt(controllers.size());
        for (TrainedController c : controllers) {
            data.writeDouble(c.temperature());
            data.writeDouble(c.dreamScore());
            data.writeDouble(c.realScore());
            double[] theta = c.controller().parameters();
            data.writeInt(theta.length);
            for (double x : theta) data.writeDouble(x);
        }
        data.flush();
    }

    /**
     * Reads networks written by {@link #write}.
     *
     * @throws IOException if the stream is not such a file, is cut short, or holds sizes that do not fit
     */
    public static WorldModelsNetworks read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            WeightFiles.readHeader(data, MAGIC, VERSION, "a World Models network file", "network file version");
            int pixels = size(data.readInt(), "V's pixels");
            int vHidden = size(data.readInt(), "V's hidden units");
            int latent = size(data.readInt(), "V's latent size");
            float[][] vw = new float[10][];
            for (int i = 0; i < vw.length; i++) vw[i] = readArray(data);
            int mLatent = size(data.readInt(), "M's latent size");
            int mHidden = size(data.readInt(), "M's hidden units");
            int components = size(data.readInt(), "M's components");
            float[][] mw = new float[8][];
            for (int i = 0; i < mw.length; i++) mw[i] = readArray(data);
            int count = data.readInt();
            if (count < 0 || count > 1000) throw new IOException("the file says it holds " + count + " controllers");
            TrainedController[] cs = new TrainedController[count];
            for (int i = 0; i < count; i++) {
                double tau = data.readDouble();
                double dream = data.readDouble();
                double real = data.readDouble();
                int n = data.readInt();
                if (n != LinearController.parameterCount(mLatent, mHidden)) {
                    throw new IOException("controller " + (i + 1) + " has " + n + " parameters, expected "
                            + LinearController.parameterCount(mLatent, mHidden));
                }
                double[] theta = new double[n];
                for (int k = 0; k < n; k++) theta[k] = data.readDouble();
                cs[i] = new TrainedController(tau, new LinearController(mLatent, mHidden, theta), dream, real);
            }
            if (data.read() != -1) throw new IOException("the file goes on after its last controller");
            return new WorldModelsNetworks(new FrozenVae(pixels, vHidden, latent, vw),
                    new FrozenMdnRnn(mLatent, mHidden, components, mw), List.of(cs));
        } catch (EOFException e) {
            throw new IOException("the network file is cut short", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("the network file does not hold consistent networks: " + e.getMessage(), e);
        }
    }

    private static int size(int n, String what) throws IOException {
        return WeightFiles.size(n, MAX_ARRAY, what);
    }

    private static void writeArray(DataOutputStream data, float[] a) throws IOException {
        WeightFiles.writeArray(data, a);
    }

    private static float[] readArray(DataInputStream data) throws IOException {
        return WeightFiles.readArray(data, MAX_ARRAY);
    }
}
