package org.mbrllab.app.lessons.ensembles;

import java.util.List;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.model.DisagreementMap;
import org.mbrllab.engine.model.DisagreementMap.DataSource;
import org.mbrllab.engine.model.DisagreementMap.MapOutput;
import org.mbrllab.engine.run.RunStatus;

/**
 * The disagreement pane's view-model: the data source and its size, K, the epoch limit, the torque of
 * the map's slice, and how the map is drawn (which output, log scale, dots). A change of the data or the
 * ensemble restarts training at once, running; a new torque only re-evaluates the grid on the worker;
 * the drawing choices only redraw. It never touches a control, so tests drive it synchronously.
 */
final class DisagreementViewModel extends RunnerViewModel<DisagreementMap, DisagreementMap.Snapshot> {

    static final ParameterSpec MEMBERS = DisagreementMap.MEMBERS;
    static final ParameterSpec EPISODES = DisagreementMap.EPISODES;
    static final ParameterSpec TORQUE = DisagreementMap.TORQUE;
    static final ParameterSpec MAX_EPOCHS = DisagreementMap.MAX_EPOCHS;

    private final ParameterModel parameters = new ParameterModel(parameterSpecs());
    private final ObjectProperty<DataSource> source = new SimpleObjectProperty<>(this, "source", DataSource.RANDOM);
    private final ObjectProperty<MapOutput> output = new SimpleObjectProperty<>(this, "output", MapOutput.THETA_DOT);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", true);
    private final BooleanProperty showData = new SimpleBooleanProperty(this, "showData", true);
    private final ReadOnlyObjectWrapper<DisagreementMap.Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private boolean quiet;

    DisagreementViewModel() {
        super("disagreement");
        for (ParameterSpec spec : parameters.specs()) {
            if (spec == TORQUE) continue;
            parameters.property(spec.key()).addListener((obs, o, n) -> changed());
        }
        parameters.property(TORQUE.key()).addListener((obs, o, n) -> {
            double u = n.doubleValue();
            if (!quiet) apply(map -> map.setTorque(u));
        });
        source.addListener((obs, o, n) -> changed());
    }

    static List<ParameterSpec> parameterSpecs() {
        return List.of(MEMBERS, EPISODES, TORQUE, MAX_EPOCHS);
    }

    ParameterModel parameters() { return parameters; }
    ObjectProperty<DataSource> sourceProperty() { return source; }
    ObjectProperty<MapOutput> outputProperty() { return output; }
    BooleanProperty logScaleProperty() { return logScale; }
    BooleanProperty showDataProperty() { return showData; }
    ReadOnlyObjectProperty<DisagreementMap.Snapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }

    /** Starts the worker (or a synchronous runner for tests) with the lesson's parameter defaults, and trains. */
    void open(PaneContext context, boolean synchronous) {
        quiet = true;
        try {
            parameters.setKnown(context.parameterDefaults());
        } finally {
            quiet = false;
        }
        if (synchronous) startSynchronous(); else start();
        train();
    }

    void close() {
        stop();
    }

    /** The engine's settings for the current values. */
    DisagreementMap.Settings settings() {
        return new DisagreementMap.Settings(source.get(), (int) parameters.get(EPISODES.key()),
                (int) parameters.get(MEMBERS.key()), (int) parameters.get(MAX_EPOCHS.key()),
                parameters.get(TORQUE.key()), seed());
    }

    private void changed() {
        if (!quiet && isStarted()) train();
    }

    /** A fresh run for the current settings, running at once. */
    private void train() {
        reset();
        if (runner() != null) runner().run();
    }

    // ---------------------------------------------------------------- RunnerViewModel

    @Override
    protected Supplier<DisagreementMap> engineFactory() {
        // A copy of the settings: the worker collects the data and builds the nets.
        DisagreementMap.Settings s = settings();
        return () -> new DisagreementMap(s);
    }

    @Override
    protected void onSnapshot(DisagreementMap.Snapshot s, RunStatus status) {
        snapshot.set(s);
    }

    @Override
    protected String describe(RunStatus s) {
        DisagreementMap.Snapshot last = snapshot.get();
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
