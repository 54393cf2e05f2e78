package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.model.MbrlSettings.Version;

/** The comparison table: its band over seeds, its CSV both ways, and the recorded file. */
class ComparisonTableTest {

    private static ComparisonTable twoSeeds() {
        ComparisonTable t = ComparisonTable.empty(ControlSystem.PENDULUM, 2, new long[] {0, 1});
        t.put(Version.V4, 0, new MbrlSnapshot.EpisodeResult(1, -300, -100, 400, 20));
        t.put(Version.V4, 1, new MbrlSnapshot.EpisodeResult(1, -100, -90, 400, 20));
        t.put(Version.V4, 0, new MbrlSnapshot.EpisodeResult(2, -120, -110, 600, 20));
        return t;
    }

    @Test
    void theBandSpansTheSeedsAroundTheirMeanAndSkipsMissingEntries() {
        ComparisonTable.Band b = twoSeeds().band(Version.V4);
        assertArrayEquals(new double[] {-200, -120}, b.mean(), 1e-12);
        assertArrayEquals(new double[] {-300, -120}, b.low(), 1e-12);
        assertArrayEquals(new double[] {-100, -120}, b.high(), 1e-12);
        assertArrayEquals(new int[] {2, 1}, b.seedsDone());
        assertTrue(Double.isNaN(twoSeeds().band(Version.V1).mean()[0]), "no V1 entry: no mean");
    }

    @Test
    void csvRoundTrips() {
        ComparisonTable t = twoSeeds();
        ComparisonTable back = ComparisonTable.parse(t.toCsv("a comment\nover two lines"), "test");
        assertEquals(ControlSystem.PENDULUM, back.system());
        assertEquals(2, back.episodes());
        assertArrayEquals(new long[] {0, 1}, back.seeds());
        assertEquals(3, back.episodesDone());
        assertEquals(-110, back.predicted()[Version.V4.ordinal()][0][1], 1e-9);
        assertTrue(t.toCsv("x").startsWith("# x\nsystem,pendulum\nversion,seed,episode,real_return,predicted_return\n"));
    }

    @Test
    void fixedStartReturnsGetTheirOwnColumnAndBand() {
        ComparisonTable t = twoSeeds();
        assertTrue(!t.hasEval() && t.toCsv("x").contains("predicted_return\n"), "no evaluation: five columns");
        t.put(Version.V2, 0, new MbrlSnapshot.EpisodeResult(1, -700, -300, 400, 20, java.util.List.of(-500.0, -300.0)));
        t.put(Version.V2, 1, new MbrlSnapshot.EpisodeResult(1, -900, -200, 400, 20, java.util.List.of(-200.0)));
        ComparisonTable.Band b = t.evalBand(Version.V2);
        assertEquals(-300, b.mean()[0], 1e-12, "mean over the seeds of each seed's mean over the starts");
        assertEquals(-400, b.low()[0], 1e-12);
        String csv = t.toCsv("x");
        assertTrue(csv.contains("version,seed,episode,real_return,predicted_return,eval_return\n"), csv);
        assertTrue(csv.contains("v2,0,1,-700.000,-300.000,-400.000\n"), csv);
        ComparisonTable back = ComparisonTable.parse(csv, "test");
        assertEquals(-200, back.eval()[Version.V2.ordinal()][1][0], 1e-9);
        assertTrue(Double.isNaN(back.eval()[Version.V4.ordinal()][0][0]), "V4 ran without evaluation");
        assertTrue(Double.isNaN(ComparisonTable.recorded().eval()[0][0][0]), "five columns read as not evaluated");
    }

    @Test
    void badLinesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComparisonTable.parse("system,pendulum\nv5,0,1,-1,-1\n", "f.csv"));
        assertEquals("f.csv, line 2: unknown version 'v5' (versions: v1, v2, v3, v4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ComparisonTable.parse("v1,0,1,-1,-1\n", "f.csv"));
        assertEquals("f.csv: no \"system,NAME\" line", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ComparisonTable.parse("system,pendulum\nv1,0,1,-1\n", "f.csv"));
        assertTrue(e.getMessage().startsWith("f.csv, line 2: expected version,seed"), e.getMessage());
    }

    @Test
    void theRecordedComparisonHasEveryVersionOnThreeSeedsAndV4WinsAtTheEnd() {
        ComparisonTable t = ComparisonTable.recorded();
        assertTrue(t.complete());
        assertEquals(3, t.seeds().length);
        int last = t.episodes() - 1;
        double v4 = t.band(Version.V4).mean()[last];
        for (Version v : new Version[] {Version.V1, Version.V2, Version.V3}) {
            assertTrue(v4 > t.band(v).mean()[last] + 200, "V4 " + v4 + " against " + v + " " + t.band(v).mean()[last]);
        }
    }
}
