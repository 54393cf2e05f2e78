package org.mbrllab.app.lessons.dreamer;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Palette;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.dreamer.TrainingCurve;

/**
 * The agent's real return per episode against environment steps, beside what random torques return, as
 * the file's training curve records them ({@link TrainingCurve}); a note instead when the file has none.
 */
final class CurveChart {
    private final XYSeries returns = new XYSeries("real return per episode", false, true);
    private final XYSeries random = new XYSeries("random policy", false, true);
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final Label none = new Label();
    private final StackPane node;
    private TrainingCurve shown;

    CurveChart() {
        data.addSeries(returns);
        data.addSeries(random);
        NumberAxis x = new NumberAxis("environment steps");
        NumberAxis y = new NumberAxis("return per episode");
        y.setAutoRangeIncludesZero(false);
        y.setUpperMargin(0.08);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        chart = new JFreeChart("Real return while training", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Palette.solidGrid(chart);
        viewer = Palette.viewer(chart, "dreamer-curve-chart");
        none.setId("dreamer-curve-none");
        none.setWrapText(true);
        none.setAlignment(Pos.CENTER);
        node = new StackPane(viewer, none);
        node.setMinSize(240, 200);
        show(null, "no training curve in this file");
    }

    StackPane node() {
        return node;
    }

    void show(TrainingCurve c, String note) {
        shown = c;
        data.setNotify(false);
        returns.clear();
        random.clear();
        if (c != null && c.points() > 0) {
            double[] s = c.envSteps(), r = c.returns();
            for (int i = 0; i < s.length; i++) returns.add(s[i], r[i]);
            random.add(Math.min(0, s[0]), c.randomReturn());
            random.add(Math.max(s[s.length - 1], 1), c.randomReturn());
        }
        data.setNotify(true);
        viewer.setVisible(c != null);
        none.setVisible(c == null);
        none.setText(note == null || note.isEmpty() ? "no training curve in this file" : note);
    }

    /** Points of the return curve (for tests). */
    int points() {
        return returns.getItemCount();
    }

    void setTheme(Theme t, double fontSize) {
        // The legend beneath the plot: the curve climbs from the bottom left to the top right, across both corners.
        ChartStyle.apply(chart, t, fontSize);
        renderer.setSeriesPaint(0, Palette.line(t, 0));
        renderer.setSeriesPaint(1, Palette.line(t, 1));
        renderer.setSeriesStroke(0, Palette.solid(3f));
        renderer.setSeriesStroke(1, Palette.dashed(2f));
        renderer.setSeriesShapesVisible(1, false);
        none.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.0fpx;", fontSize));
    }

    /** The curve as CSV: env_steps, return (and the random policy's return in a comment line). */
    String csv() {
        StringBuilder b = new StringBuilder("env_steps,return\n");
        if (shown == null) return b.toString();
        double[] s = shown.envSteps(), r = shown.returns();
        for (int i = 0; i < s.length; i++) b.append(s[i]).append(',').append(r[i]).append('\n');
        b.append("# random policy: ").append(shown.randomReturn()).append('\n');
        return b.toString();
    }
}
