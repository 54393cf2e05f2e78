package org.mbrllab.engine.alphazero;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.zip.CRC32;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.GameState;

/**
 * The AlphaZero policy/value network f_θ(s) = (p, v) of Silver et al. 2017, small enough for tic-tac-toe:
 * <pre>
 *   h₁ = tanh(x W₁ + b₁)          h₂ = tanh(h₁ W₂ + b₂)
 *   p  = softmax over the legal moves of (h₂ W_p + b_p)       v = tanh(h₂ w_v + b_v) ∈ [−1, 1]
 * </pre>
 * x is the {@link BoardEncoding} of the position; p and v are for the side to move. This class holds the
 * weights as immutable float arrays and computes the forward pass in plain Java (a few microseconds, no
 * ND4J start, so a search with the shipped network opens instantly);
 * {@link org.mbrllab.engine.nn.PolicyValueGraph} is the same network as a SameDiff graph, which trains it
 * with autodiff (starting from {@link #allWeights()}), and a test checks the two agree.
 *
 * <h2>File format ({@code .az}, version 1)</h2>
 * Big-endian ({@link DataOutputStream}):
 * <pre>
 *   6 bytes  "MBRLAZ"          int   version (1)          UTF   game ("tictactoe" or "connect4")
 *   int      inputs            int   hidden units          int   moves
 *   per array, in the order w1 b1 w2 b2 wp bp wv bv:  int length, then that many floats
 *                                                     (matrices row-major, (fan-in, fan-out))
 *   long     CRC-32 of every byte before it
 * </pre>
 * Instances are immutable (the arrays are copied in and never handed out), so one network can be shared
 * between threads.
 *
 * <p>A file that is missing, truncated, fails the checksum, has the wrong shapes or holds a non-finite
 * weight is refused with a {@link NetworkFileException}.
 */
public final class PolicyValueNet {
    static final byte[] MAGIC = "MBRLAZ".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** Larger files are refused before reading (a shipped tic-tac-toe net is about 27 KB). */
    static final int MAX_FILE_BYTES = 16 << 20;
    /** Names of the weight arrays, in file and graph order. */
    static final String[] NAMES = {"w1", "b1", "w2", "b2", "wp", "bp", "wv", "bv"};

    private final Game game;
    private final int inputs;
    private final int hidden;
    private final int moves;
    /** In {@link #NAMES} order. */
    private final float[][] weights;

    PolicyValueNet(Game game, int hidden, float[][] weights) {
        this.game = Objects.requireNonNull(game, "game");
        this.inputs = BoardEncoding.inputs(game);
        this.hidden = hidden;
        this.moves = game.moves();
        int[] expected = shapes(inputs, hidden, moves);
        if (weights.length != expected.length) throw new IllegalArgumentException("expected " + expected.length + " weight arrays");
        this.weights = new float[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            if (weights[i].length != expected[i]) {
                throw new IllegalArgumentException(NAMES[i] + " has " + weights[i].length + " weights, expected " + expected[i]);
            }
            this.weights[i] = weights[i].clone();
        }
    }

    /**
     * A fresh network: weights uniform in ±√(6/(fan-in + fan-out)) (Glorot &amp; Bengio 2010), biases 0.
     *
     * @param hidden units in each of the two hidden layers, in [1, 1024]
     */
    public static PolicyValueNet initial(Game game, int hidden, RandomGenerator rng) {
        if (hidden < 1 || hidden > 1024) throw new IllegalArgumentException("hidden units " + hidden + " is out of range: allowed 1 to 1024");
        int in = BoardEncoding.inputs(game);
        int[][] fans = {{in, hidden}, {0, hidden}, {hidden, hidden}, {0, hidden}, {hidden, game.moves()}, {0, game.moves()},
            {hidden, 1}, {0, 1}};
        float[][] w = new float[fans.length][];
        for (int i = 0; i < fans.length; i++) {
            int fanIn = fans[i][0];
            int fanOut = fans[i][1];
            w[i] = new float[Math.max(fanIn, 1) * fanOut];
            if (fanIn == 0) continue; // a bias
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            for (int j = 0; j < w[i].length; j++) w[i][j] = (float) ((2 * rng.nextDouble() - 1) * limit);
        }
        return new PolicyValueNet(game, hidden, w);
    }

