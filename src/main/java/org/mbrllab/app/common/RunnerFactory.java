package org.mbrllab.app.common;

import java.util.function.Consumer;

import javafx.application.Platform;
import org.mbrllab.engine.run.Engine;
import org.mbrllab.engine.run.Published;
import org.mbrllab.engine.run.Runner;

/**
 * Where a pane's runners come from. The shell hands each pane a factory: {@link #threaded()} in the app,
 * each runner a daemon worker publishing to the FX thread; {@link #synchronous()} in tests, every command
 * carried out at once on the caller's thread. {@link #ownedBy} ties the runners to the lesson's scope, so
 * that leaving the lesson stops them.
 */
public interface RunnerFactory {

    /**
     * A new runner.
     *
     * @param name     names the worker thread, for stack dumps
     * @param listener receives the newest snapshot on the FX thread (or the caller's, when synchronous)
     */
    <E extends Engine<S>, S> Runner<E, S> create(String name, Consumer<Published<S>> listener);

    /** Whether the runners carry out commands on the caller's thread (tests). */
    boolean isSynchronous();

    /** Runners with their own daemon worker that publish on the FX thread: the app's. */
    static RunnerFactory threaded() {
        return new RunnerFactory() {
            @Override
            public <E extends Engine<S>, S> Runner<E, S> create(String name, Consumer<Published<S>> listener) {
                return Runner.threaded(name, Platform::runLater, listener);
            }

            @Override public boolean isSynchronous() { return false; }
        };
    }

    /** Runners that do everything at once on the calling thread: the tests'. */
    static RunnerFactory synchronous() {
        return new RunnerFactory() {
            @Override
            public <E extends Engine<S>, S> Runner<E, S> create(String name, Consumer<Published<S>> listener) {
                return Runner.synchronous(listener);
            }

            @Override public boolean isSynchronous() { return true; }
        };
    }

    /** The same runners, each closed when {@code scope} closes. */
    default RunnerFactory ownedBy(PaneScope scope) {
        RunnerFactory inner = this;
        return new RunnerFactory() {
            @Override
            public <E extends Engine<S>, S> Runner<E, S> create(String name, Consumer<Published<S>> listener) {
                return scope.own(inner.create(name, listener));
            }

            @Override public boolean isSynchronous() { return inner.isSynchronous(); }
        };
    }
}
