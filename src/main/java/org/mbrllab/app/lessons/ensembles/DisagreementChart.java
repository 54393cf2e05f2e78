package org.mbrllab.app.lessons.ensembles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.model.DisagreementMap;
import org.mbrllab.engine.model.DisagreementMap.MapOutput;

/**
 * The heat map of σ²_ens over the pendulum's (θ, θ̇) plane, with the training states as dots and a
 * colour bar. Hovering shows θ, θ̇, σ²_ens and the number of data points nearby. Datasets change on the
 * FX thread only, in one batch per snapshot.
 */
final class DisagreementChart {

    /** On the log scale the colour bar spans this many decades below {@link #logUpper}. */
    static final double LOG_DECADES = 4;
    /** Below this, σ²_ens is zero for drawing (K = 1, or members that agree to float precision). */
    static final double FLOOR = 1e-12;

    private final DefaultXYZDataset heat = new DefaultXYZDataset();
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYSeries points = new XYSeries("training states", false, true);
    private final XYBlockRenderer heatRenderer = new XYBlockRenderer();
    private final XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
    private final NumberAxis scaleAxis = new NumberAxis();
    private final PaintScaleLegend legend;
    private final XYTextAnnotation upright = new XYTextAnnotation("upright", 0, 0);
    private final XYTextAnnotation hangingLeft = new XYTextAnnotation("hanging", -Math.PI, 0);
    private final XYTextAnnotation hangingRight = new XYTextAnnotation("hanging", Math.PI, 0);
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final Label readout = new Label();
    private final StackPane node;

    private DisagreementMap.Snapshot shown;
    private MapOutput output = MapOutput.THETA_DOT;
    private boolean log = true;
    private boolean dots = true;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private double[] shownValues = new double[0];

