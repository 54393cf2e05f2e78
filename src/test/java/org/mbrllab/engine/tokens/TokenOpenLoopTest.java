package org.mbrllab.engine.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.OpenLoop;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.PixelPendulum;

/** Open loop for the token model: imagined codes feed the next step, and the scores are OpenLoop's. */
class TokenOpenLoopTest {
    private static final PixelEpisodes TRAIN = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 3, 1);
    private static final PixelEpisodes HELD = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 2, 2);
    private static final TokenImagination MODEL = model();

    private static TokenImagination model() {
        TokenConfig c = TokenConfig.defaults().withUpdates(20, 3);
        TokenizerTrainer t = new TokenizerTrainer(c, TRAIN);
        while (t.step()) { }
        FrozenTokenizer tokenizer = t.freeze();
        TransformerTrainer tr = new TransformerTrainer(c, TRAIN, tokenizer);
        while (tr.step()) { }
        return new TokenImagination(tokenizer, tr.freeze());
    }

    @Test
    void eachImaginedFrameIsImaginedFromTheFramesImaginedBeforeIt() {
        TokenOpenLoop ol = new TokenOpenLoop(HELD, TRAIN.meanFrame(), 5, 15, 8);
        TokenOpenLoop.Rollout r = ol.rollout(MODEL, 6, TokenImagination.Sampling.greedy(), Seeds.random(1)); // episode 1, frames 20 … 39
        assertEquals(20, r.tokens().size());
        float[] frame = new float[PixelPendulum.PIXELS];
        for (int k = 0; k < 5; k++) {
            HELD.frame(1, 20 + k, frame);
            assertArrayEquals(MODEL.tokenizer().encode(frame), r.tokens().get(k), "context frame " + k + " is seen");
            assertArrayEquals(MODEL.tokenizer().decode(r.tokens().get(k)), r.decoded().get(k), 0);
        }
        for (int k = 5; k < 20; k++) {
            List<int[]> window = new ArrayList<>(r.tokens().subList(k - 4, k));
            double[] torques = new double[4];
            for (int j = 0; j < 4; j++) torques[j] = HELD.action(1, 20 + k - 4 + j);
            TokenImagination.Frame expected = MODEL.next(window, torques, TokenImagination.Sampling.greedy(), null);
            assertArrayEquals(expected.tokens(), r.tokens().get(k), "step " + k);
            assertArrayEquals(expected.frame(), r.decoded().get(k), 0, "step " + k);
            assertEquals(expected.reward(), r.rewards()[k - 5], 0, "step " + k);
            assertEquals(HELD.reward(1, 20 + k - 1), r.trueRewards()[k - 5], 0, "the reward of the torque on frame " + (k - 1));
        }
        HELD.frame(1, 39, frame);
        assertArrayEquals(frame, r.truth().get(19), 0);
    }

    @Test
    void errorsAndBaselinesAreOpenLoopsOnTheSameWindows() {
        float[] mean = TRAIN.meanFrame();
        TokenOpenLoop ol = new TokenOpenLoop(HELD, mean, 3, 4, 5);
        OpenLoop.Result res = ol.evaluate(MODEL, TokenImagination.Sampling.greedy(), Seeds.random(1));
        assertEquals(5, res.sequences());
        assertEquals(3, res.context());
        double[] mse = new double[4], copy = new double[4], mf = new double[4];
        for (int i = 0; i < 5; i++) {
            TokenOpenLoop.Rollout r = ol.rollout(MODEL, i, TokenImagination.Sampling.greedy(), null);
            for (int k = 0; k < 4; k++) {
                float[] truth = r.truth().get(3 + k);
                for (int p = 0; p < truth.length; p++) {
                    mse[k] += Math.pow(r.decoded().get(3 + k)[p] - truth[p], 2) / truth.length / 5;
                    copy[k] += Math.pow(r.truth().get(2)[p] - truth[p], 2) / truth.length / 5;
                    mf[k] += Math.pow(mean[p] - truth[p], 2) / truth.length / 5;
                }
            }
        }
        assertArrayEquals(mse, res.msePerStep(), 1e-12);
        assertArrayEquals(copy, res.copyLastPerStep(), 1e-12);
        assertArrayEquals(mf, res.meanFramePerStep(), 1e-12);
        // The baselines do not depend on the model: the RSSM's OpenLoop gives the same on the same windows.
        OpenLoop.Result rssmWindows = new OpenLoop(HELD, mean, 3, 4, 5).evaluate(
                new org.mbrllab.engine.dreamer.RssmTrainer(org.mbrllab.engine.dreamer.RssmConfig.tiny().withMaxUpdates(1), TRAIN).freeze());
        assertArrayEquals(rssmWindows.copyLastPerStep(), res.copyLastPerStep(), 0);
        assertArrayEquals(rssmWindows.meanFramePerStep(), res.meanFramePerStep(), 0);
    }

    @Test
    void theMeanOfSeveralFuturesIsScoredPixelByPixel() {
        TokenOpenLoop ol = new TokenOpenLoop(HELD, TRAIN.meanFrame(), 3, 2, 2);
        TokenImagination.Sampling hot = new TokenImagination.Sampling(2, 8);
        OpenLoop.Result res = ol.evaluate(MODEL, hot, 3, Seeds.random(7));
        // The same stream, by hand: sequence 0's three futures, then sequence 1's.
        java.util.random.RandomGenerator r = Seeds.random(7);
        double[] mse = new double[2];
        boolean differ = false;
        for (int i = 0; i < 2; i++) {
            TokenOpenLoop.Rollout[] futures = new TokenOpenLoop.Rollout[3];
            for (int s = 0; s < 3; s++) futures[s] = ol.rollout(MODEL, i, hot, r);
            for (int k = 0; k < 2; k++) {
                float[] truth = futures[0].truth().get(3 + k);
                for (int p = 0; p < truth.length; p++) {
                    float sum = 0;
                    for (int s = 0; s < 3; s++) sum += futures[s].decoded().get(3 + k)[p];
                    mse[k] += Math.pow(sum / 3 - truth[p], 2) / truth.length / 2;
                }
                differ |= !java.util.Arrays.equals(futures[0].tokens().get(3 + k), futures[1].tokens().get(3 + k));
            }
        }
        assertArrayEquals(mse, res.msePerStep(), 1e-7);
        assertEquals(true, differ, "at τ = 2 an untrained model's futures differ");
        // Greedy futures are all the same future.
        OpenLoop.Result one = ol.evaluate(MODEL, TokenImagination.Sampling.greedy(), Seeds.random(1));
        OpenLoop.Result three = ol.evaluate(MODEL, TokenImagination.Sampling.greedy(), 3, Seeds.random(1));
        assertArrayEquals(one.msePerStep(), three.msePerStep(), 1e-7);
    }

    @Test
    void tooManySequencesAreRefusedAsOpenLoopRefusesThem() {
        assertThrows(OutOfRangeException.class, () -> new TokenOpenLoop(HELD, TRAIN.meanFrame(), 5, 15, 11));
    }

    @Test
    void tokenizerScoresCountEveryHeldOutFrame() {
        double mse = TokenOpenLoop.tokenizerMse(MODEL.tokenizer(), HELD);
        double sum = 0;
        float[] frame = new float[PixelPendulum.PIXELS];
        boolean[] used = new boolean[MODEL.tokenizer().codes()];
        for (int e = 0; e < 2; e++) {
            for (int t = 0; t <= PixelEpisodes.STEPS; t++) {
                HELD.frame(e, t, frame);
                int[] codes = MODEL.tokenizer().encode(frame);
                for (int k : codes) used[k] = true;
                float[] d = MODEL.tokenizer().decode(codes);
                for (int p = 0; p < d.length; p++) sum += Math.pow(d[p] - frame[p], 2) / d.length;
            }
        }
        assertEquals(sum / 202, mse, 1e-12);
        int n = 0;
        for (boolean u : used) if (u) n++;
        assertEquals(n, TokenOpenLoop.codesUsed(MODEL.tokenizer(), HELD));
    }
}
