package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.RssmGraph;

/** The Dreamer network file: round trip, refusal of cut and foreign files, and the shipped world model. */
class DreamerNetworksTest {

    /** A small RSSM of random weights (no training needed to test a file format). */
    static FrozenRssm randomModel(long seed) {
        return randomModel(seed, 0);
    }

    /** With {@code classes} > 0: 3 groups of that many classes. */
    static FrozenRssm randomModel(long seed, int classes) {
        RssmGraph.Sizes s = new RssmGraph.Sizes(PixelPendulum.PIXELS, 6, 5, 4, 3, 7, 1, 2, 1, classes);
        int p = s.pixels(), ue = 6, e = 5, h = 4, z = s.latent(), u = 7, o = s.headOutputs();
        int[] lengths = {p * ue, ue, ue * e, e, (z + 1 + h) * 2 * h, 2 * h, (z + 1 + h) * h, h,
            h * u, u, u * o, o, (h + e) * u, u, u * o, o,
            (h + z) * ue, ue, ue * p, p, (h + z) * u, u, u, 1};
        RandomGenerator r = Seeds.random(seed);
        float[][] w = new float[24][];
        for (int i = 0; i < 24; i++) {
            w[i] = new float[lengths[i]];
            for (int k = 0; k < w[i].length; k++) w[i][k] = (float) (0.3 * r.nextGaussian());
        }
        return new FrozenRssm(s, w);
    }

    private static DreamerNetworks sample() {
        return sample(0);
    }

    private static DreamerNetworks sample(int classes) {
        float[] mean = new float[PixelPendulum.PIXELS];
        Arrays.fill(mean, 0.1f);
        mean[7] = 0.75f;
        return DreamerNetworks.of(randomModel(3, classes), 42, 200, 4000, mean);
    }

    /** Where the latents' kind starts: magic 6, version 4, seed 8, episodes 4, updates 4, the mean frame, 6 sizes. */
    private static final int LATENTS_AT = 30 + 4 * PixelPendulum.PIXELS + 24;

    private static byte[] bytes(DreamerNetworks n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        n.write(out);
        return out.toByteArray();
    }

    private static DreamerNetworks read(byte[] b) throws IOException {
        return DreamerNetworks.read(new ByteArrayInputStream(b));
    }

    @Test
    void aWrittenFileReadsBackToTheSameWeightsSizesAndTraining() throws IOException {
        DreamerNetworks n = sample();
        DreamerNetworks back = read(bytes(n));
        float[][] w = n.model().weights();
        float[][] wBack = back.model().weights();
        assertEquals(24, wBack.length);
        for (int i = 0; i < 24; i++) assertArrayEquals(w[i], wBack[i], "array " + i);
        assertEquals(n.model().sizes(), back.model().sizes());
        assertEquals(42, back.seed());
        assertEquals(200, back.episodes());
        assertEquals(4000, back.updates());
        assertArrayEquals(n.meanFrame(), back.meanFrame());
        assertEquals(0, back.sections().size());
        // The same weights imagine the same frames.
        float[] frame = n.meanFrame();
        FrozenRssm.State a = n.model().imagine(n.model().observe(null, 0, frame, null), 1.5, null);
        FrozenRssm.State b = back.model().imagine(back.model().observe(null, 0, frame, null), 1.5, null);
        assertArrayEquals(n.model().decode(a), back.model().decode(b));
    }

    @Test
    void aCategoricalWorldModelReadsBackCategoricalWithItsClasses() throws IOException {
        DreamerNetworks n = sample(5);
        byte[] b = bytes(n);
        assertEquals(2, ByteBuffer.wrap(b).getInt(6), "version 2");
        DreamerNetworks back = read(b);
        assertTrue(back.model().categorical());
        assertEquals(5, back.model().classes());
        assertEquals(3, back.model().stochastic());
        assertEquals(n.model().sizes(), back.model().sizes());
        float[] frame = n.meanFrame();
        FrozenRssm.State a = n.model().imagine(n.model().observe(null, 0, frame, null), 1.5, null);
        FrozenRssm.State c = back.model().imagine(back.model().observe(null, 0, frame, null), 1.5, null);
        assertArrayEquals(a.z(), c.z());
        assertArrayEquals(n.model().decode(a), back.model().decode(c));
    }

