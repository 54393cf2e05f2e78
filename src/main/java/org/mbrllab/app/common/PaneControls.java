package org.mbrllab.app.common;

import java.util.function.Function;

import javafx.scene.control.Label;
import javafx.util.StringConverter;

/** The small pieces every pane's tool strip uses: its labels and the names its choice boxes show. */
public final class PaneControls {
    private PaneControls() {}

    /** A label in a pane's tool strip ("Step", "Maze"), styled as the others. */
    public static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-toolbar-label");
        return l;
    }

    /** Shows each choice by {@code name}; the choice boxes never parse text back. */
    public static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : name.apply(t); }
            @Override public T fromString(String s) { throw new UnsupportedOperationException(); }
        };
    }
}
