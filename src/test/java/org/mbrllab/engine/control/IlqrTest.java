package org.mbrllab.engine.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** iLQR: monotone cost, swing-up, limits, multi-start, and the engine's snapshots. */
class IlqrTest {

    /** "Upright": |θ| (wrapped) and |θ̇| below these at the end of the horizon. */
    private static final double UPRIGHT_ANGLE = 0.05;
    private static final double UPRIGHT_SPEED = 0.05;

    private static final double[] HANGING_DOWN = {Math.PI, 0};

    @Test
    void costNeverIncreasesAcrossAcceptedIterations() {
        List<Ilqr> runs = List.of(
                new Ilqr(Pendulum.gymnasium(), Pendulum.GYMNASIUM_COST, HANGING_DOWN, new double[100], 300),
                new Ilqr(Cartpole.gymnasium(), ControlSystem.CARTPOLE.defaultCost(), new double[] {0, 0, Math.PI, 0},
                        new double[150], 300),
                new Ilqr(Cartpole.gymnasium(), ControlSystem.CARTPOLE.defaultCost(), new double[] {0, 0, 0.1, 0},
                        InitialControls.RANDOM.controls(Cartpole.gymnasium(), 80, org.mbrllab.engine.core.Seeds.random(3)), 300));
        for (Ilqr ilqr : runs) {
            double cost = ilqr.cost();
            int accepted = 0;
            while (!ilqr.stopped()) {
                Ilqr.Iteration it = ilqr.iterate();
                if (it.accepted()) {
                    assertTrue(it.cost() < cost, "iteration " + it.number() + ": " + it.cost() + " after " + cost);
                    accepted++;
                } else {
                    assertEquals(cost, it.cost(), 0, "a rejected iteration keeps the trajectory");
                }
                cost = it.cost();
            }
            assertTrue(accepted >= 3, "it did some work: " + accepted);
            assertTrue(ilqr.stopReason().converged(), ilqr.stopReason().toString());
        }
    }

    @Test
    void pendulumSwingsUpFromHangingDownWithinTheHorizonWithMultiStart() {
        IlqrSettings settings = IlqrSettings.defaults().withHorizon(100).withRestarts(4).withSeed(1);
        IlqrEngine engine = new IlqrEngine(Pendulum.gymnasium(), Pendulum.GYMNASIUM_COST, HANGING_DOWN, settings);
        Trajectory best = engine.solve();
        double[] end = best.finalState();
        assertEquals(0, Angles.normalize(end[Pendulum.THETA]), UPRIGHT_ANGLE, "upright at the end of the horizon");
        assertEquals(0, end[Pendulum.THETA_DOT], UPRIGHT_SPEED, "and at rest");
        assertEquals(4, engine.finishedCosts().size());
        for (double c : engine.finishedCosts()) assertTrue(best.cost() <= c, "the best start wins");
        assertEquals(best.cost(), Pendulum.GYMNASIUM_COST.total(best.states(), best.actions()), 1e-9,
                "J is Σ c(x_t, u_t) over t < T");
        // 2 N·m cannot lift the pendulum directly, so it pumps at full torque for a while.
        boolean fullTorque = false;
        for (int t = 0; t < best.steps(); t++) {
            assertTrue(Math.abs(best.u(t)) <= 2, "within the torque limit");
            fullTorque |= Math.abs(best.u(t)) == 2;
        }
        assertTrue(fullTorque, "the limit is active somewhere");
    }

    @Test
    void boxConstrainedControlsNeverLeaveTheLimit() {
        Dynamics tight = Cartpole.gymnasium().withControlLimit(3);
        Ilqr ilqr = new Ilqr(tight, ControlSystem.CARTPOLE.defaultCost(), new double[] {0, 0, 0.2, 0},
                InitialControls.RANDOM.controls(Cartpole.gymnasium(), 60, org.mbrllab.engine.core.Seeds.random(5)), 200);
        Trajectory t = ilqr.solve();
        boolean touched = false;
        for (int i = 0; i < t.steps(); i++) {
            assertTrue(Math.abs(t.u(i)) <= 3, "u_" + i + " = " + t.u(i));
            touched |= Math.abs(t.u(i)) == 3;
        }
        assertTrue(touched, "the limit is active somewhere, so the QP mattered");
    }

