package org.mbrllab.engine.alphazero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.nn.PolicyValueGraph;

/** The network: Java forward pass against the SameDiff graph, masking, and the .az file. */
class PolicyValueNetTest {

    /** Float32 graph against a double Java pass over the same float weights. */
    static final double GRAPH_TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    static PolicyValueNet net(long seed) {
        return PolicyValueNet.initial(Game.TIC_TAC_TOE, 16, Seeds.random(seed));
    }

    /** The training graph that starts from {@code net}'s weights, as {@link AlphaZeroTrainer} builds it. */
    static PolicyValueGraph graph(PolicyValueNet net, double learningRate, double l2) {
        return new PolicyValueGraph(BoardEncoding.inputs(net.game()), net.hiddenUnits(), net.game().moves(),
                net.allWeights(), learningRate, l2);
    }

    /** The graph's weights as a tic-tac-toe network. */
    static PolicyValueNet network(PolicyValueGraph graph) {
        return new PolicyValueNet(Game.TIC_TAC_TOE, graph.hiddenUnits(), graph.weights());
    }

    @Test
    void javaForwardPassMatchesTheSameDiffGraph() {
        PolicyValueNet net = net(3);
        PolicyValueGraph graph = graph(net, 1e-3, 1e-4);
        String[] boards = {".........", "X...O....", "XO.XO....", "XOXOX.O.."};
        for (String b : boards) {
            GameState s = Game.TIC_TAC_TOE.parse(b);
            float[] x = new float[27];
            BoardEncoding.encode(s, x);
            float[] illegal = new float[9];
            for (int a = 0; a < 9; a++) illegal[a] = s.isLegal(a) ? 0 : 1;
            float[][] g = graph.predict(x, illegal, 1);
            double[] priors = new double[9];
            double v = net.evaluate(s, priors);
            assertEquals(g[1][0], v, GRAPH_TOLERANCE, "value on " + b);
            for (int a = 0; a < 9; a++) assertEquals(g[0][a], priors[a], GRAPH_TOLERANCE, "prior of " + a + " on " + b);
        }
    }

    @Test
    void fixedTrainingStepTrainsTheSameNumbersAsOutputAndFit() {
        PolicyValueGraph fixed = graph(net(4), 3e-3, 1e-4);
        PolicyValueGraph fit = graph(net(4), 3e-3, 1e-4);
        java.util.random.RandomGenerator r = Seeds.random(8);
        String[] boards = {".........", "X...O....", "XO.XO....", "XOXOX.O..", "X........", "XO.......", "XOX......"};
        double firstValueLoss = 0;
        double lastValueLoss = 0;
        for (int batch = 0; batch < 12; batch++) {
            int rows = batch % 3 == 2 ? 3 : boards.length; // the batch shrinks now and then, as a buffer's last one
            float[] x = new float[rows * 27];
            float[] illegal = new float[rows * 9];
            float[] pi = new float[rows * 9];
            float[] z = new float[rows];
            for (int i = 0; i < rows; i++) {
                GameState s = Game.TIC_TAC_TOE.parse(boards[i]);
                float[] xi = new float[27];
                BoardEncoding.encode(s, xi);
                System.arraycopy(xi, 0, x, i * 27, 27);
                double total = 0;
                for (int a = 0; a < 9; a++) {
                    illegal[i * 9 + a] = s.isLegal(a) ? 0 : 1;
                    pi[i * 9 + a] = s.isLegal(a) ? (float) r.nextDouble() : 0;
                    total += pi[i * 9 + a];
                }
                for (int a = 0; a < 9; a++) pi[i * 9 + a] /= (float) total;
                z[i] = (float) (2 * r.nextDouble() - 1);
            }
            double[] a = fixed.train(x, illegal, pi, z, rows);
            double[] b = fit.trainThroughFit(x, illegal, pi, z, rows);
            assertArrayEquals(b, a, 0.0, "value, policy and L2 loss of batch " + batch);
            if (batch == 0) firstValueLoss = a[0];
            if (rows == boards.length) lastValueLoss = a[0];
        }
        PolicyValueNet a = network(fixed);
        PolicyValueNet b = network(fit);
        for (int i = 0; i < PolicyValueNet.NAMES.length; i++) {
            assertArrayEquals(b.weights(i), a.weights(i), 0f, PolicyValueNet.NAMES[i]);
        }
        assertTrue(lastValueLoss < firstValueLoss, "and it trains: " + firstValueLoss + " then " + lastValueLoss);
    }

