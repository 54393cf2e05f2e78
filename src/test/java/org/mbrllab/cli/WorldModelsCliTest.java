package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code world-models}: the JSON contract, the saved file, the stages, and the one-line errors. */
class WorldModelsCliTest {

    /** The whole pipeline, tiny: 30 random episodes, one epoch of V and of M, two generations of 8 × 2 dreams. */
    private static final String[] TINY = {"--rollouts", "30", "--vae-epochs", "1", "--rnn-epochs", "1", "--generations", "2",
        "--population", "8", "--dreams", "2", "--episodes", "10"};

    private static String[] with(String... more) {
        String[] all = new String[1 + TINY.length + more.length];
        all[0] = "world-models";
        System.arraycopy(TINY, 0, all, 1, TINY.length);
        System.arraycopy(more, 0, all, 1 + TINY.length, more.length);
        return all;
    }

    @Test
    void theWholePipelinePrintsTheContractKeysAndSavesAFileThatEvaluateReadsBack(@TempDir Path dir) {
        Path file = dir.resolve("wm.wm");
        JsonNode j = CliRun.of(with("--temperatures", "0.5,1.15", "--seed", "3", "--out", file.toString(), "--json")).okJson();
        assertEquals("all", j.get("stage").asText());
        assertEquals(3, j.get("seed").asInt());
        double mse = j.get("vae_reconstruction_mse").asDouble();
        assertTrue(mse > 0 && mse < 0.25, "a per-pixel error of values in [0, 1]: " + mse);
        assertTrue(j.get("rnn_heldout_nll").isNumber());
        double random = j.get("random_policy_real_score").asDouble();
        assertTrue(random > 5 && random < 60, "a random policy survives about 25 steps: " + random);
        JsonNode taus = j.get("temperatures");
        assertEquals(2, taus.size());
        assertEquals(0.5, taus.get(0).get("tau").asDouble());
        assertEquals(1.15, taus.get(1).get("tau").asDouble());
        for (JsonNode t : taus) {
            assertTrue(t.get("dream_score").asDouble() >= 0 && t.get("dream_score").asDouble() <= 300, t.toString());
            assertTrue(t.get("real_score").asDouble() >= 0 && t.get("real_score").asDouble() <= 300, t.toString());
        }
        for (String stage : new String[] {"collect", "vae", "rnn", "controller", "evaluate"}) {
            assertTrue(j.get("stage_seconds").get(stage).asDouble() >= 0, stage);
        }
        assertTrue(Files.isRegularFile(file));

        // --stage evaluate plays the saved controllers again, on the same real episodes: the same scores.
        JsonNode again = CliRun.of("world-models", "--stage", "evaluate", "--networks", file.toString(), "--seed", "3",
                "--episodes", "10", "--rollouts", "30", "--json").okJson();
        assertEquals(2, again.get("temperatures").size());
        for (int i = 0; i < 2; i++) {
            assertEquals(taus.get(i).get("real_score").asDouble(), again.get("temperatures").get(i).get("real_score").asDouble(), 0);
            assertEquals(taus.get(i).get("dream_score").asDouble(), again.get("temperatures").get(i).get("dream_score").asDouble(), 0);
        }
        assertEquals(mse, again.get("vae_reconstruction_mse").asDouble(), 0, "the same V on the same held-out frames");
        assertTrue(again.get("rnn_heldout_nll").isNull());
    }

    @Test
    void stageVaeStopsAfterVWithTheLaterValuesNull() {
        JsonNode j = CliRun.of(with("--stage", "vae", "--json")).okJson();
        assertTrue(j.get("vae_reconstruction_mse").isNumber());
        assertTrue(j.get("rnn_heldout_nll").isNull());
        assertTrue(j.get("random_policy_real_score").isNull());
        assertEquals(0, j.get("temperatures").size());
    }

    @Test
    void errorsAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        assertEquals("error: --temperatures 0 is out of range: allowed 0.0001 to 10",
                CliRun.of("world-models", "--temperatures", "0").usageError());
        assertTrue(CliRun.of("world-models", "--stage", "dream").usageError().contains("stages: vae, rnn, controller, evaluate, all"));
        assertTrue(CliRun.of("world-models", "--stage", "evaluate").usageError().contains("--networks"));
        assertEquals("error: --episodes 0 is out of range: allowed 1 to 10000", CliRun.of("world-models", "--episodes", "0").usageError());
        assertTrue(CliRun.of("world-models", "--population", "2").usageError().contains("population"));
        Path junk = dir.resolve("junk.wm");
        Files.writeString(junk, "not networks");
        assertTrue(CliRun.of("world-models", "--networks", junk.toString()).usageError().contains("not a World Models network file"));
        assertTrue(CliRun.of("world-models", "--stage", "vae", "--out", dir.resolve("x.wm").toString()).usageError().contains("--out"));
    }
}
