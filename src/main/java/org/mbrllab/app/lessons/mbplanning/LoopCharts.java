package org.mbrllab.app.lessons.mbplanning;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.Palette;
import org.mbrllab.app.common.TimeCursor;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.model.EpochLosses;
import org.mbrllab.engine.model.MbrlSnapshot;

/**
 * The five charts of the loop, each redrawn only when its data changed: where the data lie (coverage of
 * (θ, θ̇), the random policy's against the planner's), the losses of the current fit, the predicted
 * against the real return per episode (with the mean return from the fixed starts, which tells a bad
 * model from a bad start), the predicted against the real reward per step of the episode
 * under way, and the k-step prediction error of one network against the ensemble's mean. Datasets are
 * changed on the FX thread only, with notifications off until each is complete.
 */
final class LoopCharts {

    static final String[] COVERAGE_SERIES = {"random π₀", "earlier episodes", "latest episode"};

    private final XYSeriesCollection coverage = collection(COVERAGE_SERIES);
    private final XYSeriesCollection losses = collection("training", "held-out");
    private final XYSeriesCollection returns = collection("real return", "predicted return", "fixed starts");
    private final XYSeriesCollection rewards = collection("real", "predicted");
    private final XYSeriesCollection kStep = collection("one network", "ensemble mean");

    private final JFreeChart coverageChart;
    private final JFreeChart lossChart;
    private final JFreeChart returnChart;
    private final JFreeChart rewardChart;
    private final JFreeChart kStepChart;
    private final ChartViewer coverageViewer;
    private final ChartViewer lossViewer;
    private final ChartViewer returnViewer;
    private final ChartViewer rewardViewer;
    private final ChartViewer kStepViewer;
    private final TimeCursor cursor;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;

    // What is drawn now, to skip unchanged charts.
    private int shownData = -1;
    private int shownEpisodeOfData = -1;
    private ControlSystem shownSystem;
    private int shownLosses = -1;
    private int shownLossesEpisode = -1;
    private int shownResults = -1;
    private int shownSteps = -1;
    private int shownStepsEpisode = -1;
    private double[] shownKStep;

