package org.mbrllab.app.common.text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A lesson's "Try it" prompts ({@link TryItPrompts}) as a small checklist that floats over a corner of the
 * pane: a student ticks what they tried. Collapsed, it is one button, "Try it · 2 of 5"; expanded, the
 * list, with a button to collapse it. Ticks are reported to {@link #setOnTicked} so the shell can keep
 * them per lesson.
 */
public final class TryItChecklist extends VBox {

    private final Button toggle = new Button();
    private final VBox items = new VBox(6);
    private final ScrollPane scroller = new ScrollPane(items);
    private final List<CheckBox> boxes = new ArrayList<>();
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", false);
    private Consumer<BitSet> onTicked = ticks -> { };
    private final javafx.beans.property.DoubleProperty heightLimit = new javafx.beans.property.SimpleDoubleProperty(this, "heightLimit", 400);

    public TryItChecklist() {
        setId("try-it");
        getStyleClass().add("try-it");
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setFillWidth(true);
        toggle.setId("try-it-toggle");
        toggle.setFocusTraversable(false);
        toggle.setTooltip(new Tooltip("Show or hide the lesson's Try it prompts"));
        toggle.setOnAction(e -> expanded.set(!expanded.get()));
        items.setPadding(new Insets(4, 8, 6, 8));
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("try-it-list");
        VBox.setVgrow(scroller, Priority.ALWAYS);
        // As tall as its prompts, up to the height the shell allows (it scrolls beyond).
        scroller.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.min(items.heightProperty(), heightLimit));
        getChildren().add(scroller);
        expanded.addListener((obs, o, n) -> refresh());
        refresh();
    }

    /** Shows {@code prompts}, with {@code ticked} ticked; hides itself when there are none. */
    public void show(List<String> prompts, BitSet ticked) {
        boxes.clear();
        items.getChildren().clear();
        for (int i = 0; i < prompts.size(); i++) {
            CheckBox box = new CheckBox(prompts.get(i));
            box.setId("try-it-" + (i + 1));
            box.setWrapText(true);
            box.setFocusTraversable(false);
            box.setSelected(ticked.get(i));
            box.selectedProperty().addListener((obs, o, n) -> {
                refresh();
                onTicked.accept(ticks());
            });
            boxes.add(box);
            items.getChildren().add(box);
        }
        toggle.setVisible(!prompts.isEmpty());
        toggle.setManaged(!prompts.isEmpty());
        refresh();
    }

    /** Which prompts are ticked. */
    public BitSet ticks() {
        BitSet b = new BitSet();
        for (int i = 0; i < boxes.size(); i++) if (boxes.get(i).isSelected()) b.set(i);
        return b;
    }

    public void setOnTicked(Consumer<BitSet> handler) {
        onTicked = handler;
    }

    /** The tallest the list's viewport grows; taller lists scroll. */
    public javafx.beans.property.DoubleProperty heightLimitProperty() {
        return heightLimit;
    }

    /** The button that opens and closes the list and counts the ticks. */
    public Button toggleButton() {
        return toggle;
    }

    /** Whether the list is open (else only the button shows). */
    public BooleanProperty expandedProperty() {
        return expanded;
    }

    /** Widest the open list grows, in pixels (the shell keeps it to a corner of the figure). */
    public void setListWidth(double width) {
        scroller.setPrefWidth(width);
        items.setPrefWidth(width - 20);
    }

    private void refresh() {
        long done = boxes.stream().filter(CheckBox::isSelected).count();
        toggle.setText("Try it · " + done + " of " + boxes.size() + (expanded.get() ? "  ▾" : "  ▸"));
        setVisible(expanded.get() && !boxes.isEmpty());
    }

    /** The shown prompts' texts (tests). */
    List<String> shownPrompts() {
        return boxes.stream().map(CheckBox::getText).toList();
    }
}
