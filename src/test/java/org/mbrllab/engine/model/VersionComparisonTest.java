package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.PlannerKind;
import org.mbrllab.engine.model.MbrlSettings.Version;
import org.mbrllab.engine.model.MbrlSnapshot.EpisodeResult;

/** V1–V4 on the same seeds, with tiny nets and planners so that the four loops take a few seconds. */
class VersionComparisonTest {

    private static MbrlSettings tiny(int episodes) {
        return MbrlSettings.defaults(ControlSystem.PENDULUM, Version.V1).withEpisodes(episodes).withMembers(2)
                .withTraining(16, 3).withPlanner(PlannerKind.CEM, 5, 12, 1);
    }

    @Test
    void everyEntryIsTheReturnThatTheSingleLoopWithThatSeedEarns() {
        MbrlSettings base = tiny(2);
        ComparisonTable t = new VersionComparison(base, new long[] {3, 7}).runToEnd();
        assertTrue(t.complete());
        assertEquals(16, t.episodesDone(), "4 versions × 2 seeds × 2 episodes");
        for (Version v : List.of(Version.V2, Version.V4)) {
            List<EpisodeResult> alone = new ModelBasedPlanning(base.withVersion(v).withSeed(7)).runToEnd();
            for (int e = 0; e < 2; e++) {
                assertEquals(alone.get(e).realReturn(), t.real()[v.ordinal()][1][e], 0, v + " episode " + (e + 1));
                assertEquals(alone.get(e).predictedReturn(), t.predicted()[v.ordinal()][1][e], 0);
            }
        }
    }

    @Test
    void theTableFillsAsEpisodesEndAndSnapshotsAreCopies() {
        VersionComparison c = new VersionComparison(tiny(1), new long[] {0});
        VersionComparison.Progress start = c.snapshot();
        assertEquals(0, start.table().episodesDone());
        assertEquals(Version.V1, start.version());
        assertEquals(4, start.runs());
        while (c.snapshot().table().episodesDone() == 0) c.step();
        VersionComparison.Progress one = c.snapshot();
        assertTrue(Double.isFinite(one.table().real()[0][0][0]), "V1's episode is booked");
        assertTrue(Double.isNaN(one.table().real()[1][0][0]), "V2 has not run yet");
        one.table().real()[0][0][0] = 42;
        assertFalse(c.snapshot().table().real()[0][0][0] == 42, "the snapshot owns its arrays");
        while (c.step()) {
            // to the end
        }
        assertTrue(c.isDone());
        assertTrue(c.snapshot().done());
        assertEquals(4, c.snapshot().run());
    }

    @Test
    void sameSeedsSameNumbers() {
        ComparisonTable a = new VersionComparison(tiny(1), new long[] {5}).runToEnd();
        ComparisonTable b = new VersionComparison(tiny(1), new long[] {5}).runToEnd();
        for (Version v : Version.values()) assertArrayEquals(a.real()[v.ordinal()][0], b.real()[v.ordinal()][0], 0);
    }

    @Test
    void needsASeed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VersionComparison(tiny(1), new long[0]));
        assertTrue(e.getMessage().startsWith("seeds"), e.getMessage());
    }
}
