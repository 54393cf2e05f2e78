package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbrllab.engine.dreamer.DreamerData;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.PixelPendulum;
import org.mbrllab.engine.tokens.TokenNetworks;

/**
 * {@code token-world-model}: the JSON contract, the saved file measured again, and the one-line errors. The runs
 * use the hidden test options (a tiny model on 2 episodes, 3 tokenizer updates) so that they take seconds.
 */
class TokenWorldModelCliTest {
    private static final String[] TINY = {"--tiny", "--episodes", "2", "--tokenizer-steps", "3"};

    private static String[] with(String... more) {
        String[] all = new String[1 + TINY.length + more.length];
        all[0] = "token-world-model";
        System.arraycopy(TINY, 0, all, 1, TINY.length);
        System.arraycopy(more, 0, all, 1 + TINY.length, more.length);
        return all;
    }

    /** Exit 0 and one JSON object; the error stream may hold progress lines only. */
    private static JsonNode ok(CliRun r) {
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("progress: ")), r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        return r.json();
    }

    private static void checkOpenLoop(JsonNode o) {
        assertEquals(5, o.get("context").asInt());
        assertEquals(50, o.get("sequences").asInt(), "the first 50 windows of 15 frames of the 10 held-out episodes");
        assertEquals(10, o.get("mse_per_step").size());
        double sum = 0;
        for (JsonNode x : o.get("mse_per_step")) {
            assertTrue(x.asDouble() > 0 && x.asDouble() < 1, "a squared error of pixels in [0, 1]: " + x);
            sum += x.asDouble();
        }
        assertEquals(sum / 10, o.get("mse").asDouble(), 1e-12);
        assertTrue(o.get("baseline_copy_last").asDouble() > 0.005, o.toString());
        assertTrue(o.get("baseline_mean_frame").asDouble() > 0.005, o.toString());
    }

    @Test
    void aShortRunPrintsTheContractKeysAndSavesAFileThatMeasuresTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.tn");
        JsonNode j = ok(CliRun.of(with("--steps", "4", "--samples", "2", "--seed", "5", "--out", file.toString(), "--json")));
        assertEquals("pendulum-pixels", j.get("world").asText());
        assertEquals(5, j.get("seed").asInt());
        assertEquals(4, j.get("steps").asInt());
        double mse = j.get("tokenizer_mse").asDouble();
        assertTrue(mse > 0 && mse < 0.25, "a squared error of pixels in [0, 1]: " + mse);
        assertTrue(j.get("codes_used").asInt() >= 1 && j.get("codes_used").asInt() <= 8, j.toString());
        assertTrue(j.get("seconds").asDouble() > 0);
        checkOpenLoop(j.get("openl"));
        checkOpenLoop(j.get("openl_greedy"));
        // Both are scored on the same windows: the same baselines.
        assertEquals(j.get("openl").get("baseline_mean_frame").asDouble(), j.get("openl_greedy").get("baseline_mean_frame").asDouble(), 0);
        assertEquals(file.toString(), j.get("out").asText());
        try (var in = Files.newInputStream(file)) {
            TokenNetworks saved = TokenNetworks.read(in);
            assertEquals(5, saved.seed());
            assertEquals(2, saved.episodes());
            assertEquals(4, saved.config().transformerUpdates());
            assertEquals(3, saved.config().tokenizerUpdates());
        }

        // The saved model on the same held-out episodes (from the file's seed), with the same draws: the same numbers.
        JsonNode again = ok(CliRun.of("token-world-model", "--networks", file.toString(), "--samples", "2", "--json"));
        assertEquals(5, again.get("seed").asInt());
        assertEquals(4, again.get("steps").asInt());
        assertEquals(j.get("seconds").asDouble(), again.get("seconds").asDouble(), 0, "the training time kept in the file");
        assertEquals(j.get("tokenizer_mse").asDouble(), again.get("tokenizer_mse").asDouble(), 0);
        assertEquals(j.get("openl"), again.get("openl"));
        assertEquals(j.get("openl_greedy"), again.get("openl_greedy"));
        assertTrue(again.get("out") == null);
    }

    @Test
    void itTrainsOnTheDreamerCommandsEpisodesAndScoresOnItsHeldOutEpisodes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.tn");
        JsonNode j = ok(CliRun.of(with("--steps", "1", "--samples", "1", "--seed", "3", "--out", file.toString(), "--json")));
        float[] mean = DreamerData.training(3, 2).meanFrame();
        try (var in = Files.newInputStream(file)) {
            assertArrayEquals(mean, TokenNetworks.read(in).meanFrame(), 0, "the dreamer command's training episodes for seed 3");
        }
        // The mean-frame baseline by hand on the dreamer command's held-out episodes for seed 3: windows of 5 + 10
        // frames from the start of each episode, six to an episode (101 frames), the first 50.
        PixelEpisodes held = DreamerData.heldOut(3);
        float[] truth = new float[PixelPendulum.PIXELS];
        double[] perStep = new double[10];
        for (int i = 0; i < 50; i++) {
            for (int k = 0; k < 10; k++) {
                held.frame(i / 6, (i % 6) * 15 + 5 + k, truth);
                double sq = 0;
                for (int p = 0; p < truth.length; p++) sq += (mean[p] - truth[p]) * (mean[p] - truth[p]);
                perStep[k] += sq / truth.length / 50;
            }
        }
        double expected = 0;
        for (double x : perStep) expected += x / 10;
        assertEquals(expected, j.get("openl").get("baseline_mean_frame").asDouble(), 1e-9);
        assertEquals(expected, j.get("openl_greedy").get("baseline_mean_frame").asDouble(), 1e-9);
    }

    @Test
    void theTextReportHasOneRowPerImaginedStepAndTheRatios() {
        CliRun r = CliRun.of(with("--steps", "1", "--samples", "1"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("open loop on 50 held-out sequences, 5 context frames"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith("10 ")), r.out());
        assertTrue(r.out().contains("mean / mean frame"), r.out());
    }

    @Test
    void errorsAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        assertEquals("error: unknown --world 'cartpole' (worlds: pendulum-pixels)",
                CliRun.of("token-world-model", "--world", "cartpole").usageError());
        assertEquals("error: --steps 0 is out of range: allowed 1 to 1000000", CliRun.of("token-world-model", "--steps", "0").usageError());
        assertEquals("error: --samples 1001 is out of range: allowed 1 to 1000",
                CliRun.of("token-world-model", "--samples", "1001").usageError());
        assertEquals("error: --time-limit 0 is out of range: allowed > 0", CliRun.of("token-world-model", "--time-limit", "0").usageError());
        Path junk = dir.resolve("junk.tn");
        Files.writeString(junk, "not networks");
        assertEquals("error: --networks " + junk + ": not a token world model file (it does not start with MBRLTN)",
                CliRun.of("token-world-model", "--networks", junk.toString()).usageError());
        assertTrue(CliRun.of("token-world-model", "--networks", junk.toString(), "--steps", "5").usageError().contains("cannot continue"));
        assertTrue(CliRun.of("token-world-model", "--networks", junk.toString(), "--seed", "5").usageError().contains("the file's"));
        assertTrue(CliRun.of("token-world-model", "--networks", dir.resolve("none.tn").toString()).usageError().startsWith("error: --networks "));
        Path notADir = dir.resolve("file");
        Files.writeString(notADir, "x");
        assertTrue(CliRun.of("token-world-model", "--out", notADir.resolve("t.tn").toString()).usageError().startsWith("error: --out "),
                "checked before training");
    }
}
