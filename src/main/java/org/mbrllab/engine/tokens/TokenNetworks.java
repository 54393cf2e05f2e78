package org.mbrllab.engine.tokens;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.mbrllab.engine.core.WeightFiles;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.PixelPendulum;
import org.mbrllab.engine.nn.TokenizerGraph;
import org.mbrllab.engine.nn.TransformerGraph;
import org.mbrllab.engine.worldmodels.PlainLayers;

/**
 * A trained token world model as a file: the tokenizer's and the transformer's weights (its reward head in the
 * rewards' own units), the {@link TokenConfig} they were trained with, the training episodes, the mean training
 * frame (the open-loop baseline) and the training time. The lesson ships one ({@link #SHIPPED}) so that its viewer
 * opens ready; {@code mbrl-lab token-world-model --out FILE} writes one.
 *
 * <h2>Format (big-endian, as {@link DataOutputStream} writes)</h2>
 * <pre>
 *   "MBRLTN" version(int = 1)
 *   training:     episodes (int), seconds (double), mean frame (array)
 *   config:       codes dimension encoderUnits decoderUnits (ints), beta (double), tokenizerBatch tokenizerUpdates
 *                 (ints), tokenizerRate (double), width heads layers frames actionBins transformerBatch
 *                 transformerUpdates (ints), transformerRate (double), seed (long), rewardWeight (double)
 *   tokenizer:    array count (int), then the arrays in {@link TokenizerGraph#ORDER}
 *   transformer:  array count (int), then the arrays in the order of {@link TransformerGraph#names(int)}
 *   (array: length int, then floats)
 * </pre>
 * The networks' shapes follow from the configuration ({@link TokenizerTrainer#sizes}, {@link TransformerTrainer#sizes}),
 * so they are not written twice. Reading checks every size against the configuration, every count and that
 * nothing follows the last array, so a cut or foreign file is refused with a message rather than read as nonsense.
 *
 * @param imagination the tokenizer and the transformer
 * @param config      the configuration they were trained with (its seed: weights and batches, and the random
 *                    training episodes)
 * @param episodes    the random episodes they were trained on
 * @param meanFrame   the training frames' pixel-wise mean, {@value PixelPendulum#PIXELS} values
 * @param seconds     the wall-clock time of both trainings (measured: it varies with the machine's load)
 */
