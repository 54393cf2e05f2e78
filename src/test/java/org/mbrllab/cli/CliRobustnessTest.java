package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files, full disks, endless runs and results that are not numbers: one line and the right exit code. */
class CliRobustnessTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    // ---------------------------------------------------------------- the command list

    @Test
    void everyCommandOfTheHelpIsACommandOfTheLauncherAndOfTheErrors() {
        String help = run("--help").out();
        String unknown = run("nope").usageError();
        for (String command : Cli.commands()) {
            assertTrue(Cli.isCommand(command), command);
            assertTrue(help.contains("  " + command + " "), command + " in --help");
            assertTrue(unknown.contains(command), command + " in " + unknown);
        }
        assertTrue(Cli.isCommand("mbrl-compare"), "was missing from the hand-written list");
        assertEquals(List.of("gridworld", "control", "mcts", "match", "alphazero-train", "ensemble", "mbrl",
                "mbrl-compare", "dyna", "metrpo", "world-models", "dreamer", "token-world-model", "bench"), Cli.commands());
    }

    // ---------------------------------------------------------------- files read

    @Test
    void layoutFromAnEndlessFileIsAUsageErrorNamingTheCap() {
        assertEquals("error: --layout /dev/zero: larger than 1 MiB, the most this program reads",
                run("gridworld", "--layout", "/dev/zero").usageError());
    }

    @Test
    void layoutOneByteOverTheCapIsAUsageError() throws IOException {
        Path big = dir.resolve("big.grid");
        Files.write(big, new byte[UserFiles.MAX_LAYOUT_BYTES + 1]);
        assertTrue(run("gridworld", "--layout", big.toString()).usageError().endsWith("larger than 1 MiB, the most this program reads"));
    }

    @Test
    void missingLayoutAndFolderAsLayoutAreUsageErrors() {
        Path missing = dir.resolve("missing.grid");
        assertEquals("error: --layout " + missing + ": no such file", run("gridworld", "--layout", missing.toString()).usageError());
        assertEquals("error: --layout " + dir + ": is a folder, not a file", run("gridworld", "--layout", dir.toString()).usageError());
    }

    @Test
    void networkFromAnEndlessFileWarnsAndFallsBackToRollouts() {
        CliRun r = run("mcts", "--game", "tictactoe", "--board", "XX.OO....", "--player", "alphazero", "--network", "/dev/zero",
                "--simulations", "200", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("warning: network file /dev/zero is corrupt: larger than"), r.err());
        assertEquals(2, r.json().get("move").asInt(), "X completes the top row");
    }

    // ---------------------------------------------------------------- options that do not apply

    @Test
    void networkWithPlayerMctsIsAUsageError() {
        assertEquals("error: --network does not apply to --player mcts (only --player alphazero searches with a network)",
                run("mcts", "--game", "tictactoe", "--board", ".........", "--network", "x.az").usageError());
    }

    // ---------------------------------------------------------------- files written

    @Test
    void alphazeroOutInAMissingFolderIsAUsageErrorBeforeTraining() {
        Path out = dir.resolve("no-such-folder").resolve("t.az");
        String line = run("alphazero-train", "--game", "tictactoe", "--iterations", "100000", "--out", out.toString()).usageError();
        assertEquals("error: --out " + out + ": the folder " + out.getParent() + " does not exist", line);
        assertFalse(Files.exists(out.getParent()));
    }

    @Test
    void alphazeroOutThatIsAFolderIsAUsageErrorBeforeTraining() {
        assertEquals("error: --out " + dir + ": is a folder; give a file name",
                run("alphazero-train", "--game", "tictactoe", "--iterations", "100000", "--out", dir.toString()).usageError());
    }

    @Test
    void alphazeroOutOnAFullDiskExitsOneNamingTheFile() {
        CliRun r = run("alphazero-train", "--game", "tictactoe", "--iterations", "1", "--games", "1", "--batches", "1",
                "--eval-games", "0", "--simulations", "2", "--out", "/dev/full", "--json");
        assertEquals(1, r.code(), r.err());
        assertEquals("error: could not write /dev/full: No space left on device", r.err().strip());
    }

    @Test
    void standardOutputThatCannotBeWrittenExitsOne() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"gridworld", "--preset", "sutton-barto-4.1", "--json"},
                new PrintStream(broken, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("error: could not write the output to standard output (disk full or pipe closed?)"), lines);
    }

    // ---------------------------------------------------------------- runs that fail

    @Test
    void gammaOneWithAPositiveLoopExitsOneSayingDiverged() {
        CliRun r = run("gridworld", "--preset", "sutton-barto-3.5", "--gamma", "1", "--json");
        assertEquals(1, r.code(), r.out());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: With γ = 1 the values never settle"), r.err());
        assertTrue(r.err().contains("grow without bound") && r.err().contains("diverged"), r.err());
    }

    @Test
    void gridworldPastItsTimeLimitExitsOneSayingSo() throws IOException {
        // The random policy on a 120 × 120 grid with one goal, γ = 1: it takes hundreds of thousands of sweeps.
        StringBuilder grid = new StringBuilder("gamma: 1\nalgorithm: policy-evaluation\ngrid:\n");
        for (int r = 0; r < 120; r++) grid.append(".".repeat(119)).append(r == 119 ? "G" : ".").append('\n');
        Path file = dir.resolve("large.grid");
        Files.writeString(file, grid);
        CliRun r = run("gridworld", "--layout", file.toString(), "--time-limit", "0.3", "--json");
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: stopped at the time limit of 0.3 s (--time-limit) after "), r.err());
        assertTrue(r.err().contains(" sweeps, last max|ΔV| "), r.err());
    }

    @Test
    void timeLimitOutOfRangeIsAUsageError() {
        assertEquals("error: --time-limit 0 is out of range: allowed [0.001, 86400]",
                run("gridworld", "--preset", "bridge", "--time-limit", "0").usageError());
    }

    @Test
    void ensembleQueryBeyondTheRangeIsAUsageErrorBeforeTraining() {
        assertEquals("error: --query 1e308 is out of range: allowed [-1000000, 1000000]",
                run("ensemble", "--query", "1e308", "--json").usageError());
    }

    @Test
    void aPredictionThatIsNotANumberFailsTheRunNamingIt() {
        EnsembleCommand.requireFinite("mean", 3, 0.25);
        Cli.RunFailed e = assertThrows(Cli.RunFailed.class, () -> EnsembleCommand.requireFinite("std_ensemble", 3, Double.NaN));
        assertEquals("the ensemble's std_ensemble at x = 3 is NaN, not a finite number (training diverged?)", e.getMessage());
        assertThrows(Cli.RunFailed.class, () -> EnsembleCommand.requireFinite("mean", -2.5, Double.POSITIVE_INFINITY));
    }
}