    LoopCharts() {
        coverageChart = chart("Where the data lie", "θ (rad)", "θ̇ (rad/s)", coverage, false, true);
        lossChart = chart("Fit loss per epoch", "epoch", "loss (standardised)", losses, true, false);
        returnChart = chart("Return per episode", "episode", "return", returns, true, true);
        rewardChart = chart("Reward per step", "step", "reward", rewards, true, false);
        kStepChart = chart("k-step error", "k (steps ahead)", "mean ‖ŝ − s‖", kStep, true, false);
        LogAxis log = new LogAxis("loss (standardised)");
        log.setSmallestValue(1e-6);
        log.setAutoRange(true);
        // Ticks at the powers of ten, written 1, 0.1, 0.01 rather than as 10 to a fractional power.
        log.setTickUnit(new NumberTickUnit(1), false, false);
        log.setAutoTickUnitSelection(false);
        log.setNumberFormatOverride(new java.text.DecimalFormat("0.#####"));
        lossChart.getXYPlot().setRangeAxis(log);
        ((NumberAxis) coverageChart.getXYPlot().getDomainAxis()).setRange(-Math.PI, Math.PI);
        for (JFreeChart c : List.of(lossChart, returnChart, kStepChart)) {
            ((NumberAxis) c.getXYPlot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        ((NumberAxis) returnChart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        // Room at the top for the legend, which sits inside the plot.
        for (JFreeChart c : List.of(lossChart, returnChart, rewardChart, kStepChart)) {
            c.getXYPlot().getRangeAxis().setUpperMargin(0.25);
        }
        coverageViewer = Palette.viewer(coverageChart, "coverage-chart");
        lossViewer = Palette.viewer(lossChart, "loss-chart");
        returnViewer = Palette.viewer(returnChart, "return-chart");
        rewardViewer = Palette.viewer(rewardChart, "reward-chart");
        kStepViewer = Palette.viewer(kStepChart, "kstep-chart");
        cursor = new TimeCursor(List.of(rewardChart.getXYPlot()));
        setTheme(theme, fontSize);
    }

    private static XYSeriesCollection collection(String... names) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (String n : names) c.addSeries(new XYSeries(n, false, true));
        return c;
    }

    private static JFreeChart chart(String title, String x, String y, XYSeriesCollection data, boolean lines,
                                    boolean shapes) {
        NumberAxis xAxis = new NumberAxis(x);
        NumberAxis yAxis = new NumberAxis(y);
        xAxis.setAutoRangeIncludesZero(false);
        yAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, shapes);
        r.setDrawSeriesLineAsPath(true);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Palette.solidGrid(chart);
        return chart;
    }

    ChartViewer coverage() { return coverageViewer; }
    ChartViewer losses() { return lossViewer; }
    ChartViewer returns() { return returnViewer; }
    ChartViewer rewards() { return rewardViewer; }
    ChartViewer kStep() { return kStepViewer; }

    /** Points in the return chart's real-return line: one per finished episode (tests). */
    int returnPoints() {
        return returns.getSeries(0).getItemCount();
    }

    /** The fixed-start line of the return chart: the mean evaluation return per finished episode (tests). */
    double[] evalReturnPoints() {
        XYSeries s = returns.getSeries(2);
        double[] y = new double[s.getItemCount()];
        for (int i = 0; i < y.length; i++) y[i] = s.getY(i).doubleValue();
        return y;
    }

    /** Points in the coverage chart (tests). */
    int coveragePoints() {
        int n = 0;
        for (int i = 0; i < coverage.getSeriesCount(); i++) n += coverage.getSeries(i).getItemCount();
        return n;
    }

    /** Draws the cursor line at step {@code step} of the reward chart; NaN hides it (live). */
    void setCursor(double step) {
        cursor.show(step);
    }

    /** Where the cursor line is drawn, NaN when there is none (tests). */
    double cursorStep() {
        return cursor.position();
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        cursor.restyle(theme, fontSize);
        for (JFreeChart c : List.of(coverageChart, lossChart, returnChart, rewardChart, kStepChart)) {
            ChartStyle.apply(c, theme, fontSize * 0.85);
            TextTitle t = c.getTitle();
            t.setFont(t.getFont().deriveFont((float) Math.round(fontSize * 0.9)));
            if (c == coverageChart) bottomLegend(c, theme, fontSize);
            else Palette.insideLegend(c, theme, fontSize * 0.9);
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) c.getXYPlot().getRenderer();
            for (int i = 0; i < c.getXYPlot().getDataset().getSeriesCount(); i++) {
                r.setSeriesPaint(i, Palette.line(theme, i));
                r.setSeriesStroke(i, i == 1 && c != coverageChart ? Palette.dashed(2f) : Palette.solid(2f));
            }
        }
        XYLineAndShapeRenderer dots = (XYLineAndShapeRenderer) coverageChart.getXYPlot().getRenderer();
        double d = Math.max(3, fontSize * 0.3);
        for (int i = 0; i < COVERAGE_SERIES.length; i++) dots.setSeriesShape(i, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
        // The random data grey, the planner's blue and, newest, orange.
        dots.setSeriesPaint(0, new java.awt.Color(150, 150, 150, 160));
        dots.setSeriesPaint(1, withAlpha(Palette.line(theme, 0), 150));
        dots.setSeriesPaint(2, Palette.line(theme, 1));
        XYLineAndShapeRenderer ret = (XYLineAndShapeRenderer) returnChart.getXYPlot().getRenderer();
        ret.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        ret.setSeriesShape(1, new java.awt.Rectangle(-3, -3, 6, 6));
        // The evaluation on the fixed starts: a dotted line with diamonds, beside the real return it explains.
        ret.setSeriesStroke(2, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {2f, 4f}, 0f));
        ret.setSeriesShape(2, new java.awt.geom.Path2D.Double(new java.awt.Polygon(new int[] {0, 5, 0, -5},
                new int[] {-5, 0, 5, 0}, 4)));
        rewardChart.getXYPlot().getRenderer().setSeriesStroke(0, new BasicStroke(1.5f));
    }