public record TokenNetworks(TokenImagination imagination, TokenConfig config, int episodes, float[] meanFrame,
                            double seconds) {
    /** The class-path resource of the token world model that ships with the app. */
    public static final String SHIPPED = "/assets/networks/token-world-model.tn";
    private static final String MAGIC = "MBRLTN";
    private static final int VERSION = 1;
    /** No array in a file may be longer than this: 16 tokens × 1,024 dimensions × 1,024 decoder units. */
    private static final int MAX_ARRAY = 16 * 1024 * 1024;

    public TokenNetworks {
        Objects.requireNonNull(imagination, "imagination");
        Objects.requireNonNull(config, "config");
        if (episodes < 1 || episodes > PixelEpisodes.MAX_EPISODES) {
            throw new IllegalArgumentException("episodes " + episodes + ": allowed 1 to " + PixelEpisodes.MAX_EPISODES);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) throw new IllegalArgumentException("seconds " + seconds + ": must be finite and 0 or more");
        PlainLayers.check(meanFrame.length, PixelPendulum.PIXELS, "meanFrame");
        meanFrame = meanFrame.clone();
        TokenizerGraph.Sizes tokenizer = TokenizerTrainer.sizes(config);
        if (!imagination.tokenizer().sizes().equals(tokenizer)) {
            throw new IllegalArgumentException("the tokenizer's sizes " + imagination.tokenizer().sizes() + " are not the configuration's " + tokenizer);
        }
        TransformerGraph.Sizes transformer = TransformerTrainer.sizes(config, tokenizer.tokens());
        if (!imagination.transformer().sizes().equals(transformer)) {
            throw new IllegalArgumentException("the transformer's sizes " + imagination.transformer().sizes()
                    + " are not the configuration's " + transformer);
        }
    }

    /** A trained model ({@link TokenWorldModel#train}) with what it was trained on. */
    public static TokenNetworks of(TokenWorldModel.Trained model, TokenConfig config, PixelEpisodes training) {
        return new TokenNetworks(model.imagination(), config, training.episodes(), training.meanFrame(), model.seconds());
    }

    /** The seed the networks were trained from. */
    public long seed() {
        return config.seed();
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
        data.writeInt(episodes);
        data.writeDouble(seconds);
        WeightFiles.writeArray(data, meanFrame);
        TokenConfig c = config;
        for (int n : new int[] {c.codes(), c.dimension(), c.encoderUnits(), c.decoderUnits()}) data.writeInt(n);
        data.writeDouble(c.beta());
        data.writeInt(c.tokenizerBatch());
        data.writeInt(c.tokenizerUpdates());
        data.writeDouble(c.tokenizerRate());
        for (int n : new int[] {c.width(), c.heads(), c.layers(), c.frames(), c.actionBins(), c.transformerBatch(),
            c.transformerUpdates()}) {
            data.writeInt(n);
        }
        data.writeDouble(c.transformerRate());
        data.writeLong(c.seed());
        data.writeDouble(c.rewardWeight());
        for (float[][] arrays : new float[][][] {imagination.tokenizer().weights(), imagination.transformer().weights()}) {
            data.writeInt(arrays.length);
            for (float[] a : arrays) WeightFiles.writeArray(data, a);
        }
        data.flush();
    }

    /**
     * Reads networks written by {@link #write}.
     *
     * @throws IOException if the stream is not such a file, is cut short, or holds sizes that do not fit
     */
    public static TokenNetworks read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            WeightFiles.readHeader(data, MAGIC, VERSION, "a token world model file", "token world model file version");
            int episodes = data.readInt();
            if (episodes < 1 || episodes > PixelEpisodes.MAX_EPISODES) throw new IOException("the file says it was trained on " + episodes + " episodes");
            double seconds = data.readDouble();
            if (!(seconds >= 0) || Double.isInfinite(seconds)) throw new IOException("the file says it was trained for " + seconds + " s");
            float[] mean = WeightFiles.readArray(data, MAX_ARRAY);
            int codes = data.readInt(), dimension = data.readInt(), encoderUnits = data.readInt(), decoderUnits = data.readInt();
            double beta = data.readDouble();
            int tokenizerBatch = data.readInt(), tokenizerUpdates = data.readInt();
            double tokenizerRate = data.readDouble();
            int width = data.readInt(), heads = data.readInt(), layers = data.readInt(), frames = data.readInt();
            int actionBins = data.readInt(), transformerBatch = data.readInt(), transformerUpdates = data.readInt();
            double transformerRate = data.readDouble();
            long seed = data.readLong();
            double rewardWeight = data.readDouble();
            TokenConfig config = new TokenConfig(codes, dimension, encoderUnits, decoderUnits, beta, tokenizerBatch,
                    tokenizerUpdates, tokenizerRate, width, heads, layers, frames, actionBins, transformerBatch,
                    transformerUpdates, transformerRate, seed, rewardWeight);
            TokenizerGraph.Sizes tokenizerSizes = TokenizerTrainer.sizes(config);
            float[][] tokenizer = readArrays(data, TokenizerGraph.ORDER.split(" ").length, "tokenizer");
            TransformerGraph.Sizes transformerSizes = TransformerTrainer.sizes(config, tokenizerSizes.tokens());
            float[][] transformer = readArrays(data, TransformerGraph.names(layers).length, "transformer");
            if (data.read() != -1) throw new IOException("the file goes on after its last array");
            TokenImagination imagination = new TokenImagination(new FrozenTokenizer(tokenizerSizes, tokenizer),
                    new FrozenTransformer(transformerSizes, transformer));
            return new TokenNetworks(imagination, config, episodes, mean, seconds);
        } catch (EOFException e) {
            throw new IOException("the token world model file is cut short", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("the token world model file does not hold a consistent model: " + e.getMessage(), e);
        }
    }

    /** Reads the token world model that ships with the app ({@value #SHIPPED}). */
    public static TokenNetworks shipped() throws IOException {
        InputStream in = TokenNetworks.class.getResourceAsStream(SHIPPED);
        if (in == null) throw new IOException("the shipped token world model " + SHIPPED + " is missing from the class path");
        try (in) {
            return read(new BufferedInputStream(in));
        }
    }

    private static float[][] readArrays(DataInputStream data, int expected, String what) throws IOException {
        int count = data.readInt();
        if (count != expected) throw new IOException("the " + what + " has " + count + " arrays in the file, expected " + expected);
        float[][] arrays = new float[count][];
        for (int i = 0; i < count; i++) arrays[i] = WeightFiles.readArray(data, MAX_ARRAY);
        return arrays;
    }
}
