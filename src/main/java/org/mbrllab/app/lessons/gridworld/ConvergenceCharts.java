package org.mbrllab.app.lessons.gridworld;

import java.awt.BasicStroke;
import java.util.List;

import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Theme;

/**
 * The convergence charts: max|ΔV| per sweep on a log scale, and for policy iteration the number of
 * states whose greedy action set changed at each improvement. Datasets are changed on the FX thread
 * only, in batches ({@code setNotify(false)} … {@code true}).
 */
final class ConvergenceCharts extends VBox {

    /** Plotted in place of a zero change, which a log axis cannot show. */
    static final double FLOOR = 1e-16;

    private final XYSeries deltas = new XYSeries("max|ΔV|", false, true);
    private final XYSeries changes = new XYSeries("policy changes", false, true);
    private final JFreeChart deltaChart;
    private final JFreeChart changeChart;
    private final ChartViewer changeViewer;
    private final LogAxis logAxis = new LogAxis("max |ΔV|");

    ConvergenceCharts() {
        // 1. Datasets.
        XYSeriesCollection deltaData = new XYSeriesCollection(deltas);
        XYSeriesCollection changeData = new XYSeriesCollection(changes);
        // 2. Charts.
        NumberAxis sweepAxis = new NumberAxis("sweep");
        sweepAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        logAxis.setBase(10);
        logAxis.setSmallestValue(FLOOR);
        logAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(2));
        logAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesStroke(0, new BasicStroke(2f));
        line.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        line.setSeriesPaint(0, new java.awt.Color(0x21, 0x66, 0xac));
        XYPlot deltaPlot = new XYPlot(deltaData, sweepAxis, logAxis, line);
        deltaChart = new JFreeChart("Convergence", JFreeChart.DEFAULT_TITLE_FONT, deltaPlot, false);

        NumberAxis improvementAxis = new NumberAxis("improvement step");
        improvementAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis countAxis = new NumberAxis("states changed");
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYBarRenderer bars = new XYBarRenderer(0.2);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new java.awt.Color(0xb2, 0x18, 0x2b));
        XYPlot changePlot = new XYPlot(changeData, improvementAxis, countAxis, bars);
        changePlot.setOrientation(PlotOrientation.VERTICAL);
        changeChart = new JFreeChart("Policy changes per improvement", JFreeChart.DEFAULT_TITLE_FONT, changePlot, false);
        // 3. Nodes.
        ChartViewer deltaViewer = new ChartViewer(deltaChart);
        changeViewer = new ChartViewer(changeChart);
        deltaViewer.setId("convergence-chart");
        changeViewer.setId("policy-change-chart");
        for (ChartViewer v : new ChartViewer[]{deltaViewer, changeViewer}) {
            v.setMinSize(200, 120);
            VBox.setVgrow(v, Priority.ALWAYS);
        }
        getChildren().addAll(deltaViewer, changeViewer);
        showPolicyChanges(false);
    }

    void showPolicyChanges(boolean show) {
        changeViewer.setVisible(show);
        changeViewer.setManaged(show);
    }

    void setTheme(Theme theme, double fontSize) {
        ChartStyle.apply(deltaChart, theme, fontSize);
        ChartStyle.apply(changeChart, theme, fontSize);
    }

    /** Brings the series up to date with the snapshot's histories. */
    void update(List<Double> sweepDeltas, List<Integer> policyChanges) {
        sync(deltas, sweepDeltas, true);
        sync(changes, policyChanges, false);
        fitDecades();
    }

    /**
     * The log axis spans whole decades around the data, at least one, with a labelled tick at every decade
     * (every second one past six), so that the first sweeps, whose max|ΔV| stays within a decade, have
     * labelled ticks too.
     */
    private void fitDecades() {
        if (deltas.getItemCount() == 0) return;
        double min = deltas.getMinY();
        double max = deltas.getMaxY();
        int low = (int) Math.floor(Math.log10(min) + 1e-12);
        int high = (int) Math.ceil(Math.log10(max) - 1e-12);
        if (high <= low) high = low + 1;
        logAxis.setRange(Math.pow(10, low), Math.pow(10, high));
        logAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(high - low <= 6 ? 1 : 2));
    }

    /** The log axis (tests). */
    LogAxis valueAxis() {
        return logAxis;
    }

    private static void sync(XYSeries series, List<? extends Number> values, boolean log) {
        if (series.getItemCount() > values.size()) series.clear();
        if (series.getItemCount() == values.size()) return;
        series.setNotify(false);
        for (int i = series.getItemCount(); i < values.size(); i++) {
            double v = values.get(i).doubleValue();
            series.add(i + 1, log ? Math.max(FLOOR, v) : v);
        }
        series.setNotify(true);
    }

    /** The convergence chart's data as CSV: sweep, max|ΔV|. */
    static String convergenceCsv(List<Double> sweepDeltas) {
        StringBuilder sb = new StringBuilder("sweep,max_abs_delta_v\n");
        for (int i = 0; i < sweepDeltas.size(); i++) sb.append(i + 1).append(',').append(sweepDeltas.get(i)).append('\n');
        return sb.toString();
    }

    /** The policy-change chart's data as CSV: improvement step, states whose greedy actions changed. */
    static String policyChangesCsv(List<Integer> policyChanges) {
        StringBuilder sb = new StringBuilder("improvement,policy_changes\n");
        for (int i = 0; i < policyChanges.size(); i++) sb.append(i + 1).append(',').append(policyChanges.get(i)).append('\n');
        return sb.toString();
    }
}
