package org.mbrllab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.run.Engine;
import org.mbrllab.engine.run.RunStatus;

/** An engine that stops by saying why in its snapshot (not by throwing) raises the shell's error banner. */
class RunnerViewModelFailureTest {

    /** Two steps, then done; the second says the model diverged. */
    static final class Stopping implements Engine<String> {
        int steps;

        @Override public boolean step() { return ++steps < 2; }
        @Override public boolean isDone() { return steps >= 2; }
        @Override public String snapshot() { return steps >= 2 ? "diverged" : ""; }
    }

    static final class Vm extends RunnerViewModel<Stopping, String> {
        Vm() { super("test"); }
        @Override protected Supplier<Stopping> engineFactory() { return Stopping::new; }
        @Override protected void onSnapshot(String snapshot, RunStatus status) { }
        @Override protected String failure(String snapshot) { return snapshot.isEmpty() ? null : "stopped: " + snapshot; }
    }

    @Test
    void theSnapshotsFailureBecomesTheErrorAndAResetClearsIt() {
        Vm vm = new Vm();
        vm.startSynchronous();
        vm.step();
        assertEquals("", vm.errorProperty().get());
        vm.step();
        assertEquals("stopped: diverged", vm.errorProperty().get());
        vm.reset();
        assertEquals("", vm.errorProperty().get());
    }
}
