package org.mbrllab.engine.metrpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.metrpo.MeTrpoRecord.Kind;

class MeTrpoRecordTest {

    private static final String CSV = """
            # two ME-TRPO seeds and one TRPO seed
            method,members,seed,real_steps,real_return
            metrpo,5,0,200,-1000
            metrpo,5,0,400,-300
            metrpo,5,1,200,-800
            metrpo,5,1,400,-150
            trpo,0,0,4000,-1200
            """;

    @Test
    void theCurveIsTheMeanAndTheRangeOverSeedsAndNamesTheWorstSeed() {
        MeTrpoRecord r = MeTrpoRecord.parse(CSV, "comparison.csv");
        assertEquals(List.of(Kind.metrpo(5), Kind.trpo()), r.kinds());
        MeTrpoRecord.Curve c = r.curve(Kind.metrpo(5));
        assertArrayEquals(new long[] {200, 400}, c.realSteps());
        assertArrayEquals(new double[] {-900, -225}, c.mean(), 1e-12);
        assertArrayEquals(new double[] {-1000, -300}, c.low(), 0);
        assertArrayEquals(new double[] {-800, -150}, c.high(), 0);
        assertEquals(0, c.worstSeed());
        assertArrayEquals(new double[] {-1000, -300}, c.worst(), 0);
        assertEquals(400, r.stepsToReach(Kind.metrpo(5), 1, -230));
        assertEquals(-1, r.stepsToReach(Kind.metrpo(5), 0, -230));
    }

    @Test
    void theCsvRoundTrips() {
        MeTrpoRecord r = MeTrpoRecord.parse(CSV, "a");
        MeTrpoRecord back = MeTrpoRecord.parse(r.toCsv(List.of("again")), "b");
        assertEquals(r.toCsv(List.of()), back.toCsv(List.of()));
    }

    @Test
    void aBadLineIsNamedWithItsNumber() {
        String bad = "method,members,seed,real_steps,real_return\nmetrpo,25,0,200,-1\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeTrpoRecord.parse(bad, "c.csv"));
        assertTrue(e.getMessage().startsWith("c.csv, line 2: members 25 is out of range: allowed 1 to 20"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MeTrpoRecord.parse("x,y\n", "d.csv"));
        assertTrue(e.getMessage().contains("d.csv, line 1"), e.getMessage());
    }
}
