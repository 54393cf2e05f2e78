package org.mbrllab.app.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.TreeMap;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What the window remembers between runs. Stored as a small JSON file written atomically (a temporary
 * file, then a rename), so a crash mid-write never leaves a half file. A file that cannot be read is
 * moved aside to {@code settings.json.bad} ({@code .bad-2}, {@code .bad-3}, … when that exists: a copy
 * is never overwritten) and the defaults are used. {@link #read} also finds out at start-up whether the
 * settings can be saved at all, since the save happens on close, when it is too late to say so.
 *
 * @param width      window width in px
 * @param height     window height in px
 * @param maximized  whether the window was maximised
 * @param theme      a {@link org.mbrllab.app.common.Theme} key
 * @param zoom       the zoom factor
 * @param lastLesson the id of the lesson last open
 * @param lessons    each lesson's configuration as the student left it, as its pane's preset text, by
 *                   lesson id; at most {@value #MAX_LESSON_STATE} characters each
 * @param tried      the "Try it" prompts ticked, by lesson id: their numbers, from 0 (at most 100 each)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(double width, double height, boolean maximized, String theme, double zoom,
                       String lastLesson, Map<String, String> lessons, Map<String, List<Integer>> tried) {

    /** The most characters of one lesson's remembered configuration (a painted 300 × 300 grid fits). */
    public static final int MAX_LESSON_STATE = 200_000;

    /** Settings that remember no lesson's configuration. */
    public Settings(double width, double height, boolean maximized, String theme, double zoom, String lastLesson) {
        this(width, height, maximized, theme, zoom, lastLesson, Map.of(), Map.of());
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Settings {
        width = clamp(width, 640, 10000, 1600);
        height = clamp(height, 480, 10000, 1000);
        theme = theme == null ? "light" : theme;
        zoom = clamp(zoom, 0.6, 2.5, 1.0);
        lastLesson = lastLesson == null ? "" : lastLesson;
        Map<String, String> kept = new TreeMap<>();
        if (lessons != null) {
            lessons.forEach((id, text) -> {
                if (id != null && text != null && text.length() <= MAX_LESSON_STATE) kept.put(id, text);
            });
        }
        lessons = Collections.unmodifiableMap(kept);
        Map<String, List<Integer>> ticks = new TreeMap<>();
        if (tried != null) {
            tried.forEach((id, list) -> {
                if (id == null || list == null) return;
                List<Integer> valid = list.stream().filter(i -> i != null && i >= 0 && i < 100).distinct().sorted().toList();
                if (!valid.isEmpty()) ticks.put(id, valid);
            });
        }
        tried = Collections.unmodifiableMap(ticks);
    }

    /** These settings with lesson {@code id}'s configuration remembered as {@code presetText}, or forgotten when null. */
    public Settings withLesson(String id, String presetText) {
        Map<String, String> next = new TreeMap<>(lessons);
        if (presetText == null) next.remove(id); else next.put(id, presetText);
        return new Settings(width, height, maximized, theme, zoom, lastLesson, next, tried);
    }

    /** These settings with lesson {@code id}'s ticked "Try it" prompts {@code ticks} (none forgets them). */
    public Settings withTried(String id, List<Integer> ticks) {
        Map<String, List<Integer>> next = new TreeMap<>(tried);
        if (ticks == null || ticks.isEmpty()) next.remove(id); else next.put(id, ticks);
        return new Settings(width, height, maximized, theme, zoom, lastLesson, lessons, next);
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

    /**
     * The settings read at start-up, and what the user must be told about them.
     *
     * @param settings what was read, or the defaults
     * @param problem  one or two sentences for the window: the file was broken (and where the broken copy
     *                 went), or the settings cannot be saved (and in which folder); empty when all is well
     */
    public record Loaded(Settings settings, Optional<String> problem) {
        public Loaded {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** How many numbered {@code .bad} copies to try before giving up on keeping another one. */
    private static final int MAX_BAD_COPIES = 1000;

    /** Reads {@code file}; a missing file gives the defaults, a broken one is moved aside. */
    public static Settings load(Path file) {
        return read(file).settings();
    }

    /**
     * Reads {@code file} like {@link #load}, and reports what went wrong: a broken file (moved aside to a
     * new {@code .bad} copy), and a folder where the settings cannot be written.
     */
    public static Loaded read(Path file) {
        List<String> problems = new ArrayList<>();
        Settings settings = defaults();
        if (Files.isRegularFile(file)) {
            try {
                settings = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Settings.class);
            } catch (IOException | RuntimeException e) {
                String kept;
                try {
                    kept = "the broken file was kept as " + moveAside(file).toAbsolutePath();
                } catch (IOException moveFailed) {
                    kept = "it could not be moved aside (" + describe(moveFailed) + ")";
                }
                problems.add("Settings file " + file.toAbsolutePath() + " could not be read (" + describe(e) + "); defaults are used, "
                        + kept + ".");
            }
        }
        cannotWrite(file).ifPresent(why -> problems.add("Settings will not be kept: cannot write to "
                + file.toAbsolutePath().getParent() + " (" + why + ")."));
        return new Loaded(settings, problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", problems)));
    }

    /** Moves {@code file} to the first free name of {@code NAME.bad}, {@code NAME.bad-2}, …; returns it. */
    static Path moveAside(Path file) throws IOException {
        for (int n = 1; n <= MAX_BAD_COPIES; n++) {
            Path bad = file.resolveSibling(file.getFileName() + (n == 1 ? ".bad" : ".bad-" + n));
            try {
                return Files.move(file, bad);                 // never REPLACE_EXISTING: keep every copy
            } catch (FileAlreadyExistsException taken) {
                // try the next number
            }
        }
        throw new IOException(MAX_BAD_COPIES + " broken copies are there already");
    }

    /**
     * Why a settings file cannot be saved at {@code file}, found by writing (and deleting) a temporary
     * file in its folder as {@link #save} would; empty when it can. Asking the file system for
     * permissions is not enough: it answers for the user, not for a read-only mount or a file that
     * stands where the folder should be.
     */
    static Optional<String> cannotWrite(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, "settings", ".tmp"));
            return Optional.empty();
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Optional.of(describe(e));
        }
    }

    /** A short reason: "permission denied", "not a directory", or the first line of the message. */
    private static String describe(Exception e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException f) return "a file is in the way: " + f.getFile();
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason().toLowerCase(Locale.ROOT);
        if (e instanceof JsonProcessingException j) {
            // Jackson's own message is several lines about its parser; the line is what helps.
            return j.getLocation() == null ? "not valid JSON" : "not valid JSON at line " + j.getLocation().getLineNr();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
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
