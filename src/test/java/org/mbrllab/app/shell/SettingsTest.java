package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
