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
        RssmTrainer t = new RssmTrainer(RssmConfig.tiny().withMaxUpdates(80).withFreeNats(0), DATA);
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
        assertTrue(last < 0.5 * first, "first " + first / 10 + ", last " + last / 10);
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
    }
}
