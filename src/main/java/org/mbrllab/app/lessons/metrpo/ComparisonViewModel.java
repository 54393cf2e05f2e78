package org.mbrllab.app.lessons.metrpo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.metrpo.MeTrpoComparison;
import org.mbrllab.engine.metrpo.MeTrpoRecord;
import org.mbrllab.engine.metrpo.MeTrpoSettings;
import org.mbrllab.engine.run.RunStatus;

/**
 * The recorded comparison of the lesson's {@value MeTrpoRecord#RECORDED_FILE} (ME-TRPO with several K,
 * model-free TRPO, over seeds), or a live one that {@link MeTrpoComparison} computes on its own worker,
 * separate from the loop's. Its run controls are its own buttons, not the shell's.
 */
final class ComparisonViewModel extends RunnerViewModel<MeTrpoComparison, MeTrpoComparison.Progress> {

    /** The seeds of a live comparison: 0, 1 and 2. */
    static final long[] SEEDS = {0, 1, 2};
    /** K of a live comparison's ME-TRPO runs, as in the paper's Figure 2. */
    static final int MEMBERS = 5;

    private final ReadOnlyObjectWrapper<List<MeTrpoRecord.Curve>> curves = new ReadOnlyObjectWrapper<>(this, "curves",
            List.of());
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live", false);
    private final Supplier<MeTrpoSettings> settings;
    private PaneContext.Preset recordedFile;

    /** @param settings the loop's settings; a live comparison takes its budget, δ and sizes, with K = 5 */
    ComparisonViewModel(Supplier<MeTrpoSettings> settings) {
        super("metrpo-compare");
        this.settings = settings;
    }

    ReadOnlyObjectProperty<List<MeTrpoRecord.Curve>> curvesProperty() { return curves.getReadOnlyProperty(); }
    ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty liveProperty() { return live.getReadOnlyProperty(); }

    /** Takes the lesson's recorded comparison, if its folder has one. */
    void useLessonFiles(PaneContext context) {
        recordedFile = context.dataFiles().get(MeTrpoRecord.RECORDED_FILE);
    }

    /** Shows the recorded comparison (stopping a live one). */
    void showRecorded() {
        stop();
        live.set(false);
        if (recordedFile == null) {
            curves.set(List.of());
            note.set("This lesson has no " + MeTrpoRecord.RECORDED_FILE + ": press Recompute live to run the comparison.");
            return;
        }
        try {
            MeTrpoRecord r = MeTrpoRecord.parse(recordedFile.text(), recordedFile.source());
            List<MeTrpoRecord.Curve> list = new ArrayList<>();
            for (MeTrpoRecord.Kind k : r.kinds()) list.add(r.curve(k));
            curves.set(List.copyOf(list));
            List<String> parts = new ArrayList<>();
            for (MeTrpoRecord.Kind k : r.kinds()) parts.add(k + " × " + r.seeds(k).size() + (r.seeds(k).size() == 1 ? " seed" : " seeds"));
            note.set("Recorded (" + MeTrpoRecord.RECORDED_FILE + "): " + String.join(", ", parts)
                    + ". Lines: mean over seeds; band: lowest to highest seed.");
        } catch (RuntimeException e) {
            curves.set(List.of());
            note.set(e.getMessage());
        }
    }

    /** Starts a live comparison (on its own worker, or synchronously in tests). */
    void recompute(RunnerFactory runners) {
        live.set(true);
        start(runners);
        curves.set(List.of());
        note.set("Starting…");
        if (runner() != null) runner().runToEnd();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    protected Supplier<MeTrpoComparison> engineFactory() {
        MeTrpoSettings s = settings.get();
        MeTrpoSettings base = (s.modelFree() ? MeTrpoSettings.defaults().withRealSteps(
                (int) MeTrpoSettings.REAL_STEPS.defaultValue()) : s).withMembers(MEMBERS);
        int modelFreeBudget = MeTrpoSettings.MODEL_FREE_REAL_STEPS;
        return () -> new MeTrpoComparison(base, modelFreeBudget, SEEDS);
    }

    @Override
    protected void onSnapshot(MeTrpoComparison.Progress p, RunStatus status) {
        curves.set(p.curves());
        if (status.stoppedOnError()) {
            note.set("Live comparison stopped: " + status.message());
        } else if (p.done()) {
            note.set("Live: done, " + p.runs() + " runs (ME-TRPO K = " + MEMBERS + " and model-free TRPO, seeds 0–2).");
        } else {
            note.set("Live: run " + (p.run() + 1) + " of " + p.runs() + ", " + p.kind() + ", seed " + p.seed() + ": "
                    + Format.number(p.realSteps()) + " of " + Format.number(p.budget())
                    + " real steps. Model-free TRPO takes longest. Show recorded cancels.");
        }
    }
}
