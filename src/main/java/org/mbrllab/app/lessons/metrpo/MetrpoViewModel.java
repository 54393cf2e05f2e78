package org.mbrllab.app.lessons.metrpo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.metrpo.MeTrpo;
import org.mbrllab.engine.metrpo.MeTrpoSettings;
import org.mbrllab.engine.metrpo.MeTrpoSnapshot;
import org.mbrllab.engine.metrpo.ValidationRule;
import org.mbrllab.engine.model.RolloutMode;
import org.mbrllab.engine.run.RunStatus;

/**
 * The ME-TRPO pane's view-model: K, the rollout mode, δ, the budget and the model-free switch, and the
 * runner that drives {@link MeTrpo} on its worker (one unit per Step: a real trajectory, a fitting epoch,
 * a TRPO iteration or an evaluation; or to the end of the phase). Any change of a setting starts a fresh,
 * paused run. It never touches a control, so tests drive it synchronously.
 */
final class MetrpoViewModel extends RunnerViewModel<MeTrpo, MeTrpoSnapshot> {

    static final ParameterSpec MEMBERS = MeTrpoSettings.MEMBERS;
    static final ParameterSpec DELTA = MeTrpoSettings.DELTA;
    static final ParameterSpec REAL_STEPS = MeTrpoSettings.REAL_STEPS;
    static final ParameterSpec IMAGINED_PATHS = MeTrpoSettings.IMAGINED_PATHS;
    static final ParameterSpec MAX_POLICY_ITERATIONS = MeTrpoSettings.MAX_POLICY_ITERATIONS;
    static final ParameterSpec HIDDEN_UNITS = MeTrpoSettings.HIDDEN_UNITS;

    /** The rollout modes the lesson compares (one fixed member is the ensemble's K = 1 case, left out). */
    static final List<RolloutMode> ROLLOUT_MODES = List.of(RolloutMode.MEMBER_PER_STEP,
            RolloutMode.MEMBER_PER_TRAJECTORY, RolloutMode.MEAN);

    /**
     * What one validation check looks like against the last save before it.
     *
     * @param iteration TRPO iterations of the phase before the check
     * @param change    per model, η̂(θ; φ_k) minus its score at the last save (all 0 for the phase's first check)
     * @param check     the rule's decision
     */
    record CheckView(int iteration, double[] change, ValidationRule.Check check) {}

    private final ParameterModel parameters = new ParameterModel(parameterSpecs());
    private final ObjectProperty<RolloutMode> rolloutMode = new SimpleObjectProperty<>(this, "rolloutMode",
            RolloutMode.MEMBER_PER_STEP);
    private final BooleanProperty modelFree = new SimpleBooleanProperty(this, "modelFree", false);
    private final ReadOnlyObjectWrapper<MeTrpoSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");

    MetrpoViewModel() {
        super("metrpo");
        for (ParameterSpec spec : parameters.specs()) {
            parameters.property(spec.key()).addListener((obs, o, n) -> changed());
        }
        rolloutMode.addListener((obs, o, n) -> changed());
        modelFree.addListener((obs, o, n) -> changed());
    }

    static List<ParameterSpec> parameterSpecs() {
        return List.of(MEMBERS, DELTA, REAL_STEPS, IMAGINED_PATHS, MAX_POLICY_ITERATIONS, HIDDEN_UNITS);
    }

