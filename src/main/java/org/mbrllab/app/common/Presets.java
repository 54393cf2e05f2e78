package org.mbrllab.app.common;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A pane's capability to save its configuration as a preset file and to open one (File › Save preset…,
 * Open preset…, and the lesson's Preset menu). A pane without it leaves those menu items greyed out.
 */
public interface Presets {

    /** The file extension, without the dot ("grid", "mcts" …). */
    String extension();

    /** The current configuration as preset text. */
    String save();

    /**
     * Loads preset text (a file the student saved or a lecturer wrote).
     *
     * @throws IllegalArgumentException with a message naming the source, the line and the problem; the
     *                                  pane is left as it was
     */
    void load(String text, String source);

    static Presets of(String extension, Supplier<String> save, BiConsumer<String, String> load) {
        return new Presets() {
            @Override public String extension() { return extension; }
            @Override public String save() { return save.get(); }
            @Override public void load(String text, String source) { load.accept(text, source); }
        };
    }
}
