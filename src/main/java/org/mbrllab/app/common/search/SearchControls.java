package org.mbrllab.app.common.search;

import java.util.function.Function;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.Property;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Side;

/**
 * The controls the MCTS and AlphaZero panes both set up: the game choice, the choice of the side the
 * search plays, the strip above the search figure, and their labels. Each pane keeps its own ids and
 * tooltips.
 */
public final class SearchControls {

    private SearchControls() {}

    /** Sets up {@code choice} ("game-choice") to choose the game of {@code game}. */
    public static void gameChoice(ChoiceBox<Game> choice, Property<Game> game, String tooltip) {
        choice.setId("game-choice");
        choice.getItems().setAll(Game.values());
        choice.setConverter(converter(Game::displayName));
        choice.valueProperty().bindBidirectional(game);
        choice.setTooltip(new Tooltip(tooltip));
    }

    /** A choice of X or O that follows {@code side} both ways. */
    public static ChoiceBox<Integer> sideChoice(String id, IntegerProperty side, String tooltip) {
        ChoiceBox<Integer> choice = new ChoiceBox<>();
        choice.setId(id);
        choice.getItems().setAll(Side.X, Side.O);
        choice.setConverter(converter(Side::name));
        choice.setValue(side.get());
        choice.valueProperty().addListener((obs, o, n) -> { if (n != null) side.set(n); });
        side.addListener((obs, o, n) -> choice.setValue(n.intValue()));
        choice.setTooltip(new Tooltip(tooltip));
        return choice;
    }

    /** A wrapping row of controls above the search figure. */
    public static FlowPane strip(Node... nodes) {
        FlowPane strip = new FlowPane(10, 6, nodes);
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setPadding(new Insets(6, 8, 6, 8));
        return strip;
    }

    /** A label in a pane's tool strip. */
    public static Label label(String text) {
        return org.mbrllab.app.common.PaneControls.label(text);
    }

    /** Shows a choice's items by {@code name}; the choices are never typed in. */
    public static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : name.apply(t); }
            @Override public T fromString(String s) { throw new UnsupportedOperationException(); }
        };
    }
}
