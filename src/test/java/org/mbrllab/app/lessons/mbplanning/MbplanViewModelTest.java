package org.mbrllab.app.lessons.mbplanning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.engine.model.MbrlSettings.Version;
import org.mbrllab.engine.model.MbrlSnapshot;
import org.mbrllab.engine.model.ModelBasedPlanning.Phase;

/** The loop's view-model, driven synchronously with a short horizon and few samples. */
class MbplanViewModelTest {

    private static MbplanViewModel open(Version v) {
        MbplanViewModel vm = new MbplanViewModel();
        vm.versionProperty().set(v);
        vm.open(new PaneContext("model-based-planning", List.of(), "",
                Map.of("horizon", 4.0, "samples", 10.0, "members", 2.0, "episodes", 3.0)), RunnerFactory.synchronous());
        return vm;
    }

    private static MbrlSnapshot last(MbplanViewModel vm) {
        return vm.snapshotProperty().get();
    }

    @Test
    void stepOfOnePhaseMovesFromCollectToFitAndThenToThePlanningEpisode() {
        MbplanViewModel vm = open(Version.V2);
        assertEquals(Phase.COLLECT, last(vm).phase());
        vm.step();
        assertEquals(Phase.FIT, last(vm).phase());
        assertEquals(200, last(vm).datasetSize(), "one random episode");
        assertEquals(200, last(vm).step());
        vm.step();
        assertEquals(Phase.ACT, last(vm).phase());
        assertEquals(1, last(vm).episode());
        assertEquals(0, last(vm).step(), "stopped before the first planned action");
        assertTrue(vm.statusProperty().get().startsWith("Paused: episode 1 of 3"), vm.statusProperty().get());
    }

    @Test
    void stepOfOneStepTakesOneAndOneIterationEndsAnEpisode() {
        MbplanViewModel vm = open(Version.V1);
        vm.granularityProperty().set(MbplanViewModel.Granularity.STEP);
        vm.step();
        assertEquals(1, last(vm).step());
        vm.granularityProperty().set(MbplanViewModel.Granularity.ITERATION);
        vm.step();
        assertEquals(1, last(vm).results().size(), "collect, fit and the first episode");
        vm.step();
        assertEquals(2, last(vm).results().size());
        assertEquals(200, last(vm).results().get(1).datasetSize(), "V1 adds no data");
    }

    @Test
    void changingAParameterOrTheVersionStartsAFreshRun() {
        MbplanViewModel vm = open(Version.V4);
        vm.step();
        assertEquals(Phase.FIT, last(vm).phase());
        vm.parameters().set("horizon", 6);
        assertEquals(Phase.COLLECT, last(vm).phase());
        assertEquals(0, last(vm).datasetSize());
        assertEquals(6, last(vm).settings().horizon());
        vm.versionProperty().set(Version.V3);
        assertEquals(Version.V3, last(vm).settings().version());
    }

    @Test
    void theStageStripFollowsThePhase() {
        MbplanViewModel vm = open(Version.V4);
        assertEquals(java.util.Set.of(LoopStage.COLLECT), LoopStage.current(last(vm)));
        vm.step();
        assertEquals(java.util.Set.of(LoopStage.FIT), LoopStage.current(last(vm)));
        vm.step();
        assertEquals(java.util.Set.of(LoopStage.PLAN, LoopStage.EXECUTE), LoopStage.current(last(vm)));
        vm.step();
        assertEquals(Phase.EVALUATE, last(vm).phase(), "the lesson evaluates on one fixed start by default");
        assertEquals(java.util.Set.of(LoopStage.PLAN, LoopStage.EXECUTE), LoopStage.current(last(vm)),
                "the evaluation plans and executes, and adds nothing");
        assertEquals("episode 1 of 3 over; fixed start 1 of 1, step 0 of 200", MbplanViewModel.where(last(vm)));
        vm.step();
        assertEquals(java.util.Set.of(LoopStage.AGGREGATE, LoopStage.FIT), LoopStage.current(last(vm)),
                "the episode's data were added; the refit is next");
    }
}
