package org.mbrllab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mbrllab.lessons.Lesson;
import org.mbrllab.lessons.LessonCatalog;
import org.mbrllab.lessons.PaneInfo;
import org.mbrllab.lessons.PresetFile;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Files of a lesson, found through the lesson catalogue as the app finds them: the bundled lessons, and
 * those of {@code --lessons DIR}, which replace bundled lessons with the same id. So
 * {@code --lessons DIR} changes what {@code gridworld --preset NAME} reads, exactly as it changes the
 * presets the app's grid-world pane offers. Without {@code --lessons} these are the bundled files
 * ({@code lessons/dynamic-programming/presets/*.grid} on the classpath), as before.
 */
final class LessonFiles {

    /** The pane whose lessons hold the grid-world presets. */
    static final String GRIDWORLD_PANE = "gridworld";
    private static final String GRID_SUFFIX = ".grid";

    private final Path external;
    private LessonCatalog catalog;

    /** @param external the folder of {@code --lessons}, or null for the bundled lessons only */
    LessonFiles(Path external) {
        this.external = external;
    }

    /** The lesson files of this run: with the {@code --lessons} of the top-level command, if given. */
    static LessonFiles of(CommandSpec spec) {
        Object top = spec.root().userObject();
        return new LessonFiles(top instanceof Cli.Top t ? t.lessons : null);
    }

    /** Whether {@code --lessons} was given. */
    boolean external() {
        return external != null;
    }

    /** The grid presets by name (file name without {@code .grid}), sorted; the first lesson holding a name wins. */
    Map<String, PresetFile> gridPresets() {
        Map<String, PresetFile> presets = new TreeMap<>();
        for (Lesson lesson : catalog().lessons()) {
            if (!lesson.pane().equals(GRIDWORLD_PANE)) continue;
            lesson.presetFiles().forEach((name, file) -> {
                if (file.source().endsWith(GRID_SUFFIX)) presets.putIfAbsent(name, file);
            });
        }
        return presets;
    }

    /**
     * The grid preset {@code name}.
     *
     * @throws Cli.UsageError for an unknown name, listing the known ones
     */
    PresetFile gridPreset(String name) {
        Map<String, PresetFile> presets = gridPresets();
        PresetFile file = presets.get(name);
        if (file == null) {
            throw new Cli.UsageError("unknown preset '" + name + "' (available: " + String.join(", ", presets.keySet()) + ")");
        }
        return file;
    }

    /** The pane whose lessons hold the Dyna mazes. */
    static final String DYNA_PANE = "dyna";

    /**
     * The text of the Dyna maze file {@code name} (without {@code .grid}, such as {@code blocking-changed}),
     * from the first lesson of the {@code dyna} pane that has it.
     *
     * @throws IllegalArgumentException if no Dyna lesson has that file
     */
    String mazeText(String name) {
        for (Lesson lesson : catalog().lessons()) {
            if (!lesson.pane().equals(DYNA_PANE)) continue;
            PresetFile file = lesson.presetFiles().get(name);
            if (file != null && file.source().endsWith(GRID_SUFFIX)) return file.text();
        }
        throw new IllegalArgumentException("no Dyna lesson has the maze file " + name + GRID_SUFFIX);
    }

    /** The preset names, for messages. */
    List<String> gridPresetNames() {
        return List.copyOf(gridPresets().keySet());
    }

    private LessonCatalog catalog() {
        if (catalog == null) {
            if (external != null && !Files.isDirectory(external)) {
                throw new Cli.UsageError("--lessons " + external + ": no such folder");
            }
            catalog = LessonCatalog.load(Optional.ofNullable(external), PaneInfo.any());
        }
        return catalog;
    }
}
