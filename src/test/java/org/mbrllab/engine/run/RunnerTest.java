package org.mbrllab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class RunnerTest {

    /** Counts up to a limit; diverges when told to. */
    static final class Counter implements Engine<Integer> {
        int value;
        int limit;
        boolean diverge;

        Counter(int limit) {
            this.limit = limit;
        }

        @Override public boolean step() {
            if (diverge) throw new DivergenceException("values passed 1e9");
            if (value < limit) value++;
            return value < limit;
        }

        @Override public boolean isDone() { return value >= limit; }

        @Override public Integer snapshot() { return value; }
    }

    @Test
    void synchronousStepAdvancesOnceAndPublishes() {
        List<Published<Integer>> seen = new ArrayList<>();
        Runner<Counter, Integer> r = Runner.synchronous(seen::add);
        r.load(() -> new Counter(10));
        r.step();
        r.step();
        Published<Integer> last = seen.get(seen.size() - 1);
        assertEquals(2, last.snapshot());
        assertEquals(2, last.status().steps());
        assertEquals(RunStatus.State.PAUSED, last.status().state());
    }

    @Test
    void runUntilPausesWhereTheGoalSetAtTheStartHolds() {
        List<Published<Integer>> seen = new ArrayList<>();
        Runner<Counter, Integer> r = Runner.synchronous(seen::add);
        r.load(() -> new Counter(100));
        r.step();
        r.runUntil(c -> {
            int start = c.value;
            return d -> d.value >= start + 7;
        });
        Published<Integer> last = seen.get(seen.size() - 1);
        assertEquals(8, last.snapshot(), "7 steps past the value when the run began");
        assertEquals(RunStatus.State.PAUSED, last.status().state());
        r.run(5);
        assertEquals(13, seen.get(seen.size() - 1).snapshot(), "a plain run forgets the goal");
    }

    @Test
    void synchronousRunStopsWhenTheEngineIsDone() {
        List<Published<Integer>> seen = new ArrayList<>();
        Runner<Counter, Integer> r = Runner.synchronous(seen::add);
        r.load(() -> new Counter(25));
        r.run();
        Published<Integer> last = seen.get(seen.size() - 1);
        assertEquals(25, last.snapshot());
        assertEquals(RunStatus.State.DONE, last.status().state());
    }

    @Test
    void divergenceStopsTheRunWithItsMessage() {
        List<Published<Integer>> seen = new ArrayList<>();
        Runner<Counter, Integer> r = Runner.synchronous(seen::add);
        r.load(() -> new Counter(100));
        r.step();
        r.apply(c -> c.diverge = true);
        r.run();
        RunStatus status = seen.get(seen.size() - 1).status();
        assertEquals(RunStatus.State.DIVERGED, status.state());
        assertTrue(status.stoppedOnError());
        assertEquals("values passed 1e9", status.message());
        r.step();
        assertEquals(1, seen.get(seen.size() - 1).snapshot(), "a diverged run takes no more steps until reset");
        r.load(() -> new Counter(100));
        assertEquals(RunStatus.State.PAUSED, seen.get(seen.size() - 1).status().state());
    }

    @Test
    void applyReopensADoneRunWhenThereIsWorkAgain() {
        List<Published<Integer>> seen = new ArrayList<>();
        Runner<Counter, Integer> r = Runner.synchronous(seen::add);
        r.load(() -> new Counter(3));
        r.run();
        assertEquals(RunStatus.State.DONE, seen.get(seen.size() - 1).status().state());
        r.apply(c -> c.limit = 6);
        assertEquals(RunStatus.State.PAUSED, seen.get(seen.size() - 1).status().state());
        r.run();
        assertEquals(6, seen.get(seen.size() - 1).snapshot());
    }

    @Test
    void threadedRunnerDeliversOnlyTheLatestSnapshotToASlowConsumer() throws Exception {
        // The "FX thread" here is a queue we drain by hand, so nothing is delivered until we say so.
        ConcurrentLinkedQueue<Runnable> fx = new ConcurrentLinkedQueue<>();
        List<Integer> delivered = new ArrayList<>();
        AtomicReference<RunStatus> lastStatus = new AtomicReference<>();
        Runner<Counter, Integer> r = Runner.threaded("test", fx::add, p -> {
            delivered.add(p.snapshot());
            lastStatus.set(p.status());
        });
        try {
            r.load(() -> new Counter(200_000));
            r.run();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((lastStatus.get() == null || lastStatus.get().state() != RunStatus.State.DONE) && System.nanoTime() < deadline) {
                Runnable task = fx.poll();
                if (task != null) task.run(); else Thread.sleep(5);
            }
            assertEquals(RunStatus.State.DONE, lastStatus.get().state());
            assertEquals(200_000, delivered.get(delivered.size() - 1));
            assertTrue(delivered.size() < 1000, "latest-wins: far fewer deliveries than steps, got " + delivered.size());
        } finally {
            r.close();
        }
    }

    @Test
    void pauseStopsAThreadedRunAndCloseStopsPublishing() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<Runnable> fx = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runner<Counter, Integer> r = Runner.threaded("test", task -> {
            fx.add(task);
            started.countDown();
        }, p -> { });
        r.load(() -> new Counter(Integer.MAX_VALUE));
        r.run();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        r.close();
        assertTrue(r.isClosed());
        int before = fx.size();
        Thread.sleep(150);
        assertEquals(before, fx.size(), "no publication after close");
    }

    @Test
    void slowSpeedLimitsStepsPerSecond() throws Exception {
        AtomicReference<Published<Integer>> last = new AtomicReference<>();
        Runner<Counter, Integer> r = Runner.threaded("test", Runnable::run, last::set);
        try {
            r.setSpeed(20);
            r.load(() -> new Counter(Integer.MAX_VALUE));
            r.run();
            Thread.sleep(500);
            r.pause();
            Thread.sleep(100);
            assertNotNull(last.get());
            int steps = last.get().snapshot();
            assertTrue(steps >= 3 && steps <= 30, "about 10 steps in 0.5 s at 20/s, got " + steps);
            assertFalse(last.get().status().running());
        } finally {
            r.close();
        }
    }

    /**
     * A closed runner lets go of its engine, even while something (a pane's view-model, a pending FX
     * task) still holds the runner: the engine's networks must not outlive the lesson.
     */
    @Test
    void closedThreadedRunnerLetsGoOfItsEngine() throws Exception {
        Runner<Counter, Integer> r = Runner.threaded("test", Runnable::run, p -> { });
        java.lang.ref.WeakReference<Counter> engine = loadAndForget(r);
        r.run();
        Thread.sleep(20);
        r.close();
        assertTrue(r.awaitStopped(5000), "the worker stops");
        assertFalse(r.hasEngine());
        assertTrue(collected(engine), "the engine is garbage once the runner is closed");
    }

    @Test
    void closedSynchronousRunnerLetsGoOfItsEngine() throws Exception {
        Runner<Counter, Integer> r = Runner.synchronous(p -> { });
        java.lang.ref.WeakReference<Counter> engine = loadAndForget(r);
        r.step();
        r.close();
        assertFalse(r.hasEngine());
        assertTrue(collected(engine), "the engine is garbage once the runner is closed");
    }

    private static java.lang.ref.WeakReference<Counter> loadAndForget(Runner<Counter, Integer> r) {
        Counter c = new Counter(Integer.MAX_VALUE);
        java.lang.ref.WeakReference<Counter> ref = new java.lang.ref.WeakReference<>(c);
        r.load(() -> c);
        return ref;
    }

    static boolean collected(java.lang.ref.WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ref.get() == null;
    }
}
