package org.mbrllab.app.lessons.control;

import java.util.List;

import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.TimeCursor;
import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.IlqrSnapshot;
import org.mbrllab.engine.control.Trajectory;
import org.mbrllab.engine.core.Format;
import org.mbrllab.app.common.Palette;

/**
 * The iLQR charts: the cost J after each iteration (log scale), the angle over the horizon for every
 * accepted iteration (older ones faint, the newest highlighted; wrapped to (−180°, 180°] like the header),
 * and the newest control sequence. J is what iLQR minimises, with the system's own cost.
 * Rebuilt from a snapshot on the FX thread, at most as often as the pane's throttle allows. A {@link
 * TimeCursor} on the angle and control charts marks the step the replay scrubber holds.
 */
final class IterationCharts extends SplitPane {

    private final XYSeries costs = new XYSeries("J", false, true);
    private final XYSeriesCollection angleData = new XYSeriesCollection();
    private final XYSeries control = new XYSeries("u", false, true);
    private final JFreeChart costChart;
    private final JFreeChart angleChart;
    private final JFreeChart controlChart;
    private final NumberAxis controlAxis;
    private final TimeCursor cursor;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private IlqrSnapshot shown;

    IterationCharts() {
        NumberAxis iteration = new NumberAxis("iteration");
        iteration.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis j = new NumberAxis("cost J");
        j.setAutoRangeIncludesZero(false);
        j.setAutoRangeMinimumSize(1e-3);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(true, true);
        costChart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(new XYSeriesCollection(costs), iteration, j, dots), false);

