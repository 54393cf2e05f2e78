package org.mbrllab.engine.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Environment.Transition;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dp.GridLayout.Cell;
import org.mbrllab.engine.core.FiniteMdp.Outcome;

/** The dynamics p(s', r | s, a): slip, bumps, one reward per transition, teleports, and sampling. */
class GridWorldTest {

    /** 3×3, slip 0.2, living −0.1, bump −5, goal 2, pit −3; a wall at (1, 2), goal (0, 2), pit (2, 2). */
    private static GridWorld small() {
        GridWorldParams params = new GridWorldParams(0.9, 0.2, -0.1, -5, 2, -3);
        return new GridWorld(GridLayout.empty(3, 3, params)
                .withCell(1, 2, Cell.wall())
                .withCell(0, 2, Cell.goal())
                .withCell(2, 2, Cell.pit())
                .withStart(1, 0));
    }

    @Test
    void statesAreRowMajorAndFlagged() {
        GridWorld w = small();
        assertEquals(5, w.index(1, 2));
        assertTrue(w.isWall(5));
        assertTrue(w.isTerminal(2));
        assertTrue(w.isTerminal(8));
        assertFalse(w.mdp().backedUp(5));
        assertFalse(w.mdp().backedUp(2));
        assertEquals(6, w.mdp().backedUpCount());
        assertEquals(3, w.startState());
    }

    @Test
    void slipSendsHalfOfPToEachSide() {
        // From the centre (1, 1), UP: intended (0, 1) with 0.8, LEFT to (1, 0) 0.1, RIGHT into the wall 0.1.
        List<Outcome> up = small().mdp().outcomes(4, Action.UP.ordinal());
        assertEquals(List.of(new Outcome(1, 0.8, -0.1), new Outcome(3, 0.1, -0.1), new Outcome(4, 0.1, -5)), up);
    }

    @Test
    void enteringATerminalEarnsItsRewardInsteadOfTheBump() {
        // From (0, 1), RIGHT enters the goal; UP bumps off the top edge; DOWN reaches the centre.
        List<Outcome> right = small().mdp().outcomes(1, Action.RIGHT.ordinal());
        assertEquals(List.of(new Outcome(2, 0.8, 2), new Outcome(1, 0.1, -5), new Outcome(4, 0.1, -0.1)), right);
    }

    @Test
    void equalOutcomesAreMergedAndZeroProbabilitiesDropped() {
        // Corner (0, 0) of an open 2×2 grid, UP: the intended move (0.8) and the slip LEFT (0.1) both bump
        // with −5, so they are one outcome of 0.9; the slip RIGHT (0.1) reaches (0, 1).
        GridWorldParams params = new GridWorldParams(0.9, 0.2, -0.1, -5, 2, -3);
        GridWorld w = new GridWorld(GridLayout.empty(2, 2, params));
        assertEquals(List.of(new Outcome(0, 0.9, -5), new Outcome(1, 0.1, -0.1)), w.mdp().outcomes(0, Action.UP.ordinal()));
        GridWorld noSlip = new GridWorld(GridLayout.empty(2, 2, params.with("slip", 0)));
        assertEquals(List.of(new Outcome(2, 1.0, -0.1)), noSlip.mdp().outcomes(0, Action.DOWN.ordinal()));
    }

    @Test
    void frozenLakeSlipGivesThreeDirectionsAThirdEach() {
        // From (1, 0) = state 4, DOWN: (2, 0), or LEFT bumps and stays, or RIGHT falls into the hole (1, 1).
        List<Outcome> down = DpTesting.world("frozenlake-4x4").mdp().outcomes(4, Action.DOWN.ordinal());
        assertEquals(3, down.size());
        for (Outcome o : down) assertEquals(1.0 / 3.0, o.prob(), 1e-15);
        assertEquals(List.of(8, 4, 5), down.stream().map(Outcome::next).toList());
    }

    @Test
    void teleportLandsOnItsTargetForEveryActionWithoutSlip() {
        GridWorld w = DpTesting.world("sutton-barto-3.5");
        for (Action a : Action.values()) {
            assertEquals(List.of(new Outcome(21, 1.0, 10)), w.mdp().outcomes(1, a.ordinal()), "A, " + a);
            assertEquals(List.of(new Outcome(13, 1.0, 5)), w.mdp().outcomes(3, a.ordinal()), "B, " + a);
        }
    }

    @Test
    void probabilitiesOfEveryPairSumToOne() {
        GridWorld w = new GridWorld(DpTesting.randomLayout(12, 9, 0.37, 0.9, 5));
        for (int s = 0; s < w.mdp().states(); s++) {
            for (int a = 0; a < 4; a++) {
                double total = w.mdp().outcomes(s, a).stream().mapToDouble(Outcome::prob).sum();
                assertEquals(w.mdp().backedUp(s) ? 1.0 : 0.0, total, 1e-12, "state " + s + ", action " + a);
            }
        }
    }

    @Test
    void sampledStepsFollowTheModel() {
        GridWorld w = small();
        RandomGenerator rng = Seeds.random(42);
        int n = 100_000;
        int intended = 0;
        int bumped = 0;
        for (int i = 0; i < n; i++) {
            Transition<Integer> t = w.step(4, Action.UP, rng);
            if (t.next() == 1) intended++;
            if (t.next() == 4) {
                bumped++;
                assertEquals(-5, t.reward());
            }
            assertFalse(t.terminal());
        }
        assertEquals(0.8, intended / (double) n, 0.01);
        assertEquals(0.1, bumped / (double) n, 0.01);
    }

    @Test
    void sameSeedSameEpisode() {
        GridWorld w = DpTesting.world("frozenlake-8x8");
        assertEquals(episode(w, 3), episode(w, 3));
    }

    private static List<Integer> episode(GridWorld w, long seed) {
        RandomGenerator rng = Seeds.random(seed);
        java.util.ArrayList<Integer> states = new java.util.ArrayList<>();
        int s = w.reset(rng);
        for (int i = 0; i < 200; i++) {
            Transition<Integer> t = w.step(s, Action.of(i % 4), rng);
            states.add(t.next());
            if (t.terminal()) break;
            s = t.next();
        }
        return states;
    }

    @Test
    void stepFromATerminalEndsAndFromAWallIsAnError() {
        GridWorld w = small();
        Transition<Integer> t = w.step(2, Action.DOWN, Seeds.random(1));
        assertEquals(new Transition<>(2, 0.0, true), t);
        assertThrows(IllegalArgumentException.class, () -> w.step(5, Action.UP, Seeds.random(1)));
    }

    @Test
    void withoutStartTheFirstOrdinaryCellIsTheStart() {
        GridWorld w = new GridWorld(GridLayout.empty(2, 2, GridWorldParams.defaults()).withCell(0, 0, Cell.wall()));
        assertEquals(1, w.startState());
        assertEquals(1, w.reset(Seeds.random(0)));
    }
}
