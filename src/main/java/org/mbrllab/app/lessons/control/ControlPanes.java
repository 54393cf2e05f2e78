package org.mbrllab.app.lessons.control;

import java.util.function.Function;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.mbrllab.engine.control.ControlSystem;

/** Small pieces the three control panes build their toolbars from. */
final class ControlPanes {
    private ControlPanes() {}

    static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-toolbar-label");
        return l;
    }

    static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : f.apply(t); }
            @Override public T fromString(String s) { throw new UnsupportedOperationException(); }
        };
    }

    /** The toolbar's system choice, bound both ways to {@code vm}'s. */
    static ChoiceBox<ControlSystem> systemChoice(ControlViewModel<?, ?> vm, String tooltip) {
        ChoiceBox<ControlSystem> box = new ChoiceBox<>();
        box.setId("system-choice");
        box.getItems().setAll(ControlSystem.values());
        box.setConverter(converter(ControlParameters::title));
        box.valueProperty().bindBidirectional(vm.systemProperty());
        box.setTooltip(new Tooltip(tooltip));
        return box;
    }
}
