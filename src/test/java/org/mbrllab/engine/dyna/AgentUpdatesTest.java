package org.mbrllab.engine.dyna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dp.Action;

/**
 * The updates of the four agents on a hand-built corridor of two states before the goal,
 * {@code 0 → 1 → G(2)}: only the move into G pays 1. α = 0.5, γ = 0.9, so every number below follows
 * from Q ← Q + ½ (target − Q) by hand.
 */
class AgentUpdatesTest {

    private static final double EXACT = 1e-12;
    private static final int R = Action.RIGHT.ordinal();
    private static final int UP = Action.UP.ordinal();

    /** A planning stream that returns the given nextInt results in order. */
    private static final class Scripted implements RandomGenerator {
        private final ArrayDeque<Integer> ints = new ArrayDeque<>();

        Scripted(int... values) {
            for (int v : values) ints.add(v);
        }

        @Override
        public int nextInt(int bound) {
            int v = ints.remove();
            if (v >= bound) throw new AssertionError(v + " ≥ bound " + bound);
            return v;
        }

        @Override
        public long nextLong() {
            throw new AssertionError("only nextInt is scripted");
        }
    }

    private static TabularAgent agent(AgentKind kind, int n, double kappa, RandomGenerator planning) {
        DynaConfig config = new DynaConfig(kind, 0.5, 0.9, 0.1, n, kappa, 1e-4);
        return TabularAgent.create(3, config, Seeds.fast(1), planning);
    }

    @Test
    void qLearningBacksUpTheGoalRewardOneStepPerVisit() {
        TabularAgent q = agent(AgentKind.Q_LEARNING, 0, 0, Seeds.fast(2));
        q.learn(0, R, 0, 1, 1);
        assertEquals(0.0, q.q(0, R), EXACT, "nothing known yet beyond state 1");
        q.learn(1, R, 1, 2, 2);
        assertEquals(0.5, q.q(1, R), EXACT, "½ (1 + 0.9·0 − 0)");
        q.learn(0, R, 0, 1, 3);
        assertEquals(0.225, q.q(0, R), EXACT, "½ (0 + 0.9·0.5 − 0)");
        assertEquals(0, q.planningUpdates());
    }

    @Test
    void dynaQReplaysTheModelNTimes() {
        TabularAgent dyna = agent(AgentKind.DYNA_Q, 2, 0, Seeds.fast(2));
        dyna.learn(1, R, 1, 2, 1);
        // Direct: 0.5; two planning updates of the only known pair: 0.75, then 0.875.
        assertEquals(0.875, dyna.q(1, R), EXACT);
        assertEquals(2, dyna.planningUpdates());
        DeterministicModel m = dyna.model();
        assertTrue(m.known(1, R));
        assertEquals(2, m.next(1, R));
        assertEquals(1.0, m.reward(1, R), 0);
    }

    @Test
    void dynaQPlanningSamplesAStateThenOneOfItsTriedActions() {
        // Scripted draws: state index 1 (state 0, seen second), then its action index 0 (RIGHT, its only one).
        TabularAgent dyna = agent(AgentKind.DYNA_Q, 1, 0, new Scripted(0, 0, 1, 0));
        dyna.learn(1, R, 1, 2, 1); // direct 0.5, planning (1, R): 0.75
        dyna.learn(0, R, 0, 1, 2); // direct ½ (0.9·0.75) = 0.3375, planning (0, R): 0.3375 + ½ (0.675 − 0.3375)
        assertEquals(0.75, dyna.q(1, R), EXACT);
        assertEquals(0.50625, dyna.q(0, R), EXACT);
    }

    @Test
    void dynaQPlusAddsKappaRootTauToSimulatedRewards() {
        // At real step 100, state 0 is visited first: RIGHT tried, UP/DOWN/LEFT assumed "stay, reward 0",
        // last tried at 0. The scripted planning draw picks state 0 and action index 1 = UP (τ = 100).
        TabularAgent plus = agent(AgentKind.DYNA_Q_PLUS, 1, 0.01, new Scripted(0, 1));
        plus.learn(0, R, 0, 1, 100);
        assertEquals(0.0, plus.q(0, R), EXACT);
        assertEquals(0.05, plus.q(0, UP), EXACT, "½ (0 + 0.01·√100 + 0.9·0 − 0)");
        DeterministicModel m = plus.model();
        assertTrue(m.known(0, UP));
        assertEquals(false, m.tried(0, UP));
        assertEquals(0, m.next(0, UP), "an untried action is modelled as staying");
        assertEquals(100, m.lastTried(0, R));
    }

    @Test
    void dynaQPlusGivesNoBonusToAPairJustTried() {
        TabularAgent plus = agent(AgentKind.DYNA_Q_PLUS, 1, 0.01, new Scripted(0, 0));
        plus.learn(0, R, 0, 1, 100);
        assertEquals(0.0, plus.q(0, R), EXACT, "τ = 0 for RIGHT, tried at this very step");
    }

    @Test
    void prioritizedSweepingWorksBackFromTheGoalThroughPredecessors() {
        TabularAgent ps = agent(AgentKind.PRIORITIZED_SWEEPING, 2, 0, Seeds.fast(2));
        ps.learn(0, R, 0, 1, 1); // priority |0 + 0 − 0| = 0 ≤ θ: not queued
        assertEquals(0, ps.planningUpdates());
        ps.learn(1, R, 1, 2, 2); // priority 1: Q(1,R) = 0.5; predecessor (0,R) queued with 0.45, then Q(0,R) = 0.225
        assertEquals(0.5, ps.q(1, R), EXACT);
        assertEquals(0.225, ps.q(0, R), EXACT);
        assertEquals(2, ps.planningUpdates());
        assertEquals(0, ((PrioritizedSweeping) ps).queueSize());
        assertArrayEquals(new int[] {0 * Action.COUNT + R}, ps.model().predecessors(1));
    }

    @Test
    void prioritizedSweepingWithoutPlanningLearnsNothing() {
        TabularAgent ps = agent(AgentKind.PRIORITIZED_SWEEPING, 0, 0, Seeds.fast(2));
        ps.learn(1, R, 1, 2, 1);
        assertEquals(0.0, ps.q(1, R), 0, "the box has no direct RL update");
        assertEquals(1, ((PrioritizedSweeping) ps).queueSize());
        assertEquals(1.0, ((PrioritizedSweeping) ps).priority(1, R), EXACT);
    }

    @Test
    void greedyTiesAreBrokenUniformly() {
        DynaConfig greedy = new DynaConfig(AgentKind.Q_LEARNING, 0.5, 0.9, 0, 0, 0, 0);
        TabularAgent q = TabularAgent.create(3, greedy, Seeds.fast(7), Seeds.fast(8));
        int[] counts = new int[Action.COUNT];
        for (int i = 0; i < 4000; i++) counts[q.act(0)]++;
        // Each count is Binomial(4000, ¼): mean 1000, sd 27; ±150 is more than 5 sd.
        for (int c : counts) assertEquals(1000, c, 150, java.util.Arrays.toString(counts));
        q.learn(0, UP, 1, 2, 1);
        for (int i = 0; i < 100; i++) assertEquals(UP, q.act(0), "a unique best action is always taken with ε = 0");
    }

    @Test
    void modelForgetsTheOldPredecessorWhenAPairChangesItsOutcome() {
        DeterministicModel m = new DeterministicModel(3);
        m.record(0, R, 0, 1, 1);
        m.record(0, R, 0, 0, 2); // the world changed: now a bump
        assertArrayEquals(new int[0], m.predecessors(1));
        assertArrayEquals(new int[] {R}, m.predecessors(0));
    }
}
