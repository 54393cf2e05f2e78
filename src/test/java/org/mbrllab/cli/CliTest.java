package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process with its output captured. */
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    // ---------------------------------------------------------------- gridworld

    @Test
    void gridworldJsonForExample3_5HasTheContractKeysAndFigure3_5Values() {
        CliRun r = run("gridworld", "--preset", "sutton-barto-3.5", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(1, r.out().strip().lines().count(), "one JSON object on one line");
        JsonNode j = r.json();
        for (String key : List.of("values", "policy", "iterations", "converged", "preset", "algorithm", "gamma", "slip", "backups")) {
            assertTrue(j.has(key), key);
        }
        assertEquals("value-iteration", j.get("algorithm").asText());
        assertTrue(j.get("converged").asBoolean());
        assertTrue(j.get("iterations").isInt() && j.get("iterations").asInt() > 0);
        JsonNode values = j.get("values");
        assertEquals(5, values.size());
        for (JsonNode row : values) assertEquals(5, row.size());
        assertEquals(22.0, values.get(0).get(0).asDouble(), 0.05);
        assertEquals(24.4, values.get(0).get(1).asDouble(), 0.05);
        assertEquals(11.7, values.get(4).get(4).asDouble(), 0.05);
        JsonNode policy = j.get("policy");
        assertEquals(5, policy.size());
        assertEquals("right", policy.get(0).get(0).asText());
        assertEquals("up|left", policy.get(2).get(2).asText());
        assertEquals("up|down|left|right", policy.get(0).get(1).asText());
    }

    @Test
    void example4_1DefaultsToPolicyEvaluation() {
        JsonNode j = run("gridworld", "--preset", "sutton-barto-4.1", "--json").json();
        assertEquals("policy-evaluation", j.get("algorithm").asText());
        assertEquals(1.0, j.get("gamma").asDouble());
        assertEquals(-14, j.get("values").get(0).get(1).asDouble(), 0.05);
        assertEquals(-22, j.get("values").get(3).get(0).asDouble(), 0.05);
        assertEquals("", j.get("policy").get(0).get(0).asText(), "terminal");
    }

    @Test
    void wallIsNullAndHasNoPolicy() {
        JsonNode j = run("gridworld", "--preset", "bridge", "--json").json();
        assertTrue(j.get("values").get(0).get(0).isNull());
        assertEquals("", j.get("policy").get(0).get(0).asText());
        assertTrue(j.get("values").get(1).get(1).isNumber());
    }

    @Test
    void optionsOverrideThePreset() {
        JsonNode j = run("gridworld", "--preset", "sutton-barto-3.5", "--gamma", "0.5", "--sweep", "in-place",
                "--algorithm", "policy-iteration", "--json").json();
        assertEquals(0.5, j.get("gamma").asDouble());
        assertEquals("in-place", j.get("sweep").asText());
        assertEquals("policy-iteration", j.get("algorithm").asText());
        assertEquals(10 / (1 - 0.5 * 0.5 * 0.5 * 0.5 * 0.5), j.get("values").get(0).get(1).asDouble(), 1e-6,
                "v*(A) = 10 + γ⁵·v*(A): teleport to A′, then 4 steps up back to A");
    }

    @Test
    void slipAcceptsTheWordFrozenlake() {
        JsonNode j = run("gridworld", "--preset", "cliff-walk", "--slip", "frozenlake", "--json").json();
        assertEquals(2.0 / 3.0, j.get("slip").asDouble(), 1e-15);
    }

    @Test
    void layoutFileMayStandAlone() throws IOException {
        Path file = dir.resolve("tiny.grid");
        Files.writeString(file, "gamma: 0.5\nliving_reward: -1\nbump_reward: -1\ngoal_reward: 4\ngrid:\nS . G\n");
        JsonNode j = run("gridworld", "--layout", file.toString(), "--json").json();
        assertEquals(file.toString(), j.get("layout").asText());
        // V(1) = 4 (entering G); V(0) = −1 + 0.5·4 = 1; G itself is terminal, 0.
        assertEquals(List.of(1.0, 4.0, 0.0), List.of(j.get("values").get(0).get(0).asDouble(),
                j.get("values").get(0).get(1).asDouble(), j.get("values").get(0).get(2).asDouble()));
    }

    @Test
    void readableTablesWithoutJson() {
        CliRun r = run("gridworld", "--preset", "frozenlake-4x4");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("converged after"), r.out());
        assertTrue(r.out().contains("Values"), r.out());
        assertTrue(r.out().contains("←"), r.out());
    }

    // ---------------------------------------------------------------- errors

    @Test
    void unknownPresetListsTheAvailableOnes() {
        String line = run("gridworld", "--preset", "nope", "--json").usageError();
        assertTrue(line.contains("unknown preset 'nope'") && line.contains("sutton-barto-3.5"), line);
    }

    @Test
    void gammaOutOfRangeNamesTheFlagAndTheRange() {
        String line = run("gridworld", "--preset", "sutton-barto-3.5", "--gamma", "1.5").usageError();
        assertEquals("error: --gamma 1.5 is out of range: allowed [0, 1]", line);
    }

    @Test
    void badValuesAreUsageErrors() {
        assertTrue(run("gridworld", "--preset", "bridge", "--gamma", "abc").usageError().contains("--gamma"));
        assertTrue(run("gridworld", "--preset", "bridge", "--slip", "icy").usageError().contains("frozenlake"));
        assertTrue(run("gridworld", "--preset", "bridge", "--algorithm", "sarsa").usageError().contains("value-iteration"));
        assertTrue(run("gridworld", "--preset", "bridge", "--tolerance", "2").usageError().contains("[0, 1]"));
        assertTrue(run("gridworld", "--preset", "bridge", "--max-iterations", "0").usageError().contains("--max-iterations"));
        assertTrue(run("gridworld").usageError().contains("--preset"));
    }

    @Test
    void unknownFlagIsOneLine() {
        String line = run("gridworld", "--preset", "bridge", "--gama", "0.5").usageError();
        assertTrue(line.contains("unknown option '--gama'"), line);
    }

    @Test
    void unknownCommandIsOneLine() {
        String line = run("solve", "--preset", "bridge").usageError();
        assertEquals("error: unknown command 'solve' (commands: gridworld, control, mcts, match, alphazero-train, ensemble, mbrl, mbrl-compare, dyna, metrpo, world-models, dreamer, token-world-model, bench)", line);
    }

    @Test
    void brokenLayoutFileNamesFileAndLine() throws IOException {
        Path file = dir.resolve("broken.grid");
        Files.writeString(file, "gamma: 0.9\ngrid:\n. Q\n");
        String line = run("gridworld", "--layout", file.toString()).usageError();
        assertTrue(line.startsWith("error: " + file + ":3:3: unknown cell 'Q'"), line);
    }

    @Test
    void divergenceExitsOneWithAPlainExplanation() throws IOException {
        Path file = dir.resolve("endless.grid");
        Files.writeString(file, "gamma: 1\nliving_reward: -1\nbump_reward: -1\ngrid:\n. .\n");
        CliRun r = run("gridworld", "--layout", file.toString(), "--algorithm", "policy-evaluation");
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: With γ = 1 the values never settle"), r.err());
    }

    // ---------------------------------------------------------------- help and bench

    @Test
    void helpListsCommandsAndOptions() {
        CliRun top = run("--help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("gridworld") && top.out().contains("bench"), top.out());
        CliRun gridworld = run("gridworld", "--help");
        assertEquals(0, gridworld.code());
        for (String option : List.of("--preset", "--layout", "--algorithm", "--gamma", "--slip", "--sweep", "--tolerance",
                "--max-iterations", "--json")) {
            assertTrue(gridworld.out().contains(option), option);
        }
        assertTrue(gridworld.out().contains("frozenlake-8x8"), "the help lists the presets");
        CliRun bench = run("bench", "value-iteration", "--help");
        for (String option : List.of("--size", "--slip", "--sweeps", "--json")) assertTrue(bench.out().contains(option), option);
    }

    @Test
    void benchValueIterationPrintsTheContractKeys() {
        CliRun r = run("bench", "value-iteration", "--size", "12", "--slip", "0.2", "--sweeps", "5", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(12, j.get("size").asInt());
        assertEquals(144, j.get("states").asInt());
        assertEquals(5, j.get("sweeps").asInt());
        assertEquals(0.2, j.get("slip").asDouble());
        double median = j.get("ms_per_sweep").asDouble();
        assertTrue(j.get("min_ms").asDouble() <= median && median > 0, r.out());
        assertTrue(j.get("mean_ms").asDouble() > 0);
    }

    @Test
    void benchValueIterationTimesTheStencilByDefaultAndTheGeneralPathOnRequest() {
        JsonNode stencil = run("bench", "value-iteration", "--size", "8", "--sweeps", "3", "--json").okJson();
        assertEquals("stencil", stencil.get("kernel").asText());
        assertEquals("synchronous", stencil.get("sweep").asText());
        assertEquals("java", stencil.get("implementation").asText());
        CliRun r = run("bench", "value-iteration", "--size", "8", "--sweeps", "3", "--kernel", "general",
                "--sweep", "in-place", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("general", r.json().get("kernel").asText());
        assertEquals("in-place", r.json().get("sweep").asText());
        assertTrue(r.json().get("ms_per_sweep").asDouble() > 0, r.out());
    }

    @Test
    void benchNeedsABenchmarkAndAValidSize() {
        assertTrue(run("bench").usageError().contains("value-iteration"));
        assertTrue(run("bench", "solve").usageError().contains("unknown bench command 'solve'"));
        assertEquals("error: --size 301 is out of range: allowed a whole number in [2, 300]",
                run("bench", "value-iteration", "--size", "301").usageError());
    }

    @Test
    void isCommandKnowsTheCommands() {
        assertTrue(Cli.isCommand("gridworld"));
        assertTrue(Cli.isCommand("bench"));
        assertTrue(Cli.isCommand("mcts") && Cli.isCommand("match"));
        assertTrue(!Cli.isCommand("--help") && !Cli.isCommand("app"));
    }
}
