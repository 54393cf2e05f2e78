package org.mbrllab.app.common;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the shell hands a pane when it opens a lesson: the lesson's presets (as text, so a pane never
 * reads files itself) and its parameter defaults.
 *
 * @param lessonId          the lesson being shown
 * @param presets           the presets in menu order
 * @param defaultPreset     the preset to load first, or empty
 * @param parameterDefaults values from the lesson's front matter, already range-checked
 * @param openLesson        opens another lesson by id (a pane may link to lessons)
 * @param dataFiles         the lesson's data tables by file name ({@code comparison.csv} …), found through the
 *                          lesson catalogue, so that an external lesson folder brings its own; and the files of
 *                          {@code presets/} that are not in the menu as {@code presets/NAME} (the Dyna lesson's
 *                          {@code blocking-changed}, the walls its maze changes to)
 */
public record PaneContext(String lessonId, List<Preset> presets, String defaultPreset,
                          Map<String, Double> parameterDefaults, Consumer<String> openLesson,
                          Map<String, Preset> dataFiles) {

    /** A named preset: its text and where it came from (for error messages). */
    public record Preset(String name, String source, String text) {}

    /** A context with no data files. */
    public PaneContext(String lessonId, List<Preset> presets, String defaultPreset, Map<String, Double> parameterDefaults,
                       Consumer<String> openLesson) {
        this(lessonId, presets, defaultPreset, parameterDefaults, openLesson, Map.of());
    }

    /** A context whose pane links nowhere. */
    public PaneContext(String lessonId, List<Preset> presets, String defaultPreset, Map<String, Double> parameterDefaults) {
        this(lessonId, presets, defaultPreset, parameterDefaults, id -> { });
    }

    public PaneContext {
        openLesson = openLesson == null ? id -> { } : openLesson;
        presets = List.copyOf(presets);
        parameterDefaults = Map.copyOf(parameterDefaults);
        defaultPreset = defaultPreset == null ? "" : defaultPreset;
        dataFiles = dataFiles == null ? Map.of() : Map.copyOf(dataFiles);
    }

    public Optional<Preset> preset(String name) {
        return presets.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
