package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dyna command, run in-process: its JSON keys and lengths, the book's defaults, and its errors. */
class DynaCliTest {

    @TempDir
    Path dir;

    private static List<String> keys(JsonNode json) {
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void episodesGiveStepsPerEpisodeWithTheSettingsUsed() {
        JsonNode j = CliRun.of("dyna", "--maze", "dyna-maze", "--agent", "dyna-q", "--planning-steps", "5",
                "--episodes", "4", "--runs", "3", "--seed", "7", "--json").okJson();
        assertEquals(List.of("maze", "agent", "planning_steps", "episodes", "runs", "alpha", "epsilon", "gamma", "kappa",
                "theta", "seed", "switch_step", "steps_per_episode", "steps_per_episode_sem", "planning_updates",
                "real_steps"), keys(j));
        assertEquals(4, j.get("steps_per_episode").size());
        assertEquals(4, j.get("steps_per_episode_sem").size());
        assertEquals("dyna-maze", j.get("maze").asText());
        assertEquals(5, j.get("planning_steps").asInt());
        assertEquals(0.1, j.get("alpha").asDouble(), 0, "the book's α for Figure 8.2");
        assertEquals(0.95, j.get("gamma").asDouble(), 0);
        assertTrue(j.get("switch_step").isNull());
        double sum = 0;
        for (JsonNode x : j.get("steps_per_episode")) sum += x.asDouble();
        assertEquals(sum * 3, j.get("real_steps").asDouble(), 1e-6, "the mean episodes times the runs");
        assertEquals(5 * j.get("real_steps").asLong(), j.get("planning_updates").asLong());
        assertTrue(j.get("steps_per_episode").get(0).asDouble() >= 14, "no episode beats the shortest path");
    }

    @Test
    void changingMazeDefaultsToTheReferenceSettingsAndCountsTimeSteps() {
        JsonNode j = CliRun.of("dyna", "--maze", "blocking", "--agent", "dyna-q+", "--runs", "1", "--json").okJson();
        assertEquals(3_000, j.get("steps").asInt());
        assertEquals(3_000, j.get("cumulative_reward").size());
        assertEquals(3_000, j.get("cumulative_reward_sem").size());
        assertEquals(1.0, j.get("alpha").asDouble(), 0);
        assertEquals(10, j.get("planning_steps").asInt());
        assertEquals(1e-4, j.get("kappa").asDouble(), 0);
        assertEquals(1_000, j.get("switch_step").asInt());
        assertEquals(3_000, j.get("real_steps").asInt());
        assertTrue(!j.has("steps_per_episode") && !j.has("episodes"), j.toString());
        JsonNode curve = j.get("cumulative_reward");
        for (int t = 1; t < curve.size(); t++) assertTrue(curve.get(t).asDouble() >= curve.get(t - 1).asDouble());
    }

    @Test
    void shortcutDefaultsAndQLearningPlansNothing() {
        JsonNode j = CliRun.of("dyna", "--maze", "shortcut", "--agent", "q-learning", "--steps", "100", "--json").okJson();
        assertEquals(5, j.get("runs").asInt());
        assertEquals(0, j.get("planning_updates").asInt());
        assertEquals(0, j.get("planning_steps").asInt());
        assertEquals(500, j.get("real_steps").asInt());
        assertEquals(3_000, j.get("switch_step").asInt());
    }

    @Test
    void sameSeedSameOutput() {
        String[] args = {"dyna", "--maze", "dyna-maze", "--agent", "prioritized-sweeping", "--planning-steps", "5",
            "--episodes", "3", "--runs", "2", "--json"};
        assertEquals(CliRun.of(args).okJson(), CliRun.of(args).okJson());
    }

    @Test
    void gridFileIsAMaze() throws IOException {
        Path file = dir.resolve("corridor.grid");
        Files.writeString(file, "gamma: 0.9\nslip: 0\ngrid:\nS . . G\n");
        JsonNode j = CliRun.of("dyna", "--maze", file.toString(), "--agent", "dyna-q", "--episodes", "20", "--runs", "2",
                "--json").okJson();
        assertEquals(0.9, j.get("gamma").asDouble(), 0, "γ from the file");
        assertEquals(3.0, j.get("steps_per_episode").get(19).asDouble(), 1.0, "close to the 3-step path");
    }

    @Test
    void textOutputHasAHeadingAndOneLinePerEpisode() {
        CliRun r = CliRun.of("dyna", "--maze", "dyna-maze", "--agent", "dyna-q", "--episodes", "3", "--runs", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Dyna maze (Sutton & Barto, Example 8.1): Dyna-Q, n = 50"), r.out());
        assertTrue(r.out().contains("\n      3  "), r.out());
    }

    @Test
    void errorsAreOneLineWithExit2() {
        assertEquals("error: --maze: unknown maze 'hedge' (mazes: dyna-maze, blocking, shortcut, or a FILE.grid)",
                CliRun.of("dyna", "--maze", "hedge", "--agent", "dyna-q", "--json").usageError());
        assertEquals("error: give --episodes or --steps, not both",
                CliRun.of("dyna", "--maze", "dyna-maze", "--agent", "dyna-q", "--episodes", "2", "--steps", "9").usageError());
        assertEquals("error: --alpha 2 is out of range: allowed [0, 1]",
                CliRun.of("dyna", "--maze", "dyna-maze", "--agent", "dyna-q", "--alpha", "2").usageError());
        assertEquals("error: --runs 0 is out of range: allowed a whole number in [1, 10000]",
                CliRun.of("dyna", "--maze", "dyna-maze", "--agent", "dyna-q", "--runs", "0").usageError());
        assertTrue(CliRun.of("dyna", "--maze", "dyna-maze", "--agent", "sarsa").usageError()
                .contains("unknown agent 'sarsa' (agents: q-learning, dyna-q, dyna-q+, prioritized-sweeping)"));
        assertEquals("error: --kappa does not apply to --agent dyna-q (only dyna-q+)",
                CliRun.of("dyna", "--maze", "blocking", "--agent", "dyna-q", "--kappa", "0.1").usageError());
        assertTrue(CliRun.of("dyna", "--maze", "dyna-maze", "--agent", "q-learning", "--planning-steps", "5")
                .usageError().startsWith("error: --planning-steps does not apply to --agent q-learning"));
    }

    @Test
    void badMazeFilesAreUsageErrors() throws IOException {
        Path icy = dir.resolve("icy.grid");
        Files.writeString(icy, "name: icy\nslip: 0.1\ngrid:\nS . G\n");
        assertEquals("error: --maze " + icy + ": icy: slip = 0.1 is out of range: allowed 0 (Dyna's mazes are deterministic)",
                CliRun.of("dyna", "--maze", icy.toString(), "--agent", "dyna-q").usageError());
        Path shut = dir.resolve("shut.grid");
        Files.writeString(shut, "name: shut\ngrid:\nS # G\n");
        assertTrue(CliRun.of("dyna", "--maze", shut.toString(), "--agent", "dyna-q").usageError()
                .endsWith("no goal can be reached from the start, so an episode would never end"));
        assertEquals("error: --maze /no/such.grid: no such file",
                CliRun.of("dyna", "--maze", "/no/such.grid", "--agent", "dyna-q").usageError());
        Path broken = dir.resolve("broken.grid");
        Files.writeString(broken, "grid:\nS Q G\n");
        assertTrue(CliRun.of("dyna", "--maze", broken.toString(), "--agent", "dyna-q").usageError()
                .contains("unknown cell 'Q'"));
    }
}
