package org.mbrllab.app.lessons.mbplanning;

import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.RunnerViewModel;
import org.mbrllab.engine.model.ComparisonTable;
import org.mbrllab.engine.model.MbrlSettings;
import org.mbrllab.engine.model.VersionComparison;
import org.mbrllab.engine.run.RunStatus;

/**
 * The V1–V4 comparison: the recorded table at once, or a live one that {@link VersionComparison} fills
 * on its own worker, separate from the loop's. Its run controls are its own buttons, not the shell's.
 */
final class ComparisonViewModel extends RunnerViewModel<VersionComparison, VersionComparison.Progress> {

    /** Seeds and episodes of a live comparison, as in the recorded one. */
    static final int SEEDS = 3;
    static final int EPISODES = 5;

    private final ReadOnlyObjectWrapper<ComparisonTable> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final Supplier<MbrlSettings> settings;
    private boolean live;

    /** @param settings the loop's current settings; a live comparison takes its system, K, H and samples */
    ComparisonViewModel(Supplier<MbrlSettings> settings) {
        super("mbplanning-compare");
        this.settings = settings;
    }

    ReadOnlyObjectProperty<ComparisonTable> tableProperty() { return table.getReadOnlyProperty(); }
    ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }

    boolean isLive() {
        return live;
    }

    /** Shows the recorded comparison (stopping a live one). */
    /** The lesson's recorded comparison, as its folder has it (the lesson catalogue found it); null: the bundled one. */
    private PaneContext.Preset recordedFile;

    /** Takes the lesson's data files: its recorded comparison, if it has one. */
    void useLessonFiles(PaneContext context) {
        recordedFile = context.dataFiles().get(ComparisonTable.RECORDED_FILE);
    }

    void showRecorded() {
        stop();
        live = false;
        try {
            ComparisonTable t = recordedFile == null ? ComparisonTable.recorded()
                    : ComparisonTable.parse(recordedFile.text(), recordedFile.source());
            table.set(t);
            note.set("Recorded: CEM, K = 5, H = 25, 200 samples; " + t.seeds().length + " seeds × " + t.episodes()
                    + " episodes per version (made by mbrl-lab mbrl-compare). The band runs from the worst to the best seed.");
        } catch (RuntimeException e) {
            // Missing or broken: say so where the chart would be.
            table.set(null);
            note.set(e.getMessage());
        }
    }

    /** Starts a live comparison with the loop's settings (on its own worker, or synchronously for tests). */
    void recompute(RunnerFactory runners) {
        live = true;
        start(runners);
        table.set(null);
        note.set("Starting…");
        if (runner() != null) runner().runToEnd();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    protected Supplier<VersionComparison> engineFactory() {
        MbrlSettings base = settings.get().withEpisodes(EPISODES);
        long[] seeds = VersionComparison.firstSeeds(SEEDS);
        return () -> new VersionComparison(base, seeds);
    }

    @Override
    protected void onSnapshot(VersionComparison.Progress p, RunStatus status) {
        table.set(p.table());
        if (status.stoppedOnError()) {
            note.set("Stopped: " + status.message());
        } else if (p.done()) {
            note.set("Live: done, " + p.runs() + " runs (" + SEEDS + " seeds × 4 versions × " + EPISODES + " episodes)."
                    + (p.table().hasEval() ? " Dotted: the mean return from the fixed starts." : ""));
        } else {
            note.set("Live: run " + (p.run() + 1) + " of " + p.runs() + ", " + p.version() + ", seed " + p.seed()
                    + (p.episode() > 0 ? ", episode " + p.episode() : ", collecting and fitting") + ". V4 takes longest.");
        }
    }
}
