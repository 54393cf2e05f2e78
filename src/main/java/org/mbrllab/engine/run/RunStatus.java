package org.mbrllab.engine.run;

/**
 * Where a run stands, published with every snapshot.
 *
 * @param state   paused, running, done, diverged or failed
 * @param steps   steps taken since the engine was loaded
 * @param message a sentence for the status bar; empty when there is nothing to say
 */
public record RunStatus(State state, long steps, String message) {

    public enum State {
        /** Waiting for a command. */
        PAUSED,
        /** Stepping on its own. */
        RUNNING,
        /** The engine said there is nothing left to do. */
        DONE,
        /** The numbers stopped being finite; the run was stopped and wants a reset. */
        DIVERGED,
        /** The engine threw; the run was stopped. */
        FAILED
    }

    public RunStatus {
        message = message == null ? "" : message;
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    /** Whether the run stopped on an error and should be reset before going on. */
    public boolean stoppedOnError() {
        return state == State.DIVERGED || state == State.FAILED;
    }
}
