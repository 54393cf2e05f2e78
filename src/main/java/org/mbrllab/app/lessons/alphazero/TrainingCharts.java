package org.mbrllab.app.lessons.alphazero;

import java.awt.BasicStroke;
import java.util.List;

import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.CategoryTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.search.SideColors;
import org.mbrllab.engine.alphazero.AlphaZeroSnapshot;
import org.mbrllab.engine.alphazero.AlphaZeroSnapshot.BatchLoss;
import org.mbrllab.engine.alphazero.AlphaZeroSnapshot.IterationResult;

/**
 * Training progress: the value loss (z − v)² and the policy loss −πᵀ log p of every batch, and per
 * iteration the wins, draws and losses against pure MCTS at the same simulations, stacked. New points are
 * appended on the FX thread, in batches.
 */
final class TrainingCharts extends VBox {

    private final XYSeries value = new XYSeries("value loss (z − v)²", false, true);
    private final XYSeries policy = new XYSeries("policy loss −π·log p", false, true);
    private final CategoryTableXYDataset resultData = new CategoryTableXYDataset();
    private final JFreeChart lossChart;
    private final JFreeChart resultChart;
    private final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    private final StackedXYBarRenderer bars = new StackedXYBarRenderer(0.2);
    private static final String WINS = "wins";
    private static final String DRAWS = "draws";
    private static final String LOSSES = "losses";
    private int lossesShown;
    private int iterationsShown;

    TrainingCharts() {
        // 1. Datasets.
        XYSeriesCollection lossData = new XYSeriesCollection();
        lossData.addSeries(value);
        lossData.addSeries(policy);
        resultData.setIntervalWidth(0.7);
        // 2. Charts.
        NumberAxis batch = new NumberAxis("batch (Adam step)");
        batch.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis loss = new NumberAxis("loss");
        loss.setAutoRangeIncludesZero(true);
        lossChart = new JFreeChart("Training loss per batch", JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(lossData, batch, loss, lines), true);
        NumberAxis iteration = new NumberAxis("iteration");
        iteration.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis games = new NumberAxis("games");
        games.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        resultChart = new JFreeChart("Against pure MCTS, same simulations: W / D / L per iteration", JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(resultData, iteration, games, bars), true);
        // 3. Nodes.
        ChartViewer lossViewer = new ChartViewer(lossChart);
        ChartViewer resultViewer = new ChartViewer(resultChart);
        lossViewer.setId("loss-chart");
        resultViewer.setId("wdl-chart");
        for (ChartViewer v : new ChartViewer[] {lossViewer, resultViewer}) {
            v.setMinSize(120, 60);
            v.setPrefSize(500, 250);
            VBox.setVgrow(v, Priority.ALWAYS);
        }
        getChildren().addAll(lossViewer, resultViewer);
        setMinSize(0, 0);
    }

    void setTheme(Theme theme, double fontSize) {
        ChartStyle.apply(lossChart, theme, fontSize * 0.9);
        ChartStyle.apply(resultChart, theme, fontSize * 0.9);
        lines.setSeriesPaint(0, ChartStyle.awt(theme.accent()));
        lines.setSeriesPaint(1, ChartStyle.awt(theme.highlight()));
        lines.setSeriesStroke(0, new BasicStroke(1.5f));
        lines.setSeriesStroke(1, new BasicStroke(1.5f));
        bars.setSeriesPaint(0, ChartStyle.awt(SideColors.good(theme)));
        bars.setSeriesPaint(1, ChartStyle.awt(theme.gridLine()));
        bars.setSeriesPaint(2, ChartStyle.awt(SideColors.bad(theme)));
    }

    /** Appends what is new in {@code s}; starts over when {@code s} belongs to a new run. */
    void update(AlphaZeroSnapshot s) {
        List<BatchLoss> losses = s.losses();
        List<IterationResult> history = s.history();
        if (losses.size() < lossesShown || history.size() < iterationsShown) clear();
        if (losses.size() > lossesShown) {
            value.setNotify(false);
            policy.setNotify(false);
            for (int i = lossesShown; i < losses.size(); i++) {
                BatchLoss b = losses.get(i);
                value.add(b.batch(), b.value(), false);
                policy.add(b.batch(), b.policy(), false);
            }
            value.setNotify(true);
            policy.setNotify(true);
            lossesShown = losses.size();
        }
        if (history.size() > iterationsShown) {
            // The series keep their order (wins, draws, losses) from the first iteration added.
            for (int i = iterationsShown; i < history.size(); i++) {
                IterationResult r = history.get(i);
                boolean last = i == history.size() - 1;
                resultData.add(r.iteration(), r.wins(), WINS, false);
                resultData.add(r.iteration(), r.draws(), DRAWS, false);
                resultData.add(r.iteration(), r.losses(), LOSSES, last);
            }
            iterationsShown = history.size();
        }
    }

    void clear() {
        value.clear();
        policy.clear();
        resultData.clear();
        lossesShown = 0;
        iterationsShown = 0;
    }

    /** Batches drawn so far (for tests). */
    int batchesShown() {
        return value.getItemCount();
    }

    /** The history as CSV: iteration, games played, mean losses, W, D, L. */
    static String csv(AlphaZeroSnapshot s) {
        StringBuilder sb = new StringBuilder("iteration,games_played,value_loss,policy_loss,wins,draws,losses\n");
        for (IterationResult r : s.history()) {
            sb.append(r.iteration()).append(',').append(r.gamesPlayed()).append(',').append(r.valueLoss()).append(',')
                    .append(r.policyLoss()).append(',').append(r.wins()).append(',').append(r.draws()).append(',')
                    .append(r.losses()).append('\n');
        }
        return sb.toString();
    }
}
