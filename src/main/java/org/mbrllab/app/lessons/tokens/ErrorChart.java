package org.mbrllab.app.lessons.tokens;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Palette;
import org.mbrllab.app.common.Theme;

/**
 * Open-loop error per imagined step on the Dreamer lesson's 50 held-out windows (5 context frames): the
 * transformer (greedy, and the mean of {@value TokensEngine#SAMPLED} sampled futures) and the RSSM against copying
 * the last context frame and drawing the mean frame.
 */
final class ErrorChart {
    private final XYSeries transformer = new XYSeries("transformer (greedy)", false, false);
    private final XYSeries sampled = new XYSeries("transformer (mean of " + TokensEngine.SAMPLED + " samples)", false, false);
    private final XYSeries rssm = new XYSeries("RSSM", false, false);
    private final XYSeries copyLast = new XYSeries("copy last frame", false, false);
    private final XYSeries meanFrame = new XYSeries("mean frame", false, false);
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = Palette.lines();
    private final JFreeChart chart;
    private final ChartViewer viewer;

    ErrorChart() {
        data.addSeries(transformer);
        data.addSeries(rssm);
        data.addSeries(copyLast);
        data.addSeries(meanFrame);
        data.addSeries(sampled);
        NumberAxis x = new NumberAxis("imagined step");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.5, TokensEngine.HORIZON + 0.5);
        NumberAxis y = new NumberAxis("mse per pixel");
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.9);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        chart = new JFreeChart("Open-loop error (" + TokensEngine.SEQUENCES + " held-out sequences, C = "
                + TokensEngine.CONTEXT + ")", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Palette.solidGrid(chart);
        viewer = Palette.viewer(chart, "tokens-chart");
    }

    ChartViewer node() {
        return viewer;
    }

    /** Points of the transformer's curve (for tests). */
    int points() {
        return transformer.getItemCount();
    }

    void show(TokensEngine.Benchmark b) {
        data.setNotify(false);
        for (XYSeries s : new XYSeries[] {transformer, rssm, copyLast, meanFrame, sampled}) s.clear();
        if (b != null) {
            for (int k = 0; k < b.transformer().length; k++) {
                transformer.add(k + 1, b.transformer()[k]);
                if (b.rssm() != null) rssm.add(k + 1, b.rssm()[k]);
                copyLast.add(k + 1, b.copyLast()[k]);
                meanFrame.add(k + 1, b.meanFrame()[k]);
                sampled.add(k + 1, b.sampledMean()[k]);
            }
            chart.setTitle(b.complete() ? "Open-loop error (" + b.total() + " held-out sequences, C = " + TokensEngine.CONTEXT + ")"
                    : "Open-loop error (" + b.done() + " of " + b.total() + " sequences so far)");
        }
        data.setNotify(true);
    }

    void setTheme(Theme t, double fontSize) {
        ChartStyle.apply(chart, t, fontSize);
        Palette.insideLegend(chart, t, fontSize);
        for (int i = 0; i < 5; i++) renderer.setSeriesPaint(i, Palette.line(t, i));
        renderer.setSeriesStroke(0, Palette.solid(3.5f));
        renderer.setSeriesStroke(1, Palette.solid(2.5f));
        renderer.setSeriesStroke(2, Palette.dashed(2f));
        renderer.setSeriesStroke(3, Palette.dashed(2f));
        renderer.setSeriesStroke(4, Palette.solid(3.5f));
    }

    /** The curves as CSV: step, transformer (greedy), rssm (empty without one), copy_last, mean_frame, transformer_sampled_mean. */
    String csv() {
        StringBuilder b = new StringBuilder("step,transformer,rssm,copy_last,mean_frame,transformer_sampled_mean\n");
        for (int i = 0; i < transformer.getItemCount(); i++) {
            b.append(transformer.getX(i)).append(',').append(transformer.getY(i)).append(',')
                    .append(i < rssm.getItemCount() ? rssm.getY(i).toString() : "").append(',')
                    .append(copyLast.getY(i)).append(',').append(meanFrame.getY(i)).append(',')
                    .append(sampled.getY(i)).append('\n');
        }
        return b.toString();
    }
}