    @Override public ParameterModel parameters() { return parameters; }
    ObjectProperty<RolloutMode> rolloutModeProperty() { return rolloutMode; }
    BooleanProperty modelFreeProperty() { return modelFree; }
    ReadOnlyObjectProperty<MeTrpoSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }

    @Override
    public void open(PaneContext context, RunnerFactory runners) {
        quietly(() -> parameters.setKnown(context.parameterDefaults()));
        start(runners);
    }

    /** The run's settings: the lesson's defaults with the pane's numbers, mode, switch and seed. */
    MeTrpoSettings settings() {
        MeTrpoSettings s = MeTrpoSettings.defaults()
                .withMembers((int) parameters.get(MEMBERS.key()))
                .withDelta(parameters.get(DELTA.key()))
                .withRealSteps((int) parameters.get(REAL_STEPS.key()))
                .withImaginedPaths((int) parameters.get(IMAGINED_PATHS.key()))
                .withMaxPolicyIterations((int) parameters.get(MAX_POLICY_ITERATIONS.key()))
                .withRolloutMode(rolloutMode.get())
                .withSeed(seed());
        s = new MeTrpoSettings(s.system(), s.members(), s.realSteps(), false, s.seed(), s.rolloutMode(),
                s.imaginedPaths(), s.horizon(), s.realPathsPerIteration(), (int) parameters.get(HIDDEN_UNITS.key()),
                s.maxPolicyIterations(), s.delta());
        // Model-free TRPO spends 4,000 real steps an iteration: it gets at least the command line's budget.
        return modelFree.get() ? s.asModelFree(Math.max(s.realSteps(), MeTrpoSettings.MODEL_FREE_REAL_STEPS)) : s;
    }

    private void changed() {
        if (!isQuiet() && isStarted()) reset();
    }

    /** Sets several parameters with one reset. */
    void setAll(Map<String, Double> values) {
        quietly(() -> values.forEach(parameters::set));
        changed();
    }

    /** Steps until the phase changes (collect → fit → policy phase → evaluate), then pauses. */
    void stepPhase() {
        if (runner() != null) runner().runUntil(MetrpoViewModel::endOfPhase);
    }

    /** The test that holds once {@code e} has left the phase it is in now (or finished). */
    static Predicate<MeTrpo> endOfPhase(MeTrpo e) {
        MeTrpo.Phase phase = e.phase();
        return x -> x.phase() != phase;
    }

    /** The checks of the snapshot's policy phase, each with its per-model change since the save before it. */
    static List<CheckView> checkViews(MeTrpoSnapshot s) {
        List<CheckView> out = new ArrayList<>();
        double[] saved = null;
        for (MeTrpoSnapshot.PhaseCheck c : s.checks()) {
            double[] scores = c.check().scores();
            double[] change = new double[scores.length];
            if (saved != null && saved.length == scores.length) {
                for (int k = 0; k < scores.length; k++) change[k] = scores[k] - saved[k];
            }
            out.add(new CheckView(c.iteration(), change, c.check()));
            if (c.check().verdict() == ValidationRule.Verdict.SAVED) saved = scores;
        }
        return out;
    }

    /** The iteration of the last save before the rule stopped the phase, or −1 when it has not stopped. */
    static int restoredFrom(MeTrpoSnapshot s) {
        int saved = -1;
        for (MeTrpoSnapshot.PhaseCheck c : s.checks()) {
            if (c.check().verdict() == ValidationRule.Verdict.SAVED) saved = c.iteration();
            if (c.check().verdict() == ValidationRule.Verdict.STOPPED) return saved;
        }
        return -1;
    }

    // ---------------------------------------------------------------- RunnerViewModel

    @Override
    protected Supplier<MeTrpo> engineFactory() {
        MeTrpoSettings s = settings();
        return () -> new MeTrpo(s);
    }

    @Override
    protected void onSnapshot(MeTrpoSnapshot s, RunStatus status) {
        snapshot.set(s);
    }

    @Override
    protected String failure(MeTrpoSnapshot s) {
        return s.failure() == null ? null : "The run stopped: " + s.failure() + ". Reset starts again.";
    }

    @Override
    protected String describe(RunStatus s) {
        MeTrpoSnapshot last = snapshot.get();
        String where = last == null ? "" : ": " + where(last);
        return switch (s.state()) {
            case RUNNING -> "Running" + where;
            case PAUSED -> "Paused" + where;
            case DONE -> last != null && last.failure() != null ? "Stopped: " + last.failure()
                    : "Done: the real-step budget is spent; Reset starts again";
            case DIVERGED -> "Stopped: diverged";
            case FAILED -> "Stopped: " + s.message();
        };
    }

    /** "outer iteration 3, policy phase, TRPO iteration 12" and the like. */
    static String where(MeTrpoSnapshot s) {
        String outer = s.settings().modelFree() ? "TRPO iteration " + (s.policyIterations() + 1)
                : "outer iteration " + s.outerIteration();
        return outer + ", " + switch (s.phase()) {
            case COLLECT -> "collecting real data (" + s.realSteps() + " steps so far)";
            case FIT -> "fitting " + s.settings().members() + (s.settings().members() == 1 ? " model" : " models");
            case POLICY -> s.settings().modelFree() ? "sampling the real system"
                    : "policy phase, " + s.phaseIterations() + " TRPO iterations";
            case EVALUATE -> "evaluating on the real system";
            case DONE -> "done after " + Format.number(s.realSteps()) + " real steps";
        };
    }
}
