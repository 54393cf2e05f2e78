package org.mbrllab.app.lessons.uncertainty;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.function.BiConsumer;

import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalDataItem;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.model.EnsemblePrediction;
import org.mbrllab.engine.model.SineTask;
import org.mbrllab.engine.model.TrainingSnapshot;
import org.mbrllab.engine.model.RegressionRun;

/**
 * The regression chart: the data, sin x, the gap without data (drag its edges, or drag inside it to move
 * it), and the predictions of the current view. A click away from the gap's edges adds a data point.
 * Datasets change on the FX thread only, in batches. The axes are fixed, so the curves do not jump as
 * training moves them.
 */
final class RegressionChart {

    static final double Y_MIN = -3;
    static final double Y_MAX = 3;
    /** A press this close to a gap edge, in pixels, drags the edge. */
    static final double EDGE_GRAB_PX = 8;
    /** A press and release closer than this, in pixels, is a click. */
    static final double CLICK_SLOP_PX = 4;

    /** The member curves' colours (Okabe–Ito, readable on white and on a projector). */
    private static final Color[] MEMBER_COLOURS = {new Color(0x00, 0x72, 0xb2), new Color(0xd5, 0x5e, 0x00),
            new Color(0x00, 0x9e, 0x73), new Color(0xcc, 0x79, 0xa7), new Color(0x56, 0xb4, 0xe9),
            new Color(0xe6, 0x9f, 0x00), new Color(0x88, 0x44, 0xaa), new Color(0x99, 0x66, 0x33),
            new Color(0x44, 0x88, 0x44), new Color(0xaa, 0x33, 0x55)};
    private static final Color BAND_A = new Color(0x00, 0x72, 0xb2);
    private static final Color BAND_B = new Color(0xd5, 0x5e, 0x00);

    private final YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    private final XYSeriesCollection members = new XYSeriesCollection();
    private final XYSeriesCollection truth = new XYSeriesCollection();
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYSeries points = new XYSeries("data", false, true);
    private final DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
    private final XYLineAndShapeRenderer memberRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYLineAndShapeRenderer truthRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
    private final IntervalMarker gapMarker = new IntervalMarker(0, 0);
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private Theme theme = Theme.LIGHT;

    private BiConsumer<Double, Double> onGap = (a, b) -> { };
    private BiConsumer<Double, Double> onAddPoint = (x, y) -> { };
    private double gapStart;
    private double gapEnd;
    /** The drag under way: 0 none, 1 left edge, 2 right edge, 3 the whole gap, 4 a possible click. */
    private int drag;
    private double pressX;
    private double pressY;
    private double pressValue;
    private double pressStart;
    private double pressEnd;

