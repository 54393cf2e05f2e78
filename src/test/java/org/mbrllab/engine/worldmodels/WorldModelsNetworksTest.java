package org.mbrllab.engine.worldmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.worldmodels.WorldModelsNetworks.TrainedController;

/** The network file keeps V, M and the controllers exactly, and refuses what is not such a file. */
class WorldModelsNetworksTest {

    private static WorldModelsNetworks networks() {
        FrozenVae v = TinyNetworks.v(4, 8, 1);
        FrozenMdnRnn m = TinyNetworks.m(4, 6, 2, 0.3, 2);
        double[] theta = new double[LinearController.parameterCount(4, 6)];
        for (int i = 0; i < theta.length; i++) theta[i] = i * 0.1 - 0.3;
        return new WorldModelsNetworks(v, m, List.of(
                new TrainedController(0.1, new LinearController(4, 6, theta), 300, 20.5),
                new TrainedController(1.15, LinearController.zero(4, 6), 40, Double.NaN)));
    }

    private static byte[] bytes(WorldModelsNetworks n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        n.write(out);
        return out.toByteArray();
    }

    @Test
    void aWrittenFileReadsBackToTheSameNetworksAndScores() throws IOException {
        WorldModelsNetworks n = networks();
        WorldModelsNetworks back = WorldModelsNetworks.read(new ByteArrayInputStream(bytes(n)));
        float[][] v = n.v().weights();
        float[][] vBack = back.v().weights();
        for (int i = 0; i < v.length; i++) assertArrayEquals(v[i], vBack[i]);
        float[][] m = n.m().weights();
        float[][] mBack = back.m().weights();
        for (int i = 0; i < m.length; i++) assertArrayEquals(m[i], mBack[i]);
        assertEquals(2, back.controllers().size());
        assertEquals(n.controllers().get(0), back.controllers().get(0));
        assertTrue(Double.isNaN(back.controllers().get(1).realScore()));
        assertEquals(1.15, back.closest(1.0).temperature());
        assertEquals(0.1, back.closest(0.2).temperature());
    }

    @Test
    void aCutFileIsRefusedWithAMessage() throws IOException {
        byte[] b = bytes(networks());
        IOException e = assertThrows(IOException.class,
                () -> WorldModelsNetworks.read(new ByteArrayInputStream(Arrays.copyOf(b, b.length - 9))));
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void aForeignFileIsRefusedWithAMessage() {
        IOException e = assertThrows(IOException.class,
                () -> WorldModelsNetworks.read(new ByteArrayInputStream("PK\u0003\u0004 a zip file".getBytes())));
        assertTrue(e.getMessage().contains("not a World Models network file"), e.getMessage());
    }

    @Test
    void aFileWithExtraBytesOrANonFiniteWeightIsRefused() throws IOException {
        byte[] b = bytes(networks());
        byte[] longer = Arrays.copyOf(b, b.length + 1);
        assertThrows(IOException.class, () -> WorldModelsNetworks.read(new ByteArrayInputStream(longer)));
        // The first weight of V sits after "MBRLWM", the version, three sizes and the first array's length.
        byte[] nan = b.clone();
        int at = 6 + 4 + 12 + 4;
        int bits = Float.floatToIntBits(Float.NaN);
        for (int k = 0; k < 4; k++) nan[at + k] = (byte) (bits >>> (24 - 8 * k));
        IOException e = assertThrows(IOException.class, () -> WorldModelsNetworks.read(new ByteArrayInputStream(nan)));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void theShippedNetworksLoadAndFitTheLessonsGame() throws IOException {
        try (InputStream in = WorldModelsNetworks.class.getResourceAsStream(WorldModelsNetworks.SHIPPED)) {
            assertTrue(in != null, "the jar holds " + WorldModelsNetworks.SHIPPED);
            WorldModelsNetworks n = WorldModelsNetworks.read(in);
            assertEquals(Dodge.PIXELS, n.v().pixels());
            assertEquals(VaeConfig.defaults().latent(), n.v().latent());
            assertEquals(MdnRnnConfig.defaults().hiddenUnits(), n.m().hiddenUnits());
            assertEquals(5, n.controllers().size(), "one controller per temperature of the paper's Table 2");
        }
    }

    /**
     * The bar, on the shipped file (made with {@code world-models --seed 1}): replayed on the same 100
     * real episodes, the controller evolved in the dream at τ = 1 survives at least twice as long as a random
     * policy, and the one evolved in the cold dream (τ = 0.1) scores far more in the dream than in the game.
     * The replay must give exactly the score the file records, since both play the same seeded episodes.
     */
    @Test
    void theShippedControllerFromAWarmDreamTransfersAndTheColdOneCheats() throws IOException {
        WorldModelsNetworks n;
        try (InputStream in = WorldModelsNetworks.class.getResourceAsStream(WorldModelsNetworks.SHIPPED)) {
            n = WorldModelsNetworks.read(in);
        }
        DodgeParams params = DodgeParams.defaults();
        long episodes = WorldModelsPipeline.evaluationSeed(1);
        double random = RealPlay.mean(RealPlay.play(DodgePolicy.random(), params, 100, episodes));
        TrainedController warm = n.closest(1.0);
        assertEquals(1.0, warm.temperature(), 1e-12);
        double real = RealPlay.mean(RealPlay.play(n.v(), n.m(), warm.controller(), params, 100, episodes));
        assertEquals(warm.realScore(), real, 1e-9, "the replay plays the episodes the file was scored on");
        assertTrue(real >= 2 * random, "τ = 1: " + real + " steps against random play's " + random);
        TrainedController cold = n.closest(0.1);
        assertEquals(0.1, cold.temperature(), 1e-12);
        assertTrue(cold.dreamScore() > 2 * cold.realScore() + 50,
                "τ = 0.1: dream " + cold.dreamScore() + ", real " + cold.realScore());
    }
}
