package org.mbrllab.app.lessons.ensembles;

import java.util.List;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.TrainingViewModel;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.model.DisagreementMap;
import org.mbrllab.engine.model.DisagreementMap.DataSource;
import org.mbrllab.engine.model.DisagreementMap.MapOutput;

/**
 * The disagreement pane's view-model: the data source and its size, K, the epoch limit, the torque of
 * the map's slice, and how the map is drawn (which output, log scale, dots). A change of the data or the
 * ensemble restarts training at once, running; a new torque only re-evaluates the grid on the worker;
 * the drawing choices only redraw. It never touches a control, so tests drive it synchronously.
 */
final class DisagreementViewModel extends TrainingViewModel<DisagreementMap, DisagreementMap.Snapshot> {

    static final ParameterSpec MEMBERS = DisagreementMap.MEMBERS;
    static final ParameterSpec EPISODES = DisagreementMap.EPISODES;
    static final ParameterSpec TORQUE = DisagreementMap.TORQUE;
    static final ParameterSpec MAX_EPOCHS = DisagreementMap.MAX_EPOCHS;

    private final ObjectProperty<DataSource> source = new SimpleObjectProperty<>(this, "source", DataSource.RANDOM);
    private final ObjectProperty<MapOutput> output = new SimpleObjectProperty<>(this, "output", MapOutput.THETA_DOT);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", true);
    private final BooleanProperty showData = new SimpleBooleanProperty(this, "showData", true);

    DisagreementViewModel() {
        super("disagreement", new ParameterModel(parameterSpecs()));
        ParameterModel parameters = parameters();
        for (ParameterSpec spec : parameters.specs()) {
            if (spec == TORQUE) continue;
            parameters.property(spec.key()).addListener((obs, o, n) -> changed());
        }
        parameters.property(TORQUE.key()).addListener((obs, o, n) -> {
            double u = n.doubleValue();
            if (!isQuiet()) apply(map -> map.setTorque(u));
        });
        source.addListener((obs, o, n) -> changed());
    }

    static List<ParameterSpec> parameterSpecs() {
        return List.of(MEMBERS, EPISODES, TORQUE, MAX_EPOCHS);
    }

    ObjectProperty<DataSource> sourceProperty() { return source; }
    ObjectProperty<MapOutput> outputProperty() { return output; }
    BooleanProperty logScaleProperty() { return logScale; }
    BooleanProperty showDataProperty() { return showData; }

    /** The engine's settings for the current values. */
    DisagreementMap.Settings settings() {
        ParameterModel p = parameters();
        return new DisagreementMap.Settings(source.get(), (int) p.get(EPISODES.key()),
                (int) p.get(MEMBERS.key()), (int) p.get(MAX_EPOCHS.key()),
                p.get(TORQUE.key()), seed());
    }

    // ---------------------------------------------------------------- TrainingViewModel

    @Override
    protected Supplier<DisagreementMap> engineFactory() {
        // A copy of the settings: the worker collects the data and builds the nets.
        DisagreementMap.Settings s = settings();
        return () -> new DisagreementMap(s);
    }

    @Override
    protected Progress progress(DisagreementMap.Snapshot s) {
        return new Progress(s.epoch(), s.maxEpochs(), s.stopReason());
    }
}