    @Test
    void sameSeedSameResult() {
        IlqrSettings settings = IlqrSettings.defaults().withHorizon(60).withInit(InitialControls.RANDOM).withRestarts(2)
                .withSeed(42);
        Trajectory a = new IlqrEngine(Pendulum.gymnasium(), Pendulum.GYMNASIUM_COST, HANGING_DOWN, settings).solve();
        Trajectory b = new IlqrEngine(Pendulum.gymnasium(), Pendulum.GYMNASIUM_COST, HANGING_DOWN, settings).solve();
        assertArrayEquals(a.actions(), b.actions(), 0);
        Trajectory c = new IlqrEngine(Pendulum.gymnasium(), Pendulum.GYMNASIUM_COST, HANGING_DOWN, settings.withSeed(43))
                .solve();
        assertTrue(a.cost() != c.cost() || !java.util.Arrays.equals(a.actions(), c.actions()), "another seed, other starts");
    }

    @Test
    void engineStepsOneIterationAtATimeAndPublishesEachTrajectory() {
        IlqrSettings settings = IlqrSettings.defaults().withHorizon(80).withRestarts(2);
        IlqrEngine engine = new IlqrEngine(Pendulum.gymnasium(), Pendulum.GYMNASIUM_COST, HANGING_DOWN, settings);
        IlqrSnapshot first = engine.snapshot();
        assertEquals(0, first.iteration());
        assertEquals(1, first.accepted().size(), "the initial rollout");
        assertEquals(List.of(first.trajectory().cost()), first.costs());
        assertNull(first.best());
        assertTrue(Double.isNaN(first.alpha()));

        List<IlqrSnapshot> snapshots = new ArrayList<>();
        while (engine.step()) snapshots.add(engine.snapshot());
        snapshots.add(engine.snapshot());
        IlqrSnapshot last = snapshots.get(snapshots.size() - 1);
        assertTrue(last.done() && engine.isDone());
        assertEquals(1, last.restart());
        assertEquals(2, last.finishedCosts().size());
        assertNotNull(last.best());

        for (IlqrSnapshot s : snapshots) {
            assertEquals(s.iteration() + 1, s.costs().size(), "one cost per iteration plus the initial one");
            Trajectory newest = s.accepted().get(s.accepted().size() - 1);
            assertEquals(s.trajectory().cost(), newest.cost(), 0, "the newest accepted trajectory is the current one");
            if (s.lastAccepted()) assertTrue(s.alpha() > 0 && s.alpha() <= 1, "α in (0, 1]");
        }
        // The first start's snapshots kept their own history after the engine moved on: snapshots are copies.
        IlqrSnapshot early = snapshots.get(2);
        assertEquals(0, early.restart());
        assertEquals(early.iteration() + 1, early.costs().size());
        assertEquals(engine.totalIterations(), last.totalIterations());
    }

    @Test
    void trajectoriesAreImmutable() {
        Trajectory t = Trajectory.rollout(Pendulum.gymnasium(), Pendulum.GYMNASIUM_COST, HANGING_DOWN, new double[] {1, 1});
        t.states()[0][0] = 99;
        t.actions()[0] = 99;
        assertEquals(Math.PI, t.x(0, 0), 0);
        assertEquals(1, t.u(0), 0);
        assertThrows(UnsupportedOperationException.class,
                () -> new IlqrEngine(Pendulum.gymnasium(), Pendulum.GYMNASIUM_COST, HANGING_DOWN,
                        IlqrSettings.defaults().withHorizon(5)).snapshot().costs().add(1.0));
    }

    @Test
    void settingsRejectAnEmptyHorizonNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IlqrSettings.defaults().withHorizon(0));
        assertTrue(e.getMessage().startsWith("horizon = 0 is out of range"), e.getMessage());
    }
}
