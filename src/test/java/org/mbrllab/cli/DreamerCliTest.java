package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbrllab.engine.dreamer.DreamerAgent;
import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.PlanetPolicy;

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
    void theAgentsTextReportNamesItsReturnsAndTheRandomPolicys() {
        CliRun r = CliRun.of("dreamer", "--behaviour", "--env-steps", "600", "--updates", "1", "--seed", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Dreamer agent on pendulum-pixels, seed 4: 1 updates, 6 real episodes (5 of random torques first)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("real return per episode:") && l.split(" ").length == 4 + 6), r.out());
        assertTrue(r.out().contains("random policy: " + org.mbrllab.engine.core.Format.fixed(DreamerAgent.randomPolicyReturn(50, 77), 1)), r.out());
    }

    @Test
    void theTextReportHasOneRowPerImaginedStepAndTheRatios(@TempDir Path dir) {
        CliRun r = CliRun.of("dreamer", "--updates", "1", "--episodes", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("open loop on 50 held-out sequences, 5 context frames"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith("15 ")), r.out());
        assertTrue(r.out().contains("model / mean frame"), r.out());
    }

    /**
     * One planned episode with the shipped world model: the episode's return is the one {@link PlanetPolicy} with
     * its defaults earns from seed 77's start state, and the random policy's is DreamerAgent's over 50 episodes.
     */
    @Test
    void planningWithTheShippedModelReportsTheRealReturnsAndTheRandomPolicys() throws Exception {
        JsonNode j = ok(CliRun.of("dreamer", "--networks", "assets/networks/dreamer.dn", "--plan", "cem",
                "--plan-episodes", "1", "--json"));
        assertEquals(DreamerNetworks.shipped().updates(), j.get("updates").asInt(), "the file's keys are still there");
        assertEquals(15, j.get("openl").get("mse_per_step").size());
        JsonNode p = j.get("planner");
        PlanetPolicy.Settings d = PlanetPolicy.Settings.defaults();
        assertEquals("cem", p.get("kind").asText());
        assertEquals(d.horizon(), p.get("horizon").asInt());
        assertEquals(d.samples(), p.get("samples").asInt());
        assertEquals(d.elites(), p.get("elites").asInt());
        assertEquals(d.iterations(), p.get("iterations").asInt());
        assertTrue(p.get("seconds_per_episode").asDouble() > 0);
        assertEquals(1, j.get("planner_returns").size());
        double expected = PixelEpisodes.collect(new PlanetPolicy(DreamerNetworks.shipped().model(), d), 1, 77).episodeReturn(0);
        assertEquals(expected, j.get("planner_returns").get(0).asDouble(), 1e-9 * Math.abs(expected));
        assertEquals(DreamerAgent.randomPolicyReturn(50, 77), j.get("random_policy_return").asDouble(), 1e-9 * 1300);
        // Without --plan, none of the planner's keys.
        JsonNode plain = CliRun.of("dreamer", "--networks", "assets/networks/dreamer.dn", "--json").okJson();
        assertTrue(!plain.has("planner") && !plain.has("planner_returns") && !plain.has("random_policy_return"), plain.toString());
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
        assertEquals("error: --env-steps needs --behaviour", CliRun.of("dreamer", "--env-steps", "600").usageError());
        assertEquals("error: --env-steps 650 is out of range: allowed a multiple of 100 from 600 to 1000000",
                CliRun.of("dreamer", "--behaviour", "--env-steps", "650").usageError());
        assertEquals("error: --env-steps 500 is out of range: allowed a multiple of 100 from 600 to 1000000",
                CliRun.of("dreamer", "--behaviour", "--env-steps", "500").usageError());
        assertTrue(CliRun.of("dreamer", "--behaviour", "--networks", junk.toString()).usageError().contains("cannot use --networks"));
        assertTrue(CliRun.of("dreamer", "--behaviour", "--episodes", "5").usageError().contains("use --env-steps"));
        assertEquals("error: --updates 2 is out of range: with --behaviour allowed 3 (one per collected episode) to 1000000",
                CliRun.of("dreamer", "--behaviour", "--env-steps", "800", "--updates", "2").usageError());
        assertTrue(CliRun.of("dreamer", "--behaviour", "--plan", "cem").usageError().contains("--behaviour acts with its actor"));
        assertEquals("error: unknown --plan 'ilqr' (planners: cem)", CliRun.of("dreamer", "--plan", "ilqr").usageError());
        assertEquals("error: --plan-episodes needs --plan cem", CliRun.of("dreamer", "--plan-episodes", "3").usageError());
        assertEquals("error: --plan-episodes 0 is out of range: allowed 1 to 100",
                CliRun.of("dreamer", "--plan", "cem", "--plan-episodes", "0").usageError());
        assertEquals("error: --plan-episodes 101 is out of range: allowed 1 to 100",
                CliRun.of("dreamer", "--plan", "cem", "--plan-episodes", "101").usageError());
        assertEquals("error: unknown --latents 'discrete' (latents: gaussian, categorical)",
                CliRun.of("dreamer", "--latents", "discrete").usageError());
        assertEquals("error: --latents is the file's with --networks (its model has them)",
                CliRun.of("dreamer", "--networks", junk.toString(), "--latents", "gaussian").usageError());
        String help = CliRun.of("dreamer", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--latents=KIND") && help.contains("categorical (16 groups of 16 classes"), help);
        assertTrue(CliRun.of("dreamer", "--behaviour", "--latents", "categorical").usageError().contains("Gaussian z"));
    }

    /**
     * {@code --behaviour}, as short as it goes: 5 seed episodes, 2 updates, 1 episode of the actor. The keys of the
     * contract, the random policy's return against the agent's own function, and the saved file's sections.
     */
    @Test
    void theWholeAgentPrintsItsRealReturnsAndTheRandomPolicysAndSavesItsActor(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agent.dn");
        JsonNode j = ok(CliRun.of("dreamer", "--behaviour", "--env-steps", "600", "--updates", "2", "--seed", "4",
                "--out", file.toString(), "--json"));
        assertEquals(6, j.get("episodes").asInt());
        assertEquals(5, j.get("seed_episodes").asInt());
        assertEquals(2, j.get("updates").asInt());
        assertEquals(600, j.get("env_steps").asInt());
        assertEquals(6, j.get("real_returns").size(), "one per episode, seed episodes first");
        for (JsonNode r : j.get("real_returns")) assertTrue(r.asDouble() < 0 && r.asDouble() > -1700, "a pendulum return: " + r);
        assertEquals(DreamerAgent.randomPolicyReturn(50, 77), j.get("random_policy_return").asDouble(), 1e-9);
        assertEquals(15, j.get("openl").get("mse_per_step").size());
        assertEquals(0, j.get("eval").size(), "the greedy policy is measured every 5 collected episodes");
        DreamerNetworks saved;
        try (InputStream in = Files.newInputStream(file)) {
            saved = DreamerNetworks.read(in);
        }
        assertEquals(List.of("actor", "critic", "settings", "curve"),
                saved.sections().stream().map(DreamerNetworks.Section::name).toList());
        List<float[]> curve = saved.sections().get(3).arrays();
        for (int i = 0; i < 6; i++) {
            assertEquals((i + 1) * 100, curve.get(0)[i], 0);
            assertEquals((float) j.get("real_returns").get(i).asDouble(), curve.get(1)[i], 0);
        }
        assertEquals((float) j.get("random_policy_return").asDouble(), curve.get(2)[0], 0);
        assertArrayEquals(new float[] {0.99f, 0.95f, 15}, saved.sections().get(2).arrays().get(0), 0);
    }
}
