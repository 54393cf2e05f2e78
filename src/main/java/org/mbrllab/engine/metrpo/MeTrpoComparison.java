package org.mbrllab.engine.metrpo;

import java.util.ArrayList;
import java.util.List;

import org.mbrllab.engine.run.Engine;

/**
 * The data-efficiency comparison of the paper's Figure 2, run live: ME-TRPO and model-free TRPO, one after
 * the other, on each of a few seeds; every {@link #step()} is one step of the run under way. The finished
 * runs (and the one under way) go into a {@link MeTrpoRecord}, so the pane draws the live comparison
 * exactly as it draws the recorded file.
 */
public final class MeTrpoComparison implements Engine<MeTrpoComparison.Progress> {

    /**
     * Where the comparison is.
     *
     * @param run      the run under way (0-based), or {@code runs} when done
     * @param kind     its kind (the last one when done)
     * @param seed     its seed
     * @param realSteps its real steps so far
     * @param budget   its real-step budget
     * @param curves   the summary over seeds of every kind with data so far
     */
    public record Progress(int run, int runs, MeTrpoRecord.Kind kind, long seed, int realSteps, int budget,
                           List<MeTrpoRecord.Curve> curves, boolean done) {
        public Progress {
            curves = List.copyOf(curves);
        }
    }

    private final List<MeTrpoSettings> plan = new ArrayList<>();
    private final MeTrpoRecord record = new MeTrpoRecord();
    private int run;
    private MeTrpo current;

    /**
     * @param metrpo      the ME-TRPO settings (their seed is replaced by each of {@code seeds})
     * @param modelFreeBudget the real-step budget of the model-free runs
     * @param seeds       the seeds, each run for ME-TRPO and then for TRPO
     */
    public MeTrpoComparison(MeTrpoSettings metrpo, int modelFreeBudget, long[] seeds) {
        if (seeds.length == 0) throw new IllegalArgumentException("seeds is empty: allowed one or more");
        MeTrpoSettings modelBased = metrpo.modelFree() ? metrpo.asModelFree(metrpo.realSteps()) : metrpo;
        for (long s : seeds) {
            MeTrpoSettings m = new MeTrpoSettings(modelBased.system(), modelBased.members(), modelBased.realSteps(), false,
                    s, modelBased.rolloutMode(), modelBased.imaginedPaths(), modelBased.horizon(),
                    modelBased.realPathsPerIteration(), modelBased.hiddenUnits(), modelBased.maxPolicyIterations(),
                    modelBased.delta());
            plan.add(m);
            plan.add(m.asModelFree(modelFreeBudget));
        }
    }

    @Override
    public boolean step() {
        if (run >= plan.size()) return false;
        if (current == null) current = new MeTrpo(plan.get(run));
        boolean more = current.step();
        if (!more) {
            MeTrpoSnapshot s = current.snapshot();
            if (s.failure() != null) {
                throw new IllegalStateException(kind(plan.get(run)) + ", seed " + plan.get(run).seed() + ": " + s.failure());
            }
            record.addRun(kind(plan.get(run)), plan.get(run).seed(), s.evaluations());
            current = null;
            run++;
        }
        return run < plan.size();
    }

    @Override
    public boolean isDone() {
        return run >= plan.size();
    }

    static MeTrpoRecord.Kind kind(MeTrpoSettings s) {
        return s.modelFree() ? MeTrpoRecord.Kind.trpo() : MeTrpoRecord.Kind.metrpo(s.members());
    }

    @Override
    public Progress snapshot() {
        MeTrpoRecord shown = new MeTrpoRecord();
        for (MeTrpoRecord.Kind k : record.kinds()) {
            for (long seed : record.seeds(k)) record.run(k, seed).forEach((x, y) -> shown.add(k, seed, x, y));
        }
        int index = Math.min(run, plan.size() - 1);
        MeTrpoSettings s = plan.get(index);
        if (current != null) shown.addRun(kind(s), s.seed(), current.snapshot().evaluations());
        List<MeTrpoRecord.Curve> curves = new ArrayList<>();
        for (MeTrpoRecord.Kind k : shown.kinds()) curves.add(shown.curve(k));
        return new Progress(run, plan.size(), kind(s), s.seed(), current == null ? 0 : current.realSteps(),
                s.realSteps(), curves, isDone());
    }
}
