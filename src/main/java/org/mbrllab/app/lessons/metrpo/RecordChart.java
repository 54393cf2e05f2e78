package org.mbrllab.app.lessons.metrpo;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Palette;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.metrpo.MeTrpoRecord;
import org.mbrllab.engine.metrpo.MeTrpoSnapshot;

/**
 * Real return against real steps on a log axis, from a {@link MeTrpoRecord}'s curves: the mean over seeds
 * as a line, lowest to highest seed as a band. Two figures of the paper: {@link Figure#DATA_EFFICIENCY}
 * (Figure 2: ME-TRPO with K = 5 beside model-free TRPO, and the live run's evaluations) and
 * {@link Figure#NUMBER_OF_MODELS} (Figure 4: every K in the record, each with its worst seed dashed,
 * because a single model's failure shows as one seed that never learns).
 */
final class RecordChart {

    /** The return at which the pendulum counts as swung up (the bar for "learned"). */
    static final double SWUNG_UP = -230;

    enum Figure { DATA_EFFICIENCY, NUMBER_OF_MODELS }

    private final Figure figure;
    private final YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    private final XYSeriesCollection lines = new XYSeriesCollection();
    private final DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
    private final XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, true);
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final XYSeries live = new XYSeries("this run (live)", true, true);
    private List<MeTrpoRecord.Curve> shown = List.of();

    RecordChart(Figure figure, String id) {
        this.figure = figure;
        // Ticks at 1–9 × 10ⁿ, labelled as plain numbers: a log axis that students can read off.
        org.jfree.chart.axis.LogarithmicAxis x = new org.jfree.chart.axis.LogarithmicAxis("real steps (log scale)");
        x.setStrictValuesFlag(false);
        x.setExpTickLabelsFlag(false);
        x.setLog10TickLabelsFlag(false);
        x.setAutoRangeNextLogFlag(false);
        NumberAxis y = new NumberAxis("real return (mean of 10 starts)");
        y.setAutoRangeIncludesZero(false);
        bandRenderer.setAlpha(0.18f);
        XYPlot plot = new XYPlot(bands, x, y, bandRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        ValueMarker bar = new ValueMarker(SWUNG_UP);
        bar.setLabel("swung up (−230)");
        bar.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        bar.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(bar);
        String title = figure == Figure.DATA_EFFICIENCY
                ? "Real return against real steps: ME-TRPO (K = 5) and model-free TRPO"
                : "Number of models: each recorded K (dashed: its worst seed)";
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Palette.solidGrid(chart);
        viewer = Palette.viewer(chart, id);
        if (figure == Figure.DATA_EFFICIENCY) lines.addSeries(live);
    }

    ChartViewer node() {
        return viewer;
    }

    /** The kinds this figure draws from {@code curves}: Figure 2 takes K = 5 (or the first K) and TRPO. */
    List<MeTrpoRecord.Curve> pick(List<MeTrpoRecord.Curve> curves) {
        List<MeTrpoRecord.Curve> out = new ArrayList<>();
        if (figure == Figure.NUMBER_OF_MODELS) {
            for (MeTrpoRecord.Curve c : curves) if (!c.kind().modelFree()) out.add(c);
            return out;
        }
        MeTrpoRecord.Curve model = null;
        for (MeTrpoRecord.Curve c : curves) {
            if (c.kind().modelFree()) continue;
            if (model == null || c.kind().members() == 5) model = c;
        }
        if (model != null) out.add(model);
        for (MeTrpoRecord.Curve c : curves) if (c.kind().modelFree()) out.add(c);
        return out;
    }

    /** Draws {@code curves} (the recorded or the live comparison). */
    void show(List<MeTrpoRecord.Curve> curves) {
        shown = pick(curves);
        bands.setNotify(false);
        lines.setNotify(false);
        bands.removeAllSeries();
        if (figure == Figure.NUMBER_OF_MODELS) lines.removeAllSeries();
        for (MeTrpoRecord.Curve c : shown) {
            YIntervalSeries s = new YIntervalSeries(c.kind() + " (" + c.seeds()[0] + (c.seeds()[0] == 1 ? " seed)" : " seeds)"),
                    false, true);
            for (int i = 0; i < c.realSteps().length; i++) {
                if (c.realSteps()[i] > 0) s.add(c.realSteps()[i], c.mean()[i], c.low()[i], c.high()[i]);
            }
            bands.addSeries(s);
            if (figure == Figure.NUMBER_OF_MODELS) {
                XYSeries w = new XYSeries("K = " + c.kind().members() + ", worst seed (" + c.worstSeed() + ")", true, true);
                for (int i = 0; i < c.realSteps().length; i++) {
                    if (c.realSteps()[i] > 0 && Double.isFinite(c.worst()[i])) w.add(c.realSteps()[i], c.worst()[i]);
                }
                lines.addSeries(w);
            }
        }
        bands.setNotify(true);
        lines.setNotify(true);
        colour();
    }

    /** The live run's evaluations (Figure 2 only); an empty list clears them. */
    void showLive(List<MeTrpoSnapshot.Evaluation> evaluations) {
        if (figure != Figure.DATA_EFFICIENCY) return;
        if (live.getItemCount() == evaluations.size()) return;
        live.setNotify(false);
        live.clear();
        for (MeTrpoSnapshot.Evaluation e : evaluations) if (e.realSteps() > 0) live.add(e.realSteps(), e.realReturn());
        live.setNotify(true);
    }

    /** Curves drawn (tests). */
    int curves() {
        return bands.getSeriesCount();
    }

    /** The live run's points (tests). */
    int livePoints() {
        return live.getItemCount();
    }

    private Theme theme = Theme.LIGHT;

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        ChartStyle.apply(chart, theme, fontSize * 0.9);
        Palette.insideLegend(chart, theme, fontSize, true); // returns climb to the top: keep the legend below them
        ValueMarker bar = (ValueMarker) chart.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        bar.setPaint(ChartStyle.awt(theme.muted()));
        bar.setStroke(Palette.dashed(1.5f));
        bar.setLabelPaint(ChartStyle.awt(theme.foreground()));
        bar.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        bar.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, (int) Math.round(fontSize * 0.75)));
        colour();
    }

    private void colour() {
        for (int i = 0; i < bands.getSeriesCount(); i++) {
            MeTrpoRecord.Curve c = shown.get(i);
            Color col = colourOf(c.kind());
            bandRenderer.setSeriesPaint(i, col);
            bandRenderer.setSeriesFillPaint(i, col);
            bandRenderer.setSeriesStroke(i, Palette.solid(2.5f));
        }
        if (figure == Figure.NUMBER_OF_MODELS) {
            for (int i = 0; i < lines.getSeriesCount(); i++) {
                lineRenderer.setSeriesPaint(i, colourOf(shown.get(i).kind()));
                lineRenderer.setSeriesStroke(i, Palette.dashed(1.5f));
                lineRenderer.setSeriesShapesVisible(i, false);
                lineRenderer.setSeriesVisibleInLegend(i, i == 0);
            }
        } else {
            lineRenderer.setSeriesPaint(0, ChartStyle.awt(theme.foreground()));
            lineRenderer.setSeriesStroke(0, Palette.solid(1.5f));
            lineRenderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        }
    }

    /** One colour per kind in both figures: TRPO the second palette colour, K = 1, 5, 10, 20 the others. */
    private Color colourOf(MeTrpoRecord.Kind k) {
        if (k.modelFree()) return Palette.line(theme, 1);
        int slot = switch (k.members()) {
            case 5 -> 0;
            case 1 -> 3;
            case 10 -> 2;
            case 20 -> 4;
            default -> 5;
        };
        return Palette.line(theme, slot);
    }

    String csv() {
        StringBuilder sb = new StringBuilder("curve,real_steps,mean,low,high\n");
        for (int i = 0; i < bands.getSeriesCount(); i++) {
            YIntervalSeries s = bands.getSeries(i);
            for (int j = 0; j < s.getItemCount(); j++) {
                sb.append(String.format(Locale.ROOT, "\"%s\",%s,%s,%s,%s%n", s.getKey(), s.getX(j), s.getYValue(j),
                        s.getYLowValue(j), s.getYHighValue(j)));
            }
        }
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            XYSeries s = lines.getSeries(i);
            for (int j = 0; j < s.getItemCount(); j++) {
                sb.append(String.format(Locale.ROOT, "\"%s\",%s,%s,,%n", s.getKey(), s.getX(j), s.getY(j)));
            }
        }
        return sb.toString();
    }
}
