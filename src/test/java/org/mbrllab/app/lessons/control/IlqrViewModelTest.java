package org.mbrllab.app.lessons.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.mbrllab.engine.control.IlqrSnapshot;
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.engine.control.Trajectory;

/** Drives the iLQR view-model synchronously, without the toolkit. */
class IlqrViewModelTest {

    private final IlqrViewModel vm = new IlqrViewModel();

    @BeforeEach
    void open() {
        vm.open(new PaneContext("ilqr", List.of(), "", Map.of()), RunnerFactory.synchronous());
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private IlqrSnapshot snap() {
        return vm.snapshotProperty().get();
    }

    @Test
    void opensOnThePendulumHangingDownWithTheTorqueLimit() {
        assertEquals(ControlSystem.PENDULUM, vm.system());
        assertEquals(0, snap().iteration());
        assertEquals(Math.PI, snap().trajectory().x(0, Pendulum.THETA), 1e-12);
        assertEquals(2, vm.plant().controlLimit(), "Pendulum-v1's 2 N·m");
        assertEquals(IlqrViewModel.ITERATIONS_PER_SECOND, vm.preferredSpeed());
    }

    @Test
    void oneStepIsOneIterationThatLowersTheCost() {
        double before = snap().trajectory().cost();
        vm.step();
        assertEquals(1, snap().iteration());
        assertTrue(snap().trajectory().cost() < before, before + " → " + snap().trajectory().cost());
        assertEquals(2, snap().accepted().size(), "the rollout and the first accepted trajectory");
        assertTrue(IlqrViewModel.describe(snap()).contains("iteration 1 · J = "), IlqrViewModel.describe(snap()));
        assertTrue(IlqrViewModel.describe(snap()).contains("μ = "));
    }

    @Test
    void runningToTheEndSwingsThePendulumUp() {
        vm.toggleRun();
        assertTrue(snap().done());
        double[] end = snap().best().finalState();
        assertEquals(0, Angles.normalize(end[Pendulum.THETA]), 0.05, "upright at the end of the horizon");
        for (int i = 1; i < snap().costs().size(); i++) {
            assertTrue(snap().costs().get(i) <= snap().costs().get(i - 1), "J never rises");
        }
        assertTrue(vm.statusProperty().get().startsWith("Done: best J = "), vm.statusProperty().get());
    }

    @Test
    void theCartpoleSwingsUpWithItsLongerHorizon() {
        vm.systemProperty().set(ControlSystem.CARTPOLE);
        assertEquals(IlqrViewModel.CARTPOLE_HORIZON, snap().trajectory().steps());
        vm.toggleRun();
        double[] end = snap().best().finalState();
        assertEquals(0, Angles.normalize(end[Cartpole.THETA]), 0.05, "upright at the end");
    }

    @Test
    void tooLittleTorqueNoLongerReachesTheTop() {
        vm.parameters().set("max_torque", 0.5);
        vm.toggleRun();
        double[] end = snap().best().finalState();
        assertTrue(Math.abs(Angles.normalize(end[Pendulum.THETA])) > 0.5, "θ_T = " + end[Pendulum.THETA]);
    }

    @Test
    void multiStartRunsEveryStartAndKeepsTheCheapest() {
        vm.parameters().set("restarts", 3);
        vm.toggleRun();
        assertEquals(3, snap().finishedCosts().size());
        Trajectory best = snap().best();
        assertNotNull(best);
        for (double c : snap().finishedCosts()) assertTrue(best.cost() <= c);
        assertTrue(IlqrPane.stopText(snap()).contains("3 starts finished: J from "), IlqrPane.stopText(snap()));
    }

    @Test
    void changingTheHorizonStartsAgain() {
        vm.step();
        vm.parameters().set("horizon", 60);
        assertEquals(0, snap().iteration());
        assertEquals(60, snap().trajectory().steps());
        assertFalse(snap().done());
    }

    @Test
    void muIsWrittenAsAPowerOfTen() {
        assertEquals("1", IlqrViewModel.mu(1));
        assertEquals("10⁻³", IlqrViewModel.mu(1e-3));
        assertEquals("0", IlqrViewModel.mu(0));
    }
}
