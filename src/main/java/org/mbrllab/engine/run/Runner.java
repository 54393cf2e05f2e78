package org.mbrllab.engine.run;

import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Drives an {@link Engine} for a pane: step, run, pause, reset and reconfigure, with the engine confined
 * to one worker and only immutable snapshots leaving it.
 *
 * <h2>Threading</h2>
 * <ol>
 *   <li>Commands ({@link #step()}, {@link #run()}, {@link #apply} …) may be called from any thread. They
 *       are queued and carried out by the worker between two steps, so a long run never blocks the
 *       caller and a reconfiguration never races a step.</li>
 *   <li>While running, the worker checks its queue before every step: a pause, a reset or a parameter
 *       change takes effect after at most one step.</li>
 *   <li>Snapshots are handed to {@code publishOn} (the FX thread in the app) at most {@link #MAX_FPS}
 *       times a second while running, and always after a command. Delivery is latest-wins: a
 *       snapshot not yet drawn is replaced by a newer one, never queued behind it.</li>
 * </ol>
 * {@link #synchronous} makes a runner that does everything on the calling thread, for tests.
 *
 * @param <E> the engine type, so that {@link #apply} can reach engine-specific settings
 * @param <S> the snapshot type
 */
public final class Runner<E extends Engine<S>, S> implements AutoCloseable {

    /** Most snapshots published per second while running. */
    public static final double MAX_FPS = 30.0;
    /** Speed meaning "as fast as the engine goes". */
    public static final double FULL_SPEED = Double.POSITIVE_INFINITY;

    private static final long PUBLISH_INTERVAL_NANOS = (long) (1e9 / MAX_FPS);

    private final Executor publishOn;
    private final Consumer<Published<S>> listener;
    private final BlockingQueue<Consumer<Runner<E, S>>> commands = new LinkedBlockingQueue<>();
    private final AtomicReference<Published<S>> pending = new AtomicReference<>();
    private final Thread worker;

    // Worker-confined state.
    private E engine;
    private boolean running;
    private long stepLimit = Long.MAX_VALUE;
    private Predicate<? super E> stopWhen;
    private double stepsPerSecond = FULL_SPEED;
    private boolean sprint;
    private long steps;
    private RunStatus.State stoppedState = RunStatus.State.PAUSED;
    private String message = "";
    private volatile boolean closed;

    private Runner(String name, Executor publishOn, Consumer<Published<S>> listener, boolean threaded) {
        this.publishOn = Objects.requireNonNull(publishOn, "publishOn");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (threaded) {
            worker = new Thread(this::loop, "engine-" + name);
            worker.setDaemon(true);
            worker.start();
        } else {
            worker = null;
        }
    }

    /**
     * A runner with its own daemon worker.
     *
     * @param name      names the worker thread, for stack dumps
     * @param publishOn where snapshots are delivered, e.g. {@code Platform::runLater}
     * @param listener  receives the newest snapshot on {@code publishOn}
     */
    public static <E extends Engine<S>, S> Runner<E, S> threaded(String name, Executor publishOn,
                                                                  Consumer<Published<S>> listener) {
        return new Runner<>(name, publishOn, listener, true);
    }

    /** A runner that carries out every command at once on the calling thread (tests, command line). */
    public static <E extends Engine<S>, S> Runner<E, S> synchronous(Consumer<Published<S>> listener) {
        return new Runner<>("sync", Runnable::run, listener, false);
    }

    // ---------------------------------------------------------------- commands

    /** Replaces the engine with a fresh one from {@code factory} (reset), paused. */
    public void load(Supplier<? extends E> factory) {
        submit(r -> {
            r.engine = factory.get();
            r.running = false;
            r.stopWhen = null;
            r.steps = 0;
            r.stoppedState = RunStatus.State.PAUSED;
            r.message = "";
        });
    }

    /** One step, then pause. */
    public void step() {
        submit(r -> {
            r.running = false;
            r.doStep();
        });
    }

    /** Steps on its own at the current speed until paused, done, or {@code maxSteps} taken. */
    public void run(long maxSteps) {
        submit(r -> r.startRunning(maxSteps, null));
    }

    /**
     * Steps on its own at the current speed until paused, done, or the engine reaches a goal: when the
     * command runs (on the worker, before the first step), {@code goal} is given the engine and returns
     * the test that is applied after every step; the run pauses once it holds ("run to the end of this
     * phase"). The goal is forgotten by the next run or pause.
     */
    public void runUntil(Function<? super E, ? extends Predicate<? super E>> goal) {
        submit(r -> {
            if (r.engine != null) r.startRunning(0, goal.apply(r.engine));
        });
    }

    /** Steps on its own at the current speed until paused or done. */
    public void run() {
        run(0);
    }

    /** Steps at full speed, whatever the speed setting, until paused or done ("run to convergence"). */
    public void runToEnd() {
        run(0);
        submit(r -> r.sprint = r.running);
    }

    public void pause() {
        submit(r -> {
            r.running = false;
            r.stopWhen = null;
            r.sprint = false;
        });
    }

    /** Whether this runner carries out commands on the caller's thread. */
    public boolean isSynchronous() {
        return worker == null;
    }

    /** Steps per second; {@link #FULL_SPEED} for no limit. */
    public void setSpeed(double stepsPerSecond) {
        if (!(stepsPerSecond > 0)) throw new IllegalArgumentException("speed must be > 0 steps/s");
        submit(r -> r.stepsPerSecond = stepsPerSecond);
    }

    /**
     * Changes the engine between two steps (a new γ, a painted wall …) and publishes the result. The
     * change runs on the worker, so it may touch the engine freely.
     */
    public void apply(Consumer<? super E> change) {
        submit(r -> {
            if (r.engine == null) return;
            try {
                change.accept(r.engine);
                if (r.stoppedState == RunStatus.State.DONE && !r.engine.isDone()) {
                    r.stoppedState = RunStatus.State.PAUSED;
                }
            } catch (DivergenceException e) {
                r.diverged(e);
            } catch (RuntimeException e) {
                r.fail(e);
            }
        });
    }

    /**
     * Stops the worker and lets go of the engine (its networks and arrays can then be collected even while
     * something still holds this runner). Pending commands are dropped and no snapshot is published
     * afterwards.
     */
    @Override
    public void close() {
        closed = true;
        commands.clear();
        pending.set(null);
        if (worker != null) worker.interrupt();
        else engine = null;
    }

    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- worker side

    private void submit(Consumer<Runner<E, S>> command) {
        if (closed) return;
        if (worker == null) {
            command.accept(this);
            publish();
            if (running) runSynchronously();
        } else {
            commands.add(command);
        }
    }

    /** Synchronous mode: {@link #run} steps to the end (or the step limit) before returning. */
    private void runSynchronously() {
        while (running && !closed) {
            doStep();
        }
        publish();
    }

    private void loop() {
        long lastPublish = 0;
        long nextStepAt = System.nanoTime();
        try {
            while (!closed) {
                // 1. Take commands: block when paused, poll when running (until the next step is due).
                Consumer<Runner<E, S>> command;
                if (running) {
                    long wait = nextStepAt - System.nanoTime();
                    command = wait > 0 ? commands.poll(wait, TimeUnit.NANOSECONDS) : commands.poll();
                } else {
                    command = commands.take();
                }
                if (command != null) {
                    do {
                        command.accept(this);
                    } while ((command = commands.poll()) != null && !closed);
                    publish();
                    lastPublish = System.nanoTime();
                    nextStepAt = lastPublish;
                    continue;
                }
                // 2. One step, then publish if a frame's time has passed or the run just stopped.
                if (running && System.nanoTime() >= nextStepAt) {
                    doStep();
                    long now = System.nanoTime();
                    if (!running) sprint = false;
                    if (Double.isFinite(stepsPerSecond) && !sprint) {
                        nextStepAt = Math.max(nextStepAt + (long) (1e9 / stepsPerSecond), now - PUBLISH_INTERVAL_NANOS);
                    } else {
                        nextStepAt = now;
                    }
                    if (!running || now - lastPublish >= PUBLISH_INTERVAL_NANOS) {
                        publish();
                        lastPublish = now;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (closed) {
                engine = null;
                stopWhen = null;
                commands.clear();
            }
        }
    }

    /** Whether the runner still holds an engine (false once it is closed and its worker has stopped). */
    public boolean hasEngine() {
        return engine != null;
    }

    /** Waits up to {@code millis} for the worker to stop after {@link #close()}; true if it has. */
    public boolean awaitStopped(long millis) throws InterruptedException {
        if (worker == null) return true;
        worker.join(millis);
        return !worker.isAlive();
    }

    private void startRunning(long maxSteps, Predicate<? super E> goal) {
        if (engine == null) return;
        running = true;
        sprint = false;
        stepLimit = maxSteps <= 0 ? Long.MAX_VALUE : steps + maxSteps;
        stopWhen = goal;
        message = "";
        if (stoppedState == RunStatus.State.DONE) stoppedState = RunStatus.State.PAUSED;
    }

    private void doStep() {
        if (engine == null) {
            running = false;
            return;
        }
        if (stoppedState == RunStatus.State.DIVERGED || stoppedState == RunStatus.State.FAILED) {
            running = false;
            return;
        }
        try {
            boolean more = engine.step();
            steps++;
            if (!more) {
                running = false;
                stoppedState = RunStatus.State.DONE;
            } else if (steps >= stepLimit || (stopWhen != null && stopWhen.test(engine))) {
                running = false;
                stopWhen = null;
            }
        } catch (DivergenceException e) {
            diverged(e);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void diverged(DivergenceException e) {
        running = false;
        stoppedState = RunStatus.State.DIVERGED;
        message = e.getMessage();
    }

    private void fail(RuntimeException e) {
        running = false;
        stoppedState = RunStatus.State.FAILED;
        message = e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private void publish() {
        if (engine == null || closed) return;
        RunStatus.State state = running ? RunStatus.State.RUNNING
                : (stoppedState == RunStatus.State.PAUSED && engine.isDone() ? RunStatus.State.DONE : stoppedState);
        S snapshot;
        try {
            snapshot = engine.snapshot();
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        Published<S> next = new Published<>(snapshot, new RunStatus(state, steps, message));
        if (pending.getAndSet(next) == null) {
            publishOn.execute(() -> {
                Published<S> latest = pending.getAndSet(null);
                if (latest != null && !closed) listener.accept(latest);
            });
        }
    }
}