    static int[] shapes(int inputs, int hidden, int moves) {
        return new int[] {inputs * hidden, hidden, hidden * hidden, hidden, hidden * moves, moves, hidden, 1};
    }

    public Game game() { return game; }

    public int hiddenUnits() { return hidden; }

    /** Number of weights and biases. */
    public int parameterCount() {
        return Arrays.stream(weights).mapToInt(a -> a.length).sum();
    }

    /** A copy of the weight array {@code i} (in {@link #NAMES} order). */
    float[] weights(int i) {
        return weights[i].clone();
    }

    /** A copy of every weight array, in {@link #NAMES} order: what a training graph starts from. */
    float[][] allWeights() {
        float[][] copy = new float[weights.length][];
        for (int i = 0; i < copy.length; i++) copy[i] = weights[i].clone();
        return copy;
    }

    // ================================================================ forward pass

    /**
     * Evaluates {@code state} (not over): fills {@code priors} (length {@link Game#moves()}, may be null)
     * with p over the legal moves (0 elsewhere) and returns v for the side to move.
     */
    public double evaluate(GameState state, double[] priors) {
        float[] x = new float[inputs];
        BoardEncoding.encode(state, x);
        return forward(x, state.legalMoves(), priors);
    }

    /** The forward pass on an encoded position; {@code legal} is the bitmask of legal moves. */
    double forward(float[] x, int legal, double[] priors) {
        float[] w1 = weights[0], b1 = weights[1], w2 = weights[2], b2 = weights[3];
        float[] wp = weights[4], bp = weights[5], wv = weights[6], bv = weights[7];
        double[] h1 = new double[hidden];
        for (int j = 0; j < hidden; j++) h1[j] = b1[j];
        for (int i = 0; i < inputs; i++) {
            float xi = x[i];
            if (xi == 0) continue;
            int row = i * hidden;
            for (int j = 0; j < hidden; j++) h1[j] += xi * w1[row + j];
        }
        for (int j = 0; j < hidden; j++) h1[j] = Math.tanh(h1[j]);
        double[] h2 = new double[hidden];
        for (int j = 0; j < hidden; j++) h2[j] = b2[j];
        for (int i = 0; i < hidden; i++) {
            double hi = h1[i];
            int row = i * hidden;
            for (int j = 0; j < hidden; j++) h2[j] += hi * w2[row + j];
        }
        double value = bv[0];
        for (int j = 0; j < hidden; j++) {
            h2[j] = Math.tanh(h2[j]);
            value += h2[j] * wv[j];
        }
        if (priors != null) {
            double max = Double.NEGATIVE_INFINITY;
            Arrays.fill(priors, 0);
            for (int rest = legal; rest != 0; rest &= rest - 1) {
                int m = Integer.numberOfTrailingZeros(rest);
                double logit = bp[m];
                for (int j = 0; j < hidden; j++) logit += h2[j] * wp[j * moves + m];
                priors[m] = logit;
                max = Math.max(max, logit);
            }
            double sum = 0;
            for (int rest = legal; rest != 0; rest &= rest - 1) {
                int m = Integer.numberOfTrailingZeros(rest);
                priors[m] = Math.exp(priors[m] - max);
                sum += priors[m];
            }
            for (int rest = legal; rest != 0; rest &= rest - 1) priors[Integer.numberOfTrailingZeros(rest)] /= sum;
        }
        return Math.tanh(value);
    }

    // ================================================================ saving and loading

    /** Writes the network to {@code file} in the format above (parent folders are created). */
    public void save(Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.write(file, toBytes());
    }

