package org.mbrllab.app.lessons.mbplanning;

import java.awt.Color;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.Palette;
import org.mbrllab.engine.model.ComparisonTable;
import org.mbrllab.engine.model.MbrlSettings.Version;

/**
 * Real return per episode of V1 … V4: the mean over the seeds as a line, the lowest to highest seed as a
 * band; and, when the runs were evaluated on the fixed starts, the mean return from those starts as a
 * dotted line of the same colour (no band: it is the model's score, not the luck of the training start).
 */
final class ComparisonChart {

    private final YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    private final DeviationRenderer renderer = new DeviationRenderer(true, true);
    private final JFreeChart chart;
    private final ChartViewer viewer;

    ComparisonChart() {
        for (Version v : Version.values()) data.addSeries(new YIntervalSeries(v.toString(), false, true));
        for (Version v : Version.values()) data.addSeries(new YIntervalSeries(v.cliName().toUpperCase(java.util.Locale.ROOT)
                + " fixed starts", false, true));
        NumberAxis x = new NumberAxis("planning episode");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("real return");
        y.setAutoRangeIncludesZero(false);
        renderer.setAlpha(0.15f);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        chart = new JFreeChart("Real return per episode: mean and band over seeds", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Palette.solidGrid(chart);
        viewer = Palette.viewer(chart, "comparison-chart");
    }

    ChartViewer node() {
        return viewer;
    }

    /** Episodes with a mean for {@code v} (tests). */
    int points(Version v) {
        return data.getSeries(v.ordinal()).getItemCount();
    }

    /** Episodes with a mean return from the fixed starts for {@code v} (tests). */
    int evalPoints(Version v) {
        return data.getSeries(EVAL + v.ordinal()).getItemCount();
    }

    /** The first of the fixed-start series, one per version after the four real-return series. */
    private static final int EVAL = 4;

    void setTheme(Theme theme, double fontSize) {
        ChartStyle.apply(chart, theme, fontSize * 0.9);
        // Below the plot: inside, the legend would hide V4's line near the top.
        chart.removeLegend();
        chart.getXYPlot().clearAnnotations();
        // One legend entry per version, and one for what the dotted lines mean (not four more).
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        for (Version v : Version.values()) {
            org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(v.toString(), Palette.line(theme, v.ordinal()));
            item.setShape(new java.awt.Rectangle(-5, -5, 10, 10));
            items.add(item);
        }
        org.jfree.chart.LegendItem dotted = new org.jfree.chart.LegendItem("dotted: fixed starts", null, null, null,
                new java.awt.geom.Line2D.Double(-9, 0, 9, 0), DOTTED, ChartStyle.awt(theme.foreground()));
        items.add(dotted);
        chart.getXYPlot().setFixedLegendItems(items);
        org.jfree.chart.title.LegendTitle legend = new org.jfree.chart.title.LegendTitle(chart.getXYPlot());
        legend.setItemFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, (int) Math.round(fontSize * 0.85)));
        legend.setItemPaint(ChartStyle.awt(theme.foreground()));
        legend.setBackgroundPaint(ChartStyle.awt(theme.background()));
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        chart.addLegend(legend);
        for (Version v : Version.values()) {
            Color c = Palette.line(theme, v.ordinal());
            renderer.setSeriesPaint(v.ordinal(), c);
            renderer.setSeriesFillPaint(v.ordinal(), c);
            renderer.setSeriesStroke(v.ordinal(), Palette.solid(v == Version.V4 ? 3f : 2f));
            renderer.setSeriesShape(v.ordinal(), new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
            renderer.setSeriesPaint(EVAL + v.ordinal(), c);
            renderer.setSeriesFillPaint(EVAL + v.ordinal(), c);
            renderer.setSeriesStroke(EVAL + v.ordinal(), DOTTED);
            renderer.setSeriesShape(EVAL + v.ordinal(), new java.awt.geom.Path2D.Double(
                    new java.awt.Polygon(new int[] {0, 5, 0, -5}, new int[] {-5, 0, 5, 0}, 4)));
        }
    }

    void show(ComparisonTable t) {
        data.setNotify(false);
        for (Version v : Version.values()) {
            YIntervalSeries s = data.getSeries(v.ordinal());
            YIntervalSeries ev = data.getSeries(EVAL + v.ordinal());
            s.clear();
            ev.clear();
            if (t == null) continue;
            ComparisonTable.Band b = t.band(v);
            ComparisonTable.Band eb = t.evalBand(v);
            for (int e = 0; e < t.episodes(); e++) {
                if (b.seedsDone()[e] > 0) s.add(e + 1, b.mean()[e], b.low()[e], b.high()[e]);
                if (eb.seedsDone()[e] > 0) ev.add(e + 1, eb.mean()[e], eb.mean()[e], eb.mean()[e]);
            }
        }
        data.setNotify(true);
    }

    private static final java.awt.BasicStroke DOTTED = new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_ROUND,
            java.awt.BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 4f}, 0f);

    String csv() {
        StringBuilder sb = new StringBuilder("version,episode,mean,low,high\n");
        for (int i = 0; i < data.getSeriesCount(); i++) {
            YIntervalSeries s = data.getSeries(i);
            for (int j = 0; j < s.getItemCount(); j++) {
                String name = Version.values()[i % EVAL].cliName() + (i >= EVAL ? " fixed starts" : "");
                sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s%n", name, s.getX(j),
                        s.getYValue(j), s.getYLowValue(j), s.getYHighValue(j)));
            }
        }
        return sb.toString();
    }
}
