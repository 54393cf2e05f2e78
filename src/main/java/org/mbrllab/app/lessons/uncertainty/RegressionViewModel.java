package org.mbrllab.app.lessons.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.TrainingViewModel;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.model.EnsembleConfig;
import org.mbrllab.engine.model.MemberKind;
import org.mbrllab.engine.model.SineTask;
import org.mbrllab.engine.run.RunStatus;
import org.mbrllab.engine.model.RegressionRun;
import org.mbrllab.engine.model.RegressionView;

/**
 * The 1-D regression pane's view-model: the data settings (noise, gap, number of points, clicked
 * points), the nets' settings, the view, and the runner that trains on its worker. Any change of data or
 * settings restarts training at once, running. It never touches a control, so tests drive it
 * synchronously.
 */
final class RegressionViewModel extends TrainingViewModel<RegressionRun, RegressionRun.Snapshot> {

    static final ParameterSpec MEMBERS = EnsembleConfig.MEMBERS;
    static final ParameterSpec NOISE = SineTask.NOISE.withDefault(0.1);
    static final ParameterSpec POINTS = ParameterSpec.whole("points", "data points", 10, 2000, 200,
            "How many (x, y) pairs are drawn from sin(x) + noise, outside the gap.");
    static final ParameterSpec GAP_START = ParameterSpec.real("gap_start", "gap from x =", SineTask.X_MIN, SineTask.X_MAX,
            -0.5, "Left edge of the interval without data (epistemic uncertainty lives there). Or drag it on the chart.");
    static final ParameterSpec GAP_END = ParameterSpec.real("gap_end", "gap to x =", SineTask.X_MIN, SineTask.X_MAX,
            2.5, "Right edge of the interval without data. Equal edges: no gap.");
    static final ParameterSpec LEARNING_RATE = ParameterSpec.real("learning_rate", "learning rate", 1e-4, 100, 3e-3,
            "Adam's step size. Far too large, and the loss becomes NaN: training stops and asks for a reset.");
    static final ParameterSpec MAX_EPOCHS = ParameterSpec.whole("max_epochs", "most epochs", 1, 5000, 400,
            "Training stops here, or earlier once the held-out loss stops improving.");

    /** Gap edges dragged on the chart land on multiples of this. */
    static final double GAP_SNAP = 0.05;

    /** The widest gap the task allows leaves a little room for data. */
    static final double LARGEST_GAP = SineTask.X_MAX - SineTask.X_MIN - 0.5;

    private final ObjectProperty<RegressionView> view = new SimpleObjectProperty<>(this, "view", RegressionView.ENSEMBLE);
    /** Whether every member carries a random prior ({@link SineTask#PRIOR_SCALE}) or the ensemble is plain. */
    private final BooleanProperty randomPriors = new SimpleBooleanProperty(this, "randomPriors", true);
    private final ReadOnlyIntegerWrapper addedCount = new ReadOnlyIntegerWrapper(this, "addedCount");
    private final List<double[]> added = new ArrayList<>();

    RegressionViewModel() {
        super("regression-1d", new ParameterModel(parameterSpecs()));
        for (ParameterSpec spec : parameters().specs()) {
            parameters().property(spec.key()).addListener((obs, o, n) -> changed());
        }
        view.addListener((obs, o, n) -> changed());
        randomPriors.addListener((obs, o, n) -> changed());
    }

    static List<ParameterSpec> parameterSpecs() {
        return List.of(MEMBERS, NOISE, POINTS, GAP_START, GAP_END, LEARNING_RATE, MAX_EPOCHS);
    }

    ObjectProperty<RegressionView> viewProperty() { return view; }
    ReadOnlyIntegerProperty addedCountProperty() { return addedCount.getReadOnlyProperty(); }
    BooleanProperty randomPriorsProperty() { return randomPriors; }

    /** The gap's edges, in order: [start, end]. */
    double[] gap() {
        double a = parameters().get(GAP_START.key());
        double b = parameters().get(GAP_END.key());
        return new double[] {Math.min(a, b), Math.max(a, b)};
    }

    /** Moves both gap edges at once (a drag on the chart), snapped to {@value #GAP_SNAP}, then restarts training once. */
    void setGap(double start, double end) {
        double a = clampX(snap(Math.min(start, end)));
        double b = clampX(snap(Math.max(start, end)));
        if (b - a > LARGEST_GAP) b = a + LARGEST_GAP;
        double to = b;
        quietly(() -> {
            parameters().set(GAP_START.key(), a);
            parameters().set(GAP_END.key(), to);
        });
        changed();
    }

    /** Adds a training point (a click on the chart), then restarts training. */
    void addPoint(double x, double y) {
        added.add(new double[] {x, y});
        addedCount.set(added.size());
        changed();
    }

    /** Forgets the clicked points. */
    void clearAddedPoints() {
        if (added.isEmpty()) return;
        added.clear();
        addedCount.set(0);
        changed();
    }

    /** The sine task the current settings describe. */
    SineTask task() {
        double[] g = gap();
        if (g[1] - g[0] > LARGEST_GAP) g[1] = g[0] + LARGEST_GAP;
        return new SineTask((int) parameters().get(POINTS.key()), parameters().get(NOISE.key()), g[0], g[1], seed());
    }

    /**
     * The nets' configuration: the task's defaults with K, the learning rate, the epoch limit, the seed,
     * and random priors or none.
     */
    EnsembleConfig config() {
        return SineTask.defaultConfig((int) parameters().get(MEMBERS.key()), MemberKind.PROBABILISTIC,
                (int) parameters().get(MAX_EPOCHS.key()), seed()).withLearningRate(parameters().get(LEARNING_RATE.key()))
                .withPriorScale(randomPriors.get() ? SineTask.PRIOR_SCALE : 0);
    }

    private static double snap(double x) {
        return Math.rint(x / GAP_SNAP) / (1 / GAP_SNAP);
    }

    private static double clampX(double x) {
        return Math.max(SineTask.X_MIN, Math.min(SineTask.X_MAX, x));
    }

    // ---------------------------------------------------------------- TrainingViewModel

    @Override
    protected Supplier<RegressionRun> engineFactory() {
        // Copies of the inputs: the worker builds the data and the nets.
        RegressionView v = view.get();
        SineTask task = task();
        List<double[]> points = added.stream().map(double[]::clone).toList();
        EnsembleConfig config = config();
        return () -> new RegressionRun(v, task, points, config);
    }

    @Override
    protected Progress progress(RegressionRun.Snapshot s) {
        return new Progress(s.epoch(), s.maxEpochs(), s.stopReason());
    }

    @Override
    protected String describe(RunStatus s) {
        return s.state() == RunStatus.State.DIVERGED ? "Stopped: the loss diverged (learning rate too high?)" : super.describe(s);
    }
}
