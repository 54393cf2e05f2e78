package org.mbrllab.app.common;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mbrllab.engine.run.Engine;
import org.mbrllab.engine.run.RunStatus;

/**
 * The view-model of a pane whose engine trains nets for at most some epochs: opening the pane trains at
 * once, a change of the data or the settings restarts training, running, and the status bar counts the
 * epochs. A subclass says what its engine is, which changes restart it ({@link #changed()}), and where a
 * snapshot keeps its epochs.
 *
 * @param <E> the engine type
 * @param <S> its snapshot type
 */
public abstract class TrainingViewModel<E extends Engine<S>, S> extends RunnerViewModel<E, S> {

    /**
     * What the status bar says of a snapshot.
     *
     * @param epoch      the epochs trained so far
     * @param maxEpochs  the epoch limit
     * @param stopReason why training stopped early; "" while it runs
     */
    public record Progress(int epoch, int maxEpochs, String stopReason) {}

    private final ParameterModel parameters;
    private final ReadOnlyObjectWrapper<S> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");

    protected TrainingViewModel(String name, ParameterModel parameters) {
        super(name);
        this.parameters = parameters;
    }

    /** The epochs of a snapshot. */
    protected abstract Progress progress(S snapshot);

    @Override public ParameterModel parameters() { return parameters; }
    public ReadOnlyObjectProperty<S> snapshotProperty() { return snapshot.getReadOnlyProperty(); }

    /** Starts the worker (or a synchronous runner for tests) with the lesson's parameter defaults, and trains. */
    @Override
    public void open(PaneContext context, RunnerFactory runners) {
        quietly(() -> parameters.setKnown(context.parameterDefaults()));
        start(runners);
        train();
    }

    /** Restarts training after a change, unless the change is made {@link #quietly} or the pane is closed. */
    protected void changed() {
        if (!isQuiet() && isStarted()) train();
    }


    /** A fresh run for the current settings, running at once. */
    private void train() {
        reset();
        if (runner() != null) runner().run();
    }

    @Override
    protected void onSnapshot(S s, RunStatus status) {
        snapshot.set(s);
    }

    @Override
    protected String describe(RunStatus s) {
        Progress last = snapshot.get() == null ? null : progress(snapshot.get());
        String epochs = last == null ? "" : "epoch " + last.epoch() + " of at most " + last.maxEpochs();
        return switch (s.state()) {
            case RUNNING -> "Training: " + epochs;
            case PAUSED -> "Paused: " + epochs;
            case DONE -> last != null && !last.stopReason().isEmpty() ? "Trained: " + last.stopReason() : "Trained: " + epochs;
            case DIVERGED -> "Stopped: the loss diverged";
            case FAILED -> "Stopped: " + s.message();
        };
    }
}