    @Test
    void aVersionOneFileHasNoLatentsAndReadsAsGaussian() throws IOException {
        byte[] v2 = bytes(sample());
        // Version 1 is version 2 without the kind ("gaussian": length 2 + 8 bytes) and the classes (4 bytes).
        byte[] v1 = new byte[v2.length - 14];
        System.arraycopy(v2, 0, v1, 0, LATENTS_AT);
        System.arraycopy(v2, LATENTS_AT + 14, v1, LATENTS_AT, v2.length - LATENTS_AT - 14);
        ByteBuffer.wrap(v1).putInt(6, 1);
        DreamerNetworks back = read(v1);
        assertEquals(false, back.model().categorical());
        assertEquals(sample().model().sizes(), back.model().sizes());
        for (int i = 0; i < 24; i++) assertArrayEquals(sample().model().weights()[i], back.model().weights()[i], "array " + i);
    }

    @Test
    void anUnknownLatentKindOrAClassCountThatDoesNotFitIsRefused() throws IOException {
        byte[] b = bytes(sample(5));
        // "categorical" (11 letters) becomes "categoricaX".
        byte[] kind = b.clone();
        kind[LATENTS_AT + 2 + 10] = 'X';
        assertEquals("the file's latents 'categoricaX': allowed gaussian, categorical",
                assertThrows(IOException.class, () -> read(kind)).getMessage());
        byte[] one = b.clone();
        ByteBuffer.wrap(one).putInt(LATENTS_AT + 2 + 11, 1);
        assertEquals("the file's categorical latents have 1 classes", assertThrows(IOException.class, () -> read(one)).getMessage());
        byte[] gaussian = bytes(sample());
        ByteBuffer.wrap(gaussian).putInt(LATENTS_AT + 2 + 8, 4);
        assertEquals("the file's gaussian latents have 4 classes", assertThrows(IOException.class, () -> read(gaussian)).getMessage());
    }

    @Test
    void sectionsForAnActorAndCriticReadBackInOrder() throws IOException {
        DreamerNetworks base = sample();
        DreamerNetworks n = new DreamerNetworks(base.model(), 1, 5, 10, base.meanFrame(), List.of(
                new DreamerNetworks.Section("actor", List.of(new float[] {1, 2, 3}, new float[] {-4})),
                new DreamerNetworks.Section("critic", List.of())));
        DreamerNetworks back = read(bytes(n));
        assertEquals(2, back.sections().size());
        assertEquals("actor", back.sections().get(0).name());
        assertArrayEquals(new float[] {1, 2, 3}, back.sections().get(0).arrays().get(0));
        assertArrayEquals(new float[] {-4}, back.sections().get(0).arrays().get(1));
        assertEquals("critic", back.sections().get(1).name());
        assertEquals(0, back.sections().get(1).arrays().size());
    }

    @Test
    void aCutFileIsRefusedWithAMessage() throws IOException {
        byte[] all = bytes(sample());
        for (int cut : new int[] {3, 20, all.length / 2, all.length - 1}) {
            IOException e = assertThrows(IOException.class, () -> read(Arrays.copyOf(all, cut)), "cut at " + cut);
            assertTrue(e.getMessage().contains("cut short"), e.getMessage());
        }
    }