    /** The file's bytes. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(game.cliName());
            out.writeInt(inputs);
            out.writeInt(hidden);
            out.writeInt(moves);
            for (float[] a : weights) {
                out.writeInt(a.length);
                for (float f : a) out.writeFloat(f);
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen in memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a network file.
     *
     * @throws NetworkFileException "no network file at …", or "network file … is corrupt: …"
     */
    public static PolicyValueNet load(Path file) {
        byte[] bytes;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
                throw new NetworkFileException("network file " + file + " is corrupt: larger than " + MAX_FILE_BYTES + " bytes");
            }
            // At most one byte past the limit, so that an endless file (/dev/zero) cannot fill the heap.
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new NetworkFileException("no network file at " + file);
        } catch (IOException e) {
            throw new NetworkFileException("cannot read network file " + file + ": " + e.getMessage());
        }
        return fromBytes(bytes, file.toString());
    }

    /** Reads a network from a stream (e.g. a classpath resource) named {@code source} in messages. */
    public static PolicyValueNet load(InputStream in, String source) {
        try (InputStream s = in) {
            return fromBytes(s.readNBytes(MAX_FILE_BYTES + 1), source);
        } catch (IOException e) {
            throw new NetworkFileException("cannot read network file " + source + ": " + e.getMessage());
        }
    }

    static PolicyValueNet fromBytes(byte[] bytes, String source) {
        String corrupt = "network file " + source + " is corrupt: ";
        if (bytes.length > MAX_FILE_BYTES) throw new NetworkFileException(corrupt + "larger than " + MAX_FILE_BYTES + " bytes");
        if (bytes.length < MAGIC.length + 8 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new NetworkFileException(corrupt + "not an MBRL Lab network (.az) file");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = 0;
        for (int i = bytes.length - 8; i < bytes.length; i++) stored = (stored << 8) | (bytes[i] & 0xff);
        if (stored != crc.getValue()) throw new NetworkFileException(corrupt + "checksum mismatch (truncated or damaged)");
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length - 8 - MAGIC.length))) {
            int version = in.readInt();
            if (version != VERSION) throw new NetworkFileException(corrupt + "version " + version + ", this program reads version " + VERSION);
            Game game;
            try {
                game = Game.fromCliName(in.readUTF());
            } catch (IllegalArgumentException e) {
                throw new NetworkFileException(corrupt + e.getMessage());
            }
            int inputs = in.readInt();
            int hidden = in.readInt();
            int moves = in.readInt();
            if (inputs != BoardEncoding.inputs(game) || moves != game.moves() || hidden < 1 || hidden > 1024) {
                throw new NetworkFileException(corrupt + "shape " + inputs + "→" + hidden + "→" + moves + " does not fit " + game.displayName());
            }
            int[] shapes = shapes(inputs, hidden, moves);
            float[][] w = new float[shapes.length][];
            for (int i = 0; i < shapes.length; i++) {
                int n = in.readInt();
                if (n != shapes[i]) throw new NetworkFileException(corrupt + NAMES[i] + " has " + n + " weights, expected " + shapes[i]);
                w[i] = new float[n];
                for (int j = 0; j < n; j++) {
                    w[i][j] = in.readFloat();
                    if (!Float.isFinite(w[i][j])) throw new NetworkFileException(corrupt + NAMES[i] + " holds a non-finite weight");
                }
            }
            if (in.available() != 0) throw new NetworkFileException(corrupt + in.available() + " unexpected bytes at the end");
            return new PolicyValueNet(game, hidden, w);
        } catch (IOException e) {
            throw new NetworkFileException(corrupt + "it ends too early");
        }
    }

    /** Writes {@link #toBytes()} to {@code out}. */
    public void write(OutputStream out) throws IOException {
        out.write(toBytes());
    }

    @Override
    public String toString() {
        return game.displayName() + " policy/value net " + inputs + "→" + hidden + "→" + hidden + "→(" + moves + ", 1), "
                + parameterCount() + " parameters";
    }
}
