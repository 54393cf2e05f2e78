package org.mbrllab.engine.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;

/** MPC against open-loop execution under model error, the planners, and the batched rollout. */
class MpcTest {

    private static final Cartpole PLANT = Cartpole.gymnasium();
    private static final QuadraticCost COST = ControlSystem.CARTPOLE.defaultCost();
    private static final double[] X0 = PLANT.stateWithAngle(0.1);
    private static final int STEPS = 100;
    /** The model believes masses and length are 30 % larger than they are. */
    private static final ModelError ERROR = ModelError.uniform(1.3);
    /** "The pole falls": it passes horizontal. */
    private static final double FALLEN = Math.PI / 2;

    @Test
    void mpcWithModelErrorKeepsThePoleUpWhereTheOpenLoopPlanFalls() {
        Dynamics model = PLANT.withModelError(ERROR);
        // 1. One plan for all 100 steps on the wrong model: it balances the model...
        Trajectory plan = new IlqrEngine(model, COST, X0, IlqrSettings.defaults().withHorizon(STEPS)).solve();
        assertTrue(plan.maxAbsAngle(Cartpole.THETA) < Cartpole.THETA_THRESHOLD, "the plan balances its model");
        // ...but played open loop on the true plant, the pole falls.
        Trajectory open = ClosedLoop.simulate(PLANT, COST, Controller.openLoop(plan.actions()), X0, STEPS);
        assertTrue(open.maxAbsAngle(Cartpole.THETA) > FALLEN, "open loop falls: " + open.maxAbsAngle(Cartpole.THETA));

        // 2. MPC replanning with the same wrong model keeps it within Gymnasium's 12°.
        Mpc mpc = new Mpc(PLANT, model, COST, MpcSettings.defaults(), X0, STEPS);
        while (mpc.step()) {
            // run
        }
        MpcSnapshot s = mpc.snapshot();
        assertTrue(s.maxAbsTheta() < Cartpole.THETA_THRESHOLD, "MPC keeps the pole up: " + s.maxAbsTheta());
        assertEquals(STEPS, s.replanMillis().size(), "one measured replan per step");
        for (double ms : s.replanMillis()) assertTrue(ms >= 0);
        assertTrue(s.executed().cost() < open.cost());
    }

    /**
     * iLQR-MPC swings the pendulum up and holds it although its model's mass and length are 10 % off
     * either way. With the previous plan replayed open loop as the warm start it did not (cost 933 at
     * 5 %, 1046 at 10 %, against 372 with the right model): see {@link IlqrPlanner}.
     */
    @Test
    void ilqrMpcSwingsUpThePendulumDespiteModelError() {
        Pendulum plant = Pendulum.gymnasium();
        for (double factor : new double[] {0.9, 1.1}) {
            Mpc mpc = new Mpc(plant, plant.withModelError(ModelError.uniform(factor)), Pendulum.GYMNASIUM_COST,
                    MpcSettings.defaults(), plant.stateWithAngle(Math.PI), 200);
            while (mpc.step()) {
                // run
            }
            double[] end = mpc.snapshot().state();
            assertTrue(Math.abs(Angles.normalize(end[Pendulum.THETA])) < 0.05 && Math.abs(end[Pendulum.THETA_DOT]) < 0.1,
                    "model error " + factor + ": ends at θ = " + end[Pendulum.THETA] + ", θ̇ = " + end[Pendulum.THETA_DOT]);
        }
    }

    @Test
    void cemMpcWithModelErrorAlsoKeepsThePoleUp() {
        MpcSettings cem = MpcSettings.defaults().withPlanner(PlannerKind.CEM).withSampling(200, 20, 3);
        Mpc mpc = new Mpc(PLANT, PLANT.withModelError(ERROR), COST, cem, X0, STEPS);
        while (mpc.step()) {
            // run
        }
        assertTrue(mpc.snapshot().maxAbsTheta() < Cartpole.THETA_THRESHOLD, "" + mpc.snapshot().maxAbsTheta());
        assertEquals(PlannerKind.CEM, mpc.snapshot().planner());
        assertEquals(3L * STEPS, mpc.plannerIterations());
    }

    @Test
    void tooShortAHorizonLetsTheCartRunOffWhereTheDefaultHolds() {
        double[] end30 = run(MpcSettings.defaults().withHorizon(30), 500);
        double[] end50 = run(MpcSettings.defaults(), 500);
        assertTrue(Math.abs(end30[Cartpole.X]) > 5, "H = 30: the cart drifts away, x = " + end30[Cartpole.X]);
        assertTrue(Math.abs(end50[Cartpole.X]) < 0.5, "H = 50: it comes back, x = " + end50[Cartpole.X]);
        assertEquals(0, end50[Cartpole.THETA], 0.01);
    }

    private static double[] run(MpcSettings settings, int steps) {
        Mpc mpc = new Mpc(PLANT, PLANT, COST, settings, X0, steps);
        while (mpc.step()) {
            // run
        }
        return mpc.snapshot().state();
    }

