package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;

/** Open-loop prediction: the imagined state carries forward, and the errors and baselines are what they say. */
class OpenLoopTest {
    private static final PixelEpisodes TRAIN = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 3, 1);
    private static final PixelEpisodes HELD = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 2, 2);
    private static final FrozenRssm MODEL = model();

    private static FrozenRssm model() {
        RssmTrainer t = new RssmTrainer(RssmConfig.tiny().withMaxUpdates(5), TRAIN);
        while (t.step()) { }
        return t.freeze();
    }

    @Test
    void eachImaginedStateIsImaginedFromTheOneJustImaginedNotTheLastPosterior() {
        OpenLoop ol = new OpenLoop(HELD, TRAIN.meanFrame(), 5, 15, 8);
        OpenLoop.Rollout r = ol.rollout(MODEL, 6); // episode 1, frames 20 … 39
        assertEquals(20, r.states().size());
        for (int k = 0; k < 5; k++) assertTrue(r.states().get(k).posterior(), "context step " + k);
        FrozenRssm.State lastPosterior = r.states().get(4);
        for (int k = 5; k < 20; k++) {
            FrozenRssm.State s = r.states().get(k);
            assertFalse(s.posterior(), "imagined step " + k);
            double torque = HELD.action(1, 20 + k - 1);
            FrozenRssm.State expected = MODEL.imagine(r.states().get(k - 1), torque, null);
            assertArrayEquals(expected.h(), s.h(), 0, "step " + k);
            assertArrayEquals(expected.z(), s.z(), 0, "step " + k);
            assertArrayEquals(MODEL.decode(s), r.decoded().get(k), 0);
            if (k > 5) {
                // The bug this guards against: restarting every step from the context's last posterior.
                FrozenRssm.State wrong = MODEL.imagine(lastPosterior, torque, null);
                assertFalse(Arrays.equals(wrong.h(), s.h()), "step " + k + " must not restart from the context");
            }
        }
        float[] frame = new float[PixelPendulum.PIXELS];
        HELD.frame(1, 39, frame);
        assertArrayEquals(frame, r.truth().get(19), 0);
    }

    @Test
    void errorsAndBaselinesAreMeanSquaredPixelErrorsOverTheSequences() {
        float[] mean = TRAIN.meanFrame();
        OpenLoop ol = new OpenLoop(HELD, mean, 3, 4, 5);
        OpenLoop.Result res = ol.evaluate(MODEL);
        assertEquals(5, res.sequences());
        assertEquals(3, res.context());
        double[] mse = new double[4], copy = new double[4], mf = new double[4];
        for (int i = 0; i < 5; i++) {
            OpenLoop.Rollout r = ol.rollout(MODEL, i);
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
        assertEquals((mse[0] + mse[1] + mse[2] + mse[3]) / 4, res.mse(), 1e-12);
        // Windows of 7 frames: 14 per episode of 101, so sequence 5 would still be episode 0, at frame 35.
        assertTrue(res.baselineCopyLast() > 0 && res.baselineMeanFrame() > 0);
    }

    @Test
    void windowsAreFixedAndNonOverlappingAndTooManyAreRefused() {
        OpenLoop ol = new OpenLoop(HELD, TRAIN.meanFrame(), 5, 15, 10);
        float[] frame = new float[PixelPendulum.PIXELS];
        HELD.frame(0, 80, frame);
        assertArrayEquals(frame, ol.rollout(MODEL, 4).truth().get(0), 0); // the fifth window of episode 0
        HELD.frame(1, 0, frame);
        assertArrayEquals(frame, ol.rollout(MODEL, 5).truth().get(0), 0);
        assertEquals("sequences", assertThrows(OutOfRangeException.class,
                () -> new OpenLoop(HELD, TRAIN.meanFrame(), 5, 15, 11)).name());
        assertThrows(IllegalArgumentException.class, () -> new OpenLoop(HELD, new float[3], 5, 15, 1));
    }
}
