package org.mbrllab.app.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

import org.mbrllab.app.common.Theme;

/**
 * Line colours and strokes for the control charts: the Okabe–Ito colours, told apart by people with
 * colour-blindness and readable on the light, dark and projector backgrounds; lighter variants on dark.
 */
public final class Palette {
    private Palette() {}

    private static final String[] LIGHT = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};
    private static final String[] DARK = {"#56B4E9", "#FF8A4C", "#3DDC97", "#E7A3CB", "#F0C050", "#9AD3F5"};

    /**
     * A renderer that draws lines without markers, each series as one path: far fewer drawing calls than
     * a segment per point, which keeps the charts cheap enough to repaint beside a 60 fps animation.
     */
    public static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    /**
     * Solid grid lines instead of JFreeChart's dotted ones: the software renderer strokes dashes piece by
     * piece, and dotted grids made the charts' repaints the costliest part of a frame.
     */
    public static void solidGrid(org.jfree.chart.JFreeChart chart) {
        if (chart.getPlot() instanceof org.jfree.chart.plot.XYPlot plot) {
            plot.setDomainGridlineStroke(new BasicStroke(0.75f));
            plot.setRangeGridlineStroke(new BasicStroke(0.75f));
        }
    }

    /**
     * A chart node without tooltips and without the per-point entities JFreeChart collects for them: those
     * entities made every repaint allocate megabytes (a shape per plotted point), and the collector's
     * pauses cost frames.
     */
    public static org.jfree.chart.fx.ChartViewer viewer(org.jfree.chart.JFreeChart chart, String id) {
        if (chart.getPlot() instanceof org.jfree.chart.plot.XYPlot plot) {
            for (int i = 0; i < plot.getRendererCount(); i++) {
                if (plot.getRenderer(i) instanceof org.jfree.chart.renderer.AbstractRenderer r) r.setDefaultCreateEntities(false);
            }
        }
        // Room on the right for the last tick label of the time axis.
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 14));
        org.jfree.chart.fx.ChartViewer v = new org.jfree.chart.fx.ChartViewer(chart);
        v.getCanvas().setTooltipEnabled(false);
        v.setId(id);
        v.setMinSize(160, 90);
        return v;
    }

    /**
     * Puts {@code chart}'s legend inside its plot, in the top right corner, on a translucent background, so
     * that stacked charts keep the same plot width and their time axes line up. Replaces any legend.
     */
    public static void insideLegend(org.jfree.chart.JFreeChart chart, org.mbrllab.app.common.Theme theme, double fontSize) {
        insideLegend(chart, theme, fontSize, false);
    }

    /**
     * The legend inside the plot, at the top right or, with {@code bottom}, at the bottom right: for curves
     * that climb to the top of the plot (returns that approach their best), where a top legend would hide them.
     */
    public static void insideLegend(org.jfree.chart.JFreeChart chart, org.mbrllab.app.common.Theme theme, double fontSize,
                                    boolean bottom) {
        chart.removeLegend();
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        plot.clearAnnotations();
        org.jfree.chart.title.LegendTitle legend = new org.jfree.chart.title.LegendTitle(plot);
        legend.setItemFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, (int) Math.round(fontSize * 0.75)));
        legend.setItemPaint(org.mbrllab.app.common.ChartStyle.awt(theme.foreground()));
        javafx.scene.paint.Color bg = theme.background();
        legend.setBackgroundPaint(new Color((float) bg.getRed(), (float) bg.getGreen(), (float) bg.getBlue(), 0.8f));
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        org.jfree.chart.annotations.XYTitleAnnotation a = new org.jfree.chart.annotations.XYTitleAnnotation(0.995,
                bottom ? 0.02 : 0.98, legend,
                bottom ? org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT : org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        a.setMaxWidth(0.9);
        plot.addAnnotation(a);
    }

    /** The i-th line colour for {@code theme}. */
    public static Color line(Theme theme, int i) {
        String[] set = theme == Theme.DARK ? DARK : LIGHT;
        return Color.decode(set[Math.floorMod(i, set.length)]);
    }

    /** A solid line, {@code width} px wide. */
    public static Stroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed line, for the second of two runs (open loop beside MPC). */
    public static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {3 * width, 2 * width}, 0f);
    }
}
