package org.mbrllab.engine.dreamer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.mbrllab.engine.core.WeightFiles;
import org.mbrllab.engine.nn.RssmGraph;
import org.mbrllab.engine.worldmodels.PlainLayers;

/**
 * A trained Dreamer world model as a file: the RSSM's sizes and weights, how it was trained, and the mean
 * training frame (the open-loop baseline it is compared with). The lesson ships one ({@link #SHIPPED}) so that
 * the imagination viewer opens ready; {@code mbrl-lab dreamer --out FILE} writes one.
 *
 * <h2>Format (big-endian, as {@link DataOutputStream} writes)</h2>
 * <pre>
 *   "MBRLDR" version(int = 2)
 *   training:  seed (long), episodes (int), updates (int), mean frame (array)
 *   RSSM:      pixels encoderUnits embedding deterministic stochastic headUnits (ints),
 *              latents (modified UTF-8: "gaussian" or "categorical"), classes (int: K, or 0 for gaussian),
 *              then 24 arrays in {@link RssmGraph#ORDER}
 *   sections:  count (int), then per section: name (modified UTF-8), array count (int), arrays
 *   (array: length int, then floats)
 * </pre>
 * The sections are the room left for what Dreamer learns after its world model, an actor and a critic: a
 * reader keeps the sections it does not know, so adding them needs no new version. The world-model-only
 * files written now hold none.
 *
 * Version 1 (the shipped world model's) has no latents and classes: its z is Gaussian. It is still read.
 *
 * <p>Reading checks every size against the one before it, and that nothing follows the last section, so a cut
 * or foreign file is refused with a message rather than read as nonsense.
 *
 * @param model     the world model
 * @param seed      the seed it was trained from (weights, batches and its random training episodes)
 * @param episodes  the random episodes it was trained on
 * @param updates   the updates it was trained for
 * @param meanFrame the training frames' pixel-wise mean, {@link FrozenRssm#pixels()} values
 * @param sections  further networks (none yet), in file order
 */
