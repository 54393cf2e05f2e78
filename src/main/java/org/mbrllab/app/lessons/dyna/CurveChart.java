package org.mbrllab.app.lessons.dyna;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Palette;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.dyna.DynaFigures;
import org.mbrllab.engine.dyna.DynaStatistics;
import org.mbrllab.engine.dyna.Measure;

/**
 * The learning curves of {@link DynaFigures}: Figure 8.2 (mean steps per episode, from episode 2 as in the
 * book, since episode 1 is the same for every n) or Figures 8.4 and 8.5 (mean cumulative reward against
 * time steps, with the moment the maze changes marked), each curve with a band of ± one standard error.
 */
final class CurveChart {

    /** A cumulative-reward curve is drawn with at most this many points. */
    static final int MAX_POINTS = 600;

    private final YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    private final DeviationRenderer renderer = new DeviationRenderer(true, false);
    private final NumberAxis xAxis = new NumberAxis("episode");
    private final NumberAxis yAxis = new NumberAxis("steps per episode");
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private DynaFigures.Snapshot shown;

    CurveChart() {
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        yAxis.setAutoRangeIncludesZero(true);
        renderer.setAlpha(0.22f);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        chart = new JFreeChart("Figure 8.2", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Palette.solidGrid(chart);
        viewer = Palette.viewer(chart, "dyna-curves");
    }

    ChartViewer node() { return viewer; }

    JFreeChart chart() { return chart; }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        ChartStyle.apply(chart, theme, fontSize);
        colour();
        Palette.insideLegend(chart, theme, fontSize);
        if (shown != null) marker(shown);
    }

    void update(DynaFigures.Snapshot s) {
        shown = s;
        data.setNotify(false);
        data.removeAllSeries();
        if (s == null) {
            data.setNotify(true);
            return;
        }
        boolean episodes = s.measure() == Measure.STEPS_PER_EPISODE;
        chart.setTitle(episodes ? "Steps per episode (Figure 8.2)" : "Cumulative reward (Figures 8.4, 8.5)");
        xAxis.setLabel(episodes ? "episode" : "time step");
        yAxis.setLabel(episodes ? "steps per episode" : "cumulative reward");
        yAxis.setAutoRangeIncludesZero(true);
        for (DynaFigures.CurveSnapshot c : s.curves()) {
            DynaStatistics st = c.statistics();
            if (st.runsDone() == 0) continue;
            YIntervalSeries series = new YIntervalSeries(c.label() + "  (" + st.runsDone() + (st.complete() ? "" : " of " + st.runs()) + " runs)", false, true);
            double[] mean = st.mean();
            double[] sem = st.sem();
            int from = episodes ? 1 : 0;
            int stride = episodes ? 1 : Math.max(1, (mean.length + MAX_POINTS - 1) / MAX_POINTS);
            for (int i = from; i < mean.length; i += stride) series.add(i + 1, mean[i], mean[i] - sem[i], mean[i] + sem[i]);
            if (!episodes && (mean.length - 1) % stride != 0) {
                int i = mean.length - 1;
                series.add(i + 1, mean[i], mean[i] - sem[i], mean[i] + sem[i]);
            }
            data.addSeries(series);
        }
        colour();
        marker(s);
        data.setNotify(true);
    }

    private void marker(DynaFigures.Snapshot s) {
        XYPlot plot = chart.getXYPlot();
        plot.clearDomainMarkers();
        if (s.measure() != Measure.CUMULATIVE_REWARD) return;
        ValueMarker m = new ValueMarker(s.switchStep());
        m.setPaint(ChartStyle.awt(theme.muted()));
        m.setStroke(Palette.dashed(1.5f));
        m.setLabel("walls change");
        m.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, (int) Math.round(fontSize * 0.8)));
        m.setLabelPaint(ChartStyle.awt(theme.foreground()));
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(m);
    }

    private void colour() {
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Palette.line(theme, i));
            renderer.setSeriesFillPaint(i, Palette.line(theme, i));
            renderer.setSeriesStroke(i, data.getSeries(i).getKey().toString().contains("(yours)")
                    ? Palette.dashed(2.5f) : Palette.solid(2.5f));
        }
    }

    /** The curves as CSV: one row per episode or time step, mean and standard error of each curve. */
    static String csv(DynaFigures.Snapshot s) {
        boolean episodes = s.measure() == Measure.STEPS_PER_EPISODE;
        StringBuilder b = new StringBuilder(episodes ? "episode" : "time_step");
        for (DynaFigures.CurveSnapshot c : s.curves()) {
            String name = c.label().replaceAll("[^A-Za-z0-9+]+", "_").replaceAll("^_|_$", "");
            b.append(',').append(name).append("_mean,").append(name).append("_sem");
        }
        b.append('\n');
        int length = s.curves().isEmpty() ? 0 : s.curves().get(0).statistics().mean().length;
        double[][] means = s.curves().stream().map(c -> c.statistics().mean()).toArray(double[][]::new);
        double[][] sems = s.curves().stream().map(c -> c.statistics().sem()).toArray(double[][]::new);
        for (int i = 0; i < length; i++) {
            b.append(i + 1);
            for (int k = 0; k < means.length; k++) b.append(',').append(means[k][i]).append(',').append(sems[k][i]);
            b.append('\n');
        }
        return b.toString();
    }
}
