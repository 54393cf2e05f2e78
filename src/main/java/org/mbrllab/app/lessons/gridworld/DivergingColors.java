package org.mbrllab.app.lessons.gridworld;

import javafx.scene.paint.Color;

/**
 * A colour-blind-safe diverging map (ColorBrewer's RdBu, 5 anchors): negative values red, zero
 * near-white, positive values blue. Red–blue stays distinguishable under the common forms of colour
 * blindness, unlike red–green.
 */
final class DivergingColors {
    private DivergingColors() {}

    private static final Color[] ANCHORS = {
        Color.web("#b2182b"), Color.web("#ef8a62"), Color.web("#f7f7f7"), Color.web("#67a9cf"), Color.web("#2166ac")
    };

    /** The colour of {@code value} on a scale from −scale to +scale (clamped). */
    static Color color(double value, double scale) {
        if (!Double.isFinite(value)) return Color.GRAY;
        double t = scale <= 0 ? 0.5 : 0.5 + 0.5 * Math.max(-1, Math.min(1, value / scale));
        double x = t * (ANCHORS.length - 1);
        int i = Math.min(ANCHORS.length - 2, (int) Math.floor(x));
        return ANCHORS[i].interpolate(ANCHORS[i + 1], x - i);
    }

    /** Black or white, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        double l = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return l > 0.5 ? Color.BLACK : Color.WHITE;
    }
}
