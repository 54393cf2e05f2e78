package org.mbrllab.engine.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.PixelPendulum;
import org.mbrllab.engine.nn.TokenizerGraph;

/** The plain-Java tokenizer gives the graph's codes and decoded frames. */
class FrozenTokenizerTest {
    private static final PixelEpisodes DATA = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 3, 1);

    @Test
    void encodeAndDecodeMatchTheGraph() {
        TokenConfig c = TokenConfig.defaults().withUpdates(30, 1);
        TokenizerTrainer t = new TokenizerTrainer(c, DATA);
        while (t.step()) { }
        FrozenTokenizer frozen = t.freeze();
        int n = 6;
        float[] frames = new float[n * PixelPendulum.PIXELS];
        float[] frame = new float[PixelPendulum.PIXELS];
        for (int i = 0; i < n; i++) {
            DATA.frame(i % 3, 17 * i, frame);
            System.arraycopy(frame, 0, frames, i * frame.length, frame.length);
        }
        TokenizerGraph.Encoded graph = t.graph().encodeDecode(frames, n);
        int[] codes = graph.codes();
        float[] decoded = graph.decoded();
        for (int i = 0; i < n; i++) {
            System.arraycopy(frames, i * frame.length, frame, 0, frame.length);
            int[] tokens = frozen.encode(frame);
            int[] expected = new int[16];
            System.arraycopy(codes, i * 16, expected, 0, 16);
            assertArrayEquals(expected, tokens, "frame " + i);
            float[] out = frozen.decode(tokens);
            for (int p = 0; p < out.length; p++) assertEquals(decoded[i * out.length + p], out[p], 1e-5, "frame " + i + " pixel " + p);
        }
    }

    @Test
    void aTokenOutsideTheCodebookIsRefused() {
        TokenizerTrainer t = new TokenizerTrainer(TokenConfig.tiny(), DATA);
        FrozenTokenizer frozen = t.freeze();
        int[] tokens = new int[16];
        tokens[3] = 8;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> frozen.decode(tokens));
        assertEquals("token 3 is 8, expected 0 … 7", e.getMessage());
    }
}
