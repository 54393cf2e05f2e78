package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsThroughTheFile() throws Exception {
        Path file = dir.resolve("sub/settings.json");
        Settings s = new Settings(1600, 1000, false, "projector", 1.3, "dynamic-programming");
        s.save(file);
        assertEquals(s, Settings.load(file));
    }

    /** Ticked "Try it" prompts are kept per lesson, sorted and without repeats; nonsense numbers are dropped. */
    @Test
    void triedPromptsRoundTripAndBadNumbersAreDropped() throws Exception {
        Path file = dir.resolve("tried.json");
        Settings s = Settings.defaults().withTried("dyna", java.util.List.of(3, 0, 3)).withTried("mcts", java.util.List.of(1));
        assertEquals(java.util.List.of(0, 3), s.tried().get("dyna"));
        s.save(file);
        assertEquals(s, Settings.load(file));
        assertEquals(java.util.Map.of("mcts", java.util.List.of(1)), s.withTried("dyna", java.util.List.of()).tried());
        Files.writeString(file, "{\"tried\": {\"dyna\": [-1, 2, 500], \"x\": []}}");
        assertEquals(java.util.Map.of("dyna", java.util.List.of(2)), Settings.load(file).tried());
    }

    @Test
    void saveLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("settings.json");
        Settings.defaults().save(file);
        Settings.defaults().save(file);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void brokenFileGivesDefaultsAndIsMovedAside() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"width\": 12");
        assertEquals(Settings.defaults(), Settings.load(file));
        assertFalse(Files.exists(file));
        assertTrue(Files.exists(dir.resolve("settings.json.bad")));
    }

    @Test
    void absurdValuesAreClamped() {
        Settings s = new Settings(5, Double.NaN, false, null, 40, null);
        assertEquals(640, s.width());
        assertEquals(1000, s.height());
        assertEquals(2.5, s.zoom());
        assertEquals("light", s.theme());
    }

    @Test
    void goodFileInAWritableFolderHasNoProblem() throws Exception {
        Path file = dir.resolve("settings.json");
        Settings s = new Settings(1300, 900, true, "dark", 1.2, "mcts");
        s.save(file);

        assertEquals(new Settings.Loaded(s, Optional.empty()), Settings.read(file));
    }

    @Test
    void missingFileInAFolderNotYetMadeHasNoProblem() {
        assertEquals(new Settings.Loaded(Settings.defaults(), Optional.empty()),
                Settings.read(dir.resolve("new/folder/settings.json")));
    }

    @Test
    void brokenFileIsReportedNamingWhereTheBrokenCopyWent() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"width\": 12");

        Settings.Loaded loaded = Settings.read(file);

        assertEquals(Settings.defaults(), loaded.settings());
        String problem = loaded.problem().orElseThrow();
        assertTrue(problem.startsWith("Settings file " + file + " could not be read ("), problem);
        assertTrue(problem.endsWith("defaults are used, the broken file was kept as " + dir.resolve("settings.json.bad") + "."),
                problem);
    }

    @Test
    void secondBrokenFileDoesNotOverwriteTheFirstBrokenCopy() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "first broken");
        Settings.read(file);
        Files.writeString(file, "second broken");
        Settings.read(file);
        Files.writeString(file, "third broken");

        String problem = Settings.read(file).problem().orElseThrow();

        assertEquals("first broken", Files.readString(dir.resolve("settings.json.bad")));
        assertEquals("second broken", Files.readString(dir.resolve("settings.json.bad-2")));
        assertEquals("third broken", Files.readString(dir.resolve("settings.json.bad-3")));
        assertTrue(problem.contains("kept as " + dir.resolve("settings.json.bad-3")), problem);
    }

    @Test
    void folderThatCannotBeMadeIsReportedAtStartUpNamingIt() throws Exception {
        Path blocker = Files.writeString(dir.resolve("mbrl-lab"), "a file where the folder should be");
        Path file = blocker.resolve("settings.json");

        Settings.Loaded loaded = Settings.read(file);

        assertEquals(Settings.defaults(), loaded.settings());
        String problem = loaded.problem().orElseThrow();
        assertTrue(problem.startsWith("Settings will not be kept: cannot write to " + blocker + " ("), problem);
    }

    @Test
    void readOnlyFolderIsReportedAtStartUpAndTheGoodFileIsStillRead() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root writes into read-only folders");
        Path file = dir.resolve("settings.json");
        Settings s = new Settings(1300, 900, false, "dark", 1.2, "mcts");
        s.save(file);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Settings.Loaded loaded = Settings.read(file);

            assertEquals(s, loaded.settings());
            assertEquals(Optional.of("Settings will not be kept: cannot write to " + dir + " (permission denied)."),
                    loaded.problem());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void saveReplacesTheFileByARename() throws Exception {
        Path file = dir.resolve("settings.json");
        Settings.defaults().save(file);
        Object before = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        new Settings(1300, 900, false, "dark", 1.2, "mcts").save(file);

        Object after = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Assumptions.assumeTrue(before != null, "this file system has no inode numbers");
        assertFalse(before.equals(after), "a new file (inode) was renamed over the old one, not written in place");
    }
}
