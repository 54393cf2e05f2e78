package org.mbrllab.app.lessons.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.engine.model.EnsemblePrediction;
import org.mbrllab.engine.model.RegressionRun;
import org.mbrllab.engine.model.RegressionView;

/** The 1-D regression view-model, driven synchronously with few epochs. */
class RegressionViewModelTest {

    /** A synchronous view-model with the given parameters, trained once. */
    private static RegressionViewModel open(RegressionView view, Map<String, Double> parameters) {
        RegressionViewModel vm = new RegressionViewModel();
        vm.viewProperty().set(view);
        vm.open(new PaneContext("uncertainty", List.of(), "", parameters), RunnerFactory.synchronous());
        return vm;
    }

    private static RegressionRun.Snapshot last(RegressionViewModel vm) {
        return vm.snapshotProperty().get();
    }

    /** Mean σ_ens at the probe points in [from, to]. */
    private static double meanStd(RegressionRun.Snapshot s, double from, double to) {
        EnsemblePrediction p = s.training().probe();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < s.probeX().length; i++) {
            if (s.probeX()[i] >= from && s.probeX()[i] <= to) {
                sum += Math.sqrt(p.epistemicVariance(i, 0));
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void movingTheGapMakesTheEnsembleDisagreeWhereTheDataWent() {
        RegressionViewModel vm = open(RegressionView.ENSEMBLE, Map.of("members", 5.0, "max_epochs", 400.0,
                "gap_start", -3.5, "gap_end", -2.0));
        RegressionRun.Snapshot dense = last(vm);
        assertTrue(dense.done());
        double before = meanStd(dense, 0.75, 2.25);

        vm.setGap(0.5, 2.5);
        RegressionRun.Snapshot gap = last(vm);
        assertEquals(0.5, gap.gapStart(), 0);
        assertEquals(2.5, gap.gapEnd(), 0);
        for (double x : gap.dataX()) assertTrue(x <= 0.5 || x >= 2.5, "a point at x = " + x + " in the gap");
        double after = meanStd(gap, 0.75, 2.25);
        assertTrue(after > 2 * before, "σ_ens over [0.75, 2.25]: " + before + " with data, " + after + " in the gap");
        assertTrue(after > 2 * meanStd(gap, -3.5, -1.0), "in the gap it should exceed σ_ens where data are dense");
    }

    @Test
    void changingKTrainsKMembers() {
        RegressionViewModel vm = open(RegressionView.ENSEMBLE, Map.of("members", 5.0, "max_epochs", 2.0));
        assertEquals(5, last(vm).training().probe().members());
        vm.parameters().set("members", 3);
        assertEquals(3, last(vm).training().probe().members());
        assertEquals(2, last(vm).epoch());
    }

    @Test
    void theSingleViewTrainsOneProbabilisticNet() {
        RegressionViewModel vm = open(RegressionView.SINGLE, Map.of("members", 7.0, "max_epochs", 2.0));
        EnsemblePrediction p = last(vm).training().probe();
        assertEquals(1, p.members());
        assertTrue(p.probabilistic());
        assertNull(last(vm).twoSeeds());
    }

    @Test
    void theTwoSeedsViewTrainsTwoNetsWithNeighbouringSeeds() {
        RegressionViewModel vm = open(RegressionView.TWO_SEEDS, Map.of("max_epochs", 2.0));
        RegressionRun.Snapshot s = last(vm);
        assertNull(s.training());
        assertNotNull(s.twoSeeds());
        assertEquals(s.twoSeeds().seedA() + 1, s.twoSeeds().seedB());
        assertTrue(s.twoSeeds().largestGap() > 0);
    }

    @Test
    void aClickedPointJoinsTheDataAndRestartsTraining() {
        RegressionViewModel vm = open(RegressionView.ENSEMBLE, Map.of("max_epochs", 2.0, "points", 50.0));
        assertEquals(50, last(vm).dataX().length);
        vm.addPoint(1.5, 0.9);
        RegressionRun.Snapshot s = last(vm);
        assertEquals(51, s.dataX().length);
        assertEquals(1.5, s.dataX()[50], 0);
        assertEquals(0.9, s.dataY()[50], 0);
        vm.clearAddedPoints();
        assertEquals(50, last(vm).dataX().length);
    }

    @Test
    void aLearningRateFarTooHighStopsWithAnErrorToReset() {
        RegressionViewModel vm = open(RegressionView.SINGLE, Map.of("learning_rate", 100.0, "max_epochs", 200.0));
        assertTrue(vm.statusProperty().get().startsWith("Stopped"), vm.statusProperty().get());
        assertTrue(!vm.errorProperty().get().isEmpty(), "the shell's reset banner needs an error message");
    }

    @Test
    void reversedGapEdgesAreReadInOrder() {
        RegressionViewModel vm = open(RegressionView.ENSEMBLE, Map.of("max_epochs", 1.0, "gap_start", 2.0, "gap_end", 1.0));
        assertEquals(1.0, last(vm).gapStart(), 0);
        assertEquals(2.0, last(vm).gapEnd(), 0);
    }
}
