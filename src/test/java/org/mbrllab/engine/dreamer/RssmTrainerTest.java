package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;

/** The world model's trainer: its batches, its determinism, and that its loss falls. */
class RssmTrainerTest {
    private static final PixelEpisodes DATA = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 4, 2);

    @Test
    void batchesAreTimeMajorWithScaledTorquesAndTheRewardThatLedToEachFrame() {
        int length = 5;
        RssmTrainer.Batch b = RssmTrainer.batch(DATA, new int[] {1, 3}, new int[] {10, 40}, length);
        int p = PixelPendulum.PIXELS;
        float[] frame = new float[p];
        for (int t = 0; t < length; t++) {
            int row = t * 2 + 1; // sequence 1: episode 3 from step 40
            DATA.frame(3, 40 + t, frame);
            for (int i = 0; i < p; i++) assertEquals(frame[i], b.frames()[row * p + i], "frame " + t);
            assertEquals(DATA.action(3, 40 + t) / 2, b.actions()[row], 1e-7);
            double expected = t == 0 ? 0 : Math.signum(DATA.reward(3, 39 + t)) * Math.log1p(Math.abs(DATA.reward(3, 39 + t)));
            assertEquals(expected, b.rewards()[row], 1e-6, "reward target " + t);
        }
    }

    @Test
    void theSameSeedGivesTheSameLossesAndAnotherSeedOthers() {
        RssmConfig c = RssmConfig.tiny().withMaxUpdates(3);
        List<RssmUpdate> a = run(c);
        assertEquals(a, run(c));
        assertTrue(a.get(2).loss() != run(c.withSeed(2)).get(2).loss());
    }

    private static List<RssmUpdate> run(RssmConfig c) {
        RssmTrainer t = new RssmTrainer(c, DATA);
        while (t.step()) { }
        return t.snapshot().history();
    }

    @Test
    void theLossFallsAndTrainingStopsAfterMaxUpdates() {
        theLossFallsAndTrainingStopsAfterMaxUpdates(RssmConfig.tiny(), 0.5);
    }

    @Test
    void withCategoricalLatentsTheLossFallsAndTheSameSeedGivesTheSameLosses() {
        RssmConfig c = RssmConfig.tiny().withLatents(RssmConfig.Latents.CATEGORICAL).withClasses(4);
        assertEquals(new org.mbrllab.engine.nn.RssmGraph.Sizes(256, 8, 8, 8, 4, 8, 1, 6, 4, 4), RssmTrainer.sizes(c));
        // Slower at first than the Gaussian (measured: 21.2 to 11.1 nats per frame): while the posterior is near
        // uniform, each group's one-hot is drawn at random, so the decoder is fed noise until it sharpens.
        theLossFallsAndTrainingStopsAfterMaxUpdates(c, 0.6);
        assertEquals(run(c.withMaxUpdates(3)), run(c.withMaxUpdates(3)));
    }

    private static void theLossFallsAndTrainingStopsAfterMaxUpdates(RssmConfig config, double fraction) {
        RssmTrainer t = new RssmTrainer(config.withMaxUpdates(80).withFreeNats(0), DATA);
        while (t.step()) { }
        RssmSnapshot s = t.snapshot();
        assertTrue(s.done());
        assertEquals(80, s.updates());
        assertFalse(t.step());
        assertEquals(80, t.updates());
        double first = 0, last = 0;
        for (int i = 0; i < 10; i++) {
            first += s.history().get(i).recon();
            last += s.history().get(70 + i).recon();
        }
        // From random weights the reconstruction error is tens of nats per frame; 80 steps of Adam at 1e-3
        // bring the tiny decoder well below half of it.
        assertTrue(last < fraction * first, "first " + first / 10 + ", last " + last / 10);
        for (RssmUpdate u : s.history()) {
            assertEquals(u.recon() + u.reward() + u.kl(), u.loss(), 1e-4 * Math.max(1, u.loss()));
        }
    }

    @Test
    void theDefaultModelHasTheIssuesSizes() {
        RssmConfig d = RssmConfig.defaults();
        assertEquals(new org.mbrllab.engine.nn.RssmGraph.Sizes(256, 128, 64, 64, 16, 64, 1, 16, 16), RssmTrainer.sizes(d));
        assertEquals(4000, d.maxUpdates());
        assertEquals(1e-3, d.learningRate());
        assertTrue(d.klBalance());
        assertEquals(0.8, d.balanceAlpha());
    }

    @Test
    void badConfigurationsAreRefusedWithTheirNames() {
        assertEquals("sequenceLength", assertThrows(OutOfRangeException.class, () -> new RssmConfig(8, 8, 8, 4, 8, 1, 4, 3,
                false, 0.8, 1e-3, 5, 1)).name());
        assertEquals("balanceAlpha", assertThrows(OutOfRangeException.class, () -> new RssmConfig(8, 8, 8, 4, 8, 6, 4, 3,
                true, 1.0, 1e-3, 5, 1)).name());
        assertEquals("freeNats", assertThrows(OutOfRangeException.class,
                () -> RssmConfig.tiny().withFreeNats(-1)).name());
        assertEquals("classes", assertThrows(OutOfRangeException.class, () -> RssmConfig.tiny().withClasses(1)).name());
        RssmConfig categorical = RssmConfig.defaults().withLatents(RssmConfig.Latents.CATEGORICAL);
        assertEquals("categorical latents of 16 groups × 128 classes = 2048 values of z: allowed at most 1024",
                assertThrows(IllegalArgumentException.class, () -> categorical.withClasses(128)).getMessage());
        // The same shape is fine for Gaussian latents, which do not use the classes.
        assertEquals(128, RssmConfig.defaults().withClasses(128).classes());
        assertEquals("latents 'discrete': allowed gaussian, categorical",
                assertThrows(IllegalArgumentException.class, () -> RssmConfig.Latents.of("discrete")).getMessage());
        assertEquals(RssmConfig.Latents.CATEGORICAL, RssmConfig.Latents.of("categorical"));
        assertEquals(RssmConfig.Latents.GAUSSIAN, RssmConfig.defaults().latents());
    }
}
