package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dreamer}: the JSON contract, the saved file measured again, and the one-line errors. */
class DreamerCliTest {

    /**
     * Exit 0 and one JSON object; the error stream may hold progress lines only (building the graph takes longer
     * than the quiet first seconds of {@link Progress} on a busy machine).
     */
    private static JsonNode ok(CliRun r) {
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("progress: ")), r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        return r.json();
    }

    @Test
    void aShortRunPrintsTheContractKeysAndSavesAFileThatMeasuresTheSame(@TempDir Path dir) {
        Path file = dir.resolve("w.dn");
        JsonNode j = ok(CliRun.of("dreamer", "--updates", "3", "--episodes", "2", "--seed", "5", "--out", file.toString(),
                "--json"));
        assertEquals("pendulum-pixels", j.get("world").asText());
        assertEquals("gaussian", j.get("latents").asText());
        assertEquals(5, j.get("seed").asInt());
        assertEquals(2, j.get("episodes").asInt());
        assertEquals(3, j.get("updates").asInt());
        assertTrue(j.get("seconds").asDouble() > 0);
        JsonNode o = j.get("openl");
        assertEquals(5, o.get("context").asInt());
        assertEquals(50, o.get("sequences").asInt(), "the fixed held-out batch: five windows of 20 frames in each of 10 episodes");
        assertEquals(15, o.get("mse_per_step").size());
        double sum = 0;
        for (JsonNode x : o.get("mse_per_step")) {
            assertTrue(x.asDouble() > 0 && x.asDouble() < 1, "a squared error of pixels in [0, 1]: " + x);
            sum += x.asDouble();
        }
        assertEquals(sum / 15, o.get("mse").asDouble(), 1e-12);
        // A random-torque pendulum moves, so copying the last frame is off; neither baseline is zero.
        assertTrue(o.get("baseline_copy_last").asDouble() > 0.005, o.toString());
        assertTrue(o.get("baseline_mean_frame").asDouble() > 0.005, o.toString());
        assertTrue(Files.isRegularFile(file));

        // The saved model on the same held-out sequences (from the file's seed): the same numbers.
        JsonNode again = CliRun.of("dreamer", "--networks", file.toString(), "--json").okJson();
        assertEquals(5, again.get("seed").asInt());
        assertEquals(3, again.get("updates").asInt());
        assertEquals(o.get("mse_per_step"), again.get("openl").get("mse_per_step"));
        assertEquals(o.get("baseline_mean_frame").asDouble(), again.get("openl").get("baseline_mean_frame").asDouble(), 0);
    }

    @Test
    void categoricalLatentsTrainSaveAndMeasureTheSameFromTheFile(@TempDir Path dir) {
        Path file = dir.resolve("c.dn");
        JsonNode j = ok(CliRun.of("dreamer", "--latents", "categorical", "--updates", "2", "--episodes", "2", "--out",
                file.toString(), "--json"));
        assertEquals("categorical", j.get("latents").asText());
        assertEquals(2, j.get("updates").asInt());
        JsonNode again = CliRun.of("dreamer", "--networks", file.toString(), "--json").okJson();
        assertEquals("categorical", again.get("latents").asText(), "the file keeps the kind");
        assertEquals(j.get("openl").get("mse_per_step"), again.get("openl").get("mse_per_step"));
        CliRun text = CliRun.of("dreamer", "--networks", file.toString());
        assertTrue(text.out().contains("h 64, z 16 x 16 categorical"), text.out());
    }

    @Test
    void theTextReportHasOneRowPerImaginedStepAndTheRatios(@TempDir Path dir) {
        CliRun r = CliRun.of("dreamer", "--updates", "1", "--episodes", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("open loop on 50 held-out sequences, 5 context frames"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith("15 ")), r.out());
        assertTrue(r.out().contains("model / mean frame"), r.out());
    }

    @Test
    void errorsAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        assertEquals("error: unknown --world 'cartpole' (worlds: pendulum-pixels)", CliRun.of("dreamer", "--world", "cartpole").usageError());
        assertEquals("error: --updates 0 is out of range: allowed 1 to 1000000", CliRun.of("dreamer", "--updates", "0").usageError());
        assertEquals("error: --episodes 0 is out of range: allowed 1 to 10000", CliRun.of("dreamer", "--episodes", "0").usageError());
        assertEquals("error: --time-limit 0 is out of range: allowed > 0", CliRun.of("dreamer", "--time-limit", "0").usageError());
        Path junk = dir.resolve("junk.dn");
        Files.writeString(junk, "not networks");
        assertEquals("error: --networks " + junk + ": not a Dreamer network file (it does not start with MBRLDR)",
                CliRun.of("dreamer", "--networks", junk.toString()).usageError());
        assertTrue(CliRun.of("dreamer", "--networks", junk.toString(), "--updates", "5").usageError().contains("cannot continue"));
        assertTrue(CliRun.of("dreamer", "--networks", junk.toString(), "--seed", "5").usageError().contains("the file's"));
        assertTrue(CliRun.of("dreamer", "--behaviour").usageError().contains("--behaviour"), "not there yet: an unknown option");
        assertEquals("error: unknown --latents 'discrete' (latents: gaussian, categorical)",
                CliRun.of("dreamer", "--latents", "discrete").usageError());
        assertEquals("error: --latents is the file's with --networks (its model has them)",
                CliRun.of("dreamer", "--networks", junk.toString(), "--latents", "gaussian").usageError());
        String help = CliRun.of("dreamer", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--latents=KIND") && help.contains("categorical (16 groups of 16 classes"), help);
    }
}
