package org.mbrllab.engine.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.nn.TokenizerGraph;

/** The trainers: dead codes moved onto encoder outputs, the step-size schedule, and the configuration's checks. */
class TokenTrainersTest {
    private static final PixelEpisodes DATA = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 3, 1);

    @Test
    void deadCodesAreMovedOntoEncoderOutputsOfTheBatch() {
        TokenizerTrainer t = new TokenizerTrainer(TokenConfig.defaults().withUpdates(150, 1), DATA);
        for (int u = 0; u < TokenizerTrainer.REVIVE_EVERY; u++) t.step();
        // Black patches dominate pendulum frames: many of the 64 codes are never chosen in the first 100 updates.
        assertTrue(t.revived() > 0, "revived " + t.revived());
        float[][] w = t.graph().weights();
        float[] codebook = w[TokenizerGraph.CODEBOOK];
        float[] z = t.last().z();
        int d = 16;
        int copies = 0;
        for (int k = 0; k < 64; k++) {
            float[] code = Arrays.copyOfRange(codebook, k * d, (k + 1) * d);
            for (int row = 0; row < z.length / d; row++) {
                if (Arrays.equals(code, Arrays.copyOfRange(z, row * d, (row + 1) * d))) {
                    copies++;
                    break;
                }
            }
        }
        assertEquals(t.revived(), copies, "each revived code is an encoder output of the last batch");
    }

    @Test
    void theStepSizeDecaysByCosineToATenth() {
        TokenConfig c = TokenConfig.defaults().withUpdates(1, 100);
        TransformerTrainer t = new TransformerTrainer(c, DATA, new TokenizerTrainer(c, DATA).freeze());
        assertEquals(2e-3, t.learningRate(1), 1e-15);
        assertEquals(2e-3 * 0.55, t.learningRate(51), 1e-15);
        assertEquals(2e-3 * (0.1 + 0.45 * (1 + Math.cos(Math.PI * 0.99))), t.learningRate(100), 1e-15);
        assertTrue(t.step());
        assertFalse(Double.isNaN(t.lastLoss()));
    }

    @Test
    void configurationNamesTheFieldOutOfRange() {
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> new TokenConfig(1, 16, 64, 256, 0.25, 64, 1000,
                2e-3, 64, 4, 2, 5, 9, 16, 4000, 2e-3, 1));
        assertTrue(e.getMessage().startsWith("codes = 1"), e.getMessage());
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class, () -> new TokenConfig(64, 16, 64, 256,
                0.25, 64, 1000, 2e-3, 64, 3, 2, 5, 9, 16, 4000, 2e-3, 1));
        assertEquals("width 64 is not a multiple of heads 3", heads.getMessage());
    }
}
