package org.mbrllab.engine.dreamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training curve a network file may carry: read back through the file, and refused when misshapen. */
class TrainingCurveTest {

    private static DreamerNetworks with(List<DreamerNetworks.Section> sections) throws IOException {
        DreamerNetworks s = DreamerNetworks.shipped();
        return new DreamerNetworks(s.model(), s.seed(), s.episodes(), s.updates(), s.meanFrame(), sections);
    }

    @Test
    void aCurveSectionReadsBackThroughTheFile() throws IOException {
        DreamerNetworks n = with(List.of(new DreamerNetworks.Section(TrainingCurve.SECTION,
                List.of(new float[] {500, 1000, 1500}, new float[] {-1400.5f, -900, -250.25f}, new float[] {-1156}))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        n.write(out);
        TrainingCurve c = TrainingCurve.of(DreamerNetworks.read(new ByteArrayInputStream(out.toByteArray()))).orElseThrow();
        assertEquals(3, c.points());
        assertArrayEquals(new double[] {500, 1000, 1500}, c.envSteps(), 0);
        assertArrayEquals(new double[] {-1400.5, -900, -250.25}, c.returns(), 0);
        assertEquals(-1156, c.randomReturn(), 0);
    }

    @Test
    void noSectionNoCurve() throws IOException {
        assertTrue(TrainingCurve.of(with(List.of(new DreamerNetworks.Section("actor", List.of())))).isEmpty());
    }

    @Test
    void misshapenSectionsAreRefused() throws IOException {
        DreamerNetworks twoArrays = with(List.of(new DreamerNetworks.Section("curve", List.of(new float[] {1}, new float[] {2}))));
        assertThrows(IllegalArgumentException.class, () -> TrainingCurve.of(twoArrays));
        DreamerNetworks uneven = with(List.of(new DreamerNetworks.Section("curve",
                List.of(new float[] {1, 2}, new float[] {2}, new float[] {0}))));
        assertThrows(IllegalArgumentException.class, () -> TrainingCurve.of(uneven));
        DreamerNetworks twoRandom = with(List.of(new DreamerNetworks.Section("curve",
                List.of(new float[] {1}, new float[] {2}, new float[] {0, 1}))));
        assertThrows(IllegalArgumentException.class, () -> TrainingCurve.of(twoRandom));
        assertThrows(IllegalArgumentException.class, () -> new TrainingCurve(new double[] {5, 3}, new double[] {0, 0}, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainingCurve(new double[] {1}, new double[] {Double.NaN}, 0));
    }
}
