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
    void rewardsAreStandardisedForTrainingAndTheFrozenHeadUndoesIt() {
        TokenConfig c = TokenConfig.defaults().withUpdates(1, 3);
        TransformerTrainer t = new TransformerTrainer(c, DATA, new TokenizerTrainer(c, DATA).freeze());
        double sum = 0;
        for (int e = 0; e < 3; e++) for (int s = 0; s < PixelEpisodes.STEPS; s++) sum += DATA.reward(e, s);
        double mean = sum / (3 * PixelEpisodes.STEPS);
        double squares = 0;
        for (int e = 0; e < 3; e++) for (int s = 0; s < PixelEpisodes.STEPS; s++) squares += Math.pow(DATA.reward(e, s) - mean, 2);
        assertEquals(mean, t.rewardMean(), 1e-9);
        assertEquals(Math.sqrt(squares / (3 * PixelEpisodes.STEPS)), t.rewardScale(), 1e-9);
        assertTrue(t.rewardMean() < -1, "the pendulum's rewards are costs: " + t.rewardMean());
        while (t.step()) { }
        assertTrue(Double.isFinite(t.last().reward()) && t.last().reward() > 0, "standardised squared error: " + t.last());
        // The frozen head predicts μ + σ · (the graph's standardised prediction) at an action token.
        int positions = TransformerTrainer.sizes(c, 16).positions();
        int[] x = new int[c.transformerBatch() * positions];
        for (int i = 0; i < x.length; i++) x[i] = i % 17 == 16 ? c.codes() + 3 : i % c.codes();
        float[] graph = t.graph().rewards(x);
        FrozenTransformer.Context context = t.freeze().context();
        for (int i = 0; i < 17; i++) context.append(x[i]);
        assertEquals(t.rewardMean() + t.rewardScale() * graph[16], context.reward(), 1e-4 * t.rewardScale());
    }

    @Test
    void theListenerIsToldOfEveryUpdateOfBothNetworksInOrder() {
        TokenConfig c = TokenConfig.tiny();
        java.util.List<String> told = new java.util.ArrayList<>();
        TokenWorldModel.train(c, DATA, (network, update, updates, loss) -> told.add(network + " " + update + "/" + updates));
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (int u = 1; u <= c.tokenizerUpdates(); u++) expected.add("tokenizer " + u + "/" + c.tokenizerUpdates());
        for (int u = 1; u <= c.transformerUpdates(); u++) expected.add("transformer " + u + "/" + c.transformerUpdates());
        assertEquals(expected, told);
    }

    @Test
    void configurationNamesTheFieldOutOfRange() {
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> new TokenConfig(1, 16, 64, 256, 0.25, 64, 1000,
                2e-3, 64, 4, 2, 5, 9, 16, 4000, 2e-3, 1));
        assertTrue(e.getMessage().startsWith("codes = 1"), e.getMessage());
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class, () -> new TokenConfig(64, 16, 64, 256,
                0.25, 64, 1000, 2e-3, 64, 3, 2, 5, 9, 16, 4000, 2e-3, 1));
        assertEquals("width 64 is not a multiple of heads 3", heads.getMessage());
        OutOfRangeException reward = assertThrows(OutOfRangeException.class, () -> TokenConfig.defaults().withRewardWeight(-1));
        assertTrue(reward.getMessage().startsWith("rewardWeight = -1"), reward.getMessage());
    }
}
