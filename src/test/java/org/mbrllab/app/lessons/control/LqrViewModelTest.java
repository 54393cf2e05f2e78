package org.mbrllab.app.lessons.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.Cartpole;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.engine.control.Trajectory;
import org.mbrllab.engine.control.LqrSnapshot;
import org.mbrllab.engine.control.AttractionSweep;
import org.mbrllab.app.common.system.Push;

/** Drives the LQR view-model synchronously, without the toolkit, and checks the lesson's "Try it" claims. */
class LqrViewModelTest {

    private final LqrViewModel vm = new LqrViewModel();

    @BeforeEach
    void open() {
        vm.open(new PaneContext("lqr", List.of(), "", Map.of()), RunnerFactory.synchronous());
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private LqrSnapshot snap() {
        return vm.snapshotProperty().get();
    }

    private double[] gain() {
        return snap().gain().row();
    }

    @Test
    void opensOnTheCartpoleWithItsGainAndOnlyItsParameters() {
        assertEquals(ControlSystem.CARTPOLE, snap().system());
        assertEquals(4, gain().length);
        assertTrue(snap().gain().stable());
        assertTrue(vm.parameters().shownProperty("cart_mass").get());
        assertTrue(vm.parameters().shownProperty("q_x").get());
        assertFalse(vm.parameters().shownProperty("max_torque").get(), "the pendulum's constants are hidden");
        assertEquals(50, vm.preferredSpeed(), 1e-9, "real time for τ = 0.02 s");
        assertFalse(Double.isFinite(snap().plant().controlLimit()), "no force limit by default");
    }

    @Test
    void raisingQThetaRecomputesAStrongerGainOnTheAngle() {
        double before = gain()[Cartpole.THETA];
        vm.parameters().set("q_theta", 100);
        double after = gain()[Cartpole.THETA];
        assertTrue(Math.abs(after) > Math.abs(before), before + " → " + after);
        assertTrue(LqrPane.gainText(snap()).startsWith("K = ["), LqrPane.gainText(snap()));
    }

    @Test
    void onlyTheRatioOfQAndRMatters() {
        double[] before = gain();
        for (String key : ControlParameters.costKeys(ControlSystem.CARTPOLE)) {
            vm.parameters().set(key, vm.parameters().get(key) * 10);
        }
        assertArrayEquals(before, gain(), 1e-6);
    }

    @Test
    void pushingTheCartChangesItsSpeedAndTheLoopCatchesIt() {
        vm.parameters().set(ControlParameters.THETA0, 0);
        vm.push(Push.cart(0.5));
        assertEquals(1.0, snap().state()[Cartpole.X_DOT], 1e-12, "a 0.5 m drag is an impulse of 1 m/s");
        vm.runSteps(500);
        assertEquals(500, snap().step());
        assertEquals(0, snap().state()[Cartpole.THETA], 0.01, "upright again");
        assertEquals(0, snap().state()[Cartpole.X], 0.05, "and back at the centre");
    }

    @Test
    void raisingRLowersThePeakForceAndTheCartTravelsFurther() {
        double[] cheap = response(0.1);
        double[] dear = response(10);
        assertTrue(dear[0] < cheap[0], "peak force " + cheap[0] + " → " + dear[0]);
        assertTrue(dear[1] > cheap[1], "furthest travel " + cheap[1] + " → " + dear[1]);
    }

    @Test
    void raisingQxBringsTheCartBackSooner() {
        vm.parameters().set("q_x", 1);
        int slow = stepsUntilBack();
        vm.parameters().set("q_x", 30);
        int fast = stepsUntilBack();
        assertTrue(fast < slow, slow + " → " + fast + " steps");
    }

    /** Peak |u| and peak |x| after a push of 1 m/s from rest, with R = r. */
    private double[] response(double r) {
        vm.parameters().set(ControlParameters.THETA0, 0);
        vm.parameters().set("r", r);
        vm.reset();
        vm.push(Push.cart(0.5));
        vm.runSteps(400);
        Trajectory t = snap().history();
        double u = 0;
        double x = 0;
        for (int k = 0; k < t.steps(); k++) {
            u = Math.max(u, Math.abs(t.u(k)));
            x = Math.max(x, Math.abs(t.x(k, Cartpole.X)));
        }
        return new double[] {u, x};
    }

    private int stepsUntilBack() {
        vm.parameters().set(ControlParameters.THETA0, 0);
        vm.reset();
        vm.push(Push.cart(0.5));
        vm.runSteps(500);
        Trajectory t = snap().history();
        for (int k = t.steps(); k >= 0; k--) if (Math.abs(t.x(k, Cartpole.X)) > 0.05) return k + 1;
        return 0;
    }

    @Test
    void finiteHorizonGainsAreFlatAtTheInfiniteGainAndBendAtTheEnd() {
        vm.horizonProperty().set(LqrViewModel.Horizon.FINITE);
        double[][] gains = snap().finiteGains();
        assertEquals(600, gains.length);
        for (int j = 0; j < 4; j++) {
            assertEquals(gain()[j], gains[0][j], 1e-4 * Math.abs(gain()[j]), "K_0 ≈ K∞ far from the end");
            assertEquals(gain()[j], gains[300][j], 0.01 * Math.abs(gain()[j]), "still flat half way");
        }
        assertTrue(Math.abs(gains[599][Cartpole.THETA]) < 0.5 * Math.abs(gain()[Cartpole.THETA]),
                "K_{T−1} relaxes: " + gains[599][Cartpole.THETA]);
        vm.runSteps(0);
        assertEquals(600, snap().step(), "the finite-horizon run stops after T steps");
        assertTrue(vm.statusProperty().get().startsWith("Done"), vm.statusProperty().get());
    }

    @Test
    void theRegionOfAttractionShrinksWithAForceLimit() {
        vm.sweep();
        AttractionSweep.Snapshot free = vm.sweepProperty().get();
        assertTrue(free.finished());
        double[] wide = free.caughtAroundZero();
        assertNotNull(wide);
        vm.limitedProperty().set(true);
        AttractionSweep.Snapshot limited = vm.sweepProperty().get();
        assertTrue(limited.finished() && limited.limited(), "the sweep follows the change");
        double[] narrow = limited.caughtAroundZero();
        assertTrue(narrow[1] < wide[1], "caught up to " + wide[1] + "° without a limit, " + narrow[1] + "° with 10 N");
        assertTrue(narrow[1] >= 20, "10 N still catches 20°: " + narrow[1]);
        assertTrue(AttractionChart.sentence(limited, "force").contains("with the force limit"));
    }

    @Test
    void aStartBeyondTheRegionOfAttractionDivergesWithAPlainMessage() {
        vm.parameters().set(ControlParameters.THETA0, 90);
        vm.runSteps(2000);
        assertTrue(vm.errorProperty().get().contains("left every sensible range"), vm.errorProperty().get());
        assertTrue(vm.statusProperty().get().contains("diverged"), vm.statusProperty().get());
        vm.parameters().set(ControlParameters.THETA0, 6);
        assertEquals("", vm.errorProperty().get(), "a new start clears the error");
    }

    @Test
    void thePendulumLoadsItsOwnConstantsCostAndSpeed() {
        vm.systemProperty().set(ControlSystem.PENDULUM);
        assertEquals(ControlSystem.PENDULUM, snap().system());
        assertEquals(2, gain().length);
        assertEquals(10, vm.parameters().get("gravity"), "Pendulum-v1's g");
        assertEquals(0.001, vm.parameters().get("r"), 1e-12, "Pendulum-v1's cost");
        assertTrue(vm.parameters().shownProperty("length").get());
        assertFalse(vm.parameters().shownProperty("q_x").get());
        assertEquals(20, vm.preferredSpeed(), 1e-9, "real time for dt = 0.05 s");
        vm.runSteps(100);
        assertEquals(0, Angles.normalize(snap().state()[Pendulum.THETA]), 0.01);
    }

    @Test
    void editingAMassChangesAAndBWhileTheRunGoesOn() {
        double b = snap().linearization().b()[Cartpole.X_DOT];
        vm.runSteps(10);
        vm.parameters().set("cart_mass", 2);
        assertEquals(10, snap().step(), "the state carries on");
        assertTrue(snap().linearization().b()[Cartpole.X_DOT] < b, "a heavier cart answers a force less");
    }

    @Test
    void presetsRoundTripAndABadLineChangesNothing() {
        vm.parameters().set("q_theta", 42);
        vm.horizonProperty().set(LqrViewModel.Horizon.FINITE);
        String text = vm.presetText();
        vm.systemProperty().set(ControlSystem.PENDULUM);
        vm.loadPreset(text, "saved.control");
        assertEquals(ControlSystem.CARTPOLE, vm.system());
        assertEquals(42, vm.parameters().get("q_theta"));
        assertEquals(LqrViewModel.Horizon.FINITE, vm.horizonProperty().get());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> vm.loadPreset("system: cartpole\nq_theta: 1e9\n", "bad.control"));
        assertTrue(e.getMessage().startsWith("bad.control:2: "), e.getMessage());
        assertEquals(42, vm.parameters().get("q_theta"));
    }

    @Test
    void explanationShowsKEigenvaluesIterationsAndTheMatrices() {
        String md = LqrExplanation.markdown(snap());
        assertTrue(md.contains("$$K = \\left[\\begin{array}{rrrr}"), md);
        assertTrue(md.contains("eigenvalues"), md);
        assertTrue(md.contains(snap().gain().iterations() + " iterations"), md);
        assertTrue(md.contains("$$A = ") && md.contains("B = "), md);
        assertTrue(md.contains("0.316"), "A's θ̇ row reads 0.316 as in the lesson: " + md);
        assertNull(vm.sweepProperty().get());
    }
}
