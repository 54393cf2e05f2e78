package org.mbrllab.app.lessons.dreamer;

import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.function.IntConsumer;

import javafx.scene.input.MouseEvent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Palette;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.core.Format;

/**
 * Along one imagined trajectory, against the step t: the predicted rewards r̂_t, the critic's values v_t and
 * the λ-returns V_λ(t) for λ = 0 (one step, then the critic), 0.95 (Dreamer's) and 1 (every reward, then the
 * last value), and for the slider's λ, thick; V_λ(H) = v_H closes every V_λ line. A marker stands at the step
 * the explain panel writes out; moving the mouse over the plot moves it. The legend sits beneath the plot: the
 * curves fill it from 0 down to the most negative return.
 */
final class ReturnsChart {
    private final XYSeries rewards = new XYSeries("predicted reward rₜ", false, false);
    private final XYSeries values = new XYSeries("critic value vₜ", false, false);
    private final XYSeries oneStep = new XYSeries("V_λ, λ = 0", false, false);
    private final XYSeries dreamer = new XYSeries("V_λ, λ = 0.95", false, false);
    private final XYSeries full = new XYSeries("V_λ, λ = 1", false, false);
    private final XYSeries chosen = new XYSeries("V_λ, slider's λ", false, false);
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    private final ValueMarker marker = new ValueMarker(0);
    private final NumberAxis x = new NumberAxis("imagined step t");
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private ReturnsViewModel.Returns shown;
    private IntConsumer onStep = t -> { };

    ReturnsChart() {
        for (XYSeries s : new XYSeries[] {rewards, values, oneStep, dreamer, full, chosen}) data.addSeries(s);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("reward / return");
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.05);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.addDomainMarker(marker);
        chart = new JFreeChart("λ-returns along one imagined trajectory", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Palette.solidGrid(chart);
        viewer = Palette.viewer(chart, "dreamer-returns-chart");
        viewer.getCanvas().addEventFilter(MouseEvent.MOUSE_MOVED, this::hover);
        viewer.getCanvas().addEventFilter(MouseEvent.MOUSE_PRESSED, this::hover);
    }

    ChartViewer node() {
        return viewer;
    }

    /** Called with the step under the mouse. */
    void setOnStep(IntConsumer c) {
        onStep = c;
    }

    void show(ReturnsViewModel.Returns r) {
        shown = r;
        data.setNotify(false);
        for (int i = 0; i < data.getSeriesCount(); i++) data.getSeries(i).clear();
        if (r != null) {
            int h = r.horizon();
            double[] v = r.values();
            for (int t = 0; t < h; t++) {
                rewards.add(t, r.rewards()[t]);
                oneStep.add(t, r.oneStep()[t]);
                dreamer.add(t, r.dreamer()[t]);
                full.add(t, r.full()[t]);
                chosen.add(t, r.chosen()[t]);
            }
            for (int t = 0; t <= h; t++) values.add(t, v[t]);
            for (XYSeries s : new XYSeries[] {oneStep, dreamer, full, chosen}) s.add(h, v[h]);
            chosen.setKey("V_λ, λ = " + Format.fixed(r.lambda(), 2) + " (slider)");
            marker.setValue(r.t());
            x.setRange(-0.5, h + 0.5);
        }
        data.setNotify(true);
    }

    /** Points of the slider's V_λ line (for tests): H + 1. */
    int points() {
        return chosen.getItemCount();
    }

    private void hover(MouseEvent e) {
        var info = viewer.getCanvas().getRenderingInfo();
        Rectangle2D area = info == null ? null : info.getPlotInfo().getDataArea();
        if (shown == null || area == null || !area.contains(e.getX(), e.getY())) return;
        XYPlot plot = chart.getXYPlot();
        double t = plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
        int step = (int) Math.round(Math.max(0, Math.min(shown.horizon() - 1, t)));
        if (step != shown.t()) onStep.accept(step);
    }

    void setTheme(Theme t, double fontSize) {
        ChartStyle.apply(chart, t, fontSize);
        for (int i = 0; i < 6; i++) renderer.setSeriesPaint(i, Palette.line(t, i));
        renderer.setSeriesStroke(0, Palette.solid(2f));
        renderer.setSeriesStroke(1, Palette.solid(2f));
        renderer.setSeriesStroke(2, Palette.dashed(2f));
        renderer.setSeriesStroke(3, Palette.dashed(2f));
        renderer.setSeriesStroke(4, Palette.dashed(2f));
        renderer.setSeriesStroke(5, Palette.solid(4f));
        for (int i = 0; i < 6; i++) renderer.setSeriesShapesVisible(i, i < 2 || i == 5);
        marker.setPaint(ChartStyle.awt(t.muted()));
        marker.setStroke(new BasicStroke(2f));
    }

    /** The lines as CSV: t, reward, value, V_λ at 0, 0.95, 1 and the slider's λ. */
    String csv() {
        StringBuilder b = new StringBuilder("t,reward,value,v_lambda_0,v_lambda_0.95,v_lambda_1,v_lambda_chosen\n");
        if (shown == null) return b.toString();
        int h = shown.horizon();
        for (int t = 0; t <= h; t++) {
            b.append(t).append(',').append(t < h ? num(shown.rewards()[t]) : "").append(',').append(num(shown.values()[t]));
            for (double[] v : new double[][] {shown.oneStep(), shown.dreamer(), shown.full(), shown.chosen()}) {
                b.append(',').append(num(t < h ? v[t] : shown.values()[h]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
