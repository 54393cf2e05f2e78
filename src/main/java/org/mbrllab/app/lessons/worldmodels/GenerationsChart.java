package org.mbrllab.app.lessons.worldmodels;

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
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.worldmodels.ControllerSnapshot;

/** CMA-ES in the dream: the best, mean and worst dream score of each generation's candidates. */
final class GenerationsChart {
    private final XYSeries best = new XYSeries("best", false, false);
    private final XYSeries mean = new XYSeries("mean", false, false);
    private final XYSeries worst = new XYSeries("worst", false, false);
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = Palette.lines();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private Theme theme = Theme.LIGHT;
    private ControllerSnapshot shown;

    GenerationsChart() {
        data.addSeries(best);
        data.addSeries(mean);
        data.addSeries(worst);
        NumberAxis x = new NumberAxis("generation");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("dream score (steps survived)");
        y.setAutoRangeIncludesZero(true);
        chart = new JFreeChart("CMA-ES in the dream", JFreeChart.DEFAULT_TITLE_FONT, new XYPlot(data, x, y, renderer), true);
        Palette.solidGrid(chart);
        viewer = Palette.viewer(chart, "wm-generations");
        chart.setTitle("CMA-ES in the dream (evolve C to watch it)");
    }

    ChartViewer node() { return viewer; }

    /** Generations drawn. */
    int points() {
        return best.getItemCount();
    }

    void show(ControllerSnapshot s) {
        if (s == shown) return;
        shown = s;
        data.setNotify(false);
        best.clear();
        mean.clear();
        worst.clear();
        if (s != null) {
            double[] b = s.best(), m = s.mean(), w = s.worst();
            for (int g = 0; g < s.generations(); g++) {
                best.add(g + 1, b[g]);
                mean.add(g + 1, m[g]);
                worst.add(g + 1, w[g]);
            }
            chart.setTitle("CMA-ES in the dream at τ " + Format.number(s.config().temperature()));
        } else {
            chart.setTitle("CMA-ES in the dream (evolve C to watch it)");
        }
        data.setNotify(true);
    }

    void setTheme(Theme t, double fontSize) {
        theme = t;
        ChartStyle.apply(chart, t, fontSize);
        Palette.insideLegend(chart, t, fontSize);
        for (int i = 0; i < 3; i++) {
            renderer.setSeriesPaint(i, Palette.line(theme, i));
            renderer.setSeriesStroke(i, i == 1 ? Palette.solid(3f) : Palette.solid(1.5f));
        }
    }

    /** The curves as CSV: generation, best, mean, worst. */
    String csv() {
        StringBuilder b = new StringBuilder("generation,best,mean,worst\n");
        for (int i = 0; i < best.getItemCount(); i++) {
            b.append(best.getX(i)).append(',').append(best.getY(i)).append(',').append(mean.getY(i)).append(',')
                    .append(worst.getY(i)).append('\n');
        }
        return b.toString();
    }
}