    RegressionChart() {
        // 1. Datasets.
        XYSeries sine = new XYSeries("sin x");
        for (int i = 0; i <= 200; i++) {
            double x = RegressionRun.PROBE_MIN + (RegressionRun.PROBE_MAX - RegressionRun.PROBE_MIN) * i / 200.0;
            sine.add(x, SineTask.truth(x));
        }
        truth.addSeries(sine);
        data.addSeries(points);

        // 2. Chart: bands at the bottom, then member curves, sin x, and the data on top.
        NumberAxis xAxis = new NumberAxis("x");
        xAxis.setRange(RegressionRun.PROBE_MIN, RegressionRun.PROBE_MAX);
        xAxis.setTickUnit(new NumberTickUnit(1));
        NumberAxis yAxis = new NumberAxis("y");
        yAxis.setRange(Y_MIN, Y_MAX);
        yAxis.setTickUnit(new NumberTickUnit(1));
        plot = new XYPlot(bands, xAxis, yAxis, bandRenderer);
        plot.setDataset(1, members);
        plot.setRenderer(1, memberRenderer);
        plot.setDataset(2, truth);
        plot.setRenderer(2, truthRenderer);
        plot.setDataset(3, data);
        plot.setRenderer(3, pointRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        bandRenderer.setAlpha(0.22f);
        truthRenderer.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 5f}, 0f));
        pointRenderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        gapMarker.setLabel("no data");
        gapMarker.setLabelAnchor(RectangleAnchor.TOP);
        gapMarker.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        plot.addDomainMarker(gapMarker, Layer.BACKGROUND);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);

        // 3. Node, with the gap dragging and the click-to-add on the canvas.
        viewer = new ChartViewer(chart);
        viewer.setId("regression-chart");
        viewer.setMinSize(300, 200);
        ChartCanvas canvas = viewer.getCanvas();
        canvas.setId("regression-canvas");
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventFilter(MouseEvent.MOUSE_MOVED, e -> canvas.setCursor(nearEdge(e.getX()) != 0 ? Cursor.H_RESIZE : Cursor.CROSSHAIR));
        canvas.addEventFilter(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        setTheme(Theme.LIGHT, 14);
    }

    ChartViewer node() {
        return viewer;
    }

    JFreeChart chart() {
        return chart;
    }

    /** The member curves on show (K in the ensemble view), for tests. */
    int memberCurves() {
        return members.getSeriesCount();
    }

    /** Called with the new gap when a drag on the chart ends. */
    void setOnGap(BiConsumer<Double, Double> onGap) {
        this.onGap = onGap;
    }

    /** Called with (x, y) when the student clicks to add a point. */
    void setOnAddPoint(BiConsumer<Double, Double> onAddPoint) {
        this.onAddPoint = onAddPoint;
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        ChartStyle.apply(chart, theme, fontSize);
        java.awt.Color fg = ChartStyle.awt(theme.foreground());
        java.awt.Color muted = ChartStyle.awt(theme.muted());
        truthRenderer.setSeriesPaint(0, muted);
        pointRenderer.setSeriesPaint(0, ChartStyle.awt(theme.foreground().deriveColor(0, 1, 1, 0.6)));
        gapMarker.setPaint(ChartStyle.awt(theme.highlight().deriveColor(0, 1, 1, 0.18)));
        gapMarker.setLabelPaint(fg);
        gapMarker.setLabelBackgroundColor(new java.awt.Color(0, 0, 0, 0));
        gapMarker.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, (int) Math.round(fontSize * 0.9)));
        memberRenderer.setDefaultStroke(new BasicStroke(1.2f));
        java.awt.Font legend = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, (int) Math.round(fontSize * 0.9));
        for (var r : new org.jfree.chart.renderer.xy.AbstractXYItemRenderer[] {bandRenderer, memberRenderer, truthRenderer, pointRenderer}) {
            r.setDefaultLegendTextFont(legend);
            r.setDefaultLegendTextPaint(fg);
        }
    }

    /** Shows the gap (as the view-model holds it); ignored while the student drags it. */
    void showGap(double start, double end) {
        if (drag == 1 || drag == 2 || drag == 3) return;
        setGapMarker(start, end);
    }

    private void setGapMarker(double start, double end) {
        gapStart = start;
        gapEnd = end;
        gapMarker.setStartValue(start);
        gapMarker.setEndValue(end);
    }

    /** Redraws the data and the predictions of one snapshot. */
    void show(RegressionRun.Snapshot s) {
        chart.setNotify(false);
        try {
            fill(s);
        } finally {
            chart.setNotify(true);
        }
    }

    private void fill(RegressionRun.Snapshot s) {
        points.setNotify(false);
        points.clear();
        for (int i = 0; i < s.dataX().length; i++) points.add(s.dataX()[i], s.dataY()[i], false);
        points.setNotify(true);
        showGap(s.gapStart(), s.gapEnd());

        bands.removeAllSeries();
        members.removeAllSeries();
        double[] x = s.probeX();
        switch (s.view()) {
            case SINGLE -> {
                EnsemblePrediction p = s.training().probe();
                if (p != null) addBand("μ ± 2σ (one net)", x, p.meanColumn(0), p.aleatoricStdColumn(0), BAND_A);
            }
            case ENSEMBLE -> {
                EnsemblePrediction p = s.training().probe();
                if (p != null) {
                    addBand("μ̄ ± 2σ_ens", x, p.meanColumn(0), p.epistemicStdColumn(0), ChartStyle.awt(theme.foreground()));
                    for (int k = 0; k < p.members(); k++) {
                        XYSeries m = new XYSeries(k == 0 ? "members (K = " + p.members() + ")" : "member " + (k + 1), false, true);
                        double[] mu = p.memberMeanColumn(k, 0);
                        for (int i = 0; i < x.length; i++) m.add(x[i], clampY(mu[i]), false);
                        members.addSeries(m);
                        memberRenderer.setSeriesPaint(k, MEMBER_COLOURS[k % MEMBER_COLOURS.length]);
                        memberRenderer.setSeriesVisibleInLegend(k, k == 0);
                    }
                }
            }
            case TWO_SEEDS -> {
                addNet("net A (seed " + s.twoSeeds().seedA() + ") μ ± 2σ", x, s.twoSeeds().first(), BAND_A);
                addNet("net B (seed " + s.twoSeeds().seedB() + ") μ ± 2σ", x, s.twoSeeds().second(), BAND_B);
            }
        }
    }

    private void addNet(String name, double[] x, TrainingSnapshot t, Color colour) {
        EnsemblePrediction p = t.probe();
        if (p != null) addBand(name, x, p.meanColumn(0), p.aleatoricStdColumn(0), colour);
    }

    private void addBand(String name, double[] x, double[] mean, double[] std, Color colour) {
        YIntervalSeries band = new YIntervalSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            band.add(new YIntervalDataItem(x[i], clampY(mean[i]), clampY(mean[i] - 2 * std[i]), clampY(mean[i] + 2 * std[i])), false);
        }
        int index = bands.getSeriesCount();
        bands.addSeries(band);
        bandRenderer.setSeriesPaint(index, colour);
        bandRenderer.setSeriesFillPaint(index, colour);
        bandRenderer.setSeriesStroke(index, new BasicStroke(2.5f));
    }

    /** Keeps a runaway prediction (early in training, or diverging) inside a drawable range. */
    private static double clampY(double y) {
        if (Double.isNaN(y)) return 0;
        return Math.max(10 * Y_MIN, Math.min(10 * Y_MAX, y));
    }

    // ---------------------------------------------------------------- mouse

    private Rectangle2D dataArea() {
        var info = viewer.getCanvas().getRenderingInfo();
        return info == null ? null : info.getPlotInfo().getDataArea();
    }

    private double xValue(double px) {
        Rectangle2D area = dataArea();
        return area == null ? Double.NaN : plot.getDomainAxis().java2DToValue(px, area, plot.getDomainAxisEdge());
    }

    private double yValue(double py) {
        Rectangle2D area = dataArea();
        return area == null ? Double.NaN : plot.getRangeAxis().java2DToValue(py, area, plot.getRangeAxisEdge());
    }

    private double xPixel(double value) {
        Rectangle2D area = dataArea();
        return area == null ? Double.NaN : plot.getDomainAxis().valueToJava2D(value, area, plot.getDomainAxisEdge());
    }

    /** Where the data point (x, y) is on the screen, for tests that drag and click as a student does. */
    javafx.geometry.Point2D screenPoint(double x, double y) {
        Rectangle2D area = dataArea();
        double px = plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge());
        double py = plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge());
        return viewer.getCanvas().localToScreen(px, py);
    }

    /** 1 near the left edge, 2 near the right edge, 3 inside the gap, else 0 (for the cursor: edges only). */
    private int nearEdge(double px) {
        int where = grab(px);
        return where == 3 ? 0 : where;
    }

    private int grab(double px) {
        double left = xPixel(gapStart);
        double right = xPixel(gapEnd);
        if (Double.isNaN(left)) return 0;
        if (Math.abs(px - right) <= EDGE_GRAB_PX && px >= left) return 2;
        if (Math.abs(px - left) <= EDGE_GRAB_PX) return 1;
        if (Math.abs(px - right) <= EDGE_GRAB_PX) return 2;
        if (px > left && px < right) return 3;
        return 0;
    }

    private void pressed(MouseEvent e) {
        e.consume();
        if (e.getButton() != MouseButton.PRIMARY) return;
        Rectangle2D area = dataArea();
        if (area == null || !area.contains(e.getX(), e.getY())) {
            drag = 0;
            return;
        }
        pressX = e.getX();
        pressY = e.getY();
        pressValue = xValue(e.getX());
        pressStart = gapStart;
        pressEnd = gapEnd;
        int where = grab(e.getX());
        drag = where == 0 ? 4 : where;
    }

    private void dragged(MouseEvent e) {
        e.consume();
        if (drag == 0 || drag == 4) return;
        double v = Math.max(SineTask.X_MIN, Math.min(SineTask.X_MAX, xValue(e.getX())));
        switch (drag) {
            case 1 -> setGapMarker(Math.min(v, pressEnd), Math.max(v, pressEnd));
            case 2 -> setGapMarker(Math.min(pressStart, v), Math.max(pressStart, v));
            default -> {
                double width = pressEnd - pressStart;
                double start = Math.max(SineTask.X_MIN, Math.min(SineTask.X_MAX - width, pressStart + v - pressValue));
                setGapMarker(start, start + width);
            }
        }
    }

    private void released(MouseEvent e) {
        e.consume();
        int was = drag;
        drag = 0;
        boolean click = Math.abs(e.getX() - pressX) < CLICK_SLOP_PX && Math.abs(e.getY() - pressY) < CLICK_SLOP_PX;
        if (was == 4 && click) {
            double x = xValue(e.getX());
            if (x >= SineTask.X_MIN && x <= SineTask.X_MAX) onAddPoint.accept(x, yValue(e.getY()));
        } else if (was == 1 || was == 2 || was == 3) {
            if (click && was == 3) {
                // A click inside the gap adds a point there: the lesson's way to close the band.
                onAddPoint.accept(xValue(e.getX()), yValue(e.getY()));
                return;
            }
            if (gapStart != pressStart || gapEnd != pressEnd) onGap.accept(gapStart, gapEnd);
        }
    }

    /** The chart data as CSV: the data, then per probe x the curves on show. */
    String csv(RegressionRun.Snapshot s) {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < s.dataX().length; i++) sb.append(s.dataX()[i]).append(',').append(s.dataY()[i]).append('\n');
        sb.append('\n');
        EnsemblePrediction a = s.training() != null ? s.training().probe() : s.twoSeeds().first().probe();
        EnsemblePrediction b = s.twoSeeds() != null ? s.twoSeeds().second().probe() : null;
        if (a == null) return sb.toString();
        sb.append(b == null ? "x,mean,sigma_aleatoric,sigma_ens\n" : "x,mean_a,sigma_a,mean_b,sigma_b\n");
        for (int i = 0; i < s.probeX().length; i++) {
            sb.append(s.probeX()[i]).append(',').append(a.mean(i, 0)).append(',').append(Math.sqrt(a.aleatoricVariance(i, 0)));
            if (b == null) sb.append(',').append(Math.sqrt(a.epistemicVariance(i, 0)));
            else sb.append(',').append(b.mean(i, 0)).append(',').append(Math.sqrt(b.aleatoricVariance(i, 0)));
            sb.append('\n');
        }
        return sb.toString();
    }
}