    @Test
    void batchedRolloutCostsEqualOneAtATimeRollouts() {
        int horizon = 12, count = 9;
        double[] controls = new double[count * horizon];
        var rng = Seeds.random(4);
        for (int i = 0; i < controls.length; i++) controls[i] = 15 * (2 * rng.nextDouble() - 1);
        double[] costs = new BatchRollout(PLANT, COST, horizon).costs(X0, controls, count).clone();
        for (int i = 0; i < count; i++) {
            double[] seq = java.util.Arrays.copyOfRange(controls, i * horizon, (i + 1) * horizon);
            assertEquals(Trajectory.rollout(PLANT, COST, X0, seq).cost(), costs[i], 1e-12 * Math.abs(costs[i]));
        }
    }

    /**
     * A {@link StageCost} with a terminal cost: the batch prices it as J = Σ c(x_t, u_t) + c_T(x_H), with c_T
     * on the state after the last control, exactly as a one-at-a-time rollout (and the sums written out) do.
     */
    @Test
    void batchedRolloutAddsTheTerminalCostOfTheLastState() {
        int horizon = 5, count = 4;
        StageCost withTerminal = new StageCost() {
            @Override
            public double stageAt(double[] xs, int offset, double u) {
                return COST.stageAt(xs, offset, u);
            }

            @Override
            public double terminalAt(double[] xs, int offset) {
                return 100 * xs[offset + Cartpole.X] * xs[offset + Cartpole.X];
            }
        };
        double[] controls = new double[count * horizon];
        var rng = Seeds.random(9);
        for (int i = 0; i < controls.length; i++) controls[i] = 10 * (2 * rng.nextDouble() - 1);
        double[] costs = new BatchRollout(PLANT, withTerminal, horizon).costs(X0, controls, count).clone();
        for (int i = 0; i < count; i++) {
            double[] seq = java.util.Arrays.copyOfRange(controls, i * horizon, (i + 1) * horizon);
            Trajectory t = Trajectory.rollout(PLANT, COST, X0, seq);
            double cartAtEnd = t.x(horizon, Cartpole.X);
            assertTrue(Math.abs(cartAtEnd) > 1e-4, "the terminal cost is not 0 here: x_H = " + cartAtEnd);
            double expected = t.cost() + 100 * cartAtEnd * cartAtEnd;
            assertEquals(expected, costs[i], 1e-12 * expected);
            assertEquals(expected, Trajectory.rollout((BatchDynamics) PLANT, withTerminal, X0, seq).cost(), 1e-12 * expected);
        }
    }

    @Test
    void samplingPlannersAreSeededAndReturnTheirPredictedTrajectory() {
        for (PlannerKind kind : new PlannerKind[] {PlannerKind.SHOOTING, PlannerKind.CEM}) {
            MpcSettings settings = MpcSettings.defaults().withPlanner(kind).withSampling(100, 10, 2).withSeed(11);
            Planner.Plan a = kind.create(PLANT, COST, settings).plan(X0, null);
            Planner.Plan b = kind.create(PLANT, COST, settings).plan(X0, null);
            assertArrayEquals(a.actions(), b.actions(), 0, kind + ": same seed, same plan");
            assertEquals(settings.horizon(), a.predicted().steps());
            assertEquals(Trajectory.rollout(PLANT, COST, X0, a.actions()).cost(), a.predicted().cost(), 1e-9);
            for (double u : a.actions()) assertTrue(Math.abs(u) <= PLANT.controlLimit());
        }
    }

    @Test
    void warmStartIsThePreviousPlanShiftedByOneStep() {
        assertArrayEquals(new double[] {2, 3, 3}, Mpc.shift(new double[] {1, 2, 3}), 0);
        // Random shooting keeps the warm start as a candidate, so it never returns something worse.
        double[] good = new IlqrPlanner(PLANT, COST, 30, 50).plan(X0, null).actions();
        Planner.Plan shot = new RandomShootingPlanner(PLANT, COST, 30, 20, 1).plan(X0, good);
        assertTrue(shot.predicted().cost() <= Trajectory.rollout(PLANT, COST, X0, good).cost());
    }

    @Test
    void pushMovesThePlantAndIsRecorded() {
        Mpc mpc = new Mpc(PLANT, PLANT, COST, MpcSettings.defaults(), PLANT.upright(), 10);
        mpc.step();
        mpc.push(new double[] {0, 0, 0, 0.5});
        MpcSnapshot s = mpc.snapshot();
        assertEquals(0.5, s.state()[Cartpole.THETA_DOT], 1e-12);
        assertEquals(java.util.List.of(1), s.pushes());
        assertNotNull(s.plan());
        assertEquals(0.5, s.executed().x(1, Cartpole.THETA_DOT), 1e-12, "the history shows the pushed state");
    }

    @Test
    void settingsRejectMoreElitesThanSamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MpcSettings.defaults().withSampling(10, 20, 5));
        assertEquals("elites = 20 must not exceed samples = 10", e.getMessage());
    }
}
