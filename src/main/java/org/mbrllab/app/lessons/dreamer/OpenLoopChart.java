package org.mbrllab.app.lessons.dreamer;

import java.awt.BasicStroke;
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
import org.mbrllab.engine.dreamer.OpenLoop;

/**
 * Open-loop error per imagined step on the lesson's fixed benchmark (5 context frames, 50 held-out
 * sequences): the model against copying the last context frame and drawing the mean frame; the sequence in the
 * strip as a thin line, and a marker at the strip's H.
 */
final class OpenLoopChart {
    private final XYSeries model = new XYSeries("model", false, false);
    private final XYSeries copyLast = new XYSeries("copy last frame", false, false);
    private final XYSeries meanFrame = new XYSeries("mean frame", false, false);
    private final XYSeries thisSequence = new XYSeries("this sequence", false, false);
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = Palette.lines();
    private final ValueMarker horizonMarker = new ValueMarker(OpenLoop.HORIZON);
    private final JFreeChart chart;
    private final ChartViewer viewer;

    OpenLoopChart() {
        data.addSeries(model);
        data.addSeries(copyLast);
        data.addSeries(meanFrame);
        data.addSeries(thisSequence);
        NumberAxis x = new NumberAxis("imagined step");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.5, OpenLoop.HORIZON + 0.5);
        NumberAxis y = new NumberAxis("mse per pixel");
        y.setAutoRangeIncludesZero(true);
        // Room above the curves for the legend inside the plot.
        y.setUpperMargin(1.0);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.addDomainMarker(horizonMarker);
        chart = new JFreeChart("Open-loop error (50 sequences, C = 5)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Palette.solidGrid(chart);
        viewer = Palette.viewer(chart, "dreamer-chart");
    }

    ChartViewer node() {
        return viewer;
    }

    /** Points of the model's curve (for tests). */
    int points() {
        return model.getItemCount();
    }

    void show(OpenLoop.Result r) {
        data.setNotify(false);
        model.clear();
        copyLast.clear();
        meanFrame.clear();
        if (r != null) {
            double[] m = r.msePerStep(), c = r.copyLastPerStep(), f = r.meanFramePerStep();
            for (int k = 0; k < m.length; k++) {
                model.add(k + 1, m[k]);
                copyLast.add(k + 1, c[k]);
                meanFrame.add(k + 1, f[k]);
            }
        }
        data.setNotify(true);
    }

    void showStrip(DreamerViewModel.Strip s) {
        data.setNotify(false);
        thisSequence.clear();
        if (s != null) {
            for (int k = 0; k < s.horizon(); k++) thisSequence.add(k + 1, s.stepMse()[k]);
            horizonMarker.setValue(s.horizon());
            thisSequence.setKey("this sequence, C = " + s.context());
        }
        data.setNotify(true);
    }

    void setTheme(Theme t, double fontSize) {
        ChartStyle.apply(chart, t, fontSize);
        Palette.insideLegend(chart, t, fontSize);
        for (int i = 0; i < 4; i++) renderer.setSeriesPaint(i, Palette.line(t, i));
        renderer.setSeriesStroke(0, Palette.solid(3.5f));
        renderer.setSeriesStroke(1, Palette.dashed(2f));
        renderer.setSeriesStroke(2, Palette.dashed(2f));
        renderer.setSeriesStroke(3, Palette.solid(1.2f));
        horizonMarker.setPaint(java.awt.Color.GRAY);
        horizonMarker.setStroke(new BasicStroke(1.5f));
    }

    /** The curves as CSV: step, model, copy_last, mean_frame. */
    String csv() {
        StringBuilder b = new StringBuilder("step,model,copy_last,mean_frame\n");
        for (int i = 0; i < model.getItemCount(); i++) {
            b.append(model.getX(i)).append(',').append(model.getY(i)).append(',').append(copyLast.getY(i)).append(',')
                    .append(meanFrame.getY(i)).append('\n');
        }
        return b.toString();
    }
}
