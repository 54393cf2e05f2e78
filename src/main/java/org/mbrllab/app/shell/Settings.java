package org.mbrllab.app.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What the window remembers between runs. Stored as a small JSON file written atomically (a temporary
 * file, then a rename), so a crash mid-write never leaves a half file. A file that cannot be read is
 * moved aside to {@code settings.json.bad} and the defaults are used.
 *
 * @param width      window width in px
 * @param height     window height in px
 * @param maximized  whether the window was maximised
 * @param theme      a {@link org.mbrllab.app.common.Theme} key
 * @param zoom       the zoom factor
 * @param lastLesson the id of the lesson last open
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(double width, double height, boolean maximized, String theme, double zoom,
                       String lastLesson) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Settings {
        width = clamp(width, 640, 10000, 1600);
        height = clamp(height, 480, 10000, 1000);
        theme = theme == null ? "light" : theme;
        zoom = clamp(zoom, 0.6, 2.5, 1.0);
        lastLesson = lastLesson == null ? "" : lastLesson;
    }

    public static Settings defaults() {
        return new Settings(1600, 1000, false, "light", 1.0, "");
    }

    /** Where settings live: {@code -Dmbrllab.settings=FILE}, else the user's config folder. */
    public static Path defaultPath() {
        String override = System.getProperty("mbrllab.settings");
        if (override != null && !override.isBlank()) return Path.of(override);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("mbrl-lab").resolve("settings.json");
    }

    /** Reads {@code file}; a missing file gives the defaults, a broken one is moved aside. */
    public static Settings load(Path file) {
        if (!Files.isRegularFile(file)) return defaults();
        try {
            return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Settings.class);
        } catch (IOException | RuntimeException e) {
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // Leave it; we will overwrite it atomically on exit.
            }
            return defaults();
        }
    }

    /** Writes {@code file} atomically. */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "settings", ".tmp");
        try {
            Files.writeString(tmp, JSON.writeValueAsString(this), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static double clamp(double v, double lo, double hi, double fallback) {
        if (!Double.isFinite(v) || v == 0) return fallback;
        return Math.max(lo, Math.min(hi, v));
    }
}
