package org.mbrllab.app.lessons.dyna;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Palette;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.dyna.SweepingComparison;

/**
 * Example 8.4's shape: Q updates until the greedy policy solves the maze, against the maze's size (open
 * cells), for Dyna-Q and prioritized sweeping, on a logarithmic update axis.
 */
final class SweepingChart {

    private final XYSeries dynaQ = new XYSeries("Dyna-Q, n = 5");
    private final XYSeries sweeping = new XYSeries("Prioritized sweeping, n = 5");
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    private final JFreeChart chart;
    private final ChartViewer viewer;

    SweepingChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(dynaQ);
        data.addSeries(sweeping);
        NumberAxis size = new NumberAxis("maze size (open cells)");
        size.setAutoRangeIncludesZero(true);
        LogAxis updates = new LogAxis("updates until solved");
        updates.setBase(10);
        updates.setSmallestValue(1);
        updates.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
        XYPlot plot = new XYPlot(data, size, updates, renderer);
        chart = new JFreeChart("Updates to solve the maze (Example 8.4)", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Palette.solidGrid(chart);
        viewer = Palette.viewer(chart, "dyna-sweeping-chart");
    }

    ChartViewer node() { return viewer; }

    void setTheme(Theme theme, double fontSize) {
        ChartStyle.apply(chart, theme, fontSize);
        for (int i = 0; i < 2; i++) {
            renderer.setSeriesPaint(i, Palette.line(theme, i == 0 ? 0 : 2));
            renderer.setSeriesStroke(i, Palette.solid(2.5f));
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        }
        Palette.insideLegend(chart, theme, fontSize);
    }

    void update(SweepingComparison.Snapshot s) {
        dynaQ.setNotify(false);
        sweeping.setNotify(false);
        dynaQ.clear();
        sweeping.clear();
        if (s != null) {
            int[] states = s.states();
            for (int k = 0; k < states.length; k++) {
                if (Double.isFinite(s.dynaQ()[k])) dynaQ.add(states[k], s.dynaQ()[k]);
                if (Double.isFinite(s.sweeping()[k])) sweeping.add(states[k], s.sweeping()[k]);
            }
        }
        dynaQ.setNotify(true);
        sweeping.setNotify(true);
    }

    /** The comparison as CSV: maze size, mean updates of each agent (empty before their first run). */
    static String csv(SweepingComparison.Snapshot s) {
        StringBuilder b = new StringBuilder("open_cells,dyna_q_updates,prioritized_sweeping_updates,runs\n");
        int[] states = s.states();
        for (int k = 0; k < states.length; k++) {
            b.append(states[k]).append(',').append(Double.isFinite(s.dynaQ()[k]) ? Double.toString(s.dynaQ()[k]) : "")
                    .append(',').append(Double.isFinite(s.sweeping()[k]) ? Double.toString(s.sweeping()[k]) : "")
                    .append(',').append(s.runsDone()[k]).append('\n');
        }
        return b.toString();
    }
}
