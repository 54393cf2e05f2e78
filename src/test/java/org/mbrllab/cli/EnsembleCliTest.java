package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ensemble} and {@code bench ensemble}: JSON shapes and exit codes. */
class EnsembleCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SMALL = {"ensemble", "--members", "2", "--points", "60", "--noise", "0.1", "--gap",
        "-1,1", "--epochs", "15", "--seed", "1", "--query", "-3,0,2.5", "--json"};


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void ensembleJsonHasMeanAndBothStandardDeviationsPerQueryPoint() {
        CliRun r = run(SMALL);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(1, r.out().strip().lines().count(), "one JSON object on one line");
        JsonNode j = r.json();
        for (String key : List.of("mean", "std_ensemble", "std_aleatoric")) {
            assertTrue(j.get(key).isArray(), key);
            assertEquals(3, j.get(key).size(), key);
            for (JsonNode v : j.get(key)) assertTrue(v.isNumber() && Double.isFinite(v.asDouble()), key + ": " + v);
        }
        for (JsonNode v : j.get("std_ensemble")) assertTrue(v.asDouble() >= 0);
        for (JsonNode v : j.get("std_aleatoric")) assertTrue(v.asDouble() > 0, "probabilistic members predict noise");
        assertEquals(List.of(-3.0, 0.0, 2.5), List.of(j.get("query").get(0).asDouble(), j.get("query").get(1).asDouble(),
                j.get("query").get(2).asDouble()));
        assertTrue(j.get("epochs_trained").asInt() >= 1 && j.get("epochs_trained").asInt() <= 15);
        assertEquals(org.mbrllab.engine.model.SineTask.PRIOR_SCALE, j.get("prior_scale").asDouble(), 0);
    }

    @Test
    void ensemblePriorScaleZeroTrainsThePlainEnsembleWithOtherNumbers() {
        String[] plain = java.util.Arrays.copyOf(SMALL, SMALL.length + 2);
        plain[SMALL.length] = "--prior-scale";
        plain[SMALL.length + 1] = "0";
        CliRun r = run(plain);
        assertEquals(0, r.code(), r.err());
        assertEquals(0.0, r.json().get("prior_scale").asDouble(), 0);
        assertTrue(!r.json().get("mean").equals(run(SMALL).json().get("mean")), "the prior changes the members");
    }

    @Test
    void ensembleWithTheSameSeedPrintsTheSameNumbers() {
        assertEquals(run(SMALL).out(), run(SMALL).out());
    }

    @Test
    void ensembleErrorsAreOneLineAndExitTwo() {
        assertEquals("error: --members 11 is out of range: allowed a whole number in [1, 10]",
                run("ensemble", "--members", "11", "--json").usageError());
        assertTrue(run("ensemble", "--members", "0").usageError().contains("--members"));
        assertTrue(run("ensemble", "--gap", "2,1").usageError().contains("a must not exceed b"));
        assertTrue(run("ensemble", "--gap", "1").usageError().contains("two numbers"));
        assertTrue(run("ensemble", "--gap", "3,5").usageError().contains("[-4, 4]"));
        assertTrue(run("ensemble", "--gap", "-4,4").usageError().contains("no room for data"));
        assertTrue(run("ensemble", "--noise", "-0.1").usageError().contains("--noise"));
        assertTrue(run("ensemble", "--epochs", "0").usageError().contains("--epochs"));
        assertTrue(run("ensemble", "--points", "1").usageError().contains("--points"));
        assertTrue(run("ensemble", "--query", "1,abc").usageError().contains("--query"));
        assertTrue(run("ensemble", "--membres", "3").usageError().contains("unknown option '--membres'"));
        assertEquals("error: --prior-scale -1 is out of range: allowed [0, 100]",
                run("ensemble", "--prior-scale", "-1").usageError());
    }

    @Test
    void benchEnsemblePrintsMemberSamplesPerSecond() {
        CliRun r = run("bench", "ensemble", "--members", "1", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode j = r.json();
        assertTrue(j.get("member_samples_per_second").asDouble() > 0, r.out());
        assertEquals(1, j.get("members").asInt());
        assertEquals(10_000, j.get("samples").asInt());
        assertEquals(256, j.get("batch").asInt());
        assertEquals("batched", j.get("mode").asText());
        assertEquals("fixed", j.get("path").asText());
        assertEquals("fit", run("bench", "ensemble", "--members", "1", "--path", "fit", "--json").json().get("path").asText());
    }

    @Test
    void benchEnsembleSplitsTheMembersIntoOneGraphPerThread() {
        CliRun r = run("bench", "ensemble", "--members", "3", "--mode", "split", "--threads", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("split", j.get("mode").asText());
        assertEquals(2, j.get("threads").asInt());
        assertEquals(3, j.get("members").asInt());
        assertTrue(j.get("member_samples_per_second").asDouble() > 0, r.out());
    }

    @Test
    void benchEnsembleErrorsAreOneLineAndExitTwo() {
        assertEquals("error: --members 11 is out of range: allowed a whole number in [1, 10]",
                run("bench", "ensemble", "--members", "11", "--json").usageError());
        assertTrue(run("bench", "ensemble", "--threads", "2").usageError().contains("--mode separate"));
        assertTrue(run("bench", "ensemble", "--mode", "parallel").usageError().contains("--mode"));
        assertEquals("error: --threads 3 is out of range for --mode split: 1 to --members (2)",
                run("bench", "ensemble", "--members", "2", "--mode", "split", "--threads", "3").usageError());
        assertTrue(run("bench", "ensemble", "--path", "sgd").usageError().contains("--path"));
    }

    @Test
    void helpListsTheOptions() {
        CliRun ensemble = run("ensemble", "--help");
        assertEquals(0, ensemble.code());
        for (String option : List.of("--members", "--points", "--noise", "--gap", "--epochs", "--prior-scale", "--seed", "--query",
                "--json")) {
            assertTrue(ensemble.out().contains(option), option);
        }
        CliRun bench = run("bench", "ensemble", "--help");
        for (String option : List.of("--members", "--mode", "--path", "--threads", "--json")) assertTrue(bench.out().contains(option), option);
        assertTrue(run("--help").out().contains("ensemble"));
        assertTrue(Cli.isCommand("ensemble"));
    }
}
