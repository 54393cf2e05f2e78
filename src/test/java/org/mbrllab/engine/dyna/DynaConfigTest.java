package org.mbrllab.engine.dyna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every setting is checked, and the message names the field, the value and the range. */
class DynaConfigTest {

    private static final DynaConfig OK = new DynaConfig(AgentKind.DYNA_Q, 0.1, 0.95, 0.1, 5, 1e-4, 1e-4);

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void outOfRangeFieldsAreNamedWithTheirRange() {
        assertEquals("alpha = 1.5 is out of range: allowed [0, 1]", message(() -> OK.withAlpha(1.5)));
        assertEquals("gamma = -0.1 is out of range: allowed [0, 1]", message(() -> OK.withGamma(-0.1)));
        assertEquals("epsilon = 2 is out of range: allowed [0, 1]", message(() -> OK.withEpsilon(2)));
        assertEquals("planning_steps = -1 is out of range: allowed [0, 100000]", message(() -> OK.withPlanningSteps(-1)));
        assertEquals("kappa = 11 is out of range: allowed [0, 10]", message(() -> OK.withKappa(11)));
        assertEquals("theta = NaN is out of range: allowed [0, 1000]", message(() -> OK.withTheta(Double.NaN)));
    }

    @Test
    void qLearningDoesNotPlan() {
        assertEquals("planning_steps = 5 is out of range for q-learning: allowed 0 (Q-learning does not plan)",
                message(() -> new DynaConfig(AgentKind.Q_LEARNING, 0.1, 0.95, 0.1, 5, 0, 0)));
        assertEquals(0, OK.withAgent(AgentKind.Q_LEARNING).planningSteps());
    }

    @Test
    void experimentLengthAndRunsAreChecked() {
        assertEquals("runs = 0 is out of range: allowed [1, 10000]",
                message(() -> new ExperimentPlan(OK, Measure.STEPS_PER_EPISODE, 50, 0, 1)));
        assertEquals("episodes = 0 is out of range: allowed [1, 100000]",
                message(() -> new ExperimentPlan(OK, Measure.STEPS_PER_EPISODE, 0, 1, 1)));
        assertEquals("steps = 20000000 is out of range: allowed [1, 10000000]",
                message(() -> new ExperimentPlan(OK, Measure.CUMULATIVE_REWARD, 20_000_000, 1, 1)));
    }

    @Test
    void agentNamesRoundTrip() {
        for (AgentKind k : AgentKind.values()) assertEquals(k, AgentKind.fromCliName(k.cliName()));
        assertEquals("unknown agent 'sarsa' (agents: q-learning, dyna-q, dyna-q+, prioritized-sweeping)",
                message(() -> AgentKind.fromCliName("sarsa")));
    }
}
