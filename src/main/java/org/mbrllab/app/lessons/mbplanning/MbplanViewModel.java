package org.mbrllab.app.lessons.mbplanning;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.PlannerKind;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.model.EnsembleConfig;
import org.mbrllab.engine.model.MbrlSettings;
import org.mbrllab.engine.model.MbrlSettings.Version;
import org.mbrllab.engine.model.MbrlSnapshot;
import org.mbrllab.engine.model.ModelBasedPlanning;
import org.mbrllab.engine.run.RunStatus;

/**
 * The model-based planning pane's view-model: the version, the system, the loop's numbers, how far one
 * press of Step goes, and the runner that drives {@link ModelBasedPlanning} on its worker. Any change of
 * a setting starts a fresh, paused run. It never touches a control, so tests drive it synchronously.
 */
final class MbplanViewModel extends RunnerViewModel<ModelBasedPlanning, MbrlSnapshot> {

    static final ParameterSpec EPISODES = MbrlSettings.EPISODES.withDefault(10);
    static final ParameterSpec MEMBERS = EnsembleConfig.MEMBERS;
    static final ParameterSpec HORIZON = MbrlSettings.HORIZON;
    static final ParameterSpec SAMPLES = MbrlSettings.SAMPLES;
    /**
     * One fixed start in the lesson (the command line's default is three): under V4 every evaluation
     * episode costs as much as a training episode, and one start already shows whether the model got
     * better, apart from the luck of the training episode's start.
     */
    static final ParameterSpec EVAL_STARTS = MbrlSettings.EVAL_STARTS.withDefault(1);

    /** How far one press of Step (→) goes. */
    enum Granularity {
        /** One real step, or one epoch of a fit. */
        STEP("one step"),
        /** To the end of the current phase: the random data, the fit, or the planning episode. */
        PHASE("one phase"),
        /** Until the next planning episode has ended (with the fit before it). */
        ITERATION("one iteration");

        private final String label;

        Granularity(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ParameterModel parameters = new ParameterModel(parameterSpecs());
    private final ObjectProperty<Version> version = new SimpleObjectProperty<>(this, "version", Version.V1);
    private final ObjectProperty<ControlSystem> system = new SimpleObjectProperty<>(this, "system", ControlSystem.PENDULUM);
    private final ObjectProperty<Granularity> granularity = new SimpleObjectProperty<>(this, "granularity", Granularity.PHASE);
    private final ReadOnlyObjectWrapper<MbrlSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");

    MbplanViewModel() {
        super("mbplanning");
        for (ParameterSpec spec : parameters.specs()) {
            parameters.property(spec.key()).addListener((obs, o, n) -> changed());
        }
        version.addListener((obs, o, n) -> changed());
        system.addListener((obs, o, n) -> changed());
    }

    static List<ParameterSpec> parameterSpecs() {
        return List.of(EPISODES, MEMBERS, HORIZON, SAMPLES, EVAL_STARTS);
    }

    @Override public ParameterModel parameters() { return parameters; }
    ObjectProperty<Version> versionProperty() { return version; }
    ObjectProperty<ControlSystem> systemProperty() { return system; }
    ObjectProperty<Granularity> granularityProperty() { return granularity; }
    ReadOnlyObjectProperty<MbrlSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }

    /** Starts the worker (or a synchronous runner, for tests) with the lesson's defaults; the run waits paused. */
    @Override
    public void open(PaneContext context, RunnerFactory runners) {
        quietly(() -> parameters.setKnown(context.parameterDefaults()));
        start(runners);
    }

    @Override
    public void close() {
        stop();
    }

    /** The loop's settings: the course's defaults with the version, the system, the numbers and the seed. */
    MbrlSettings settings() {
        return MbrlSettings.defaults(system.get(), version.get())
                .withEpisodes((int) parameters.get(EPISODES.key()))
                .withMembers((int) parameters.get(MEMBERS.key()))
                .withSeed(seed())
                .withPlanner(PlannerKind.CEM, (int) parameters.get(HORIZON.key()), (int) parameters.get(SAMPLES.key()),
                        (int) MbrlSettings.CEM_ITERATIONS.defaultValue())
                .withEvalStarts((int) parameters.get(EVAL_STARTS.key()));
    }

    private void changed() {
        if (!isQuiet() && isStarted()) reset();
    }

    /** Sets several parameters and choices with one reset (a preset). */
    void setAll(Version v, ControlSystem s, Map<String, Double> values) {
        quietly(() -> {
            version.set(v);
            system.set(s);
            values.forEach(parameters::set);
        });
        changed();
    }

    // ---------------------------------------------------------------- RunControls

    /** One step, one phase or one iteration, as {@link #granularityProperty()} says. */
    @Override
    public void step() {
        if (runner() == null) return;
        switch (granularity.get()) {
            case STEP -> super.step();
            case PHASE -> runner().runUntil(MbplanViewModel::endOfPhase);
            case ITERATION -> runner().runUntil(MbplanViewModel::endOfIteration);
        }
    }

    /** The test that holds once {@code e} has left the phase (or the episode) it is in now. */
    static Predicate<ModelBasedPlanning> endOfPhase(ModelBasedPlanning e) {
        ModelBasedPlanning.Phase phase = e.phase();
        int episode = e.episode();
        return x -> x.phase() != phase || x.episode() != episode;
    }

    /** The test that holds once {@code e} has finished one more planning episode. */
    static Predicate<ModelBasedPlanning> endOfIteration(ModelBasedPlanning e) {
        int finished = e.results().size();
        return x -> x.results().size() > finished;
    }

    // ---------------------------------------------------------------- RunnerViewModel

    @Override
    protected Supplier<ModelBasedPlanning> engineFactory() {
        MbrlSettings s = settings();
        return () -> new ModelBasedPlanning(s);
    }

    @Override
    protected void onSnapshot(MbrlSnapshot s, RunStatus status) {
        snapshot.set(s);
    }

    @Override
    protected String describe(RunStatus s) {
        MbrlSnapshot last = snapshot.get();
        String where = last == null ? "" : ": " + where(last);
        return switch (s.state()) {
            case RUNNING -> "Running" + where;
            case PAUSED -> "Paused" + where;
            case DONE -> "Done: every episode has run; Reset starts again";
            case DIVERGED -> "Stopped: the model's loss diverged";
            case FAILED -> "Stopped: " + s.message();
        };
    }

    /** "episode 3 of 10, step 120 of 200", "collecting random data, step 40 of 200", "refitting …". */
    static String where(MbrlSnapshot s) {
        int steps = s.settings().episodeSteps();
        return switch (s.phase()) {
            case COLLECT -> "collecting random data, step " + s.step() + " of " + steps;
            case FIT -> s.episode() == 0 ? "fitting the model to the random data"
                    : "refitting on all " + s.datasetSize() + " transitions after episode " + s.episode();
            case ACT -> "episode " + s.episode() + " of " + s.settings().episodes() + ", step " + s.step() + " of " + steps;
            case EVALUATE -> "episode " + s.episode() + " of " + s.settings().episodes() + " over; " + evalWhere(s);
            case DONE -> "all " + s.settings().episodes() + " episodes done";
        };
    }

    /** "fixed start 2 of 3, step 40 of 200": where the evaluation of the last episode's model is. */
    static String evalWhere(MbrlSnapshot s) {
        int steps = s.settings().episodeSteps();
        return "fixed start " + (s.evalStep() / steps + 1) + " of " + s.settings().evalStarts() + ", step "
                + s.evalStep() % steps + " of " + steps;
    }
}
