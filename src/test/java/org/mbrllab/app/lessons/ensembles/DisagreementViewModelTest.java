package org.mbrllab.app.lessons.ensembles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.engine.model.DisagreementMap;
import org.mbrllab.engine.model.DisagreementMap.DataSource;

/** The disagreement view-model, driven synchronously on little data and few epochs. */
class DisagreementViewModelTest {

    private static DisagreementViewModel open(Map<String, Double> parameters) {
        DisagreementViewModel vm = new DisagreementViewModel();
        vm.open(new PaneContext("ensembles", List.of(), "", parameters), RunnerFactory.synchronous());
        return vm;
    }

    private static DisagreementMap.Snapshot last(DisagreementViewModel vm) {
        return vm.snapshotProperty().get();
    }

    @Test
    void openingTrainsToTheEpochLimitWithTheLessonsDefaults() {
        DisagreementViewModel vm = open(Map.of("members", 3.0, "episodes", 1.0, "max_epochs", 2.0));
        DisagreementMap.Snapshot s = last(vm);
        assertEquals(2, s.epoch());
        assertEquals(3, s.members());
        assertEquals(200, s.dataTheta().length);
        assertEquals(DisagreementMap.THETA_CELLS * DisagreementMap.THETA_DOT_CELLS, s.varThetaDot().length);
        assertTrue(vm.statusProperty().get().startsWith("Trained"), vm.statusProperty().get());
    }

    @Test
    void changingKRetrainsWithKMembers() {
        DisagreementViewModel vm = open(Map.of("members", 3.0, "episodes", 1.0, "max_epochs", 2.0));
        vm.parameters().set("members", 1);
        DisagreementMap.Snapshot s = last(vm);
        assertEquals(1, s.members());
        assertEquals(2, s.epoch());
        for (double v : s.varThetaDot()) assertEquals(0, v, 0);
    }

    @Test
    void changingTheSourceCollectsNewData() {
        DisagreementViewModel vm = open(Map.of("episodes", 2.0, "max_epochs", 1.0));
        vm.sourceProperty().set(DataSource.HANGING);
        DisagreementMap.Snapshot s = last(vm);
        assertEquals(DataSource.HANGING, s.source());
        for (double theta : s.dataTheta()) assertTrue(Math.cos(theta) < 0, "θ = " + theta + " above horizontal");
    }

    @Test
    void movingTheTorqueReevaluatesTheMapWithoutRetraining() {
        DisagreementViewModel vm = open(Map.of("members", 3.0, "episodes", 1.0, "max_epochs", 2.0));
        DisagreementMap.Snapshot before = last(vm);
        vm.parameters().set("torque", 1.5);
        DisagreementMap.Snapshot after = last(vm);
        assertEquals(1.5, after.torque(), 0);
        assertEquals(before.epoch(), after.epoch());
        assertArrayEquals(before.dataTheta(), after.dataTheta());
        assertFalse(java.util.Arrays.equals(before.varThetaDot(), after.varThetaDot()));
    }

    @Test
    void theSameSeedGivesTheSameMapAndAnotherSeedAnother() {
        DisagreementViewModel vm = open(Map.of("members", 2.0, "episodes", 1.0, "max_epochs", 1.0));
        double[] first = last(vm).varThetaDot();
        vm.reset();
        vm.toggleRun();
        assertArrayEquals(first, last(vm).varThetaDot());
        vm.setSeed(2);
        vm.reset();
        vm.toggleRun();
        assertFalse(java.util.Arrays.equals(first, last(vm).varThetaDot()));
    }

    @Test
    void theStatusLineComparesDataDenseWithEmptyCells() {
        DisagreementViewModel vm = open(Map.of("members", 3.0, "episodes", 2.0, "max_epochs", 3.0));
        vm.sourceProperty().set(DataSource.HANGING);
        String line = DisagreementPane.describe(last(vm), DisagreementMap.MapOutput.THETA_DOT);
        assertTrue(line.contains("under the dots") && line.contains("where none are near"), line);
    }
}
