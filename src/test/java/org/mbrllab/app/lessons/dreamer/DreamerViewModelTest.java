package org.mbrllab.app.lessons.dreamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.dreamer.DreamerData;
import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.OpenLoop;

/** The viewer's numbers are the engine's: the strip is {@link OpenLoop}'s rollout, the chart the command's benchmark. */
class DreamerViewModelTest {

    private static DreamerViewModel shipped() {
        DreamerViewModel vm = new DreamerViewModel();
        vm.useShipped();
        return vm;
    }

    @Test
    void withTenContextFramesEachStripIsOpenLoopsRolloutOfTheSameWindow() {
        DreamerViewModel vm = shipped();
        DreamerNetworks n = vm.modelProperty().get();
        vm.contextProperty().set(10);
        // OpenLoop's windows of 10 + 15 frames are the strip's: four to an episode, from steps 0, 25, 50 and 75.
        OpenLoop openLoop = new OpenLoop(DreamerData.heldOut(n.seed()), n.meanFrame(), 10, 15, DreamerViewModel.SEQUENCES);
        for (int i : new int[] {0, 7, 39}) {
            vm.sequenceProperty().set(i);
            DreamerViewModel.Strip s = vm.stripProperty().get();
            OpenLoop.Rollout r = openLoop.rollout(n.model(), i);
            assertEquals(25, s.truth().size());
            for (int k = 0; k < 25; k++) {
                assertArrayEquals(r.truth().get(k), s.truth().get(k), "sequence " + i + " truth " + k);
                assertArrayEquals(r.decoded().get(k), s.model().get(k), "sequence " + i + " model " + k);
            }
        }
    }

    @Test
    void theHorizonOnlyCutsTheStripShort() {
        DreamerViewModel vm = shipped();
        vm.sequenceProperty().set(5);
        DreamerViewModel.Strip full = vm.stripProperty().get();
        vm.horizonProperty().set(3);
        DreamerViewModel.Strip cut = vm.stripProperty().get();
        assertEquals(5 + 3, cut.truth().size());
        assertEquals(3, cut.stepMse().length);
        for (int k = 0; k < 3; k++) assertEquals(full.stepMse()[k], cut.stepMse()[k], 0);
        for (int k = 0; k < 8; k++) assertArrayEquals(full.model().get(k), cut.model().get(k));
    }

    @Test
    void theChartShowsTheCommandsBenchmarkForTheShippedModel() {
        OpenLoop.Result r = shipped().openLoopProperty().get();
        assertEquals(5, r.context());
        assertEquals(50, r.sequences());
        // The shipped file's line of `dreamer --behaviour --seed 1 --json` (the mean frame is the agent's replay's).
        assertEquals(0.010002337858948848, r.mse(), 1e-12);
        assertEquals(0.047778123094582486, r.baselineCopyLast(), 1e-12);
        assertEquals(0.031043248545395603, r.baselineMeanFrame(), 1e-12);
    }

    @Test
    void progressTextGivesTheUpdateThePaceTheTimeLeftAndTheLoss() {
        assertEquals("update 120 of 4000 · 14.2 updates/s · 4 min 31 s left · loss 5.31",
                DreamerViewModel.progressText(new TrainingEngine.Snapshot(120, 4000, 5.314, 14.2, 271.3, null)));
        assertEquals("collecting random episodes and building the graph",
                DreamerViewModel.progressText(new TrainingEngine.Snapshot(0, 4000, Double.NaN, Double.NaN, Double.NaN, null)));
        assertEquals("update 1 of 4000 · loss 24.80",
                DreamerViewModel.progressText(new TrainingEngine.Snapshot(1, 4000, 24.8, Double.NaN, Double.NaN, null)));
    }
}
