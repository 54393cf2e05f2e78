package org.mbrllab.app.lessons.control;

import java.util.ArrayList;
import java.util.List;

import javafx.animation.AnimationTimer;
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
import org.mbrllab.app.common.ChartStack;
import org.mbrllab.app.common.TimeCursor;
import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.QuadraticCost;
import org.mbrllab.engine.control.Trajectory;
import org.mbrllab.engine.core.Format;
import org.mbrllab.app.common.Palette;

/**
 * Live plots over time of a run's states, its control and its stage cost c(x_t, u_t), for one run or two
 * side by side (MPC solid, open loop dashed), over the last {@link #WINDOW_SECONDS} seconds.
 *
 * <p>The angle θ is plotted wrapped to (−π, π], as the header above the system shows it, and its line is
 * broken where θ passes hanging down (a point with no value between the two steps), so that a spinning
 * pole draws no vertical strokes across the chart. The cost is priced with θ wrapped too ({@link
 * QuadraticCost#wrapping}): a pole back upright after a full turn costs what an upright pole costs, and one
 * that spins does not run up a cost in the tens of thousands that flattens the other run's curve.
 *
 * <p>Snapshots arrive up to 30 times a second; their new points are buffered and put into the datasets
 * {@link #FLUSHES_PER_SECOND} times a second, on the FX thread, with notifications off until the
 * batch is in, so that each chart repaints once per batch and the animation keeps its frame rate.
 *
 * <p>A {@link TimeCursor} marks the step a replay scrubber holds ({@link #setCursor}); while it is on,
 * the time axis shows the window around it, so that a step far in the past is in view.
 */
final class TimeSeriesCharts extends VBox {

    static final double WINDOW_SECONDS = 10;
    /**
     * Steps kept per series for the replay scrubber, beyond the visible window: as many as the LQR run's
     * snapshots carry (two segments of 1,000 steps), so that a step scrubbed back to still has its points.
     */
    static final int KEPT_STEPS = 2000;
    /**
     * Chart repaints per second. Each repaint of the three charts is rasterised by the renderer thread that
     * also draws the animation; at 10 a second the charts took about a sixth of a core in the software
     * pipeline, which the animation could not spare while CEM planned on the other core.
     */
    static final double FLUSHES_PER_SECOND = 5;

    private final List<String> runs;
    private final XYSeriesCollection stateData = new XYSeriesCollection();
    private final XYSeriesCollection controlData = new XYSeriesCollection();
    private final XYSeriesCollection costData = new XYSeriesCollection();
    private final JFreeChart stateChart;
    private final JFreeChart controlChart;
    private final JFreeChart costChart;
    private final NumberAxis[] timeAxes = new NumberAxis[3];
    private final NumberAxis controlAxis;
    private final List<XYSeries[]> stateSeries = new ArrayList<>();
    private final List<XYSeries> controlSeries = new ArrayList<>();
    private final List<XYSeries> costSeries = new ArrayList<>();
    private final List<List<double[]>> pendingStates = new ArrayList<>();
    private final List<List<double[]>> pendingControls = new ArrayList<>();
    private final int[] lastState;
    private final int[] lastControl;
    /** The last plotted wrapped θ of each run, NaN before the first point (to see where θ crosses ±π). */
    private final double[] lastAngle;
    private final AnimationTimer flusher;
    private final TimeCursor cursor;
    private final ChartStack stack;
    private ControlSystem system = ControlSystem.CARTPOLE;
    private int[] entries = {0};
    private double dt = 0.02;
    private double latestTime;
    private boolean dirty;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;

