package org.mbrllab.app.lessons.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.model.BiasTable;

class BiasViewModelTest {

    @Test
    void case1GivesMinusOneAndExactlyEightPointTwo() {
        BiasViewModel vm = new BiasViewModel();
        vm.loadCase2();
        vm.loadCase1();
        assertEquals(-1.0, vm.table().expectedRealReward(), 0);
        assertEquals(8.2, vm.table().expectedModelReward(), 0);
        assertEquals("−1.0", BiasViewModel.signed(vm.table().expectedRealReward()));
        assertEquals("+8.2", BiasViewModel.signed(vm.table().expectedModelReward()));
    }

    @Test
    void case2GivesOneAndExactlyMinusEightPointTwo() {
        BiasViewModel vm = new BiasViewModel();
        vm.loadCase2();
        assertEquals(1.0, vm.table().expectedRealReward(), 0);
        assertEquals(-8.2, vm.table().expectedModelReward(), 0);
        assertEquals(BiasTable.Bias.PESSIMISTIC, vm.table().direction());
    }

    @Test
    void movingTheModelTowardsTheTruthClosesTheGap() {
        BiasViewModel vm = new BiasViewModel();
        double before = vm.table().bias();
        vm.setModelWeight(0, 10);
        vm.setModelWeight(1, 80);
        vm.setModelWeight(2, 10);
        assertTrue(before > 0);
        assertEquals(0, vm.table().bias(), 0);
        assertEquals(BiasTable.Bias.NONE, vm.table().direction());
    }

    @Test
    void linearRewardsMakeBothExpectationsZero() {
        BiasViewModel vm = new BiasViewModel();
        vm.loadCase2();
        vm.setReward(0, 10);
        vm.setReward(1, 0);
        vm.setReward(2, -10);
        assertEquals(0, vm.table().expectedRealReward(), 0);
        assertEquals(0, vm.table().expectedModelReward(), 0);
    }

    @Test
    void aRewardChangeMovesOnlyTheExpectationsThatWeighIt() {
        BiasViewModel vm = new BiasViewModel();
        vm.setReward(0, 20);
        assertEquals(-3.0, vm.table().expectedRealReward(), 1e-12);
        assertEquals(1.6, vm.table().expectedModelReward(), 1e-12);
    }

    @Test
    void allRealWeightsZeroIsRefused() {
        BiasViewModel vm = new BiasViewModel();
        assertTrue(vm.setRealWeight(0, 0));
        assertTrue(vm.setRealWeight(1, 0));
        BiasTable before = vm.table();
        assertFalse(vm.setRealWeight(2, 0));
        assertEquals(before, vm.table());
    }

    @Test
    void presetTextRoundTrips() {
        BiasViewModel vm = new BiasViewModel();
        vm.loadCase2();
        String text = vm.presetText();
        BiasViewModel other = new BiasViewModel();
        other.loadPresetText(text, "case2.bias");
        assertEquals(-8.2, other.table().expectedModelReward(), 0);
        assertEquals(text, other.presetText());
    }

    @Test
    void badPresetNamesSourceAndLineAndChangesNothing() {
        BiasViewModel vm = new BiasViewModel();
        BiasTable before = vm.table();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> vm.loadPresetText("Goal, 40, 10, 33\nNeutral, x, 80, 34\nFailure, -10, 10, 33\n", "mine.bias"));
        assertTrue(e.getMessage().startsWith("mine.bias, line 2: reward \"x\""), e.getMessage());
        assertEquals(before, vm.table());
        assertNotEquals("", e.getMessage());
    }
}
