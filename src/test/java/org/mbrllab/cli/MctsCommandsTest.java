package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mcts, match and bench mcts commands, run in-process: JSON shapes and exit codes. */
class MctsCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String EMPTY_C4 = ".".repeat(42);


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static List<String> keys(JsonNode j) {
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    // ---------------------------------------------------------------- mcts

    @Test
    void mctsJsonHasExactlyTheContractKeysWithNullForIllegalMoves() {
        JsonNode j = run("mcts", "--game", "tictactoe", "--board", "XX.OO....", "--simulations", "2000", "--json").okJson();
        assertEquals(List.of("move", "visits", "q", "value"), keys(j));
        assertEquals(2, j.get("move").asInt(), "X takes the win");
        JsonNode visits = j.get("visits");
        JsonNode q = j.get("q");
        assertEquals(9, visits.size());
        assertEquals(9, q.size());
        int total = 0;
        for (int a = 0; a < 9; a++) {
            boolean illegal = a == 0 || a == 1 || a == 3 || a == 4;
            assertEquals(illegal, visits.get(a).isNull(), "visits[" + a + "]");
            if (illegal) assertTrue(q.get(a).isNull(), "q[" + a + "]");
            else total += visits.get(a).asInt();
        }
        assertEquals(2000, total);
        assertEquals(1.0, q.get(2).asDouble(), 0.0);
        assertTrue(j.get("value").asDouble() > 0.9, "X is winning: " + j.get("value"));
    }

    @Test
    void mctsValueIsForTheSideToMove() {
        // O to move, lost to X's double threat.
        JsonNode j = run("mcts", "--game", "tictactoe", "--board", "XO..X.X.O", "--simulations", "5000", "--json").okJson();
        assertTrue(j.get("value").asDouble() < -0.8, "O is lost: " + j.get("value"));
    }

    @Test
    void mctsOnConnectFourHasOneEntryPerColumnAndNullForAFullColumn() {
        String board = "X......" + "O......" + "X......" + "O......" + "X......" + "O......";
        JsonNode j = run("mcts", "--game", "connect4", "--board", board, "--simulations", "1000", "--json").okJson();
        assertEquals(7, j.get("visits").size());
        assertTrue(j.get("visits").get(0).isNull());
        assertTrue(j.get("q").get(0).isNull());
        for (int c = 1; c < 7; c++) assertTrue(j.get("visits").get(c).isInt());
        assertTrue(j.get("move").asInt() >= 1);
    }

    @Test
    void mctsWithTheSameSeedPrintsTheSameAnswer() {
        String[] args = {"mcts", "--game", "connect4", "--board", EMPTY_C4, "--simulations", "3000", "--c", "1", "--seed", "5", "--json"};
        assertEquals(run(args).out(), run(args).out());
    }

    @Test
    void mctsReadableOutputNamesTheMove() {
        CliRun r = run("mcts", "--game", "tictactoe", "--board", "XX..O....", "--simulations", "3000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("O to move; 3000 simulations: play cell 2"), r.out());
    }

    @Test
    void badBoardsAreOneLineUsageErrors() {
        assertEquals("error: Tic-tac-toe board must have 9 characters (X, O and .), got 3",
                run("mcts", "--game", "tictactoe", "--board", "X..", "--json").usageError());
        assertEquals("error: impossible board: 2 X and 0 O (X moves first, so X has as many as O or one more)",
                run("mcts", "--game", "tictactoe", "--board", "XX.......", "--json").usageError());
        assertEquals("error: the game is already over (X has won)",
                run("mcts", "--game", "tictactoe", "--board", "XXXOO....", "--json").usageError());
        assertTrue(run("mcts", "--game", "connect4", "--board", "...X" + ".".repeat(38), "--json").usageError()
                .contains("floats above an empty cell in column 3"));
    }

    @Test
    void unknownPlayersGamesAndOutOfRangeValuesAreUsageErrors() {
        assertEquals("error: unknown player 'minimax' (players: mcts, alphazero)",
                run("mcts", "--game", "tictactoe", "--board", ".........", "--player", "minimax").usageError());
        assertTrue(run("mcts", "--game", "chess", "--board", ".........").usageError().contains("unknown game 'chess' (games: tictactoe, connect4)"));
        assertEquals("error: --simulations 0 is out of range: allowed a whole number in [1, 10000000]",
                run("mcts", "--game", "tictactoe", "--board", ".........", "--simulations", "0").usageError());
        assertEquals("error: --c -1 is out of range: allowed [0, 100]",
                run("mcts", "--game", "tictactoe", "--board", ".........", "--c", "-1").usageError());
        assertTrue(run("mcts", "--game", "tictactoe").usageError().contains("--board"));
    }

    @Test
    void alphaZeroPlayerPrintsTheContractJsonFromTheShippedNetwork() {
        JsonNode j = run("mcts", "--game", "tictactoe", "--board", "XX.OO....", "--player", "alphazero", "--simulations", "200",
                "--json").okJson();
        assertEquals(List.of("move", "visits", "q", "value"), keys(j));
        assertEquals(9, j.get("visits").size());
        assertEquals(9, j.get("q").size());
        for (int cell : new int[] {0, 1, 3, 4}) {
            assertTrue(j.get("visits").get(cell).isNull(), "occupied cell " + cell);
            assertTrue(j.get("q").get(cell).isNull(), "occupied cell " + cell);
        }
        assertEquals(2, j.get("move").asInt(), "X completes the top row");
        double value = j.get("value").asDouble();
        assertTrue(value > 0.5 && value <= 1, "X is winning: " + value);
    }

    @Test
    void alphaZeroPlayerSearchesConnectFourWithItsShippedNetwork() {
        JsonNode j = run("mcts", "--game", "connect4", "--board", EMPTY_C4, "--player", "alphazero", "--simulations", "200", "--json").okJson();
        assertEquals(List.of("move", "visits", "q", "value"), keys(j));
        assertEquals(7, j.get("visits").size());
        double value = j.get("value").asDouble();
        assertTrue(value >= -1 && value <= 1, "value " + value);
    }

    @Test
    void aMissingOrCorruptNetworkFileWarnsInOneLineAndFallsBackToRollouts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path missing = dir.resolve("none.az");
        CliRun r = run("mcts", "--game", "tictactoe", "--board", ".........", "--player", "alphazero", "--network", missing.toString(),
                "--simulations", "300", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("warning: no network file at " + missing + "; searching with random rollouts (UCB1) instead", r.err().strip());
        assertEquals(List.of("move", "visits", "q", "value"), keys(JSON.readTree(r.out())));
        java.nio.file.Path corrupt = dir.resolve("bad.az");
        java.nio.file.Files.writeString(corrupt, "not a network");
        CliRun c = run("mcts", "--game", "tictactoe", "--board", ".........", "--player", "alphazero", "--network", corrupt.toString(),
                "--simulations", "300", "--json");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().startsWith("warning: network file " + corrupt + " is corrupt: "), c.err());
        assertEquals(1, c.err().lines().count());
    }

    // ---------------------------------------------------------------- match

    @Test
    void matchJsonHasExactlyTheContractKeysAndCountsEveryGame() {
        JsonNode j = run("match", "--game", "tictactoe", "--x", "mcts:300", "--o", "random", "--games", "6", "--json").okJson();
        assertEquals(List.of("x_wins", "o_wins", "draws"), keys(j));
        assertEquals(6, j.get("x_wins").asInt() + j.get("o_wins").asInt() + j.get("draws").asInt());
    }

    @Test
    void alphaZeroPlaysAMatchWithTheShippedNetwork() {
        JsonNode j = run("match", "--game", "tictactoe", "--x", "alphazero:25", "--o", "random", "--games", "4", "--seed", "2", "--json").okJson();
        assertEquals(4, j.get("x_wins").asInt() + j.get("o_wins").asInt() + j.get("draws").asInt());
        assertEquals(0, j.get("o_wins").asInt(), "the network never loses to random play as X here");
    }

    @Test
    void exactMinimaxAgainstItselfDrawsEveryGame() {
        JsonNode j = run("match", "--game", "tictactoe", "--x", "minimax", "--o", "minimax:9", "--games", "4", "--json").okJson();
        assertEquals(4, j.get("draws").asInt());
    }

    @Test
    void connectFourMatchRuns() {
        JsonNode j = run("match", "--game", "connect4", "--x", "minimax:3", "--o", "mcts:200:2", "--games", "2", "--seed", "3",
                "--json").okJson();
        assertEquals(2, j.get("x_wins").asInt() + j.get("o_wins").asInt() + j.get("draws").asInt());
    }

    @Test
    void matchWithTheSameSeedGivesTheSameTally() {
        String[] args = {"match", "--game", "tictactoe", "--x", "random", "--o", "random", "--games", "30", "--seed", "8", "--json"};
        assertEquals(run(args).out(), run(args).out());
    }

    @Test
    void badSpecsAndCountsAreUsageErrors() {
        assertEquals("error: --x: unknown player 'human' (players: random, minimax, minimax:DEPTH, mcts:SIMS, mcts:SIMS:C, alphazero:SIMS)",
                run("match", "--game", "tictactoe", "--x", "human", "--o", "random", "--games", "1").usageError());
        assertEquals("error: --games 0 is out of range: allowed a whole number in [1, 100000]",
                run("match", "--game", "tictactoe", "--x", "random", "--o", "random", "--games", "0").usageError());
        assertTrue(run("match", "--game", "tictactoe", "--x", "random", "--o", "random").usageError().contains("--games"));
    }

    // ---------------------------------------------------------------- bench mcts

    @Test
    void benchMctsPrintsTheMedianRateAndItsContext() {
        JsonNode j = run("bench", "mcts", "--game", "connect4", "--simulations", "2000", "--searches", "3", "--warmup-ms", "0",
                "--json").okJson();
        assertEquals("simulations_per_second", keys(j).get(0));
        assertTrue(j.get("simulations_per_second").asLong() > 0);
        assertEquals("connect4", j.get("game").asText());
        assertEquals(2000, j.get("simulations").asInt());
        assertEquals(3, j.get("searches").asInt());
        assertTrue(j.get("min_simulations_per_second").asLong() <= j.get("simulations_per_second").asLong());
        assertTrue(j.get("max_simulations_per_second").asLong() >= j.get("simulations_per_second").asLong());
    }

    @Test
    void benchMctsNeedsAGame() {
        assertTrue(run("bench", "mcts", "--simulations", "10").usageError().contains("--game"));
        assertTrue(run("bench", "mcts", "--game", "go").usageError().contains("unknown game 'go'"));
    }

    @Test
    void helpListsTheOptionsOfTheNewCommands() {
        CliRun mcts = run("mcts", "--help");
        for (String o : List.of("--game", "--board", "--player", "--simulations", "--c", "--seed", "--json")) {
            assertTrue(mcts.out().contains(o), o);
        }
        CliRun match = run("match", "--help");
        for (String o : List.of("--game", "--x", "--o", "--games", "--seed", "--json", "minimax:DEPTH")) {
            assertTrue(match.out().contains(o), o);
        }
        CliRun top = run("--help");
        assertTrue(top.out().contains("mcts") && top.out().contains("match"));
    }
}
