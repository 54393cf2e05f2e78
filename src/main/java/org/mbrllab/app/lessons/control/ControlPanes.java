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

    /**
     * Height the chart tabs below a control pane's animation keep, when the figure allows: the tab
     * header, the chart buttons of a {@link org.mbrllab.app.common.ChartStack} and one chart of 160 px.
     */
    static final double CHART_TABS_HEIGHT = 265;

    /**
     * Splits {@code figure} (the animation above, the chart tabs below) at {@code share} of its height, or
     * higher up when that would leave the tabs less than {@link #CHART_TABS_HEIGHT} (a projector at
     * 1280 × 800), keeping at least a quarter for the animation. Re-placed whenever the figure's height changes.
     */
    static void splitKeepingChartsTall(javafx.scene.control.SplitPane figure, double share) {
        Runnable place = () -> {
            double h = figure.getHeight();
            double position = h <= 0 ? share : Math.max(0.25, Math.min(share, 1 - CHART_TABS_HEIGHT / h));
            figure.setDividerPositions(position);
        };
        figure.heightProperty().addListener((obs, o, n) -> place.run());
        place.run();
    }

    static Label label(String text) {
        return org.mbrllab.app.common.PaneControls.label(text);
    }

    static <T> StringConverter<T> converter(Function<T, String> f) {
        return org.mbrllab.app.common.PaneControls.converter(f);
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
