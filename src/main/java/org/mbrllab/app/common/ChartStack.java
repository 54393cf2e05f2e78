package org.mbrllab.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Charts stacked one above the other while each gets at least {@value #MIN_CHART_HEIGHT} px, and shown
 * one at a time behind a row of buttons when they would be shorter (a projector at 1280 × 800): a chart
 * squashed to a strip shows nothing, one at the full height stays legible. A chart can be left out
 * ({@link #setShown}), such as the priors of a search without a network.
 */
public final class ChartStack extends VBox {

    /** The shortest a chart is drawn; below it the charts take turns. */
    public static final double MIN_CHART_HEIGHT = 160;
    private static final double SPACING = 4;

    private final List<Node> charts;
    private final boolean[] shown;
    private final HBox buttons = new HBox(4);
    private final ToggleGroup choice = new ToggleGroup();
    private Consumer<Boolean> onArrange = oneAtATime -> { };
    private boolean oneAtATime;

    /**
     * @param charts   the charts, top first
     * @param names    a short name per chart, for its button ("Visits N", "state")
     * @param idPrefix the buttons' ids are {@code idPrefix + "-tab-" + i}
     */
    public ChartStack(List<? extends Node> charts, List<String> names, String idPrefix) {
        if (charts.size() != names.size()) throw new IllegalArgumentException(charts.size() + " charts but " + names.size() + " names");
        this.charts = new ArrayList<>(charts);
        this.shown = new boolean[charts.size()];
        java.util.Arrays.fill(shown, true);
        setSpacing(SPACING);
        for (int i = 0; i < charts.size(); i++) {
            ToggleButton b = new ToggleButton(names.get(i));
            b.setId(idPrefix + "-tab-" + i);
            b.setToggleGroup(choice);
            b.setFocusTraversable(false);
            b.setUserData(i);
            buttons.getChildren().add(b);
            VBox.setVgrow(charts.get(i), Priority.ALWAYS);
        }
        choice.selectToggle(choice.getToggles().get(0));
        choice.selectedToggleProperty().addListener((obs, before, now) -> {
            if (now == null) before.setSelected(true);
            else arrange();
        });
        buttons.setAlignment(Pos.CENTER);
        buttons.setPadding(new Insets(2, 0, 0, 0));
        setMinSize(0, 0);
        getChildren().add(buttons);
        getChildren().addAll(charts);
        heightProperty().addListener((obs, before, now) -> arrange());
        arrange();
    }

    /** Shows or leaves out chart {@code i} (and its button). */
    public void setShown(int i, boolean on) {
        if (shown[i] == on) return;
        shown[i] = on;
        arrange();
    }

    /** Whether chart {@code i} is one of the charts (not left out), whether or not it is its turn. */
    public boolean isShown(int i) {
        return shown[i];
    }

    /** Whether the charts take turns behind the buttons. */
    public boolean oneAtATime() {
        return oneAtATime;
    }

    /** Picks chart {@code i} to show while the charts take turns. */
    public void select(int i) {
        choice.selectToggle(choice.getToggles().get(i));
    }

    /** Called after every change of arrangement with whether the charts take turns (to label a shared axis on each). */
    public void setOnArrange(Consumer<Boolean> handler) {
        onArrange = handler;
        handler.accept(oneAtATime);
    }

    private void arrange() {
        int count = 0;
        for (boolean s : shown) if (s) count++;
        boolean turns = count > 1 && getHeight() > 0 && getHeight() < MIN_CHART_HEIGHT * count + SPACING * (count - 1);
        int selected = (Integer) choice.getSelectedToggle().getUserData();
        if (!shown[selected]) {
            for (int i = 0; i < shown.length; i++) {
                if (shown[i]) {
                    select(i); // arranges again
                    return;
                }
            }
        }
        buttons.setVisible(turns);
        buttons.setManaged(turns);
        for (int i = 0; i < charts.size(); i++) {
            buttons.getChildren().get(i).setVisible(shown[i]);
            buttons.getChildren().get(i).setManaged(shown[i]);
            boolean visible = shown[i] && (!turns || i == selected);
            charts.get(i).setVisible(visible);
            charts.get(i).setManaged(visible);
        }
        boolean changed = turns != oneAtATime;
        oneAtATime = turns;
        if (changed) onArrange.accept(turns);
    }
}
