package org.mbrllab.lessons;

import java.util.Optional;

/**
 * Whether a pane can read a preset file, decided without the pane itself (no toolkit, no window), so
 * that the catalogue can report a broken preset when it loads and the command line can check presets
 * too. A check must not change anything; it only parses.
 */
@FunctionalInterface
public interface PresetCheck {

    /** The pane does not check its presets; every file is offered and read only when picked. */
    PresetCheck NONE = preset -> Optional.empty();

    /**
     * The first thing wrong with {@code preset}'s text, located in {@code preset.source()}; empty when
     * the pane will read it.
     */
    Optional<LessonProblem> problem(PresetFile preset);
}
