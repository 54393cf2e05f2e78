package org.mbrllab.engine.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.dreamer.DreamerData;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.nn.TransformerGraph;

/** The token world model's file: a bit-exact round trip, and cut, foreign or newer files refused with a message. */
class TokenNetworksTest {
    private static final PixelEpisodes DATA = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 2, 3);
    private static final TokenConfig CONFIG = TokenConfig.tiny().withSeed(7).withRewardWeight(0.5);
    private static final TokenNetworks NETWORKS = TokenNetworks.of(TokenWorldModel.train(CONFIG, DATA), CONFIG, DATA);

    private static byte[] bytes(TokenNetworks n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        n.write(out);
        return out.toByteArray();
    }

    private static TokenNetworks read(byte[] b) throws IOException {
        return TokenNetworks.read(new ByteArrayInputStream(b));
    }

    @Test
    void aWrittenFileReadsBackBitForBit() throws IOException {
        byte[] b = bytes(NETWORKS);
        TokenNetworks back = read(b);
        assertArrayEquals(b, bytes(back));
        assertEquals(CONFIG, back.config());
        assertEquals(7, back.seed());
        assertEquals(2, back.episodes());
        assertEquals(NETWORKS.seconds(), back.seconds(), 0);
        assertArrayEquals(DATA.meanFrame(), back.meanFrame(), 0);
        float[][] tokenizer = NETWORKS.imagination().tokenizer().weights();
        float[][] transformer = NETWORKS.imagination().transformer().weights();
        for (int i = 0; i < tokenizer.length; i++) assertArrayEquals(tokenizer[i], back.imagination().tokenizer().weights()[i], 0);
        for (int i = 0; i < transformer.length; i++) assertArrayEquals(transformer[i], back.imagination().transformer().weights()[i], 0);
        assertEquals(TransformerGraph.names(CONFIG.layers()).length, transformer.length);
    }

    @Test
    void aCutFileIsRefused() throws IOException {
        byte[] b = bytes(NETWORKS);
        for (int length : new int[] {3, 20, b.length / 2, b.length - 1}) {
            IOException e = assertThrows(IOException.class, () -> read(Arrays.copyOf(b, length)));
            assertEquals("the token world model file is cut short", e.getMessage(), "cut at " + length);
        }
        byte[] longer = Arrays.copyOf(b, b.length + 1);
        assertEquals("the file goes on after its last array", assertThrows(IOException.class, () -> read(longer)).getMessage());
    }

    @Test
    void aForeignFileIsRefused() throws IOException {
        IOException e = assertThrows(IOException.class, () -> read("MBRLDR and then something else".getBytes()));
        assertEquals("not a token world model file (it does not start with MBRLTN)", e.getMessage());
    }

    @Test
    void anotherVersionIsRefused() throws IOException {
        byte[] b = bytes(NETWORKS);
        ByteBuffer.wrap(b).putInt(6, 2);
        IOException e = assertThrows(IOException.class, () -> read(b));
        assertEquals("token world model file version 2; this app reads version 1", e.getMessage());
    }

    @Test
    void sizesThatDoNotFitTheConfigurationAreRefused() throws IOException {
        byte[] b = bytes(NETWORKS);
        // The codes field (after magic, version, episodes, seconds and the 256-value mean frame): 8 codes become 9,
        // so the codebook's length no longer fits.
        int codes = 6 + 4 + 4 + 8 + 4 + 256 * 4;
        assertEquals(8, ByteBuffer.wrap(b).getInt(codes));
        ByteBuffer.wrap(b).putInt(codes, 9);
        IOException e = assertThrows(IOException.class, () -> read(b));
        assertTrue(e.getMessage().startsWith("the token world model file does not hold a consistent model: "), e.getMessage());
        ByteBuffer.wrap(b).putInt(codes, 1);
        IOException range = assertThrows(IOException.class, () -> read(b));
        assertTrue(range.getMessage().contains("codes = 1 is out of range"), range.getMessage());
    }

    @Test
    void theShippedModelLoadsWithTheDefaultSizesAndTheDreamerCommandsTrainingData() throws IOException {
        TokenNetworks shipped = TokenNetworks.shipped();
        TokenConfig defaults = TokenConfig.defaults();
        assertEquals(defaults, shipped.config(), "made with the defaults and seed 1");
        assertEquals(1, shipped.seed());
        assertEquals(DreamerData.TRAINING_EPISODES, shipped.episodes());
        assertEquals(TokenizerTrainer.sizes(defaults), shipped.imagination().tokenizer().sizes());
        assertEquals(TransformerTrainer.sizes(defaults, 16), shipped.imagination().transformer().sizes());
        assertEquals(4, shipped.imagination().window());
        assertArrayEquals(DreamerData.training(1, DreamerData.TRAINING_EPISODES).meanFrame(), shipped.meanFrame(), 0);
        assertTrue(shipped.seconds() > 0);
    }
}