        NumberAxis t = new NumberAxis(null);
        NumberAxis angle = new NumberAxis("θ (°)");
        angle.setAutoRangeIncludesZero(true);
        angle.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        angleChart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(angleData, t, angle, Palette.lines()), false);

        NumberAxis t2 = new NumberAxis("t (s)");
        controlAxis = new NumberAxis("u");
        controlAxis.setAutoRangeMinimumSize(0.5);
        controlChart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(new XYSeriesCollection(control), t2, controlAxis, Palette.lines()), false);

        cursor = new TimeCursor(List.of(angleChart.getXYPlot(), controlChart.getXYPlot()));

        ChartViewer costViewer = viewer(costChart, "cost-chart");
        ChartViewer angleViewer = viewer(angleChart, "angle-chart");
        ChartViewer controlViewer = viewer(controlChart, "ilqr-control-chart");
        // θ over u, or one at a time when each would be shorter than 160 px.
        org.mbrllab.app.common.ChartStack right = new org.mbrllab.app.common.ChartStack(List.of(angleViewer, controlViewer),
                List.of("θ", "u"), "trajectory");
        getItems().addAll(costViewer, right);
        setDividerPositions(0.42);
    }

    private static ChartViewer viewer(JFreeChart chart, String id) {
        return Palette.viewer(chart, id);
    }

    /** Shows {@code s}: its costs, its accepted trajectories' angles and its newest controls. */
    void show(IlqrSnapshot s, ControlSystem system, double dt) {
        if (s == null || s == shown) return;
        shown = s;
        for (JFreeChart c : List.of(costChart, angleChart, controlChart)) c.setNotify(false);
        costs.clear();
        double top = 0;
        for (int i = 0; i < s.costs().size(); i++) {
            costs.add(i, s.costs().get(i), false);
            top = Math.max(top, Math.abs(s.costs().get(i)));
        }
        // One point (or a flat run) would otherwise zoom into rounding noise.
        ((NumberAxis) costChart.getXYPlot().getRangeAxis()).setAutoRangeMinimumSize(Math.max(1e-3, 0.2 * top));
        costs.fireSeriesChanged();
        angleData.removeAllSeries();
        int angleIndex = system.angleIndex();
        List<Trajectory> accepted = s.accepted();
        for (int k = 0; k < accepted.size(); k++) {
            angleData.addSeries(angleSeries("iteration " + k, accepted.get(k), angleIndex, dt));
        }
        control.clear();
        Trajectory newest = s.trajectory();
        for (int t = 0; t < newest.steps(); t++) control.add(t * dt, newest.u(t), false);
        control.fireSeriesChanged();
        controlAxis.setLabel("u (" + system.controlUnit() + ")");
        styleLines();
        for (JFreeChart c : List.of(costChart, angleChart, controlChart)) c.setNotify(true);
    }

    /**
     * θ of {@code tr} in degrees, wrapped to (−180°, 180°] as the header shows it (upright is 0°, never
     * 360°), with a point without value (NaN) half a step before each step where θ passes hanging down, so
     * the line breaks there instead of crossing the chart.
     */
    static XYSeries angleSeries(String name, Trajectory tr, int angleIndex, double dt) {
        XYSeries series = new XYSeries(name, false, true);
        double before = Double.NaN;
        for (int t = 0; t <= tr.steps(); t++) {
            double theta = Angles.normalize(tr.x(t, angleIndex));
            if (t > 0 && Angles.crossesCut(before, theta)) series.add((t - 0.5) * dt, Double.NaN, false);
            series.add(t * dt, Math.toDegrees(theta), false);
            before = theta;
        }
        return series;
    }

    /** A vertical line at {@code t} seconds on the angle and control charts; NaN removes it. */
    void setCursor(double t) {
        cursor.show(t);
    }

    /** Where the cursor line is drawn, NaN when there is none (tests). */
    double cursorTime() {
        return cursor.position();
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        cursor.restyle(theme, fontSize);
        for (JFreeChart c : List.of(costChart, angleChart, controlChart)) {
            c.setNotify(false);
            ChartStyle.apply(c, theme, fontSize);
            Palette.solidGrid(c);
        }
        styleLines();
        for (JFreeChart c : List.of(costChart, angleChart, controlChart)) c.setNotify(true);
    }

    private void styleLines() {
        float width = (float) Math.max(2, fontSize / 7);
        XYLineAndShapeRenderer dots = (XYLineAndShapeRenderer) costChart.getXYPlot().getRenderer();
        dots.setSeriesPaint(0, ChartStyle.awt(theme.accent()));
        dots.setSeriesStroke(0, Palette.solid(width));
        double d = Math.max(5, fontSize * 0.4);
        dots.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-d / 2, -d / 2, d, d));
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) angleChart.getXYPlot().getRenderer();
        int n = angleData.getSeriesCount();
        java.awt.Color muted = ChartStyle.awt(theme.muted());
        for (int k = 0; k < n; k++) {
            boolean newest = k == n - 1;
            double age = n <= 1 ? 1 : (double) k / (n - 1);
            lines.setSeriesPaint(k, newest ? ChartStyle.awt(theme.accent())
                    : new java.awt.Color(muted.getRed(), muted.getGreen(), muted.getBlue(), (int) (40 + 120 * age)));
            lines.setSeriesStroke(k, Palette.solid(newest ? width * 1.5f : 1.2f));
        }
        XYLineAndShapeRenderer u = (XYLineAndShapeRenderer) controlChart.getXYPlot().getRenderer();
        u.setSeriesPaint(0, Palette.line(theme, 3));
        u.setSeriesStroke(0, Palette.solid(width));
    }

    /** Cost per iteration, then the newest trajectory, as CSV. */
    String csv() {
        if (shown == null) return "";
        StringBuilder sb = new StringBuilder("iteration,cost\n");
        for (int i = 0; i < shown.costs().size(); i++) sb.append(i).append(',').append(shown.costs().get(i)).append('\n');
        Trajectory tr = shown.trajectory();
        sb.append("\nt_step");
        for (int i = 0; i < tr.state(0).length; i++) sb.append(",x").append(i);
        sb.append(",u\n");
        for (int t = 0; t <= tr.steps(); t++) {
            sb.append(t);
            for (double v : tr.state(t)) sb.append(',').append(v);
            sb.append(',').append(t < tr.steps() ? Format.number(tr.u(t)) : "").append('\n');
        }
        return sb.toString();
    }
}
