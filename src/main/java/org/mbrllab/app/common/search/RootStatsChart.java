package org.mbrllab.app.common.search;

import java.awt.Paint;
import java.util.Arrays;

import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import java.util.List;
import org.mbrllab.app.common.ChartStack;
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
import org.mbrllab.engine.mcts.SelectionRule;

/**
 * The root's statistics per move: visits N(root, a) above, Q(root, a) for the side to move below, the
 * move the search would play in the highlight colour; with a network (PUCT) the priors P(root, a) too. Datasets change on the FX thread only, in batches,
 * and only when the numbers changed.
 */
public final class RootStatsChart extends VBox {

    private final XYSeries visits = new XYSeries("N", true, false);
    private final XYSeries q = new XYSeries("Q", true, false);
    private final XYSeries priors = new XYSeries("P", true, false);
    private final JFreeChart visitsChart;
    private final JFreeChart qChart;
    private final JFreeChart priorChart;
    private final ChartViewer priorViewer;
    /** The three charts, stacked or taking turns on a short pane. */
    private final ChartStack stack;
    private boolean priorsOn;
    private final NumberAxis priorMoves = moveAxis();
    private final Bars priorBars = new Bars(false);
    private double[] lastPriors = new double[0];
    private boolean compact;
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

    public RootStatsChart() {
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
        XYSeriesCollection priorData = new XYSeriesCollection(priors);
        priorData.setIntervalWidth(0.7);
        NumberAxis p = new NumberAxis("P");
        p.setRange(0, 1.0);
        p.setAutoRange(false);
        priorChart = new JFreeChart("Prior P per move (network)", JFreeChart.DEFAULT_TITLE_FONT,
                new XYPlot(priorData, priorMoves, p, priorBars), false);
        // 3. Nodes.
        ChartViewer visitsViewer = new ChartViewer(visitsChart);
        ChartViewer qViewer = new ChartViewer(qChart);
        priorViewer = new ChartViewer(priorChart);
        visitsViewer.setId("root-visits-chart");
        qViewer.setId("root-q-chart");
        priorViewer.setId("root-prior-chart");
        for (ChartViewer v : new ChartViewer[] {visitsViewer, qViewer, priorViewer}) {
            v.setMinSize(100, 40);
            v.setPrefSize(300, 120);
        }
        stack = new ChartStack(List.of(visitsViewer, qViewer, priorViewer), List.of("Visits N", "Q", "Prior P"), "root");
        VBox.setVgrow(stack, Priority.ALWAYS);
        setMinSize(0, 0);
        getChildren().add(stack);
        showPriors(false);
    }

    /** Whether the charts are shown one at a time behind the N / Q / P buttons (tests). */
    public boolean oneAtATime() {
        return stack.oneAtATime();
    }

    private static NumberAxis moveAxis() {
        NumberAxis a = new NumberAxis("move");
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        a.setAutoRange(false);
        a.setRange(-0.5, 8.5);
        return a;
    }

    /**
     * Compact (a short window, a projector at 1280 × 800): no move-axis labels and smaller titles, so that
     * the bars keep their height.
     */
    public void setCompact(boolean on) {
        if (compact == on) return;
        compact = on;
        setTheme(theme, fontSize);
    }

    private void showPriors(boolean on) {
        priorsOn = on;
        stack.setShown(2, on);
    }

    /** The priors shown, move → P (illegal moves absent); empty when the search has no network. */
    public java.util.Map<Integer, Double> shownPriors() {
        java.util.Map<Integer, Double> out = new java.util.TreeMap<>();
        if (!priorsOn) return out;
        for (int i = 0; i < priors.getItemCount(); i++) out.put(priors.getX(i).intValue(), priors.getY(i).doubleValue());
        return out;
    }

    public void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        visitsBars.theme = theme;
        qBars.theme = theme;
        double chartFont = fontSize * (compact ? 0.72 : 0.9);
        ChartStyle.apply(visitsChart, theme, chartFont);
        ChartStyle.apply(qChart, theme, chartFont);
        priorBars.theme = theme;
        ChartStyle.apply(priorChart, theme, chartFont);
        zero.setPaint(ChartStyle.awt(theme.foreground()));
        zero.setStroke(new java.awt.BasicStroke(1f));
        lastVisits = new int[0];
    }

    /** Shows the root statistics of {@code s} (skipped when nothing changed). */
    public void update(MctsSnapshot s) {
        int[] v = s.rootVisits();
        double[] qs = s.rootQ();
        double[] ps = s.rule() == SelectionRule.PUCT ? s.rootPrior() : new double[0];
        if (Arrays.equals(v, lastVisits) && Arrays.equals(qs, lastQ) && Arrays.equals(ps, lastPriors) && s.bestMove() == lastBest && s.rootToMove() == lastSide
                && s.nodes() == lastNodes) return;
        lastNodes = s.nodes();
        visitsChart.getTitle().setText("Root: N = " + MoveNames.count(s.tree().visits()) + " · " + MoveNames.plural(s.nodes(), "node", "nodes"));
        lastVisits = v.clone();
        lastQ = qs.clone();
        lastPriors = ps.clone();
        showPriors(ps.length > 0);
        lastBest = s.bestMove();
        lastSide = s.rootToMove();
        visitsBars.best = s.bestMove();
        qBars.best = s.bestMove();
        // A compact chart (a short window) leaves the move axis unlabelled: the tick numbers are the moves.
        String axis = compact ? null : s.game().moves() == 9 ? "move (cell)" : "move (column)";
        visitsMoves.setLabel(axis);
        qMoves.setLabel(axis);
        visitsMoves.setRange(-0.5, v.length - 0.5);
        qMoves.setRange(-0.5, v.length - 0.5);
        priorMoves.setLabel(axis);
        priorMoves.setRange(-0.5, v.length - 0.5);
        priorBars.best = s.bestMove();
        String title = "Q per move, for " + Side.name(s.rootToMove()) + " (to move)";
        if (!title.equals(qChart.getTitle().getText())) {
            qChart.setTitle(title);
            ChartStyle.apply(qChart, theme, fontSize * (compact ? 0.72 : 0.9));
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
        priors.setNotify(false);
        priors.clear();
        for (int m = 0; m < ps.length; m++) if (!Double.isNaN(ps[m])) priors.add(m, ps[m]);
        priors.setNotify(true);
        visits.setNotify(true);
        q.setNotify(true);
    }

    /** The root statistics as CSV: move, visits, Q (empty for illegal or untried moves). */
    public static String csv(MctsSnapshot s) {
        StringBuilder sb = new StringBuilder("move,visits,q\n");
        for (int m = 0; m < s.rootVisits().length; m++) {
            int n = s.rootVisits()[m];
            sb.append(m).append(',').append(n < 0 ? "" : Integer.toString(n)).append(',')
                    .append(Double.isNaN(s.rootQ()[m]) ? "" : Double.toString(s.rootQ()[m])).append('\n');
        }
        return sb.toString();
    }
}
