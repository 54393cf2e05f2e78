package org.mbrllab.app.lessons.alphazero;

import java.awt.BasicStroke;

import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.alphazero.BudgetComparison;
import org.mbrllab.engine.alphazero.BudgetComparison.Row;
import org.mbrllab.engine.alphazero.BudgetComparison.Search;

/**
 * The loss rate against minimax per simulation budget (log₂ scale), one line for MCTS with rollouts and
 * one for MCTS with the value network. A point appears as soon as its budget has a game.
 */
final class ComparisonChart extends VBox {

    private final XYSeries rollouts = new XYSeries(Search.ROLLOUTS.toString(), true, false);
    private final XYSeries network = new XYSeries(Search.NETWORK.toString(), true, false);
    private final JFreeChart chart;
    private final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
    private final LogAxis budgets = new LogAxis("simulations per move (log scale)");

    ComparisonChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(rollouts);
        data.addSeries(network);
        budgets.setBase(2);
        budgets.setTickUnit(new NumberTickUnit(1));
        budgets.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        budgets.setRange(1.5, 700);
        budgets.setAutoRange(false);
        NumberAxis rate = new NumberAxis("games lost to minimax (%)");
        rate.setRange(0, 105);
        rate.setAutoRange(false);
        chart = new JFreeChart("Loss rate against minimax at equal simulations", JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(data, budgets, rate, lines), true);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("comparison-chart");
        viewer.setMinSize(120, 80);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        getChildren().add(viewer);
        setMinSize(0, 0);
    }

    void setTheme(Theme theme, double fontSize) {
        ChartStyle.apply(chart, theme, fontSize * 0.9);
        lines.setSeriesPaint(0, ChartStyle.awt(theme.highlight()));
        lines.setSeriesPaint(1, ChartStyle.awt(theme.accent()));
        lines.setSeriesStroke(0, new BasicStroke(2.5f));
        lines.setSeriesStroke(1, new BasicStroke(2.5f));
    }

    void update(BudgetComparison.Snapshot s) {
        rollouts.setNotify(false);
        network.setNotify(false);
        rollouts.clear();
        network.clear();
        int last = s.rows().get(s.rows().size() - 1).budget();
        budgets.setRange(s.rows().get(0).budget() / 1.3, last * 1.3);
        for (Row r : s.rows()) {
            if (r.rollouts().games() > 0) rollouts.add(r.budget(), 100 * r.rollouts().lossRate());
            if (r.network().games() > 0) network.add(r.budget(), 100 * r.network().lossRate());
        }
        rollouts.setNotify(true);
        network.setNotify(true);
    }

    /**
     * The smallest budget from which {@code search} lost no game at any budget played in full, or −1 when
     * it lost at the largest one (or nothing is played yet).
     */
    static int neverLosesFrom(BudgetComparison.Snapshot s, Search search) {
        int from = -1;
        for (Row r : s.rows()) {
            var t = r.of(search);
            if (t.games() < s.gamesPerBudget()) break;
            if (t.losses() > 0) from = -1;
            else if (from < 0) from = r.budget();
        }
        return from;
    }

    static String csv(BudgetComparison.Snapshot s) {
        StringBuilder sb = new StringBuilder("budget,rollout_wins,rollout_draws,rollout_losses,network_wins,network_draws,network_losses\n");
        for (Row r : s.rows()) {
            sb.append(r.budget()).append(',').append(r.rollouts().wins()).append(',').append(r.rollouts().draws()).append(',')
                    .append(r.rollouts().losses()).append(',').append(r.network().wins()).append(',').append(r.network().draws())
                    .append(',').append(r.network().losses()).append('\n');
        }
        return sb.toString();
    }
}
