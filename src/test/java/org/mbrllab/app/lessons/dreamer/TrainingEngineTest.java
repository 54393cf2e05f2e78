package org.mbrllab.app.lessons.dreamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.dreamer.RssmConfig;

/** Training from scratch: a setup step, then one update a step; the pace from a given clock; the model at the end. */
class TrainingEngineTest {

    @Test
    void aSetupStepThenOneUpdateAStepThenTheModel() {
        AtomicLong clock = new AtomicLong();
        TrainingEngine e = new TrainingEngine(RssmConfig.tiny().withMaxUpdates(3).withSeed(4), 5, clock::get);
        assertTrue(e.step(), "the data and the graph");
        assertEquals(0, e.snapshot().updates());
        assertTrue(e.step());
        clock.addAndGet(500_000_000);
        assertTrue(e.step());
        TrainingEngine.Snapshot two = e.snapshot();
        assertEquals(2, two.updates());
        assertTrue(Double.isFinite(two.loss()));
        // Two updates in 0.5 s since the first began: 4 updates/s, the last one at that pace 0.25 s.
        assertEquals(4.0, two.updatesPerSecond(), 1e-12);
        assertEquals(0.25, two.secondsLeft(), 1e-12);
        assertNull(two.result());
        assertFalse(e.step(), "the third and last update");
        TrainingEngine.Snapshot done = e.snapshot();
        assertTrue(done.done() && e.isDone());
        assertEquals(3, done.result().updates());
        assertEquals(4, done.result().seed());
        assertEquals(5, done.result().episodes());
        assertEquals(RssmConfig.tiny().deterministic(), done.result().model().deterministic());
        assertFalse(e.step(), "nothing more to do");
    }
}
