package org.mbrllab.engine.worldmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;
import org.mbrllab.engine.core.Seeds;

/** The rollout store gives back the episodes exactly as they were played. */
class RolloutsTest {

    @Test
    void replayingTheStoredActionsReproducesEveryStoredFrameAndDoneFlag() {
        Rollouts data = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 12, 99);
        // The seeds of collect: the policy's stream first, then one game seed per episode.
        RandomGenerator master = Seeds.random(99);
        master.nextLong();
        float[] played = new float[Dodge.PIXELS];
        float[] stored = new float[Dodge.PIXELS];
        int frames = 0;
        for (int e = 0; e < data.episodes(); e++) {
            Dodge game = new Dodge(DodgeParams.defaults(), master.nextLong());
            for (int t = 0; t <= data.steps(e); t++) {
                game.render(played);
                data.frame(e, t, stored);
                assertArrayEquals(played, stored, "episode " + e + " frame " + t);
                frames++;
                if (t == data.steps(e)) break;
                game.step(data.action(e, t));
                assertEquals(game.wasHit(), data.done(e, t), "done " + e + " " + t);
            }
            assertTrue(game.isDone());
            assertEquals(game.wasHit(), !data.truncated(e));
        }
        assertEquals(frames, data.frames());
        assertEquals(data.frames() - data.episodes(), data.totalSteps());
        assertEquals(data.frames() * Dodge.PIXELS, data.allFrames().length);
    }

    @Test
    void lookaheadEpisodesReachTheCapAndAreMarkedTruncated() {
        Rollouts data = Rollouts.collect(new DodgeParams(50, 0.3), DodgePolicy.lookahead(), 3, 1);
        for (int e = 0; e < 3; e++) {
            assertEquals(50, data.steps(e));
            assertTrue(data.truncated(e));
            assertFalse(data.done(e, 49));
            assertEquals(50, data.episodeReturn(e));
        }
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        Rollouts a = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 5, 3);
        Rollouts b = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 5, 3);
        Rollouts c = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 5, 4);
        assertArrayEquals(a.allFrames(), b.allFrames());
        assertFalse(java.util.Arrays.equals(a.allFrames(), c.allFrames()));
    }

    @Test
    void badRequestsAreRefused() {
        assertThrows(OutOfRangeException.class, () -> Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 0, 1));
        Rollouts data = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 1, 1);
        assertThrows(IndexOutOfBoundsException.class, () -> data.action(0, data.steps(0)));
        assertThrows(IndexOutOfBoundsException.class, () -> data.frame(1, 0, new float[Dodge.PIXELS]));
    }
}
