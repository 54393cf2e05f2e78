package org.mbrllab.app.lessons.metrpo;

import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Palette;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.metrpo.MeTrpoSnapshot;
import org.mbrllab.engine.metrpo.ValidationRule;

/**
 * Inside one policy phase: the per-model scores of the latest validation check against the last save
 * (one bar per model, improved in one colour and worse in another), the share of models not worse at
 * each check against the rule's 70 % line (with the check that stopped the phase marked), the mean KL
 * of each TRPO step against δ (rejected steps crossed), and each step's backtracks and CG residual.
 */
final class PhaseCharts {

    private final DefaultCategoryDataset scores = new DefaultCategoryDataset();
    private final SignRenderer scoreRenderer = new SignRenderer();
    private final JFreeChart scoreChart;
    private final XYSeries share = new XYSeries("share of models not worse", true, true);
    private final JFreeChart shareChart;
    private final XYSeries accepted = new XYSeries("accepted step", true, true);
    private final XYSeries rejected = new XYSeries("rejected (θ kept)", true, true);
    private final JFreeChart klChart;
    private final XYSeries backtracks = new XYSeries("backtracks", true, true);
    private final XYSeries residual = new XYSeries("CG residual ‖r‖", true, true);
    private final JFreeChart cgChart;
    private final ValueMarker deltaLine = new ValueMarker(0.01);
    private final ValueMarker ruleLine = new ValueMarker(ValidationRule.IMPROVED_SHARE);
    private ValueMarker stopMarker;
    private final ChartViewer scoreView;
    private final ChartViewer shareView;
    private final ChartViewer klView;
    private final ChartViewer cgView;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private String stopText = "";

    /** Bars coloured by the sign of their value: up (improved or equal) or down (worse). */
    private static final class SignRenderer extends BarRenderer {
        Color up = Color.GREEN;
        Color down = Color.RED;

        @Override
        public Paint getItemPaint(int row, int column) {
            Number v = getPlot() == null ? null : getPlot().getDataset().getValue(row, column);
            return v != null && v.doubleValue() < 0 ? down : up;
        }
    }

    PhaseCharts() {
        // 1. Per-model scores of the latest check.
        CategoryAxis models = new CategoryAxis("model k");
        NumberAxis change = new NumberAxis("η̂_k − η̂_k at save");
        scoreRenderer.setBarPainter(new StandardBarPainter());
        scoreRenderer.setShadowVisible(false);
        scoreRenderer.setMaximumBarWidth(0.08);
        CategoryPlot scorePlot = new CategoryPlot(scores, models, change, scoreRenderer);
        scoreChart = new JFreeChart("Each model's score at the latest check", JFreeChart.DEFAULT_TITLE_FONT, scorePlot, false);
        scoreView = Palette.viewer(scoreChart, "metrpo-scores");

        // 2. The share not worse, check by check, against 70 %.
        NumberAxis checkAxis = new NumberAxis("TRPO iteration of the phase");
        checkAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis shareAxis = new NumberAxis("share not worse");
        shareAxis.setRange(0, 1.05);
        shareAxis.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(Locale.ROOT));
        XYLineAndShapeRenderer shareRenderer = new XYLineAndShapeRenderer(true, true);
        XYPlot sharePlot = new XYPlot(new XYSeriesCollection(share), checkAxis, shareAxis, shareRenderer);
        ruleLine.setLabel("70 % rule");
        ruleLine.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        ruleLine.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        sharePlot.addRangeMarker(ruleLine);
        shareChart = new JFreeChart("Validation checks: share of models not worse", JFreeChart.DEFAULT_TITLE_FONT, sharePlot,
                false);
        Palette.solidGrid(shareChart);
        shareView = Palette.viewer(shareChart, "metrpo-share");

        // 3. The trust region: KL of each step against δ.
        NumberAxis iterAxis = new NumberAxis("TRPO iteration of the phase");
        iterAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis klAxis = new NumberAxis("mean KL");
        XYSeriesCollection kl = new XYSeriesCollection();
        kl.addSeries(accepted);
        kl.addSeries(rejected);
        XYLineAndShapeRenderer klRenderer = new XYLineAndShapeRenderer(false, true);
        XYPlot klPlot = new XYPlot(kl, iterAxis, klAxis, klRenderer);
        deltaLine.setLabel("δ");
        deltaLine.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        deltaLine.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        klPlot.addRangeMarker(deltaLine);
        klChart = new JFreeChart("Trust region: mean KL of each step against δ", JFreeChart.DEFAULT_TITLE_FONT, klPlot, true);
        Palette.solidGrid(klChart);
        klView = Palette.viewer(klChart, "metrpo-kl");