    /** The coverage chart's legend goes below the plot: inside, it would hide the data. */
    private static void bottomLegend(JFreeChart c, Theme theme, double fontSize) {
        c.removeLegend();
        c.getXYPlot().clearAnnotations();
        org.jfree.chart.title.LegendTitle legend = new org.jfree.chart.title.LegendTitle(c.getXYPlot());
        legend.setItemFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, (int) Math.round(fontSize * 0.75)));
        legend.setItemPaint(ChartStyle.awt(theme.foreground()));
        legend.setBackgroundPaint(ChartStyle.awt(theme.background()));
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        c.addLegend(legend);
    }

    private static java.awt.Color withAlpha(java.awt.Color c, int alpha) {
        return new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Redraws what changed since the last call. */
    void show(MbrlSnapshot s) {
        ControlSystem system = s.settings().system();
        if (system != shownSystem) {
            shownSystem = system;
            NumberAxis v = (NumberAxis) coverageChart.getXYPlot().getRangeAxis();
            if (system == ControlSystem.PENDULUM) v.setRange(-8.5, 8.5); else v.setAutoRange(true);
            v.setLabel("θ̇ (rad/s)");
            shownData = -1;
        }
        if (s.datasetSize() != shownData || s.episode() != shownEpisodeOfData) showCoverage(s);
        if (s.fitLosses().size() != shownLosses || s.episode() != shownLossesEpisode) showLosses(s);
        if (s.results().size() != shownResults) showReturns(s);
        if (s.step() != shownSteps || s.episode() != shownStepsEpisode) showRewards(s);
        if (!java.util.Arrays.equals(shownKStep, s.kStepSingle())) showKStep(s);
    }

    private void showCoverage(MbrlSnapshot s) {
        shownData = s.datasetSize();
        shownEpisodeOfData = s.episode();
        int latest = 0;
        for (int e : s.dataEpisode()) latest = Math.max(latest, e);
        coverage.setNotify(false);
        for (int i = 0; i < 3; i++) coverage.getSeries(i).clear();
        for (int i = 0; i < s.datasetSize(); i++) {
            int e = s.dataEpisode()[i];
            int series = e == 0 ? 0 : e == latest ? 2 : 1;
            coverage.getSeries(series).add(s.dataAngle()[i], s.dataVelocity()[i], false);
        }
        coverage.setNotify(true);
    }

    private void showLosses(MbrlSnapshot s) {
        shownLosses = s.fitLosses().size();
        shownLossesEpisode = s.episode();
        losses.setNotify(false);
        losses.getSeries(0).clear();
        losses.getSeries(1).clear();
        for (EpochLosses l : s.fitLosses()) {
            if (l.meanTraining() > 0) losses.getSeries(0).add(l.epoch(), l.meanTraining(), false);
            if (l.meanValidation() > 0) losses.getSeries(1).add(l.epoch(), l.meanValidation(), false);
        }
        losses.setNotify(true);
    }

    private void showReturns(MbrlSnapshot s) {
        shownResults = s.results().size();
        returns.setNotify(false);
        for (int i = 0; i < 3; i++) returns.getSeries(i).clear();
        for (MbrlSnapshot.EpisodeResult r : s.results()) {
            returns.getSeries(0).add(r.episode(), r.realReturn(), false);
            returns.getSeries(1).add(r.episode(), r.predictedReturn(), false);
            if (!r.evalReturns().isEmpty()) returns.getSeries(2).add(r.episode(), r.evalReturn(), false);
        }
        returns.setNotify(true);
    }

    private void showRewards(MbrlSnapshot s) {
        shownSteps = s.step();
        shownStepsEpisode = s.episode();
        rewards.setNotify(false);
        rewards.getSeries(0).clear();
        rewards.getSeries(1).clear();
        for (int t = 0; t < s.realRewards().length; t++) {
            rewards.getSeries(0).add(t, s.realRewards()[t], false);
            if (!Double.isNaN(s.predictedRewards()[t])) rewards.getSeries(1).add(t, s.predictedRewards()[t], false);
        }
        rewards.setNotify(true);
    }

    private void showKStep(MbrlSnapshot s) {
        shownKStep = s.kStepSingle();
        kStep.setNotify(false);
        kStep.getSeries(0).clear();
        kStep.getSeries(1).clear();
        for (int k = 0; k < s.kStepSingle().length; k++) kStep.getSeries(0).add(k + 1, s.kStepSingle()[k], false);
        for (int k = 0; k < s.kStepEnsemble().length; k++) kStep.getSeries(1).add(k + 1, s.kStepEnsemble()[k], false);
        kStep.setNotify(true);
    }

    /** The charts' data as CSV: one block per chart. */
    String csv() {
        StringBuilder sb = new StringBuilder();
        block(sb, "coverage", "theta,theta_dot", coverage);
        block(sb, "fit losses", "epoch,loss", losses);
        block(sb, "returns", "episode,return", returns);
        block(sb, "rewards", "step,reward", rewards);
        block(sb, "k-step error", "k,error", kStep);
        return sb.toString();
    }

    private static void block(StringBuilder sb, String name, String header, XYSeriesCollection c) {
        sb.append("# ").append(name).append('\n').append("series,").append(header).append('\n');
        for (int i = 0; i < c.getSeriesCount(); i++) {
            XYSeries s = c.getSeries(i);
            for (int j = 0; j < s.getItemCount(); j++) {
                sb.append(String.format(Locale.ROOT, "%s,%s,%s%n", s.getKey(), s.getX(j), s.getY(j)));
            }
        }
    }
}