    DisagreementChart() {
        // 1. Datasets.
        data.addSeries(points);

        // 2. Chart: the heat map at the bottom, the dots on top, the colour bar on the right.
        NumberAxis thetaAxis = new NumberAxis("θ (rad): 0 upright, ±π hanging");
        thetaAxis.setRange(-Math.PI, Math.PI);
        thetaAxis.setTickUnit(new NumberTickUnit(Math.PI / 2, new PiFormat()));
        NumberAxis speedAxis = new NumberAxis("θ\u0307 (rad/s)");
        speedAxis.setRange(-DisagreementMap.MAX_SPEED, DisagreementMap.MAX_SPEED);
        speedAxis.setTickUnit(new NumberTickUnit(2));
        heatRenderer.setBlockWidth(2 * Math.PI / DisagreementMap.THETA_CELLS);
        heatRenderer.setBlockHeight(2 * DisagreementMap.MAX_SPEED / DisagreementMap.THETA_DOT_CELLS);
        heatRenderer.setPaintScale(new ViridisScale(0, 1));
        plot = new XYPlot(heat, thetaAxis, speedAxis, heatRenderer);
        plot.setDataset(1, data);
        plot.setRenderer(1, dotRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        dotRenderer.setUseFillPaint(true);
        dotRenderer.setUseOutlinePaint(true);
        dotRenderer.setDrawOutlines(true);
        for (XYTextAnnotation a : new XYTextAnnotation[] {upright, hangingLeft, hangingRight}) plot.addAnnotation(a);
        upright.setTextAnchor(TextAnchor.TOP_CENTER);
        hangingLeft.setTextAnchor(TextAnchor.CENTER_LEFT);
        hangingRight.setTextAnchor(TextAnchor.CENTER_RIGHT);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        legend = new PaintScaleLegend(new ViridisScale(0, 1), scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setSubdivisionCount(128);
        legend.setMargin(new RectangleInsets(8, 12, 8, 4));
        chart.addSubtitle(legend);

        // 3. Node: the chart, and the hover read-out floating over it.
        viewer = new ChartViewer(chart);
        viewer.setId("disagreement-chart");
        viewer.setMinSize(300, 200);
        viewer.getCanvas().setId("disagreement-canvas");
        viewer.getCanvas().addEventFilter(MouseEvent.MOUSE_MOVED, this::hover);
        viewer.getCanvas().addEventFilter(MouseEvent.MOUSE_EXITED, e -> readout.setVisible(false));
        readout.setId("disagreement-readout");
        readout.setManaged(false);
        readout.setVisible(false);
        readout.setMouseTransparent(true);
        Pane overlay = new Pane(readout);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        node = new StackPane(viewer, overlay);
        node.setMinSize(300, 200);
        setTheme(Theme.LIGHT, 14);
    }

    StackPane node() {
        return node;
    }

    JFreeChart chart() {
        return chart;
    }

    /** The snapshot on show, for tests. */
    DisagreementMap.Snapshot shown() {
        return shown;
    }

    /** The colour bar's range as drawn (log₁₀ σ²_ens on a log scale), for tests. */
    double[] scaleRange() {
        return new double[] {scaleAxis.getLowerBound(), scaleAxis.getUpperBound()};
    }

    /** Whether the dots are drawn, for tests. */
    boolean dotsShown() {
        return dots && points.getItemCount() > 0;
    }

    Label readout() {
        return readout;
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        ChartStyle.apply(chart, theme, fontSize);
        Color fg = ChartStyle.awt(theme.foreground());
        Color bg = ChartStyle.awt(theme.background());
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(fontSize * 0.9));
        legend.setBackgroundPaint(bg);
        legend.setStripOutlinePaint(fg);
        legend.setStripWidth(Math.round(fontSize * 1.2));
        scaleAxis.setLabelPaint(fg);
        scaleAxis.setTickLabelPaint(fg);
        scaleAxis.setAxisLinePaint(fg);
        scaleAxis.setTickMarkPaint(fg);
        scaleAxis.setLabelFont(base);
        scaleAxis.setTickLabelFont(base.deriveFont((float) (base.getSize() * 0.9)));
        // White dots with a dark rim read on every colour of the map; larger on a projector.
        double d = theme == Theme.PROJECTOR ? 5 : 3.5;
        dotRenderer.setSeriesShape(0, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
        dotRenderer.setSeriesFillPaint(0, new Color(255, 255, 255, 230));
        dotRenderer.setSeriesOutlinePaint(0, new Color(0, 0, 0, 200));
        dotRenderer.setSeriesOutlineStroke(0, new BasicStroke(theme == Theme.PROJECTOR ? 1f : 0.6f));
        Font marks = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(fontSize * 0.85));
        for (XYTextAnnotation a : new XYTextAnnotation[] {upright, hangingLeft, hangingRight}) {
            a.setFont(marks);
            a.setPaint(Color.WHITE);
            a.setBackgroundPaint(new Color(0, 0, 0, 150));
            a.setOutlineVisible(false);
        }
        readout.setStyle(String.format(Locale.ROOT, "-fx-background-color: %s; -fx-text-fill: %s; -fx-padding: 4 8;"
                        + " -fx-border-color: %s; -fx-font-size: %.0fpx;", web(theme.background()), web(theme.foreground()),
                web(theme.muted()), fontSize * 0.9));
        if (shown != null) show(shown);
    }

    private static String web(javafx.scene.paint.Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    /** Which output, which scale, whether the dots show; redraws the current snapshot. */
    void setStyle(MapOutput output, boolean log, boolean dots) {
        this.output = output;
        this.log = log;
        this.dots = dots;
        if (shown != null) show(shown);
    }

    /** Redraws the map and the data of one snapshot. */
    void show(DisagreementMap.Snapshot s) {
        shown = s;
        chart.setNotify(false);
        try {
            fill(s);
        } finally {
            chart.setNotify(true);
        }
    }

    private void fill(DisagreementMap.Snapshot s) {
        // 1. The map: σ²_ens, or log₁₀ σ²_ens, with the colour bar over the values on show.
        double[] v = s.variance(output);
        shownValues = v;
        int cells = v.length;
        double max = FLOOR;
        for (double x : v) if (x > max) max = x;
        double[][] xyz = new double[3][cells];
        double lower;
        double upper;
        if (log) {
            // A fixed range per output, so that a colour means the same σ²_ens for every source, K and epoch.
            upper = logUpper(output);
            lower = upper - LOG_DECADES;
        } else {
            lower = 0;
            upper = max;
        }
        for (int j = 0; j < DisagreementMap.THETA_DOT_CELLS; j++) {
            for (int i = 0; i < DisagreementMap.THETA_CELLS; i++) {
                int c = j * DisagreementMap.THETA_CELLS + i;
                xyz[0][c] = DisagreementMap.cellTheta(i);
                xyz[1][c] = DisagreementMap.cellThetaDot(j);
                xyz[2][c] = log ? Math.log10(Math.max(v[c], FLOOR)) : v[c];
            }
        }
        heat.removeSeries("σ²");
        heat.addSeries("σ²", xyz);
        ViridisScale scale = new ViridisScale(lower, upper);
        heatRenderer.setPaintScale(scale);
        legend.setScale(scale);
        scaleAxis.setLabel("σ²_ens of " + output.symbol() + ", " + output.unit()
                + (log ? " (log scale)" : " (0 to the largest)"));
        scaleAxis.setRange(lower, upper);
        if (log) {
            scaleAxis.setNumberFormatOverride(null);
            scaleAxis.setTickUnit(new NumberTickUnit(1, new PowerOfTenFormat()));
        } else {
            scaleAxis.setAutoTickUnitSelection(true);
            scaleAxis.setNumberFormatOverride(new LinearFormat());
        }

        // 2. The dots.
        points.setNotify(false);
        points.clear();
        if (dots) {
            for (int i = 0; i < s.dataTheta().length; i++) points.add(s.dataTheta()[i], s.dataThetaDot()[i], false);
        }
        points.setNotify(true);
    }

    // ---------------------------------------------------------------- hover

    private Rectangle2D dataArea() {
        var info = viewer.getCanvas().getRenderingInfo();
        return info == null ? null : info.getPlotInfo().getDataArea();
    }

    private void hover(MouseEvent e) {
        Rectangle2D area = dataArea();
        if (shown == null || area == null || !area.contains(e.getX(), e.getY())) {
            readout.setVisible(false);
            return;
        }
        double theta = plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
        double thetaDot = plot.getRangeAxis().java2DToValue(e.getY(), area, plot.getRangeAxisEdge());
        readout.setText(readoutText(shown, output, theta, thetaDot));
        readout.autosize();
        double x = e.getX() + 16;
        double y = e.getY() + 16;
        if (x + readout.getWidth() > node.getWidth()) x = e.getX() - 16 - readout.getWidth();
        if (y + readout.getHeight() > node.getHeight()) y = e.getY() - 16 - readout.getHeight();
        x = Math.max(0, Math.min(x, node.getWidth() - readout.getWidth()));
        y = Math.max(0, Math.min(y, node.getHeight() - readout.getHeight()));
        readout.relocate(x, y);
        readout.setVisible(true);
    }

    /** The hover text at (θ, θ̇): the state, σ²_ens of the cell under it, and the data nearby. */
    static String readoutText(DisagreementMap.Snapshot s, MapOutput output, double theta, double thetaDot) {
        int i = Math.max(0, Math.min(DisagreementMap.THETA_CELLS - 1,
                (int) Math.floor((theta + Math.PI) / (2 * Math.PI) * DisagreementMap.THETA_CELLS)));
        int j = Math.max(0, Math.min(DisagreementMap.THETA_DOT_CELLS - 1, (int) Math.floor(
                (thetaDot + DisagreementMap.MAX_SPEED) / (2 * DisagreementMap.MAX_SPEED) * DisagreementMap.THETA_DOT_CELLS)));
        double v = s.variance(output)[j * DisagreementMap.THETA_CELLS + i];
        int near = s.nearbyCount(theta, thetaDot);
        String text = String.format(Locale.ROOT, "θ = %.2f rad, dθ/dt = %.2f rad/s%nσ²_ens of %s = %s %s%n%s within ±%.2f rad, ±%.2f rad/s",
                theta, thetaDot, DisagreementPane.plain(output), scientific(v), output.unit(),
                near == 0 ? "no data points" : near == 1 ? "1 data point" : near + " data points",
                DisagreementMap.NEAR_THETA, DisagreementMap.NEAR_THETA_DOT);
        int k = s.nearest(theta, thetaDot);
        if (near == 0 && k >= 0) {
            text += String.format(Locale.ROOT, "%nnearest data point: θ = %.2f rad, dθ/dt = %.2f rad/s",
                    s.dataTheta()[k], s.dataThetaDot()[k]);
        }
        return text;
    }

    /** 3.2·10⁻⁴ style, or 0. */
    static String scientific(double v) {
        if (v == 0) return "0";
        int exp = (int) Math.floor(Math.log10(Math.abs(v)));
        double mantissa = v / Math.pow(10, exp);
        if (exp >= -2 && exp <= 2) return String.format(Locale.ROOT, "%.3g", v);
        return String.format(Locale.ROOT, "%.1f·10%s", mantissa, superscript(exp));
    }

    static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) sb.append(digits.charAt(c - '0'));
        return sb.toString();
    }

