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
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.engine.control.PlannerKind;
import org.mbrllab.engine.control.MpcComparison;
import org.mbrllab.app.common.system.Push;

/** Drives the MPC view-model synchronously, without the toolkit. */
class MpcViewModelTest {

    private static final double FALLEN = Math.PI / 2;

    private final MpcViewModel vm = new MpcViewModel();

    @BeforeEach
    void open() {
        vm.open(new PaneContext("mpc", List.of(), "", Map.of()), RunnerFactory.synchronous());
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private MpcComparison.Snapshot snap() {
        return vm.snapshotProperty().get();
    }

    @Test
    void opensWithAnOpenLoopPlanThatBalancesThePerfectModel() {
        assertEquals(ControlSystem.CARTPOLE, snap().system());
        assertNotNull(snap().openPlan());
        assertEquals(500, snap().openPlan().steps(), "10 s of cartpole");
        assertTrue(snap().openPlan().maxAbsAngle(Cartpole.THETA) < Cartpole.THETA_THRESHOLD,
                "the plan balances: " + snap().openPlan().maxAbsAngle(Cartpole.THETA));
        assertEquals(50, vm.preferredSpeed(), 1e-9);
    }

    @Test
    void withAPerfectModelTheOpenLoopPlanStaysUpToo() {
        vm.runSteps(500);
        assertTrue(snap().open().maxAbsTheta() < Cartpole.THETA_THRESHOLD, "" + snap().open().maxAbsTheta());
        assertTrue(snap().mpc().maxAbsTheta() < Cartpole.THETA_THRESHOLD, "" + snap().mpc().maxAbsTheta());
    }

    @Test
    void modelErrorBreaksTheOpenLoopPlanWhileMpcKeepsThePoleUp() {
        vm.parameters().set("model_mass_factor", 1.3);
        vm.parameters().set("model_length_factor", 1.3);
        vm.runSteps(500);
        assertTrue(snap().open().maxAbsTheta() > FALLEN, "open loop falls: " + snap().open().maxAbsTheta());
        assertTrue(snap().mpc().maxAbsTheta() < Cartpole.THETA_THRESHOLD, "MPC holds: " + snap().mpc().maxAbsTheta());
        assertTrue(MpcPane.fell(0.1, snap().open().maxAbsTheta()));
        assertEquals(500, snap().mpc().replanMillis().size(), "one measured replan per step");
    }

    @Test
    void switchingThePlannerTakesEffectAtTheNextStepAndShowsItsSettings() {
        vm.runSteps(5);
        assertFalse(vm.parameters().shownProperty("samples").get());
        vm.plannerProperty().set(PlannerKind.CEM);
        assertTrue(vm.parameters().shownProperty("samples").get());
        assertTrue(vm.parameters().shownProperty("elites").get());
        assertFalse(vm.parameters().shownProperty("ilqr_iterations").get());
        vm.step();
        assertEquals(PlannerKind.CEM, snap().mpc().planner());
        assertEquals(6, snap().mpc().step(), "the run went on");
        assertTrue(MpcPane.replanText(snap().mpc(), 20).contains("median"), MpcPane.replanText(snap().mpc(), 20));
    }

    @Test
    void elitesAreCappedAtTheSamples() {
        vm.plannerProperty().set(PlannerKind.CEM);
        vm.parameters().set("samples", 20);
        assertEquals(20, vm.settings().elites());
        vm.step();
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void aPushMovesOnlyThePlantItHits() {
        vm.push(true, Push.cart(0.5));
        assertEquals(1.0, snap().mpc().state()[Cartpole.X_DOT], 1e-12);
        assertEquals(0.0, snap().open().state()[Cartpole.X_DOT], 0);
        vm.push(false, Push.pole(ControlSystem.CARTPOLE, 0.1));
        assertEquals(0.3, snap().open().state()[Cartpole.THETA_DOT], 1e-12);
    }

    @Test
    void thePendulumSwingsUpUnderMpc() {
        vm.systemProperty().set(ControlSystem.PENDULUM);
        assertEquals(Math.PI, snap().mpc().state()[Pendulum.THETA], 1e-12, "hanging down");
        vm.runSteps(200);
        assertEquals(0, Angles.normalize(snap().mpc().state()[Pendulum.THETA]), 0.05, "upright after 10 s");
        assertEquals(20, vm.preferredSpeed(), 1e-9);
    }

    @Test
    void thePendulumsOpenLoopPlanSwingsUpItsModelWithoutLoopingOver() {
        vm.systemProperty().set(ControlSystem.PENDULUM);
        double[] end = snap().openPlan().finalState();
        assertEquals(0, Angles.normalize(end[Pendulum.THETA]), 0.05, "the plan ends upright");
        double turns = 0;
        for (int t = 0; t <= snap().openPlan().steps(); t++) {
            turns = Math.max(turns, Math.abs(snap().openPlan().x(t, Pendulum.THETA) - Math.PI));
        }
        assertTrue(turns < 1.5 * Math.PI, "it swings up once, not over the top and round again: " + turns);
        vm.runSteps(200);
        assertEquals(0, Angles.normalize(snap().open().state()[Pendulum.THETA]), 0.05, "a perfect model: open loop works");
    }

    @Test
    void theHorizonChangesMpcWithoutARestart() {
        vm.runSteps(10);
        vm.parameters().set("mpc_horizon", 30);
        vm.step();
        assertEquals(11, snap().mpc().step());
        assertEquals(30, snap().mpc().plan().steps());
    }
}