        // 4. Backtracks (left) and the CG residual (right, log).
        NumberAxis iterAxis2 = new NumberAxis("TRPO iteration of the phase");
        iterAxis2.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis backAxis = new NumberAxis("backtracks");
        backAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        backAxis.setRange(0, 10.5);
        XYPlot cgPlot = new XYPlot(new XYSeriesCollection(backtracks), iterAxis2, backAxis,
                new XYLineAndShapeRenderer(false, true));
        LogAxis resAxis = new LogAxis("CG residual");
        resAxis.setSmallestValue(1e-12);
        cgPlot.setRangeAxis(1, resAxis);
        cgPlot.setDataset(1, new XYSeriesCollection(residual));
        cgPlot.setRenderer(1, new XYLineAndShapeRenderer(true, true));
        cgPlot.mapDatasetToRangeAxis(1, 1);
        cgChart = new JFreeChart("Line search backtracks and CG residual", JFreeChart.DEFAULT_TITLE_FONT, cgPlot, true);
        Palette.solidGrid(cgChart);
        cgView = Palette.viewer(cgChart, "metrpo-cg");
    }

    ChartViewer scores() { return scoreView; }
    ChartViewer share() { return shareView; }
    ChartViewer trustRegion() { return klView; }
    ChartViewer conjugateGradient() { return cgView; }

    /** Bars in the score chart (tests): one per model of the latest check. */
    int bars() {
        return scores.getColumnCount();
    }

    /** The bars' labels, model 1 first (tests). */
    List<String> barLabels() {
        return scores.getColumnKeys().stream().map(Object::toString).toList();
    }

    /** The stop marker's text, or empty while the rule has not stopped the phase (tests). */
    String stopText() {
        return stopText;
    }

    int steps() {
        return accepted.getItemCount() + rejected.getItemCount();
    }

    void show(MeTrpoSnapshot s) {
        List<MetrpoViewModel.CheckView> checks = MetrpoViewModel.checkViews(s);
        // 1. The latest check's bars.
        scores.setNotify(false);
        scores.clear();
        if (!checks.isEmpty()) {
            MetrpoViewModel.CheckView last = checks.get(checks.size() - 1);
            for (int k = 0; k < last.change().length; k++) scores.addValue(last.change()[k], "change", Integer.toString(k + 1));
            scoreChart.setTitle("Check after iteration " + last.iteration() + ": " + verdict(last.check()));
        } else {
            scoreChart.setTitle("Each model's score at the latest check: none yet");
        }
        scores.setNotify(true);
        // 2. The share at each check, and the stop.
        share.setNotify(false);
        share.clear();
        for (MetrpoViewModel.CheckView c : checks) share.add(c.iteration(), c.check().improvedShare());
        share.setNotify(true);
        XYPlot sharePlot = shareChart.getXYPlot();
        if (stopMarker != null) sharePlot.removeDomainMarker(stopMarker, Layer.FOREGROUND);
        stopMarker = null;
        stopText = "";
        int restored = MetrpoViewModel.restoredFrom(s);
        if (restored >= 0) {
            MetrpoViewModel.CheckView stop = checks.get(checks.size() - 1);
            stopText = "STOPPED: restored the policy saved at iteration " + restored;
            stopMarker = new ValueMarker(stop.iteration());
            stopMarker.setLabel(stopText);
            stopMarker.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            stopMarker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            sharePlot.addDomainMarker(stopMarker, Layer.FOREGROUND);
            styleStop();
        }
        // 3 and 4. The phase's steps.
        accepted.setNotify(false);
        rejected.setNotify(false);
        backtracks.setNotify(false);
        residual.setNotify(false);
        accepted.clear();
        rejected.clear();
        backtracks.clear();
        residual.clear();
        for (MeTrpoSnapshot.PhaseStep p : s.steps()) {
            double kl = Double.isFinite(p.step().meanKl()) ? p.step().meanKl() : 0;
            (p.step().accepted() ? accepted : rejected).add(p.iteration(), kl);
            backtracks.add(p.iteration(), p.step().backtracks());
            if (p.step().cgResidual() > 0 && Double.isFinite(p.step().cgResidual())) {
                residual.add(p.iteration(), p.step().cgResidual());
            }
        }
        for (XYSeries x : List.of(accepted, rejected, backtracks, residual)) x.setNotify(true);
        // δ stays in view whatever the steps' KL, and the axis starts at 0.
        deltaLine.setValue(s.settings().delta());
        double top = s.settings().delta() * 1.4;
        for (XYSeries x : List.of(accepted, rejected)) {
            for (int i = 0; i < x.getItemCount(); i++) top = Math.max(top, x.getY(i).doubleValue() * 1.1);
        }
        klChart.getXYPlot().getRangeAxis().setRange(0, top);
    }

    private static String verdict(ValidationRule.Check c) {
        return switch (c.verdict()) {
            case SAVED -> "saved";
            case FAILED -> "failure " + c.failures() + " of " + ValidationRule.PATIENCE;
            case STOPPED -> "stopped, saved policy restored";
        };
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        for (JFreeChart c : List.of(scoreChart, shareChart, klChart, cgChart)) ChartStyle.apply(c, theme, fontSize * 0.85);
        Palette.insideLegend(klChart, theme, fontSize);
        Palette.insideLegend(cgChart, theme, fontSize);
        scoreRenderer.up = Palette.line(theme, 2);
        scoreRenderer.down = Palette.line(theme, 1);
        java.awt.Font small = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, (int) Math.round(fontSize * 0.75));
        for (ValueMarker m : List.of(deltaLine, ruleLine)) {
            m.setPaint(ChartStyle.awt(theme.muted()));
            m.setStroke(Palette.dashed(1.5f));
            m.setLabelPaint(ChartStyle.awt(theme.foreground()));
            m.setLabelFont(small);
            m.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        }
        XYLineAndShapeRenderer shareRenderer = (XYLineAndShapeRenderer) shareChart.getXYPlot().getRenderer();
        shareRenderer.setSeriesPaint(0, Palette.line(theme, 0));
        shareRenderer.setSeriesStroke(0, Palette.solid(2f));
        shareRenderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        XYLineAndShapeRenderer klRenderer = (XYLineAndShapeRenderer) klChart.getXYPlot().getRenderer();
        klRenderer.setSeriesPaint(0, Palette.line(theme, 0));
        klRenderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        klRenderer.setSeriesPaint(1, Palette.line(theme, 1));
        klRenderer.setSeriesShape(1, cross(6));
        XYPlot cg = cgChart.getXYPlot();
        XYLineAndShapeRenderer b = (XYLineAndShapeRenderer) cg.getRenderer(0);
        b.setSeriesPaint(0, Palette.line(theme, 4));
        b.setSeriesShape(0, new java.awt.Rectangle(-4, -4, 8, 8));
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) cg.getRenderer(1);
        r.setSeriesPaint(0, Palette.line(theme, 5));
        r.setSeriesStroke(0, Palette.solid(1.5f));
        r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        styleStop();
    }

    private void styleStop() {
        if (stopMarker == null) return;
        stopMarker.setPaint(Palette.line(theme, 1));
        stopMarker.setStroke(Palette.solid(2f));
        stopMarker.setLabelPaint(ChartStyle.awt(theme.foreground()));
        stopMarker.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        stopMarker.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, (int) Math.round(fontSize * 0.75)));
    }

    /** An × of half-size {@code r} px, for rejected steps. */
    private static java.awt.Shape cross(double r) {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(-r, -r);
        p.lineTo(r, r);
        p.moveTo(-r, r);
        p.lineTo(r, -r);
        return new java.awt.BasicStroke(2.5f).createStrokedShape(p);
    }

    String csv() {
        StringBuilder sb = new StringBuilder("series,x,y\n");
        for (int k = 0; k < scores.getColumnCount(); k++) {
            sb.append("score_change_model,").append(scores.getColumnKey(k)).append(',').append(scores.getValue(0, k)).append('\n');
        }
        for (XYSeries x : List.of(share, accepted, rejected, backtracks, residual)) {
            for (int i = 0; i < x.getItemCount(); i++) {
                sb.append('"').append(x.getKey()).append("\",").append(x.getX(i)).append(',').append(x.getY(i)).append('\n');
            }
        }
        return sb.toString();
    }
}