    @Test
    void aForeignFileOrAnotherVersionIsRefusedWithAMessage() throws IOException {
        IOException e = assertThrows(IOException.class, () -> read("MBRLWM and then some bytes".getBytes()));
        assertEquals("not a Dreamer network file (it does not start with MBRLDR)", e.getMessage());
        byte[] b = bytes(sample());
        ByteBuffer.wrap(b).putInt(6, 3);
        e = assertThrows(IOException.class, () -> read(b));
        assertEquals("network file version 3; this app reads version 1 to 2", e.getMessage());
    }

    @Test
    void extraBytesANonFiniteWeightOrAWrongArrayLengthAreRefused() throws IOException {
        byte[] all = bytes(sample());
        byte[] longer = Arrays.copyOf(all, all.length + 1);
        assertEquals("the file goes on after its last section", assertThrows(IOException.class, () -> read(longer)).getMessage());
        byte[] nan = all.clone();
        // The first value of the mean frame: magic 6, version 4, seed 8, episodes 4, updates 4, length 4.
        ByteBuffer.wrap(nan).putFloat(30, Float.NaN);
        assertTrue(assertThrows(IOException.class, () -> read(nan)).getMessage().contains("NaN"));
        byte[] wrongSize = all.clone();
        // The encoder's units (the second size after the mean frame) say 9 instead of 6: its first array no longer fits.
        ByteBuffer.wrap(wrongSize).putInt(30 + 4 * PixelPendulum.PIXELS + 4, 9);
        IOException e = assertThrows(IOException.class, () -> read(wrongSize));
        assertTrue(e.getMessage().startsWith("the network file does not hold a consistent world model"), e.getMessage());
    }

    @Test
    void theShippedAgentLoadsAndItsWorldModelImaginesBetterThanBothBaselines() throws IOException {
        DreamerNetworks n = DreamerNetworks.shipped();
        assertEquals(false, n.model().categorical());
        assertEquals(List.of("actor", "critic", "settings", "curve"), n.sections().stream().map(DreamerNetworks.Section::name).toList());
        assertEquals(DreamerConfig.defaults().episodes(), n.episodes());
        assertEquals(RssmConfig.defaults().deterministic(), n.model().deterministic());
        assertEquals(RssmConfig.defaults().stochastic(), n.model().stochastic());
        assertEquals(1, n.seed());
        DreamerConfig d = DreamerConfig.defaults();
        assertEquals((d.episodes() - d.seedEpisodes()) * d.updatesPerEpisode(), n.updates());
        OpenLoop.Result r = DreamerData.openLoop(DreamerData.heldOut(n.seed()), n.meanFrame()).evaluate(n.model());
        // The bar for 4,000 updates of a world model on random episodes, met by the agent's: below 0.5 × the mean frame's error and 0.3 × copying the last frame's.
        assertTrue(r.mse() < 0.5 * r.baselineMeanFrame(), r.mse() + " against the mean frame's " + r.baselineMeanFrame());
        assertTrue(r.mse() < 0.3 * r.baselineCopyLast(), r.mse() + " against copying the last frame's " + r.baselineCopyLast());
    }

    /** The world model alone the token lesson compares with: 4,000 updates on 200 random episodes, the bar. */
    @Test
    void theShippedWorldModelAloneMeetsTheOpenLoopBarOnRandomData() throws IOException {
        DreamerNetworks n = DreamerNetworks.shippedWorldModel();
        assertEquals(List.of(), n.sections());
        assertEquals(1, n.seed());
        assertEquals(DreamerData.TRAINING_EPISODES, n.episodes());
        assertEquals(RssmConfig.defaults().maxUpdates(), n.updates());
        OpenLoop.Result r = DreamerData.openLoop(DreamerData.heldOut(n.seed()), n.meanFrame()).evaluate(n.model());
        assertTrue(r.mse() < 0.5 * r.baselineMeanFrame(), r.mse() + " against the mean frame's " + r.baselineMeanFrame());
        assertTrue(r.mse() < 0.3 * r.baselineCopyLast(), r.mse() + " against copying the last frame's " + r.baselineCopyLast());
    }
}
