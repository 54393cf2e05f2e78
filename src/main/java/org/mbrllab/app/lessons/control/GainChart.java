package org.mbrllab.app.lessons.control;

import java.awt.BasicStroke;

import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.core.Format;
import org.mbrllab.app.common.Palette;

/**
 * K_t against t for the finite horizon: one curve per entry of K_t, with the infinite-horizon gain as a
 * dashed line in the same colour, and a marker at the step being run. Changed on the FX thread only,
 * and only when the gains themselves change.
 */
final class GainChart extends StackPane {

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ValueMarker now = new ValueMarker(0);
    private double[][] shownGains;
    private double[] shownInfinite;
    private ControlSystem system = ControlSystem.CARTPOLE;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;

    GainChart() {
        NumberAxis t = new NumberAxis("t (steps)");
        t.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis k = new NumberAxis("gain entry");
        k.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, t, k, Palette.lines());
        plot.addDomainMarker(now);
        chart = new JFreeChart("", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        ChartViewer viewer = Palette.viewer(chart, "gain-chart");
        getChildren().add(viewer);
        show(ControlSystem.CARTPOLE, null, null, 0);
    }

    /** Shows K_t (rows, may be null for the infinite horizon) and K (may be null), with a marker at step t. */
    void show(ControlSystem system, double[][] gains, double[] infinite, int step) {
        now.setValue(step);
        if (gains == shownGains && infinite == shownInfinite && system == this.system) return;
        this.system = system;
        shownGains = gains;
        shownInfinite = infinite;
        chart.setNotify(false);
        data.removeAllSeries();
        int n = system.stateSize();
        for (int j = 0; j < n; j++) {
            String name = "k_" + ControlParameters.symbol(system.stateNames().get(j));
            XYSeries s = new XYSeries(name + " (K_t)", false, true);
            if (gains != null) for (int t = 0; t < gains.length; t++) s.add(t, gains[t][j], false);
            data.addSeries(s);
        }
        int horizon = gains != null ? gains.length : 200;
        for (int j = 0; j < n; j++) {
            XYSeries s = new XYSeries("k_" + ControlParameters.symbol(system.stateNames().get(j)) + " (∞)", false, true);
            if (infinite != null) {
                s.add(0, infinite[j], false);
                s.add(horizon - 1, infinite[j], false);
            }
            data.addSeries(s);
        }
        String title = gains == null ? "Choose “Finite horizon T” to compute K_t; dashed: the infinite-horizon K"
                : "K_t for T = " + Format.number(gains.length) + " (solid) and the infinite-horizon K (dashed)";
        chart.setTitle(new TextTitle(title));
        restyle();
        chart.setNotify(true);
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        chart.setNotify(false);
        restyle();
        chart.setNotify(true);
    }

    private void restyle() {
        ChartStyle.apply(chart, theme, fontSize);
        Palette.solidGrid(chart);
        if (chart.getTitle() != null) chart.getTitle().setFont(chart.getTitle().getFont().deriveFont((float) (fontSize * 0.85)));
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        int n = system.stateSize();
        float width = (float) Math.max(2, fontSize / 7);
        for (int j = 0; j < n; j++) {
            r.setSeriesPaint(j, Palette.line(theme, j));
            r.setSeriesStroke(j, Palette.solid(width));
            r.setSeriesPaint(n + j, Palette.line(theme, j));
            r.setSeriesStroke(n + j, Palette.dashed(width * 0.75f));
            r.setSeriesVisibleInLegend(n + j, false);
        }
        now.setPaint(ChartStyle.awt(theme.muted()));
        now.setStroke(new BasicStroke(1.5f));
    }

    /** K_t as CSV: t, then one column per entry. */
    String csv() {
        if (shownGains == null) return "";
        StringBuilder sb = new StringBuilder("t");
        for (String name : system.stateNames()) sb.append(",k_").append(name);
        sb.append('\n');
        for (int t = 0; t < shownGains.length; t++) {
            sb.append(t);
            for (double v : shownGains[t]) sb.append(',').append(v);
            sb.append('\n');
        }
        return sb.toString();
    }
}
