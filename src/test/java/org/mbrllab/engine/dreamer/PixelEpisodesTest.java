package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;
import org.mbrllab.engine.core.Seeds;

/** The episode store keeps exactly what the pendulum drew and earned, and a seed fixes the data. */
class PixelEpisodesTest {
    private static final int P = PixelPendulum.PIXELS;

    @Test
    void storedFramesAndRewardsReplayExactlyFromTheRecordedTorques() {
        PixelEpisodes data = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 3, 5);
        RandomGenerator master = Seeds.random(5);
        master.nextLong(); // the torque stream
        float[] drawn = new float[P];
        float[] stored = new float[P];
        for (int e = 0; e < 3; e++) {
            PixelPendulum world = new PixelPendulum(master.nextLong());
            double total = 0;
            for (int t = 0; t <= PixelEpisodes.STEPS; t++) {
                world.render(drawn);
                data.frame(e, t, stored);
                assertArrayEquals(drawn, stored, 0, "episode " + e + " frame " + t);
                if (t < PixelEpisodes.STEPS) {
                    float u = data.action(e, t);
                    assertTrue(u >= -2 && u <= 2);
                    double r = world.step(u);
                    assertEquals(r, data.reward(e, t), 0);
                    total += r;
                }
            }
            assertEquals(total, data.episodeReturn(e), 1e-9);
        }
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOther() {
        PixelEpisodes a = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 2, 9);
        PixelEpisodes b = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 2, 9);
        PixelEpisodes c = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 2, 10);
        for (int t = 0; t < PixelEpisodes.STEPS; t++) {
            assertEquals(a.action(1, t), b.action(1, t));
            assertEquals(a.reward(1, t), b.reward(1, t));
        }
        assertTrue(a.action(0, 0) != c.action(0, 0));
    }

    @Test
    void theMeanFrameIsThePixelwiseMeanOfEveryFrame() {
        PixelEpisodes data = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 2, 1);
        double[] sum = new double[P];
        float[] f = new float[P];
        for (int e = 0; e < 2; e++) {
            for (int t = 0; t <= PixelEpisodes.STEPS; t++) {
                data.frame(e, t, f);
                for (int i = 0; i < P; i++) sum[i] += f[i];
            }
        }
        float[] mean = data.meanFrame();
        for (int i = 0; i < P; i++) assertEquals(sum[i] / (2 * (PixelEpisodes.STEPS + 1)), mean[i], 1e-6);
    }

    @Test
    void badArgumentsAreRefusedWithTheirNames() {
        assertEquals("episodes", assertThrows(OutOfRangeException.class,
                () -> PixelEpisodes.collect(PixelEpisodes.randomTorques(), 0, 1)).name());
        PixelEpisodes data = PixelEpisodes.collect(PixelEpisodes.randomTorques(), 1, 1);
        assertThrows(IndexOutOfBoundsException.class, () -> data.frame(1, 0, new float[P]));
        assertThrows(IndexOutOfBoundsException.class, () -> data.action(0, PixelEpisodes.STEPS));
        assertThrows(IllegalArgumentException.class, () -> data.frame(0, 0, new float[3]));
        assertThrows(IllegalArgumentException.class,
                () -> PixelEpisodes.collect((frame, random) -> Double.NaN, 1, 1));
    }
}
