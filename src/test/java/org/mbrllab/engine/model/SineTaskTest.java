package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The 1-D regression data: sin(x) plus Gaussian noise, x uniform on [−4, 4] outside the gap. */
class SineTaskTest {

    @Test
    void noPointFallsInTheGapAndAllLieIn4To4() {
        SineTask task = new SineTask(2000, 0.1, -0.5, 2.5, 7);
        double[] x = task.sample().inputColumn(0);
        for (double v : x) {
            assertTrue(v >= -4 && v <= 4, "x = " + v);
            assertFalse(task.inGap(v), "x = " + v + " lies in the gap");
        }
        long left = java.util.Arrays.stream(x).filter(v -> v < -0.5).count();
        // Uniform over the 5 units outside the gap: 3.5 of them lie left of it.
        assertEquals(3.5 / 5, left / 2000.0, 0.04);
    }

    @Test
    void residualsHaveTheInjectedNoiseLevel() {
        RegressionData d = new SineTask(4000, 0.3, 0, 0, 11).sample();
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < d.rows(); i++) {
            double r = d.target(i, 0) - Math.sin(d.input(i, 0));
            sum += r;
            sumSq += r * r;
        }
        double mean = sum / d.rows();
        assertEquals(0.0, mean, 0.02);
        assertEquals(0.3, Math.sqrt(sumSq / d.rows() - mean * mean), 0.015);
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        SineTask a = SineTask.withoutGap(50, 0.1, 3);
        assertArrayEquals(a.sample().inputColumn(0), a.sample().inputColumn(0), 0.0);
        assertFalse(java.util.Arrays.equals(a.sample().targetColumn(0), SineTask.withoutGap(50, 0.1, 4).sample().targetColumn(0)));
    }

    @Test
    void gapMustBeOrderedInsideTheRangeAndLeaveRoomForData() {
        assertThrows(IllegalArgumentException.class, () -> new SineTask(10, 0.1, 2, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SineTask(10, 0.1, -5, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SineTask(10, 0.1, -4, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> new SineTask(10, -0.1, 0, 0, 0));
    }
}
