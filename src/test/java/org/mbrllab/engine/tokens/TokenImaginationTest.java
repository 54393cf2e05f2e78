package org.mbrllab.engine.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.PixelPendulum;

/** Drawing codes (greedy, temperature, top-k) and writing a frame token by token. */
class TokenImaginationTest {
    private static final PixelEpisodes DATA = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 2, 1);

    @Test
    void greedyTakesTheLargestLogit() {
        float[] logits = {0.1f, 2.5f, -1, 2.4f};
        assertEquals(1, TokenImagination.draw(logits, TokenImagination.Sampling.greedy(), Seeds.random(1)));
        assertEquals(1, TokenImagination.draw(logits, new TokenImagination.Sampling(0, 4), Seeds.random(1)));
    }

    @Test
    void topKNeverDrawsACodeOutsideTheKLargest() {
        float[] logits = {0, 1, 0.5f, 0.9f, -2};
        RandomGenerator r = Seeds.random(3);
        int[] counts = new int[5];
        for (int i = 0; i < 4000; i++) counts[TokenImagination.draw(logits, new TokenImagination.Sampling(1, 2), r)]++;
        assertEquals(0, counts[0] + counts[2] + counts[4]);
        // Softmax over {1, 0.9}: p(1) = 1 / (1 + e^−0.1) = 0.525; ±3 standard deviations of 4,000 draws.
        assertEquals(0.525, counts[1] / 4000.0, 3 * Math.sqrt(0.525 * 0.475 / 4000));
    }

    @Test
    void temperatureFlattensTheDistribution() {
        float[] logits = {0, 1};
        RandomGenerator r = Seeds.random(5);
        int draws = 4000;
        int hot = 0;
        for (int i = 0; i < draws; i++) hot += TokenImagination.draw(logits, new TokenImagination.Sampling(4, 2), r);
        // τ = 4: p(1) = 1 / (1 + e^−0.25) = 0.562.
        assertEquals(0.562, hot / (double) draws, 3 * Math.sqrt(0.562 * 0.438 / draws));
    }

    @Test
    void samplingSettingsAreChecked() {
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> new TokenImagination.Sampling(-1, 2));
        assertTrue(e.getMessage().contains("temperature"), e.getMessage());
    }

    @Test
    void aFrameIsWrittenTokenByTokenFromTheWindowAndDecodedWithTheStepsReward() {
        TokenConfig c = TokenConfig.defaults().withUpdates(5, 2);
        TokenizerTrainer tt = new TokenizerTrainer(c, DATA);
        while (tt.step()) { }
        FrozenTokenizer tokenizer = tt.freeze();
        TransformerTrainer tr = new TransformerTrainer(c, DATA, tokenizer);
        while (tr.step()) { }
        FrozenTransformer transformer = tr.freeze();
        TokenImagination imagination = new TokenImagination(tokenizer, transformer);
        assertEquals(4, imagination.window());
        List<int[]> past = new ArrayList<>();
        double[] torques = new double[6];
        float[] frame = new float[PixelPendulum.PIXELS];
        for (int t = 0; t < 6; t++) {
            DATA.frame(0, t, frame);
            past.add(tokenizer.encode(frame));
            torques[t] = DATA.action(0, t);
        }
        TokenImagination.Frame next = imagination.next(past, torques, TokenImagination.Sampling.greedy(), Seeds.random(1));
        // By hand: the last 4 frames and their actions, then each greedy code appended in turn.
        FrozenTransformer.Context context = transformer.context();
        float[] logits = null;
        for (int t = 2; t < 6; t++) {
            for (int code : past.get(t)) context.append(code);
            logits = context.append(c.codes() + TokenSequences.actionBin(torques[t], c.actionBins()));
        }
        assertEquals(context.reward(), next.reward(), 0, "the reward read at the last torque's token");
        int[] expected = new int[16];
        for (int i = 0; i < 16; i++) {
            assertEquals(4 * 17 + i, next.attention()[i][0][0].length, "code " + i + " is predicted from every position before it");
            expected[i] = TokenImagination.draw(logits, TokenImagination.Sampling.greedy(), null);
            if (i < 15) logits = context.append(expected[i]);
        }
        assertArrayEquals(expected, next.tokens());
        assertArrayEquals(tokenizer.decode(expected), next.frame(), 0);
    }

    @Test
    void torqueBinsSpanTheTorqueRange() {
        assertEquals(0, TokenSequences.actionBin(-2, 9));
        assertEquals(0, TokenSequences.actionBin(-7, 9));
        assertEquals(4, TokenSequences.actionBin(0.2, 9));
        assertEquals(5, TokenSequences.actionBin(0.3, 9));
        assertEquals(8, TokenSequences.actionBin(2, 9));
        assertEquals(0.5, TokenSequences.binTorque(5, 9), 1e-12);
    }
}
