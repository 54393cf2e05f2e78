package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code metrpo}: the JSON contract and the one-line errors. */
class MeTrpoCliTest {

    @Test
    void theModelFreeBaselinePrintsOneEvaluationPerIterationWithTheFourKeys() {
        // 20 real trajectories of 200 steps per TRPO iteration: 8,000 steps are two iterations.
        JsonNode j = CliRun.of("metrpo", "--system", "pendulum", "--model-free", "--real-steps", "8000", "--seed", "2",
                "--json").okJson();
        assertEquals("pendulum", j.get("system").asText());
        assertTrue(j.get("model_free").asBoolean());
        assertEquals(8000, j.get("real_steps_budget").asInt());
        assertEquals(2, j.get("seed").asInt());
        assertEquals(0.01, j.get("delta").asDouble());
        JsonNode evaluations = j.get("evaluations");
        assertEquals(2, evaluations.size());
        for (int i = 0; i < 2; i++) {
            JsonNode e = evaluations.get(i);
            assertEquals(4000 * (i + 1), e.get("real_steps").asInt());
            assertEquals(i + 1, e.get("policy_iterations").asInt());
            assertEquals(0, e.get("imagined_steps").asInt());
            // A 200-step pendulum return lies between 0 and −200 (π² + 0.1·8² + 0.001·2²) ≈ −3,255.
            double r = e.get("real_return").asDouble();
            assertTrue(r < 0 && r > -3255, e.toString());
        }
    }

    @Test
    void errorsAreOneLineAndExitTwo() {
        assertEquals("error: --members 21 is out of range: allowed a whole number in [1, 20]",
                CliRun.of("metrpo", "--members", "21").usageError());
        assertEquals("error: --real-steps 100 is out of range: allowed a whole number in [200, 10000000]",
                CliRun.of("metrpo", "--real-steps", "100").usageError());
        assertTrue(CliRun.of("metrpo", "--system", "acrobot").usageError().contains("systems: cartpole, pendulum"));
        assertTrue(CliRun.of("metrpo", "--rollout", "best").usageError().contains("per-step, per-trajectory, mean"));
    }
}
