package org.mbrllab.lessons;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the catalog needs to know about the panes of this build: which exist, which numeric parameters
 * each declares, and whether it can read a preset file. The shell implements it from its pane registry;
 * the command line and the tests can use {@link #of} or {@link #any}.
 */
public interface PaneInfo {

    /** Whether a pane with this id exists in this build. Lessons for other panes are reported and left out. */
    boolean exists(String pane);

    /** The ids of this build's panes, for naming them when a lesson gives an unknown one; may be empty. */
    default List<String> names() {
        return List.of();
    }

    /**
     * Whether {@code key} of {@code pane} takes only whole numbers (a number of simulations, say), so that
     * a lesson's {@code parameters:} may not give it 2.5. False when the pane does not say.
     */
    default boolean wholeNumber(String pane, String key) {
        return false;
    }

    /**
     * What is wrong with a preset file of a lesson shown by {@code pane}, or empty when the pane reads it
     * (or does not check presets ahead of loading them). See {@link PresetCheck}.
     */
    default Optional<LessonProblem> presetProblem(String pane, PresetFile preset) {
        return Optional.empty();
    }

    /**
     * Declared numeric parameter keys with their allowed range {@code {min, max}}, for validating front
     * matter. An empty Optional means the pane does not say, and the catalog then accepts any numeric
     * parameter unchecked; an empty map means the pane has no parameters.
     */
    Optional<Map<String, double[]>> parameterRanges(String pane);

    /** Panes given as id → (parameter key → {min, max}). */
    static PaneInfo of(Map<String, Map<String, double[]>> panes) {
        Map<String, Map<String, double[]>> copy = Map.copyOf(panes);
        return new PaneInfo() {
            @Override
            public boolean exists(String pane) {
                return copy.containsKey(pane);
            }

            @Override
            public List<String> names() {
                return copy.keySet().stream().sorted().toList();
            }

            @Override
            public Optional<Map<String, double[]>> parameterRanges(String pane) {
                return Optional.ofNullable(copy.get(pane));
            }
        };
    }

    /** Every pane exists and no parameter is checked; for tools that only list lessons. */
    static PaneInfo any() {
        return new PaneInfo() {
            @Override
            public boolean exists(String pane) {
                return true;
            }

            @Override
            public Optional<Map<String, double[]>> parameterRanges(String pane) {
                return Optional.empty();
            }
        };
    }
}
