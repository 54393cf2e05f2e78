package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One in-process run of the command line, with what it printed: the harness every CLI test uses. */
record CliRun(int code, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code mbrl-lab ARGS} in this JVM and captures both streams. */
    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Standard output parsed as JSON. */
    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }

    /**
     * Asserts success (exit 0, nothing on stderr but progress lines, one JSON object on one line) and parses it.
     * A long command prints "progress: …" lines once it has run a few seconds, which a small test run reaches
     * only on a loaded machine; anything else on stderr fails.
     */
    JsonNode okJson() {
        assertEquals(0, code, "exit code; err: " + err);
        assertEquals("", err.lines().filter(line -> !line.startsWith("progress: ")).collect(Collectors.joining("\n")));
        assertEquals(1, out.strip().lines().count(), "one JSON object on one line");
        return json();
    }

    /** Asserts a usage error: exit 2, nothing on stdout, one line on stderr starting "error: ". */
    String usageError() {
        assertEquals(2, code, "exit code; err: " + err);
        assertEquals("", out);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), "one line: " + err);
        assertTrue(lines.get(0).startsWith("error: "), err);
        return lines.get(0);
    }
}
