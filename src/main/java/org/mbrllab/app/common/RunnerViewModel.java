package org.mbrllab.app.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mbrllab.engine.run.Engine;
import org.mbrllab.engine.run.Published;
import org.mbrllab.engine.run.RunStatus;
import org.mbrllab.engine.run.Runner;

/**
 * The part of a pane's view-model that owns its engine {@link Runner}: it turns the run controls into
 * runner commands and published snapshots into properties, on the FX thread. A subclass says how to
 * build the engine and what to do with each snapshot.
 *
 * @param <E> the engine type
 * @param <S> its snapshot type
 */
public abstract class RunnerViewModel<E extends Engine<S>, S> implements RunControls {

    private final String name;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyLongWrapper steps = new ReadOnlyLongWrapper(this, "steps");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Runner<E, S> runner;
    private RunnerFactory runners = RunnerFactory.threaded();
    private double speed = Runner.FULL_SPEED;
    private long seed = 1;
    private RunStatus lastStatus = new RunStatus(RunStatus.State.PAUSED, 0, "");

    private boolean quiet;

    protected RunnerViewModel(String name) {
        this.name = name;
    }

    /** A fresh engine for the current configuration. Called on the FX thread; must copy its inputs. */
    protected abstract Supplier<E> engineFactory();

    /** Receives the newest snapshot on the FX thread. */
    protected abstract void onSnapshot(S snapshot, RunStatus status);

    /**
     * Opens the pane's run: a subclass applies the lesson's defaults and presets, then calls
     * {@link #start(RunnerFactory)}. The default only starts.
     */
    public void open(PaneContext context, RunnerFactory runners) {
        start(runners);
    }

    /** Closes the run (the lesson is left): no snapshot arrives afterwards. */
    public void close() {
        stop();
    }

    /** The declared parameters, shown by the shell's parameter panel; null for none. */
    public ParameterModel parameters() {
        return null;
    }

    /** Makes the worker with {@code runners} (threaded in the app, synchronous in tests) and loads a fresh engine. */
    public void start(RunnerFactory runners) {
        this.runners = runners;
        if (runner == null || runner.isClosed()) {
            runner = runners.create(name, this::accept);
            if (!runners.isSynchronous()) runner.setSpeed(speed);
        }
        reset();
    }

    /** For view-model tests: a runner that does every command at once on the calling thread. */
    public void startSynchronous() {
        start(RunnerFactory.synchronous());
    }

    /** The factory the run was started with, for a view-model's further runners (a sweep, a playback). */
    protected RunnerFactory runners() {
        return runners;
    }

    /** Stops the worker (on leaving the pane). No snapshot arrives afterwards. */
    public void stop() {
        if (runner != null) runner.close();
        running.set(false);
    }

    public boolean isStarted() {
        return runner != null && !runner.isClosed();
    }

    /**
     * Makes changes (of parameters, choices) that must not restart or reconfigure the run one by one: the
     * caller does that once afterwards, if at all. Nests.
     */
    protected final void quietly(Runnable change) {
        boolean was = quiet;
        quiet = true;
        try {
            change.run();
        } finally {
            quiet = was;
        }
    }

    /** Whether a change is being made {@link #quietly}: listeners then leave the run alone. */
    protected final boolean isQuiet() {
        return quiet;
    }

    protected void apply(Consumer<? super E> change) {
        if (runner != null) runner.apply(change);
    }

    /** Runs at full speed until the engine is done, whatever the speed slider says (e.g. "converge"). */
    protected void runToEnd() {
        if (runner != null) runner.runToEnd();
    }

    protected Runner<E, S> runner() {
        return runner;
    }

    protected RunStatus lastStatus() {
        return lastStatus;
    }

    private void accept(Published<S> published) {
        RunStatus s = published.status();
        lastStatus = s;
        onSnapshot(published.snapshot(), s);
        running.set(s.running());
        steps.set(s.steps());
        String failure = s.stoppedOnError() ? s.message() : failure(published.snapshot());
        error.set(failure == null ? "" : failure);
        status.set(describe(s));
    }

    /**
     * Why the engine stopped early although it threw nothing (it reports a diverging model in its snapshot
     * instead), or null: the shell then shows the same banner with its Reset offer as for a divergence.
     */
    protected String failure(S snapshot) {
        return null;
    }

    /** The status bar's words for a run status; a subclass may say more. */
    protected String describe(RunStatus s) {
        return switch (s.state()) {
            case RUNNING -> "Running";
            case PAUSED -> "Paused";
            case DONE -> "Done";
            case DIVERGED -> "Stopped: diverged";
            case FAILED -> "Stopped: " + s.message();
        };
    }

    // ---------------------------------------------------------------- RunControls

    @Override public void step() {
        if (runner != null) runner.step();
    }

    @Override public void toggleRun() {
        if (runner == null) return;
        if (running.get()) runner.pause(); else runner.run();
    }

    @Override public void reset() {
        if (runner == null) return;
        runner.load(engineFactory());
    }

    @Override public void setSpeed(double stepsPerSecond) {
        speed = stepsPerSecond;
        if (runner != null) runner.setSpeed(stepsPerSecond);
    }

    @Override public void setSeed(long seed) {
        this.seed = seed;
    }

    @Override public long seed() {
        return seed;
    }

    @Override public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    @Override public ReadOnlyLongProperty stepsProperty() { return steps.getReadOnlyProperty(); }
    @Override public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    @Override public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