    @Test
    void priorsAreADistributionOverTheLegalMovesAndTheValueIsInRange() {
        GameState s = Game.TIC_TAC_TOE.parse("XO.XO....");
        double[] p = new double[9];
        double v = net(1).evaluate(s, p);
        assertEquals(1, Arrays.stream(p).sum(), 1e-12);
        for (int a = 0; a < 9; a++) {
            if (!s.isLegal(a)) assertEquals(0, p[a], "illegal move " + a);
            else assertTrue(p[a] > 0);
        }
        assertTrue(v >= -1 && v <= 1);
    }

    @Test
    void saveAndLoadGiveTheSameNetwork() throws IOException {
        PolicyValueNet net = net(2);
        Path file = dir.resolve("sub/net.az");
        net.save(file);
        PolicyValueNet back = PolicyValueNet.load(file);
        assertArrayEquals(net.toBytes(), back.toBytes());
        for (int i = 0; i < PolicyValueNet.NAMES.length; i++) assertArrayEquals(net.weights(i), back.weights(i), 0);
        assertEquals(16, back.hiddenUnits());
    }

    @Test
    void aMissingFileSaysSo() {
        Path file = dir.resolve("nothing.az");
        NetworkFileException e = assertThrows(NetworkFileException.class, () -> PolicyValueNet.load(file));
        assertEquals("no network file at " + file, e.getMessage());
    }

    @Test
    void aDamagedFileFailsItsChecksum() throws IOException {
        byte[] bytes = net(2).toBytes();
        bytes[bytes.length / 2] ^= 0x10;
        Path file = dir.resolve("damaged.az");
        Files.write(file, bytes);
        NetworkFileException e = assertThrows(NetworkFileException.class, () -> PolicyValueNet.load(file));
        assertEquals("network file " + file + " is corrupt: checksum mismatch (truncated or damaged)", e.getMessage());
    }

    @Test
    void aTruncatedOrForeignFileIsRefused() throws IOException {
        byte[] bytes = net(2).toBytes();
        Path cut = dir.resolve("cut.az");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
        assertTrue(assertThrows(NetworkFileException.class, () -> PolicyValueNet.load(cut)).getMessage().contains("is corrupt"));
        Path text = dir.resolve("text.az");
        Files.writeString(text, "hello, this is not a network");
        assertEquals("network file " + text + " is corrupt: not an MBRL Lab network (.az) file",
                assertThrows(NetworkFileException.class, () -> PolicyValueNet.load(text)).getMessage());
    }

    @Test
    void symmetriesAreTheEightMapsOfTheSquare() {
        int[][] maps = BoardEncoding.symmetries(Game.TIC_TAC_TOE);
        assertEquals(8, maps.length);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, maps[0]);
        assertEquals(8, Arrays.stream(maps).map(Arrays::toString).distinct().count());
        for (int[] m : maps) {
            assertEquals(4, m[4], "the centre stays");
            assertEquals(36, Arrays.stream(m).sum(), "a permutation");
        }
    }

    @Test
    void connectFourHasTheMirrorAsItsOnlyOtherSymmetry() {
        int[][] cells = BoardEncoding.symmetries(Game.CONNECT_FOUR);
        int[][] moves = BoardEncoding.moveSymmetries(Game.CONNECT_FOUR);
        assertEquals(2, cells.length);
        assertEquals(2, moves.length);
        assertEquals(6, cells[1][0], "top-left → top-right");
        assertEquals(41 - 6, cells[1][41], "bottom-right → bottom-left");
        assertEquals(3, cells[1][3], "the middle column stays");
        assertArrayEquals(new int[] {6, 5, 4, 3, 2, 1, 0}, moves[1]);
    }
}
