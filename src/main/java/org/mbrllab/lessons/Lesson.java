package org.mbrllab.lessons;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One lesson: its front matter, its Markdown text and its preset files, as read by {@link LessonCatalog}.
 *
 * @param id            unique id; the folder name unless the front matter says otherwise
 * @param title         shown in the navigator and above the text
 * @param part          which part of the course it belongs to
 * @param order         position within its part (smaller first)
 * @param pane          id of the pane that shows it
 * @param summary       one line for the navigator's tooltip; empty if none
 * @param presets       preset names in menu order; only presets whose file exists and, where the pane
 *                      checks its presets, reads without a problem
 * @param defaultPreset the preset loaded when the lesson opens; {@code null} when {@code presets} is empty
 * @param parameters    defaults for the pane's numeric parameters, in front-matter order
 * @param markdown      the text after the front matter
 * @param source        where {@code lesson.md} was read from, e.g. {@code lessons/dynamic-programming/lesson.md}
 *                      or an absolute path for an external lesson
 * @param presetFiles   every file of the {@code presets/} folder by name (listed or not)
 * @param dataFiles     the lesson's data tables ({@code *.csv} beside {@code lesson.md}) by file name, such as
 *                      the recorded V1–V4 comparison; an external lesson folder brings its own
 */
public record Lesson(String id, String title, Part part, int order, String pane, String summary,
                     List<String> presets, String defaultPreset, Map<String, Double> parameters,
                     String markdown, String source, Map<String, PresetFile> presetFiles,
                     Map<String, PresetFile> dataFiles) {

    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(pane, "pane");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(source, "source");
        presets = List.copyOf(presets);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        presetFiles = Collections.unmodifiableMap(new LinkedHashMap<>(presetFiles));
        dataFiles = dataFiles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dataFiles));
        if (defaultPreset != null && !presets.contains(defaultPreset)) {
            throw new IllegalArgumentException("default preset " + defaultPreset + " is not among " + presets);
        }
        if (defaultPreset == null && !presets.isEmpty()) {
            throw new IllegalArgumentException("default preset missing although presets are " + presets);
        }
    }

    /** The text of a preset file, if the lesson has one by that name. */
    public Optional<PresetFile> preset(String name) {
        return Optional.ofNullable(presetFiles.get(name));
    }
}
