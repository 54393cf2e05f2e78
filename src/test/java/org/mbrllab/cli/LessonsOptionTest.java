package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbrllab.engine.dp.GridPresets;

/** {@code --lessons DIR}: presets come from the lesson catalogue, with DIR's lessons replacing bundled ones. */
class LessonsOptionTest {

    @TempDir
    Path dir;

    /** A lesson folder for the grid-world pane with one preset file. */
    private Path lesson(String folder, String id, String presetName, String presetText) throws IOException {
        Path root = dir.resolve(folder);
        Files.createDirectories(root.resolve("presets"));
        Files.writeString(root.resolve("lesson.md"), "---\nid: " + id + "\ntitle: Test\npart: known-dynamics\norder: 99\n"
                + "pane: gridworld\n---\nText.\n");
        Files.writeString(root.resolve("presets").resolve(presetName + ".grid"), presetText);
        return root;
    }

    /** {@code dyna --maze dyna-maze} reads the maze of the Dyna lesson, which {@code --lessons} can replace. */
    @Test
    void anExternalDynaLessonReplacesTheMaze() throws IOException {
        Path root = dir.resolve("dyna");
        Files.createDirectories(root.resolve("presets"));
        Files.writeString(root.resolve("lesson.md"), "---\nid: dyna\ntitle: Test\npart: learned-models\norder: 99\n"
                + "pane: dyna\n---\nText.\n");
        // S two cells from G: every episode of a greedy agent takes 2 steps.
        Files.writeString(root.resolve("presets").resolve("dyna-maze.grid"), "name: Tiny\nslip: 0\ngrid:\nS . G\n");
        JsonNode j = CliRun.of("--lessons", dir.toString(), "dyna", "--maze", "dyna-maze", "--agent", "dyna-q",
                "--episodes", "20", "--runs", "2", "--epsilon", "0", "--json").okJson();
        assertEquals(2.0, j.get("steps_per_episode").get(19).asDouble(), 0, "the replaced 1×3 maze");
        String line = CliRun.of("--lessons", dir.toString(), "dyna", "--maze", "blocking", "--agent", "dyna-q", "--json").usageError();
        assertTrue(line.contains("blocking.grid"), line);
    }

    @Test
    void bundledPresetsAreTheClasspathPresets() {
        assertEquals(GridPresets.names(), new LessonFiles(null).gridPresetNames());
    }

    @Test
    void anExternalLessonAddsItsPresetBeforeOrAfterTheCommand() throws IOException {
        lesson("mine", "my-grid", "tiny", "name: Tiny\ngamma: 0.5\ngrid:\n. G\n");
        for (String[] args : new String[][] {
            {"--lessons", dir.toString(), "gridworld", "--preset", "tiny", "--json"},
            {"gridworld", "--lessons", dir.toString(), "--preset", "tiny", "--json"}}) {
            JsonNode j = CliRun.of(args).okJson();
            assertEquals("Tiny", j.get("name").asText());
            assertEquals(1.0, j.get("values").get(0).get(0).asDouble(), 1e-12, "the goal's +1 one step away");
        }
        assertEquals("Sutton & Barto, Example 4.1",
                CliRun.of("--lessons", dir.toString(), "gridworld", "--preset", "sutton-barto-4.1", "--json").okJson()
                        .get("name").asText(), "the bundled presets stay");
    }

    @Test
    void anExternalLessonWithTheBundledIdReplacesItsPresets() throws IOException {
        lesson("dp", "dynamic-programming", "sutton-barto-4.1", "name: Replaced\ngamma: 0.5\ngrid:\nG .\n");
        JsonNode j = CliRun.of("--lessons", dir.toString(), "gridworld", "--preset", "sutton-barto-4.1", "--json").okJson();
        assertEquals("Replaced", j.get("name").asText());
        String line = CliRun.of("--lessons", dir.toString(), "gridworld", "--preset", "bridge").usageError();
        assertEquals("error: unknown preset 'bridge' (available: sutton-barto-4.1)", line);
    }

    @Test
    void aMissingLessonsFolderIsAUsageError() {
        Path missing = dir.resolve("missing");
        assertEquals("error: --lessons " + missing + ": no such folder",
                CliRun.of("--lessons", missing.toString(), "gridworld", "--preset", "bridge").usageError());
    }

    @Test
    void theLauncherRunsTheCommandLineWhenACommandFollowsLessons() {
        assertTrue(org.mbrllab.Main.isCommandLine("--lessons", "d", "gridworld"));
        assertTrue(org.mbrllab.Main.isCommandLine("--lessons=d", "mbrl-compare"));
        assertTrue(org.mbrllab.Main.isCommandLine("mbrl-compare"));
        assertFalse(org.mbrllab.Main.isCommandLine("--lessons", "d"));
        assertFalse(org.mbrllab.Main.isCommandLine("--lessons", "d", "--app"));
        assertFalse(org.mbrllab.Main.isCommandLine());
    }
}
