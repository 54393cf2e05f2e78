package org.mbrllab.app.lessons.control;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.control.AttractionSweep;
import org.mbrllab.app.common.Palette;

/**
 * The region-of-attraction sweep: one bar per initial angle, green where the linear controller brings the
 * nonlinear plant back to upright, red where the pole falls, and a sentence with the caught range.
 */
final class AttractionChart extends VBox {

    private final XYSeries caught = new XYSeries("caught", true, false);
    private final XYSeries falls = new XYSeries("falls", true, false);
    private final JFreeChart chart;
    private final Label summary = new Label();
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private AttractionSweep.Snapshot shown;

    AttractionChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(caught);
        data.addSeries(falls);
        data.setIntervalWidth(1.0);
        NumberAxis angle = new NumberAxis("initial angle θ₀ (°)");
        NumberAxis none = new NumberAxis();
        none.setRange(0, 1);
        none.setVisible(false);
        XYBarRenderer bars = new XYBarRenderer(0.0);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        XYPlot plot = new XYPlot(data, angle, none, bars);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        ChartViewer viewer = Palette.viewer(chart, "attraction-chart");
        VBox.setVgrow(viewer, Priority.ALWAYS);
        summary.setId("attraction-summary");
        summary.setWrapText(true);
        summary.setPadding(new Insets(4, 8, 0, 8));
        summary.setText("Press “Sweep θ₀” to start the closed loop from every initial angle and see which ones the "
                + "linear controller brings back to upright on the nonlinear plant.");
        getChildren().addAll(summary, viewer);
    }

    /** Shows a sweep's results so far; null clears. */
    void show(AttractionSweep.Snapshot s, String controlName) {
        if (s == shown) return;
        shown = s;
        chart.setNotify(false);
        caught.clear();
        falls.clear();
        if (s != null) {
            for (int i = 0; i < s.done(); i++) {
                (s.outcome()[i] == 1 ? caught : falls).add(s.anglesDegrees()[i], 1, false);
            }
            double lo = s.anglesDegrees()[0];
            double hi = s.anglesDegrees()[s.anglesDegrees().length - 1];
            ((NumberAxis) chart.getXYPlot().getDomainAxis()).setRange(lo - 1, hi + 1);
        }
        caught.fireSeriesChanged();
        falls.fireSeriesChanged();
        chart.setNotify(true);
        summary.setText(sentence(s, controlName));
    }

    /** The sweep in words: how far it got, and which range around upright is caught. */
    static String sentence(AttractionSweep.Snapshot s, String controlName) {
        if (s == null) {
            return "Press “Sweep θ₀” to start the closed loop from every initial angle and see which ones the "
                    + "linear controller brings back to upright on the nonlinear plant.";
        }
        if (!s.problem().isEmpty()) return s.problem();
        String limit = s.limited() ? "with the " + controlName + " limit" : "with no " + controlName + " limit";
        if (!s.finished()) return "Sweeping " + limit + ": " + s.done() + " of " + s.anglesDegrees().length + " angles …";
        double[] range = s.caughtAroundZero();
        if (range == null) return "Not even θ₀ = 0 settles " + limit + ".";
        int caughtCount = 0;
        for (int o : s.outcome()) if (o == 1) caughtCount++;
        return "Caught from θ₀ = " + Format.number(range[0]) + "° to " + Format.number(range[1]) + "° " + limit
                + " (" + caughtCount + " of " + s.anglesDegrees().length + " angles settle within "
                + Format.number(AttractionSweep.SETTLE_SECONDS) + " s).";
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        ChartStyle.apply(chart, theme, fontSize);
        Palette.solidGrid(chart);
        // Axis-aligned bars: without anti-aliasing neighbours meet without hairline gaps.
        chart.setAntiAlias(false);
        XYBarRenderer r = (XYBarRenderer) chart.getXYPlot().getRenderer();
        r.setSeriesPaint(0, theme == Theme.DARK ? new java.awt.Color(0x3d, 0xdc, 0x97) : new java.awt.Color(0x1b, 0x7f, 0x2a));
        r.setSeriesPaint(1, theme == Theme.DARK ? new java.awt.Color(0xff, 0x7b, 0x6b) : new java.awt.Color(0xc6, 0x28, 0x28));
    }

    String csv() {
        if (shown == null) return "";
        StringBuilder sb = new StringBuilder("theta0_degrees,caught\n");
        for (int i = 0; i < shown.done(); i++) {
            sb.append(Format.number(shown.anglesDegrees()[i])).append(',').append(shown.outcome()[i] == 1).append('\n');
        }
        return sb.toString();
    }

    String summaryText() {
        return summary.getText();
    }
}
