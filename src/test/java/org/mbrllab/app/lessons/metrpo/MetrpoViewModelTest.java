package org.mbrllab.app.lessons.metrpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.metrpo.MeTrpo;
import org.mbrllab.engine.metrpo.MeTrpoSettings;
import org.mbrllab.engine.metrpo.MeTrpoSnapshot;
import org.mbrllab.engine.metrpo.ValidationRule;
import org.mbrllab.engine.metrpo.ValidationRule.Verdict;

/** The view-model's reading of a policy phase's checks, on hand-built snapshots (no toolkit, no engine run). */
class MetrpoViewModelTest {

    private static MeTrpoSnapshot.PhaseCheck check(int iteration, double share, Verdict verdict, int failures,
                                                   double... scores) {
        return new MeTrpoSnapshot.PhaseCheck(iteration, new ValidationRule.Check(scores, share, verdict, failures));
    }

    private static MeTrpoSnapshot snapshot(List<MeTrpoSnapshot.PhaseCheck> checks, String failure) {
        return new MeTrpoSnapshot(MeTrpoSettings.defaults().withMembers(2), MeTrpo.Phase.POLICY, 1, 200, 0, 0, 0,
                List.of(), checks, List.of(), null, null, 0, failure);
    }

    @Test
    void eachCheckIsMeasuredAgainstTheLastSaveBeforeIt() {
        List<MeTrpoSnapshot.PhaseCheck> checks = new ArrayList<>();
        checks.add(check(0, 1, Verdict.SAVED, 0, -100, -200));
        checks.add(check(5, 0.5, Verdict.FAILED, 1, -90, -250));
        checks.add(check(10, 1, Verdict.SAVED, 0, -80, -150));
        checks.add(check(15, 0.5, Verdict.FAILED, 1, -85, -140));
        List<MetrpoViewModel.CheckView> views = MetrpoViewModel.checkViews(snapshot(checks, null));
        assertArrayEquals(new double[] {0, 0}, views.get(0).change(), 0, "the first check has nothing to compare with");
        assertArrayEquals(new double[] {10, -50}, views.get(1).change(), 1e-12);
        assertArrayEquals(new double[] {20, 50}, views.get(2).change(), 1e-12, "a failure is not a save");
        assertArrayEquals(new double[] {-5, 10}, views.get(3).change(), 1e-12);
        assertEquals(-1, MetrpoViewModel.restoredFrom(snapshot(checks, null)), "the rule has not stopped");
    }

    @Test
    void aStopRestoresThePolicyOfTheLastSave() {
        List<MeTrpoSnapshot.PhaseCheck> checks = new ArrayList<>();
        checks.add(check(0, 1, Verdict.SAVED, 0, -100, -200));
        checks.add(check(5, 1, Verdict.SAVED, 0, -90, -190));
        for (int i = 1; i < ValidationRule.PATIENCE; i++) checks.add(check(5 + 5 * i, 0, Verdict.FAILED, i, -95, -195));
        checks.add(check(30, 0, Verdict.STOPPED, ValidationRule.PATIENCE, -99, -199));
        assertEquals(5, MetrpoViewModel.restoredFrom(snapshot(checks, null)));
    }

    @Test
    void theModelFreeSwitchGetsABudgetItCanLearnIn() {
        MetrpoViewModel vm = new MetrpoViewModel();
        assertEquals(4000, vm.settings().realSteps());
        vm.modelFreeProperty().set(true);
        MeTrpoSettings s = vm.settings();
        assertEquals(true, s.modelFree());
        assertEquals(MeTrpoSettings.MODEL_FREE_REAL_STEPS, s.realSteps(), "4,000 real steps would be one TRPO iteration");
    }

    @Test
    void anEngineFailureBecomesTheShellsErrorWithItsResetOffer() {
        MetrpoViewModel vm = new MetrpoViewModel();
        assertNull(vm.failure(snapshot(List.of(), null)));
        assertEquals("The run stopped: the models did not fit: NaN loss. Reset starts again.",
                vm.failure(snapshot(List.of(), "the models did not fit: NaN loss")));
    }
}