    /** @param runs the runs' names, e.g. {"MPC", "open loop"}; one empty name for a single run */
    TimeSeriesCharts(List<String> runs) {
        this.runs = List.copyOf(runs);
        lastState = new int[runs.size()];
        lastControl = new int[runs.size()];
        lastAngle = new double[runs.size()];
        for (int r = 0; r < runs.size(); r++) {
            pendingStates.add(new ArrayList<>());
            pendingControls.add(new ArrayList<>());
        }
        stateChart = chart(stateData, "state", 0);
        controlChart = chart(controlData, "u (N)", 1);
        controlAxis = (NumberAxis) controlChart.getXYPlot().getRangeAxis();
        costChart = chart(costData, "cost c", 2);
        cursor = new TimeCursor(List.of(stateChart.getXYPlot(), controlChart.getXYPlot(), costChart.getXYPlot()));
        List<ChartViewer> viewers = new java.util.ArrayList<>();
        for (JFreeChart c : new JFreeChart[] {stateChart, controlChart, costChart}) {
            ChartViewer v = Palette.viewer(c, "");
            v.setPrefHeight(160);
            viewers.add(v);
        }
        viewers.get(0).setId("state-chart");
        viewers.get(1).setId("control-chart");
        viewers.get(2).setId("cost-chart");
        // Stacked, only the bottom chart names the time axis the charts share; taking turns, each does.
        String timeLabel = timeAxes[2].getLabel();
        stack = new ChartStack(viewers, List.of("state", "u", "cost"), "time-plots");
        stack.setOnArrange(turns -> {
            timeAxes[0].setLabel(turns ? timeLabel : null);
            timeAxes[1].setLabel(turns ? timeLabel : null);
        });
        VBox.setVgrow(stack, Priority.ALWAYS);
        getChildren().add(stack);
        long interval = (long) (1e9 / FLUSHES_PER_SECOND);
        flusher = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (dirty && now - last >= interval) {
                    last = now;
                    flush();
                }
            }
        };
        configure(ControlSystem.CARTPOLE, new int[] {0, 1, 2, 3}, 0.02);
    }

    private JFreeChart chart(XYSeriesCollection data, String label, int index) {
        NumberAxis time = new NumberAxis("t (s)");
        time.setAutoRange(false);
        time.setRange(0, WINDOW_SECONDS);
        timeAxes[index] = time;
        NumberAxis value = new NumberAxis(label);
        value.setAutoRangeIncludesZero(false);
        // A run at rest would otherwise zoom into rounding noise.
        value.setAutoRangeMinimumSize(index == 2 ? 0.01 : 0.1);
        XYLineAndShapeRenderer renderer = Palette.lines();
        XYPlot plot = new XYPlot(data, time, value, renderer);
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    /** Starts the batched updates (the pane is shown). */
    void start() {
        flusher.start();
    }

    void stop() {
        flusher.stop();
    }

    /**
     * Plots {@code entries} of {@code system}'s state (indices), with steps of {@code dt} seconds. Clears
     * the charts.
     */
    void configure(ControlSystem system, int[] entries, double dt) {
        this.system = system;
        this.entries = entries.clone();
        this.dt = dt;
        stateSeries.clear();
        controlSeries.clear();
        costSeries.clear();
        stateData.removeAllSeries();
        controlData.removeAllSeries();
        costData.removeAllSeries();
        // Room for the window's steps (or the steps kept for the scrubber) and for as many breaks (a point
        // between two steps where θ crosses ±π).
        int window = 2 * (Math.max((int) Math.ceil(WINDOW_SECONDS / dt), KEPT_STEPS) + 2);
        for (int r = 0; r < runs.size(); r++) {
            XYSeries[] row = new XYSeries[entries.length];
            for (int i = 0; i < entries.length; i++) {
                String name = system.stateNames().get(entries[i]);
                row[i] = series(ControlParameters.symbol(name) + " (" + ControlParameters.unit(name) + ")" + suffix(r), window);
                stateData.addSeries(row[i]);
            }
            stateSeries.add(row);
            XYSeries u = series("u" + suffix(r), window);
            controlSeries.add(u);
            controlData.addSeries(u);
            XYSeries c = series("c" + suffix(r), window);
            costSeries.add(c);
            costData.addSeries(c);
        }
        controlAxis.setLabel("u (" + system.controlUnit() + ")");
        clear();
        restyle();
    }

    private String suffix(int run) {
        return runs.get(run).isEmpty() ? "" : ", " + runs.get(run);
    }

    private static XYSeries series(String name, int window) {
        XYSeries s = new XYSeries(name, false, true);
        s.setMaximumItemCount(window);
        return s;
    }

    /** Empties every chart (a reset). */
    void clear() {
        for (int r = 0; r < runs.size(); r++) {
            lastState[r] = -1;
            lastControl[r] = -1;
            lastAngle[r] = Double.NaN;
            pendingStates.get(r).clear();
            pendingControls.get(r).clear();
        }
        for (XYSeries[] row : stateSeries) for (XYSeries s : row) s.clear();
        controlSeries.forEach(XYSeries::clear);
        costSeries.forEach(XYSeries::clear);
        latestTime = 0;
        setTimeRange();
        dirty = false;
    }

    /**
     * Takes the new points of run {@code run}: {@code history}'s state k is the run's state
     * {@code historyStart + k}. Points already plotted are skipped; a run that went back in time (a
     * reset) starts the charts again. θ is wrapped, and the cost is {@code cost} with θ wrapped.
     */
    void append(int run, Trajectory history, int historyStart, QuadraticCost cost) {
        int lastStateIndex = historyStart + history.steps();
        if (lastStateIndex < lastState[run]) {
            clear();
        }
        int angle = system.angleIndex();
        QuadraticCost shown = cost.wrapping(angle);
        for (int k = Math.max(lastState[run] + 1, historyStart); k <= lastStateIndex; k++) {
            int i = k - historyStart;
            double[] row = new double[entries.length + 1];
            row[0] = k * dt;
            for (int e = 0; e < entries.length; e++) {
                double v = history.x(i, entries[e]);
                row[e + 1] = entries[e] == angle ? Angles.normalize(v) : v;
            }
            double theta = Angles.normalize(history.x(i, angle));
            if (!Double.isNaN(lastAngle[run]) && Angles.crossesCut(lastAngle[run], theta)) {
                double[] gap = new double[entries.length + 1];
                java.util.Arrays.fill(gap, Double.NaN);
                gap[0] = (k - 0.5) * dt;
                pendingStates.get(run).add(gap);
            }
            lastAngle[run] = theta;
            pendingStates.get(run).add(row);
            lastState[run] = k;
            latestTime = Math.max(latestTime, row[0]);
            dirty = true;
        }
        for (int k = Math.max(lastControl[run] + 1, historyStart); k < lastStateIndex; k++) {
            int i = k - historyStart;
            double u = history.u(i);
            pendingControls.get(run).add(new double[] {k * dt, u, shown.stage(history.state(i), u)});
            lastControl[run] = k;
            dirty = true;
        }
    }

    /** Puts the buffered points into the datasets: one repaint per chart. */
    void flush() {
        if (!dirty) return;
        for (JFreeChart c : new JFreeChart[] {stateChart, controlChart, costChart}) c.setNotify(false);
        for (int r = 0; r < runs.size(); r++) {
            XYSeries[] row = stateSeries.get(r);
            for (XYSeries s : row) s.setNotify(false);
            for (double[] p : pendingStates.get(r)) {
                for (int e = 0; e < row.length; e++) row[e].add(p[0], p[e + 1], false);
            }
            for (XYSeries s : row) s.setNotify(true);
            XYSeries u = controlSeries.get(r);
            XYSeries c = costSeries.get(r);
            u.setNotify(false);
            c.setNotify(false);
            for (double[] p : pendingControls.get(r)) {
                u.add(p[0], p[1], false);
                c.add(p[0], p[2], false);
            }
            u.setNotify(true);
            c.setNotify(true);
            pendingStates.get(r).clear();
            pendingControls.get(r).clear();
        }
        setTimeRange();
        for (JFreeChart c : new JFreeChart[] {stateChart, controlChart, costChart}) c.setNotify(true);
        dirty = false;
    }

    private void setTimeRange() {
        double hi = Math.max(WINDOW_SECONDS, latestTime);
        double t = cursor.position();
        if (!Double.isNaN(t) && t < hi - WINDOW_SECONDS) {
            // The held step is older than the live window: centre the window on it.
            hi = Math.max(WINDOW_SECONDS, t + WINDOW_SECONDS / 2);
        }
        double lo = hi - WINDOW_SECONDS;
        for (NumberAxis a : timeAxes) {
            if (a.getLowerBound() != lo || a.getUpperBound() != hi) a.setRange(lo, hi);
        }
    }

    /**
     * A vertical line on the three charts at {@code t} seconds, where the scrubber holds the run; NaN
     * removes it (live). The time axis moves so that the line is in view.
     */
    void setCursor(double t) {
        cursor.show(t);
        setTimeRange();
    }

    /** Where the cursor line is drawn, NaN when there is none (tests). */
    double cursorTime() {
        return cursor.position();
    }

    /** The lower and upper ends of the time axis (tests). */
    double[] timeRange() {
        return new double[] {timeAxes[0].getLowerBound(), timeAxes[0].getUpperBound()};
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        restyle();
    }

    private void restyle() {
        for (JFreeChart c : new JFreeChart[] {stateChart, controlChart, costChart}) {
            ChartStyle.apply(c, theme, fontSize);
            Palette.solidGrid(c);
        }
        cursor.restyle(theme, fontSize);
        float width = (float) Math.max(2, fontSize / 7);
        XYLineAndShapeRenderer states = (XYLineAndShapeRenderer) stateChart.getXYPlot().getRenderer();
        XYLineAndShapeRenderer controls = (XYLineAndShapeRenderer) controlChart.getXYPlot().getRenderer();
        XYLineAndShapeRenderer costs = (XYLineAndShapeRenderer) costChart.getXYPlot().getRenderer();
        int index = 0;
        for (int r = 0; r < runs.size(); r++) {
            for (int e = 0; e < entries.length; e++) {
                states.setSeriesPaint(index, Palette.line(theme, entries[e]));
                states.setSeriesStroke(index, r == 0 ? Palette.solid(width) : Palette.dashed(width));
                index++;
            }
            controls.setSeriesPaint(r, Palette.line(theme, 3));
            controls.setSeriesStroke(r, r == 0 ? Palette.solid(width) : Palette.dashed(width));
            costs.setSeriesPaint(r, Palette.line(theme, 2));
            costs.setSeriesStroke(r, r == 0 ? Palette.solid(width) : Palette.dashed(width));
        }
        Palette.insideLegend(stateChart, theme, fontSize);
        if (runs.size() > 1) {
            // With two runs the control chart names them (solid and dashed).
            Palette.insideLegend(controlChart, theme, fontSize);
        }
    }

    /**
     * The charts' data as one table (the steps kept, up to {@link #KEPT_STEPS}, not only the visible
     * window): a row per time step with the state entries, u and the step's cost
     * (empty at the last state, which has no control), and first a {@code run} column when there are
     * several runs (MPC beside the open-loop plan).
     */
    String csv() {
        flush();
        boolean several = runs.size() > 1;
        StringBuilder sb = new StringBuilder(several ? "run,t" : "t");
        for (int e : entries) sb.append(',').append(system.stateNames().get(e));
        sb.append(",u,cost\n");
        for (int r = 0; r < runs.size(); r++) {
            XYSeries[] row = stateSeries.get(r);
            XYSeries u = controlSeries.get(r);
            XYSeries c = costSeries.get(r);
            java.util.Map<Double, Integer> controlAt = new java.util.HashMap<>();
            for (int i = 0; i < u.getItemCount(); i++) controlAt.put(u.getX(i).doubleValue(), i);
            String label = runs.get(r).isEmpty() ? Integer.toString(r + 1) : runs.get(r).replace(',', ';');
            for (int i = 0; i < row[0].getItemCount(); i++) {
                if (Double.isNaN(row[0].getY(i).doubleValue())) continue; // a break in the line, not a step
                double t = row[0].getX(i).doubleValue();
                if (several) sb.append(label).append(',');
                sb.append(Format.number(t));
                for (XYSeries s : row) sb.append(',').append(s.getY(i));
                Integer k = controlAt.get(t);
                sb.append(',').append(k == null ? "" : u.getY(k)).append(',').append(k == null ? "" : c.getY(k)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Points plotted for run {@code run}'s control (tests). */
    int controlPoints(int run) {
        return controlSeries.get(run).getItemCount();
    }

    /** The y values plotted for run {@code run}'s state entry {@code e} (its index in the plotted entries), NaN at breaks (tests). */
    double[] plottedState(int run, int e) {
        XYSeries s = stateSeries.get(run)[e];
        double[] y = new double[s.getItemCount()];
        for (int i = 0; i < y.length; i++) y[i] = s.getY(i).doubleValue();
        return y;
    }

    /** The costs plotted for run {@code run} (tests). */
    double[] plottedCost(int run) {
        XYSeries s = costSeries.get(run);
        double[] y = new double[s.getItemCount()];
        for (int i = 0; i < y.length; i++) y[i] = s.getY(i).doubleValue();
        return y;
    }

    /** The largest |u| plotted for run {@code run} (tests: a push shows in the force plot). */
    double maxAbsControl(int run) {
        XYSeries u = controlSeries.get(run);
        double max = 0;
        for (int i = 0; i < u.getItemCount(); i++) max = Math.max(max, Math.abs(u.getY(i).doubleValue()));
        return max;
    }
}
