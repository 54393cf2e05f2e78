package org.mbrllab.app.common;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;

/**
 * A vertical line at one time on several charts that share a time axis: where a {@link Scrubber} holds the
 * run. Hidden (no marker on any plot) while the run is followed live. Call on the FX thread, like every
 * chart change.
 */
public final class TimeCursor {

    private final List<XYPlot> plots = new ArrayList<>();
    private final ValueMarker marker = new ValueMarker(0);
    private boolean shown;

    /** A cursor on the domain axes of {@code plots}. */
    public TimeCursor(List<XYPlot> plots) {
        this.plots.addAll(plots);
        restyle(Theme.LIGHT, 14);
    }

    /** Draws the line at {@code t} (seconds); NaN hides it. */
    public void show(double t) {
        if (Double.isNaN(t)) {
            hide();
            return;
        }
        if (shown && marker.getValue() == t) return;
        marker.setValue(t);
        if (!shown) {
            for (XYPlot p : plots) p.addDomainMarker(marker, Layer.FOREGROUND);
            shown = true;
        }
    }

    public void hide() {
        if (!shown) return;
        for (XYPlot p : plots) p.removeDomainMarker(marker, Layer.FOREGROUND);
        shown = false;
    }

    /** Whether the line is drawn, and where (NaN when hidden): for tests. */
    public double position() {
        return shown ? marker.getValue() : Double.NaN;
    }

    public void restyle(Theme theme, double fontSize) {
        marker.setPaint(ChartStyle.awt(theme.foreground()));
        marker.setStroke(new BasicStroke((float) Math.max(1.5, fontSize / 9)));
    }
}
