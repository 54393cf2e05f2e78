package org.mbrllab.app.lessons.control;

import java.awt.BasicStroke;
import java.util.List;

import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.core.Format;
import org.mbrllab.app.common.Palette;

/**
 * The wall time of every MPC replan, with the real-time budget (one time step) as a line: a planner that
 * stays under it could run on the real system.
 */
final class ReplanChart extends StackPane {

    private final XYSeries times = new XYSeries("replan", false, true);
    private final JFreeChart chart;
    private final ValueMarker budget = new ValueMarker(20);
    private final LogAxis axis;
    private int plotted;
    private double low = Double.POSITIVE_INFINITY;
    private double high;
    private double shownBudget = Double.NaN;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;

    ReplanChart() {
        NumberAxis step = new NumberAxis("step");
        step.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LogAxis ms = new LogAxis("replan wall time (ms, log scale)");
        ms.setBase(10);
        ms.setSmallestValue(1e-4);
        ms.setNumberFormatOverride(new java.text.DecimalFormat("0.####"));
        ms.setAutoRange(false);
        this.axis = ms;
        XYPlot plot = new XYPlot(new XYSeriesCollection(times), step, ms, Palette.lines());
        plot.addRangeMarker(budget);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartViewer viewer = Palette.viewer(chart, "replan-chart");
        getChildren().add(viewer);
    }

    /**
     * Brings the series up to date with {@code millis} (every replan so far); {@code budgetMillis} is one time
     * step. The log axis always includes the budget, so a planner far under it (iLQR) and one near it (CEM
     * with many samples) both read at a glance.
     */
    void show(List<Double> millis, double budgetMillis) {
        if (millis.size() < plotted) {
            times.clear();
            plotted = 0;
            low = Double.POSITIVE_INFINITY;
            high = 0;
        }
        if (millis.size() == plotted && budgetMillis == shownBudget) return;
        chart.setNotify(false);
        if (budgetMillis != shownBudget) {
            shownBudget = budgetMillis;
            budget.setValue(budgetMillis);
            budget.setLabel("real-time budget: one step, " + Format.number(budgetMillis) + " ms");
        }
        times.setNotify(false);
        for (int i = plotted; i < millis.size(); i++) {
            double v = Math.max(1e-4, millis.get(i));
            times.add(i + 1, v, false);
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        times.setNotify(true);
        plotted = millis.size();
        double lo = Math.min(Double.isFinite(low) ? low : budgetMillis, budgetMillis);
        double hi = Math.max(high, budgetMillis);
        axis.setRange(lo / 2, hi * 3);
        chart.setNotify(true);
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        ChartStyle.apply(chart, theme, fontSize);
        Palette.solidGrid(chart);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        r.setSeriesPaint(0, Palette.line(theme, 0));
        r.setSeriesStroke(0, Palette.solid((float) Math.max(1.5, fontSize / 9)));
        budget.setPaint(ChartStyle.awt(theme.muted()));
        budget.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f));
        budget.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, (int) Math.round(fontSize * 0.8)));
        budget.setLabelPaint(ChartStyle.awt(theme.foreground()));
        budget.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        budget.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    }
}
