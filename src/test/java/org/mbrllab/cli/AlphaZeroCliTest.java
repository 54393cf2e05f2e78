package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbrllab.engine.alphazero.PolicyValueNet;
import org.mbrllab.engine.games.Game;

/** {@code alphazero-train}: JSON lines, the saved file and usage errors. */
class AlphaZeroCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static List<String> keys(JsonNode j) {
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void trainPrintsOneJsonLinePerIterationAndSavesALoadableNetwork() throws Exception {
        Path file = dir.resolve("ttt.az");
        CliRun r = run("alphazero-train", "--game", "tictactoe", "--iterations", "2", "--games", "2", "--batches", "2", "--eval-games", "2",
                "--simulations", "10", "--seed", "3", "--out", file.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(3, lines.size(), r.out());
        JsonNode it = JSON.readTree(lines.get(1));
        assertEquals(List.of("iteration", "games_played", "value_loss", "policy_loss", "wins", "draws", "losses", "seconds"), keys(it));
        assertEquals(2, it.get("iteration").asInt());
        assertEquals(4, it.get("games_played").asInt());
        assertEquals(2, it.get("wins").asInt() + it.get("draws").asInt() + it.get("losses").asInt());
        JsonNode saved = JSON.readTree(lines.get(2));
        assertEquals(List.of("out", "parameters", "bytes", "seconds"), keys(saved));
        assertEquals(Files.size(file), saved.get("bytes").asLong());
        assertEquals(Game.TIC_TAC_TOE, PolicyValueNet.load(file).game());
    }

    @Test
    void outOfRangeValuesAreOneLineUsageErrors() {
        CliRun r = run("alphazero-train", "--game", "tictactoe", "--iterations", "0");
        assertEquals(2, r.code());
        assertEquals("error: iterations 0 is out of range: allowed 1 to 100000", r.err().strip());
        CliRun g = run("alphazero-train", "--game", "chess");
        assertEquals(2, g.code());
        assertTrue(g.err().startsWith("error: ") && g.err().strip().lines().count() == 1, g.err());
    }
}