public record DreamerNetworks(FrozenRssm model, long seed, int episodes, int updates, float[] meanFrame,
                              List<Section> sections) {
    /** The class-path resource of the world model that ships with the app. */
    public static final String SHIPPED = "/assets/networks/dreamer.dn";
    /**
     * The class-path resource of a world model alone, trained on 200 random-torque episodes ({@code dreamer --seed 1
     * --updates 4000}): what the token lesson compares its transformer with, on the same data.
     */
    public static final String SHIPPED_WORLD_MODEL = "/assets/networks/dreamer-world-model.dn";
    private static final String MAGIC = "MBRLDR";
    private static final int VERSION = 2;
    /** The oldest version still read: 1, before categorical latents, whose z is always Gaussian. */
    private static final int OLDEST = 1;
    /** No array in a file may be longer than this (a 64 × 64 × 3 frame's 12,288 values × 1,024 units). */
    private static final int MAX_ARRAY = 12_288 * 1024;
    /** The most sections and arrays per section a file may say it holds. */
    private static final int MAX_SECTIONS = 64;

    /**
     * A named group of weight arrays (an actor's, a critic's) kept beside the world model.
     *
     * @param name   what the arrays are, 1 to 100 characters
     * @param arrays the arrays (copied)
     */
    public record Section(String name, List<float[]> arrays) {
        public Section {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.length() > 100) {
                throw new IllegalArgumentException("a section's name has " + name.length() + " characters, allowed 1 to 100");
            }
            if (arrays.size() > MAX_SECTIONS) {
                throw new IllegalArgumentException("section " + name + " has " + arrays.size() + " arrays, allowed 0 to " + MAX_SECTIONS);
            }
            arrays = arrays.stream().map(float[]::clone).toList();
        }

        /** The arrays, copied. */
        @Override
        public List<float[]> arrays() {
            return arrays.stream().map(float[]::clone).toList();
        }
    }

    public DreamerNetworks {
        Objects.requireNonNull(model, "model");
        if (episodes < 1) throw new IllegalArgumentException("episodes " + episodes + ": at least 1");
        if (updates < 0) throw new IllegalArgumentException("updates " + updates + ": at least 0");
        PlainLayers.check(meanFrame.length, model.pixels(), "meanFrame");
        meanFrame = meanFrame.clone();
        sections = List.copyOf(sections);
        if (sections.size() > MAX_SECTIONS) {
            throw new IllegalArgumentException(sections.size() + " sections, allowed 0 to " + MAX_SECTIONS);
        }
    }

    /** A file holding only a world model (no further sections). */
    public static DreamerNetworks of(FrozenRssm model, long seed, int episodes, int updates, float[] meanFrame) {
        return new DreamerNetworks(model, seed, episodes, updates, meanFrame, List.of());
    }

    /** The mean training frame, copied. */
    @Override
    public float[] meanFrame() {
        return meanFrame.clone();
    }

    /** Writes the networks in the format of the class comment. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        WeightFiles.writeHeader(data, MAGIC, VERSION);
        data.writeLong(seed);
        data.writeInt(episodes);
        data.writeInt(updates);
        writeArray(data, meanFrame);
        RssmGraph.Sizes s = model.sizes();
        for (int n : new int[] {s.pixels(), s.encoderUnits(), s.embedding(), s.deterministic(), s.stochastic(), s.headUnits()}) {
            data.writeInt(n);
        }
        data.writeUTF(model.latents().key());
        data.writeInt(s.classes());
        for (float[] a : model.weights()) writeArray(data, a);
        data.writeInt(sections.size());
        for (Section section : sections) {
            data.writeUTF(section.name());
            data.writeInt(section.arrays.size());
            for (float[] a : section.arrays) writeArray(data, a);
        }
        data.flush();
    }

    /**
     * Reads networks written by {@link #write}.
     *
     * @throws IOException if the stream is not such a file, is cut short, or holds sizes that do not fit
     */
    public static DreamerNetworks read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            int version = WeightFiles.readHeader(data, MAGIC, OLDEST, VERSION, "a Dreamer network file", "network file version");
            long seed = data.readLong();
            int episodes = data.readInt();
            if (episodes < 1 || episodes > PixelEpisodes.MAX_EPISODES) throw new IOException("the file says it was trained on " + episodes + " episodes");
            int updates = data.readInt();
            if (updates < 0) throw new IOException("the file says it was trained for " + updates + " updates");
            float[] mean = readArray(data);
            String[] names = {"pixels", "encoder units", "embedding", "deterministic state", "stochastic state", "head units"};
            int[] n = new int[names.length];
            for (int i = 0; i < n.length; i++) n[i] = size(data.readInt(), "the RSSM's " + names[i]);
            int classes = version == 1 ? 0 : classes(data);
            float[][] w = new float[24][];
            for (int i = 0; i < w.length; i++) w[i] = readArray(data);
            FrozenRssm model = new FrozenRssm(new RssmGraph.Sizes(n[0], n[1], n[2], n[3], n[4], n[5], 1, 2, 1, classes), w);
            int count = data.readInt();
            if (count < 0 || count > MAX_SECTIONS) throw new IOException("the file says it holds " + count + " sections");
            Section[] sections = new Section[count];
            for (int i = 0; i < count; i++) {
                String name = data.readUTF();
                int arrays = data.readInt();
                if (arrays < 0 || arrays > MAX_SECTIONS) throw new IOException("section " + name + " says it holds " + arrays + " arrays");
                float[][] a = new float[arrays][];
                for (int k = 0; k < arrays; k++) a[k] = readArray(data);
                sections[i] = new Section(name, List.of(a));
            }
            if (data.read() != -1) throw new IOException("the file goes on after its last section");
            return new DreamerNetworks(model, seed, episodes, updates, mean, List.of(sections));
        } catch (EOFException e) {
            throw new IOException("the network file is cut short", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("the network file does not hold a consistent world model: " + e.getMessage(), e);
        }
    }

    /** Reads the Dreamer agent that ships with the app ({@link #SHIPPED}): its world model, actor, critic and curve. */
    public static DreamerNetworks shipped() throws IOException {
        return resource(SHIPPED);
    }

    /** Reads the world model alone that ships with the app ({@link #SHIPPED_WORLD_MODEL}). */
    public static DreamerNetworks shippedWorldModel() throws IOException {
        return resource(SHIPPED_WORLD_MODEL);
    }

    private static DreamerNetworks resource(String name) throws IOException {
        InputStream in = DreamerNetworks.class.getResourceAsStream(name);
        if (in == null) throw new IOException("the shipped world model " + name + " is missing from the class path");
        try (in) {
            return read(new java.io.BufferedInputStream(in));
        }
    }

    /** The latents' kind and K (version 2): 0 for a Gaussian z. */
    private static int classes(DataInputStream data) throws IOException {
        String kind = data.readUTF();
        RssmConfig.Latents latents;
        try {
            latents = RssmConfig.Latents.of(kind);
        } catch (IllegalArgumentException e) {
            throw new IOException("the file's " + e.getMessage());
        }
        int classes = data.readInt();
        if (latents == RssmConfig.Latents.GAUSSIAN ? classes != 0 : classes < 2 || classes > RssmConfig.MAX_CLASSES) {
            throw new IOException("the file's " + kind + " latents have " + classes + " classes");
        }
        return classes;
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
