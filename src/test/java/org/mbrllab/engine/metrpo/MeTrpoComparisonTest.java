package org.mbrllab.engine.metrpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MeTrpoComparisonTest {

    /** One small model, one imagined trajectory per iteration, phases of five iterations, one outer iteration. */
    private static MeTrpoSettings tiny() {
        MeTrpoSettings d = MeTrpoSettings.defaults();
        return new MeTrpoSettings(d.system(), 1, 200, false, 0, d.rolloutMode(), 1, 200, 1, 4, 5, d.delta());
    }

    private static double lastReturn(MeTrpoSettings s) {
        List<MeTrpoSnapshot.Evaluation> e = new MeTrpo(s).runToEnd();
        return e.get(e.size() - 1).realReturn();
    }

    @Test
    void runsMeTrpoThenTrpoOnEachSeedAndSummarisesThemAsTheSeparateRunsWould() {
        MeTrpoComparison c = new MeTrpoComparison(tiny(), 200, new long[] {0, 1});
        assertEquals(4, c.snapshot().runs());
        int guard = 0;
        while (c.step()) assertTrue(++guard < 100_000, "the comparison ends");
        MeTrpoComparison.Progress p = c.snapshot();
        assertTrue(p.done());
        assertEquals(4, p.run());
        assertEquals(List.of(MeTrpoRecord.Kind.metrpo(1), MeTrpoRecord.Kind.trpo()),
                p.curves().stream().map(MeTrpoRecord.Curve::kind).toList());
        MeTrpoRecord.Curve model = p.curves().get(0);
        assertArrayEquals(new long[] {200}, model.realSteps());
        assertArrayEquals(new int[] {2}, model.seeds());
        double seed0 = lastReturn(tiny());
        double seed1 = lastReturn(tiny().withSeed(1));
        assertEquals((seed0 + seed1) / 2, model.mean()[0], 1e-9, "the same runs as MeTrpo with those seeds");
        assertEquals(Math.min(seed0, seed1), model.low()[0], 1e-9);
        assertEquals(Math.max(seed0, seed1), model.high()[0], 1e-9);
        MeTrpoRecord.Curve trpo = p.curves().get(1);
        // Model-free TRPO samples 20 real trajectories of 200 steps an iteration: one iteration passes the budget.
        assertArrayEquals(new long[] {MeTrpoSettings.MODEL_FREE_PATHS * 200L}, trpo.realSteps(), "one TRPO iteration");
        double trpo0 = lastReturn(tiny().asModelFree(200));
        double trpo1 = lastReturn(tiny().asModelFree(200).withSeed(1));
        assertEquals((trpo0 + trpo1) / 2, trpo.mean()[0], 1e-9);
        assertEquals(trpo0 <= trpo1 ? 0 : 1, trpo.worstSeed());
    }

    @Test
    void theSnapshotShowsTheRunUnderWayBeforeItEnds() {
        // Two outer iterations: the first evaluation leaves the run under way.
        MeTrpoComparison c = new MeTrpoComparison(tiny().withRealSteps(400), 200, new long[] {3});
        assertTrue(c.snapshot().curves().isEmpty());
        while (c.snapshot().curves().isEmpty()) c.step();
        MeTrpoComparison.Progress p = c.snapshot();
        assertFalse(p.done());
        assertEquals(0, p.run(), "the first evaluation of the first run, before it is recorded");
        assertEquals(MeTrpoRecord.Kind.metrpo(1), p.curves().get(0).kind());
        assertEquals(3, p.seed());
        assertEquals(200, p.realSteps());
        assertEquals(400, p.budget());
    }

    @Test
    void noSeedsIsRejectedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MeTrpoComparison(tiny(), 200, new long[0]));
        assertEquals("seeds is empty: allowed one or more", e.getMessage());
    }
}
