package org.mbrllab.lessons;

import java.util.Objects;

/**
 * One file of a lesson's {@code presets/} folder, read as text. The pane that shows the lesson parses it.
 *
 * @param name   the file name without its extension, as listed in the front matter's {@code presets}
 * @param source where it was read from, for error messages (a classpath-relative or absolute path)
 * @param text   the whole file, read as UTF-8
 */
public record PresetFile(String name, String source, String text) {
    public PresetFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
