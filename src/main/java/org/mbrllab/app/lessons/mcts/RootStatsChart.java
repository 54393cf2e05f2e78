package org.mbrllab.app.lessons.mcts;

import java.awt.Paint;
import java.util.Arrays;

import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot;

/**
 * The root's statistics per move: visits N(root, a) above, Q(root, a) for the side to move below, the
 * move the search would play in the highlight colour. Datasets change on the FX thread only, in batches,
 * and only when the numbers changed.
 */
final class RootStatsChart extends VBox {

    private final XYSeries visits = new XYSeries("N", true, false);
    private final XYSeries q = new XYSeries("Q", true, false);
    private final JFreeChart visitsChart;
    private final JFreeChart qChart;
    private final NumberAxis visitsMoves = moveAxis();
    private final NumberAxis qMoves = moveAxis();
    private final Bars visitsBars = new Bars(false);
    private final Bars qBars = new Bars(true);
    private final ValueMarker zero = new ValueMarker(0);
    private int[] lastVisits = new int[0];
    private double[] lastQ = new double[0];
    private int lastBest = -2;
    private int lastSide = -2;
    private int lastNodes = -1;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;

    /** Bars in the accent colour, the best move's in the highlight colour; Q bars green above 0, red below. */
    private static final class Bars extends XYBarRenderer {
        private static final long serialVersionUID = 1L;
        private final boolean signed;
        private transient Theme theme = Theme.LIGHT;
        private int best = -1;

        Bars(boolean signed) {
            super(0.25);
            this.signed = signed;
            setBarPainter(new StandardXYBarPainter());
            setShadowVisible(false);
            setDrawBarOutline(false);
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            XYSeriesCollection data = (XYSeriesCollection) getPlot().getDataset();
            int move = (int) Math.round(data.getXValue(row, column));
            double y = data.getYValue(row, column);
            if (move == best) return ChartStyle.awt(theme.highlight());
            if (signed) return ChartStyle.awt(y >= 0 ? SideColors.good(theme) : SideColors.bad(theme));
            return ChartStyle.awt(theme.accent());
        }
    }

    RootStatsChart() {
        // 1. Datasets.
        XYSeriesCollection visitsData = new XYSeriesCollection(visits);
        XYSeriesCollection qData = new XYSeriesCollection(q);
        visitsData.setIntervalWidth(0.7);
        qData.setIntervalWidth(0.7);
        // 2. Charts.
        NumberAxis n = new NumberAxis("visits N");
        n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        n.setAutoRangeIncludesZero(true);
        XYPlot visitsPlot = new XYPlot(visitsData, visitsMoves, n, visitsBars);
        visitsChart = new JFreeChart("Root: visits per move", JFreeChart.DEFAULT_TITLE_FONT, visitsPlot, false);
        NumberAxis value = new NumberAxis("Q");
        value.setRange(-1.05, 1.05);
        value.setAutoRange(false);
        XYPlot qPlot = new XYPlot(qData, qMoves, value, qBars);
        qPlot.addRangeMarker(zero);
        qChart = new JFreeChart("Q per move", JFreeChart.DEFAULT_TITLE_FONT, qPlot, false);
        // 3. Nodes.
        ChartViewer visitsViewer = new ChartViewer(visitsChart);
        ChartViewer qViewer = new ChartViewer(qChart);
        visitsViewer.setId("root-visits-chart");
        qViewer.setId("root-q-chart");
        for (ChartViewer v : new ChartViewer[] {visitsViewer, qViewer}) {
            v.setMinSize(160, 50);
            VBox.setVgrow(v, Priority.ALWAYS);
        }
        getChildren().addAll(visitsViewer, qViewer);
    }

    private static NumberAxis moveAxis() {
        NumberAxis a = new NumberAxis("move");
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        a.setAutoRange(false);
        a.setRange(-0.5, 8.5);
        return a;
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        visitsBars.theme = theme;
        qBars.theme = theme;
        ChartStyle.apply(visitsChart, theme, fontSize * 0.9);
        ChartStyle.apply(qChart, theme, fontSize * 0.9);
        zero.setPaint(ChartStyle.awt(theme.foreground()));
        zero.setStroke(new java.awt.BasicStroke(1f));
        lastVisits = new int[0];
    }

    /** Shows the root statistics of {@code s} (skipped when nothing changed). */
    void update(MctsSnapshot s) {
        int[] v = s.rootVisits();
        double[] qs = s.rootQ();
        if (Arrays.equals(v, lastVisits) && Arrays.equals(qs, lastQ) && s.bestMove() == lastBest && s.rootToMove() == lastSide
                && s.nodes() == lastNodes) return;
        lastNodes = s.nodes();
        visitsChart.getTitle().setText("Root: N = " + MoveNames.count(s.tree().visits()) + " · " + MoveNames.plural(s.nodes(), "node", "nodes"));
        lastVisits = v.clone();
        lastQ = qs.clone();
        lastBest = s.bestMove();
        lastSide = s.rootToMove();
        visitsBars.best = s.bestMove();
        qBars.best = s.bestMove();
        String axis = s.game().moves() == 9 ? "move (cell)" : "move (column)";
        visitsMoves.setLabel(axis);
        qMoves.setLabel(axis);
        visitsMoves.setRange(-0.5, v.length - 0.5);
        qMoves.setRange(-0.5, v.length - 0.5);
        String title = "Q per move, for " + Side.name(s.rootToMove()) + " (to move)";
        if (!title.equals(qChart.getTitle().getText())) {
            qChart.setTitle(title);
            ChartStyle.apply(qChart, theme, fontSize * 0.9);
        }
        visits.setNotify(false);
        q.setNotify(false);
        visits.clear();
        q.clear();
        for (int m = 0; m < v.length; m++) {
            if (v[m] < 0) continue;
            visits.add(m, v[m]);
            if (!Double.isNaN(qs[m])) q.add(m, qs[m]);
        }
        visits.setNotify(true);
        q.setNotify(true);
    }

    /** The root statistics as CSV: move, visits, Q (empty for illegal or untried moves). */
    static String csv(MctsSnapshot s) {
        StringBuilder sb = new StringBuilder("move,visits,q\n");
        for (int m = 0; m < s.rootVisits().length; m++) {
            int n = s.rootVisits()[m];
            sb.append(m).append(',').append(n < 0 ? "" : Integer.toString(n)).append(',')
                    .append(Double.isNaN(s.rootQ()[m]) ? "" : Double.toString(s.rootQ()[m])).append('\n');
        }
        return sb.toString();
    }
}
