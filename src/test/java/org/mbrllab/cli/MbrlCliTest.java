package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code mbrl}: the JSON contract and the one-line errors. */
class MbrlCliTest {

    @Test
    void printsOneEntryPerEpisodeWithTheThreeKeys() {
        JsonNode j = CliRun.of("mbrl", "--system", "pendulum", "--version", "v2", "--episodes", "2", "--members", "3",
                "--seed", "4", "--horizon", "8", "--samples", "20", "--json").okJson();
        assertEquals("pendulum", j.get("system").asText());
        assertEquals("v2", j.get("version").asText());
        assertEquals(1, j.get("members").asInt(), "v2 fits one network");
        assertEquals(2, j.get("episodes").size());
        for (int e = 0; e < 2; e++) {
            JsonNode ep = j.get("episodes").get(e);
            assertTrue(ep.get("real_return").isNumber() && ep.get("real_return").asDouble() <= 0, ep.toString());
            assertTrue(ep.get("predicted_return").isNumber() && ep.get("predicted_return").asDouble() <= 0, ep.toString());
            assertEquals(200 * (e + 2), ep.get("dataset_size").asInt());
        }
        assertTrue(j.get("random_return").asDouble() < 0);
    }

    @Test
    void fixedStartReturnsAreNewKeysBesideTheOldOnes() {
        JsonNode j = CliRun.of("mbrl", "--system", "pendulum", "--version", "v3", "--episodes", "2", "--members", "2",
                "--seed", "4", "--horizon", "8", "--samples", "20", "--eval-starts", "2", "--json").okJson();
        JsonNode starts = j.get("eval_starts");
        assertEquals(2, starts.size());
        double[][] expected = org.mbrllab.engine.model.ModelBasedPlanning.fixedStarts(
                org.mbrllab.engine.control.ControlSystem.PENDULUM, 2);
        for (int i = 0; i < 2; i++) {
            assertEquals(expected[i][0], starts.get(i).get(0).asDouble(), 0.0);
            assertEquals(expected[i][1], starts.get(i).get(1).asDouble(), 0.0);
        }
        for (JsonNode ep : j.get("episodes")) {
            assertEquals(2, ep.get("eval_returns").size(), ep.toString());
            double mean = (ep.get("eval_returns").get(0).asDouble() + ep.get("eval_returns").get(1).asDouble()) / 2;
            assertEquals(mean, ep.get("eval_return").asDouble(), 1e-9);
            assertTrue(ep.has("real_return") && ep.has("predicted_return") && ep.has("dataset_size"));
        }
        JsonNode off = CliRun.of("mbrl", "--system", "pendulum", "--version", "v3", "--episodes", "2", "--members", "2",
                "--seed", "4", "--horizon", "8", "--samples", "20", "--eval-starts", "0", "--json").okJson();
        assertTrue(!off.has("eval_starts") && !off.get("episodes").get(0).has("eval_return"), off.toString());
        for (int e = 0; e < 2; e++) {
            assertEquals(off.get("episodes").get(e).get("real_return").asDouble(),
                    j.get("episodes").get(e).get("real_return").asDouble(), 0.0, "evaluation changes no training return");
        }
        assertEquals("error: --eval-starts 11 is out of range: allowed a whole number in [0, 10]",
                CliRun.of("mbrl", "--system", "pendulum", "--version", "v4", "--eval-starts", "11").usageError());
    }

    @Test
    void theCartpoleRunsToo() {
        JsonNode j = CliRun.of("mbrl", "--system", "cartpole", "--version", "v1", "--episodes", "1", "--horizon", "5",
                "--samples", "10", "--json").okJson();
        assertEquals(1, j.get("episodes").size());
        assertEquals(200, j.get("episodes").get(0).get("dataset_size").asInt());
    }

    @Test
    void errorsAreOneLineAndExitTwo() {
        assertEquals("error: unknown version 'v5' (versions: v1, v2, v3, v4)",
                CliRun.of("mbrl", "--system", "pendulum", "--version", "v5").usageError());
        assertTrue(CliRun.of("mbrl", "--system", "acrobot", "--version", "v1").usageError().contains("systems: cartpole, pendulum"));
        assertEquals("error: --episodes 0 is out of range: allowed a whole number in [1, 1000]",
                CliRun.of("mbrl", "--system", "pendulum", "--version", "v4", "--episodes", "0").usageError());
        assertTrue(CliRun.of("mbrl", "--system", "pendulum", "--version", "v4", "--members", "11").usageError()
                .contains("--members 11"));
        assertTrue(CliRun.of("mbrl", "--system", "pendulum", "--version", "v4", "--planner", "ilqr").usageError()
                .contains("no derivatives"));
        assertTrue(CliRun.of("mbrl", "--system", "pendulum", "--version", "v4", "--rollout", "best").usageError()
                .contains("per-trajectory"));
        assertTrue(CliRun.of("mbrl", "--version", "v4").usageError().contains("--system"));
    }

    @Test
    void compareRunsEveryVersionOnEverySeedAsCsv() {
        CliRun run = CliRun.of("mbrl-compare", "--episodes", "1", "--seeds", "2", "--members", "2", "--horizon", "4",
                "--samples", "8");
        assertEquals(0, run.code(), run.err());
        String csv = run.out();
        org.mbrllab.engine.model.ComparisonTable t = org.mbrllab.engine.model.ComparisonTable.parse(csv, "stdout");
        assertTrue(t.complete());
        assertEquals(8, t.episodesDone(), "4 versions × 2 seeds × 1 episode");
        assertTrue(csv.contains("# mbrl-lab mbrl-compare --system pendulum --episodes 1 --seeds 2"), csv);
        assertEquals("error: --seeds 0 is out of range: allowed a whole number in [1, 20]",
                CliRun.of("mbrl-compare", "--seeds", "0").usageError());
    }
}