    /**
     * log₁₀ of the top of the fixed log colour scale. After training, σ²_ens of Δθ̇ is about 10⁻⁴ (rad/s)²
     * under dense random-policy data and 10⁻² to 10⁻¹ far from it (measured, K = 5, 2 × 32 units);
     * Δθ = dt·θ̇' varies about dt² = 1/400 as much. Values beyond the range take the end colours.
     */
    static double logUpper(MapOutput output) {
        return output == MapOutput.THETA ? -3.5 : -1;
    }

    /** Where the state (θ, θ̇) is on the screen, for tests that hover as a student does. */
    Point2D screenPoint(double theta, double thetaDot) {
        Rectangle2D area = dataArea();
        double px = plot.getDomainAxis().valueToJava2D(theta, area, plot.getDomainAxisEdge());
        double py = plot.getRangeAxis().valueToJava2D(thetaDot, area, plot.getRangeAxisEdge());
        return viewer.getCanvas().localToScreen(px, py);
    }

    /** The map as CSV: one row per cell, then the training states. */
    String csv() {
        DisagreementMap.Snapshot s = shown;
        StringBuilder sb = new StringBuilder("# sigma2_ens at torque u = ").append(s.torque()).append(" N m, K = ")
                .append(s.members()).append(", epoch ").append(s.epoch()).append('\n');
        sb.append("theta,theta_dot,sigma2_ens_dtheta,sigma2_ens_dthetadot,data_points_near\n");
        for (int j = 0; j < DisagreementMap.THETA_DOT_CELLS; j++) {
            for (int i = 0; i < DisagreementMap.THETA_CELLS; i++) {
                int c = j * DisagreementMap.THETA_CELLS + i;
                sb.append(DisagreementMap.cellTheta(i)).append(',').append(DisagreementMap.cellThetaDot(j)).append(',')
                        .append(s.varTheta()[c]).append(',').append(s.varThetaDot()[c]).append(',')
                        .append(s.nearCounts()[c]).append('\n');
            }
        }
        sb.append("\ndata_theta,data_theta_dot\n");
        for (int k = 0; k < s.dataTheta().length; k++) {
            sb.append(s.dataTheta()[k]).append(',').append(s.dataThetaDot()[k]).append('\n');
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- tick labels

    /** A number format for axis ticks only: it formats doubles (longs as doubles) and never parses. */
    private abstract static class TickFormat extends NumberFormat {
        @Override
        public final StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public final Number parse(String source, ParsePosition pos) {
            return null;
        }
    }

    /** θ ticks at multiples of π/2: −π, −π/2, 0, π/2, π. */
    private static final class PiFormat extends TickFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            long halves = Math.round(number / (Math.PI / 2));
            String s = switch ((int) halves) {
                case 0 -> "0";
                case 1 -> "π/2";
                case -1 -> "−π/2";
                case 2 -> "π";
                case -2 -> "−π";
                default -> (halves < 0 ? "−" : "") + Math.abs(halves) + "π/2";
            };
            return to.append(s);
        }
    }

    /** Log-scale ticks: the value n is drawn as 10ⁿ. */
    private static final class PowerOfTenFormat extends TickFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            long n = Math.round(number);
            return to.append(n == 0 ? "1" : "10" + superscript((int) n));
        }
    }

    /** Linear-scale ticks: short, in scientific notation for small values. */
    private static final class LinearFormat extends TickFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            if (Math.abs(number) < 1e-15) return to.append("0");
            double a = Math.abs(number);
            if (a >= 0.01 && a < 1000) return to.append(String.format(Locale.ROOT, "%.3g", number));
            return to.append(scientific(number));
        }
    }
}
