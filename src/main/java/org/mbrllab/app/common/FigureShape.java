package org.mbrllab.app.common;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * Layouts that follow the shape of the space a pane gets, so that its main drawing stays as large as it
 * can on a projector (1280 × 800 with the side panels, or the whole width with View ▸ Figure only, F9).
 */
public final class FigureShape {
    /** A region at least this many times as wide as it is high counts as wide. */
    public static final double WIDE_RATIO = 1.6;
    /** Below this many lines of body text (the pane's height over the font size) a pane is short. */
    public static final double SHORT_EMS = 36;

    private FigureShape() {
    }

    /**
     * Two nested split panes that turn with the shape of {@code region}: {@code outer} holds the main
     * drawing and {@code inner}, which holds the rest.
     * <ul>
     *   <li>tall: {@code outer} stacks the drawing and {@code inner}, whose items sit side by side;</li>
     *   <li>wide: the drawing beside {@code inner}, whose items are stacked, so that the drawing gets
     *       the full height.</li>
     * </ul>
     * The region's size does not depend on the arrangement inside it, so the switch cannot oscillate.
     */
    public static final class Turning {
        private final SplitPane outer;
        private final SplitPane inner;
        private final double wideDivider;
        private double tallDivider;
        private boolean wide;

        /**
         * @param tallDivider the outer divider when tall (the first item's share of the height)
         * @param wideDivider the outer divider when wide (the first item's share of the width)
         */
        public Turning(Region region, SplitPane outer, SplitPane inner, double tallDivider, double wideDivider) {
            this.outer = outer;
            this.inner = inner;
            this.tallDivider = tallDivider;
            this.wideDivider = wideDivider;
            Runnable check = () -> {
                double w = region.getWidth();
                double h = region.getHeight();
                if (w > 0 && h > 0) setWide(w >= WIDE_RATIO * h);
            };
            region.widthProperty().addListener((obs, o, n) -> check.run());
            region.heightProperty().addListener((obs, o, n) -> check.run());
        }

        private void setWide(boolean on) {
            if (on == wide) return;
            wide = on;
            outer.setOrientation(on ? Orientation.HORIZONTAL : Orientation.VERTICAL);
            inner.setOrientation(on ? Orientation.VERTICAL : Orientation.HORIZONTAL);
            inner.setDividerPositions(0.5);
            outer.setDividerPositions(on ? wideDivider : tallDivider);
        }

        public boolean isWide() {
            return wide;
        }

        /** A new tall divider (a short pane gives its drawing more of the height), applied if tall now. */
        public void setTallDivider(double divider) {
            tallDivider = divider;
            if (!wide) outer.setDividerPositions(divider);
        }
    }

    /**
     * Makes {@code strip} (a pane's row of tools) compact whenever {@code pane} is shorter than
     * {@value #SHORT_EMS} lines of body text: a smaller font and less padding. {@code alsoDo} hears every
     * switch (true for short). The pane's height does not depend on the strip's, so the switch cannot
     * oscillate.
     */
    public static void followHeight(Region pane, Region strip, Appearance appearance, Consumer<Boolean> alsoDo) {
        Runnable check = () -> {
            double h = pane.getHeight();
            if (h <= 0) return;
            boolean on = h < SHORT_EMS * appearance.fontSize();
            strip.setStyle(on ? "-fx-font-size: 0.8em;" : "");
            strip.setPadding(on ? new Insets(3, 6, 3, 6) : new Insets(6, 8, 6, 8));
            alsoDo.accept(on);
        };
        pane.heightProperty().addListener((obs, o, n) -> check.run());
        appearance.fontSizeProperty().addListener((obs, o, n) -> check.run());
    }
}
