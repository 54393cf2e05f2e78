package org.mbrllab.app.lessons.dreamer;

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

/** The reward of every driven step: the real pendulum's, and what the model's reward head imagined for it. */
final class DriveRewardChart {
    private final XYSeries real = new XYSeries("real reward", false, false);
    private final XYSeries imagined = new XYSeries("imagined reward r̂", false, false);
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = Palette.lines();
    private final NumberAxis x = new NumberAxis("step");
    private final JFreeChart chart;
    private final ChartViewer viewer;

    DriveRewardChart() {
        data.addSeries(real);
        data.addSeries(imagined);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("reward per step");
        y.setAutoRangeIncludesZero(true);
        y.setLowerMargin(0.3);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        chart = new JFreeChart("Reward: real vs imagined", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Palette.solidGrid(chart);
        viewer = Palette.viewer(chart, "dreamer-drive-chart");
    }

    ChartViewer node() {
        return viewer;
    }

    void show(DriveViewModel.View v) {
        data.setNotify(false);
        real.clear();
        imagined.clear();
        if (v != null) {
            double[] r = v.realRewards(), m = v.imaginedRewards();
            for (int k = 0; k < r.length; k++) {
                real.add(k + 1, r[k]);
                imagined.add(k + 1, m[k]);
            }
            x.setRange(0.5, Math.max(10, r.length) + 0.5);
        }
        data.setNotify(true);
    }

    void setTheme(Theme t, double fontSize) {
        ChartStyle.apply(chart, t, fontSize);
        Palette.insideLegend(chart, t, fontSize, true);
        renderer.setSeriesPaint(0, Palette.line(t, 0));
        renderer.setSeriesPaint(1, Palette.line(t, 1));
        renderer.setSeriesStroke(0, Palette.solid(3f));
        renderer.setSeriesStroke(1, Palette.dashed(2.5f));
    }

    /** The rewards as CSV: step, real, imagined. */
    String csv() {
        StringBuilder b = new StringBuilder("step,real,imagined\n");
        for (int i = 0; i < real.getItemCount(); i++) {
            b.append(real.getX(i)).append(',').append(real.getY(i)).append(',').append(imagined.getY(i)).append('\n');
        }
        return b.toString();
    }
}
