package org.mbrllab.app.lessons.ensembles;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;

/**
 * The viridis colour map (van der Walt and Smith, matplotlib 2015) between two bounds: perceptually
 * uniform, ordered by lightness from dark purple to yellow, readable in grey and by colour-blind readers.
 * Eleven of its colours, interpolated linearly in RGB. Immutable; values outside the bounds take the end
 * colours.
 */
final class ViridisScale implements PaintScale {

    private static final int[] STOPS = {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884,
            0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};

    private final double lower;
    private final double upper;

    ViridisScale(double lower, double upper) {
        if (!(upper > lower)) throw new IllegalArgumentException("upper bound " + upper + " not above lower " + lower);
        this.lower = lower;
        this.upper = upper;
    }

    @Override public double getLowerBound() { return lower; }
    @Override public double getUpperBound() { return upper; }

    @Override
    public Paint getPaint(double value) {
        return colour(Double.isNaN(value) ? 0 : (value - lower) / (upper - lower));
    }

    /** The colour at fraction f ∈ [0, 1] of the map. */
    static Color colour(double f) {
        double t = Math.max(0, Math.min(1, f)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) t);
        double w = t - i;
        int a = STOPS[i];
        int b = STOPS[i + 1];
        return new Color(mix(a >> 16, b >> 16, w), mix(a >> 8, b >> 8, w), mix(a, b, w));
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round((a & 0xff) * (1 - w) + (b & 0xff) * w);
    }
}
