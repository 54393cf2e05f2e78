package org.mbrllab.app.common.search;

import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.FigureShape;
import org.mbrllab.engine.play.GameSnapshot.MoveRecord;
import org.mbrllab.engine.play.GameSnapshot.Waiting;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot;
import org.mbrllab.engine.mcts.MctsSnapshot.NodeView;
import org.mbrllab.engine.play.GameSnapshot;

/**
 * A game against a search, drawn: the board (click to play), the root's statistics per move (N, Q and,
 * for a network, P), the search tree with the simulation in flight, the node inspector floating over the
 * tree, and the sentence saying what the last phase did. The MCTS and AlphaZero panes both show one; the
 * pane's view-model is reached only through {@link Hooks}. FX thread only.
 *
 * <p>Layout: the board and the chart side by side above the tree, with draggable dividers. A short figure
 * (a projector at 1280 × 800) gives the tree the larger share.
 */
public final class SearchFigure extends VBox {

    /** What the figure asks of its pane's view-model. */
    public interface Hooks {
        /** A click on the board; false (and a message) when it cannot be played. */
        boolean playAt(int move);

        void toggleExpanded(int nodeId, int treeVersion);

        boolean isExpanded(int nodeId, int treeVersion);

        /** Whether a run is going (drawing then follows at a calmer pace). */
        boolean running();

        /** Plies of the tree drawn. */
        IntegerProperty viewDepthProperty();

        /** Children drawn per node. */
        IntegerProperty topKProperty();
    }

    /** How often the root chart (and a hovered node's card) follows a running search. */
    static final int CHART_UPDATES_PER_SECOND = 4;
    /** How often the tree follows a running search that records no phases (a fast run). */
    static final int TREE_UPDATES_PER_SECOND = 12;

    private final Appearance appearance;
    private final String searcher;
    private final Hooks hooks;
    private final BoardCanvas board = new BoardCanvas();
    private final RootStatsChart chart = new RootStatsChart();
    private final TreeCanvas tree = new TreeCanvas();
    private final NodeInspector inspector = new NodeInspector();
    private final Label turn = new Label();
    private final Label lastMove = new Label();
    private final Label boardMessage = new Label();
    private final Label phaseText = new Label();
    private final TreeArea treeArea;
    private final Pacer<MctsSnapshot> chartPacer;
    private final Pacer<MctsSnapshot> treePacer;
    private final SplitPane top;
    private final SplitPane middle;
    private final FigureShape.Turning turning;
    private final HBox viewBar;
    private boolean compact;
    private GameSnapshot current;
    private int inspectedId = -1;
    private long inspectedAt;

    /**
     * @param searcher what the text calls the search: "MCTS", "AlphaZero"
     */
    public SearchFigure(Appearance appearance, String searcher, Hooks hooks) {
        this.appearance = appearance;
        this.searcher = searcher;
        this.hooks = hooks;
        board.setId("board-canvas");
        tree.setId("tree-canvas");
        turn.setId("turn-label");
        turn.getStyleClass().add("explain-heading");
        turn.setWrapText(true);
        lastMove.setId("last-move-label");
        lastMove.setStyle("-fx-font-size: 0.9em; -fx-font-weight: normal;");
        lastMove.setWrapText(true);
        boardMessage.setId("board-message");
        boardMessage.setWrapText(true);
        boardMessage.getStyleClass().add("parameter-error");
        phaseText.setId("phase-text");
        phaseText.setWrapText(true);
        for (Label l : new Label[] {turn, lastMove, boardMessage, phaseText}) l.setMinHeight(Region.USE_PREF_SIZE);

        // At most 4 plies of 5 children (780 boxes): a snapshot copies them 30 times a second.
        ChoiceBox<Integer> depthChoice = new ChoiceBox<>();
        depthChoice.setId("tree-depth-choice");
        depthChoice.getItems().setAll(1, 2, 3, 4);
        depthChoice.valueProperty().addListener((obs, o, n) -> { if (n != null) hooks.viewDepthProperty().set(n); });
        depthChoice.setValue(hooks.viewDepthProperty().get());
        depthChoice.setTooltip(new Tooltip("Plies of the tree drawn; deeper nodes open with their + handle. The current path is always drawn."));
        ChoiceBox<Integer> topChoice = new ChoiceBox<>();
        topChoice.setId("tree-top-choice");
        topChoice.getItems().setAll(1, 2, 3, 4, 5);
        topChoice.valueProperty().addListener((obs, o, n) -> { if (n != null) hooks.topKProperty().set(n); });
        topChoice.setValue(hooks.topKProperty().get());
        topChoice.setTooltip(new Tooltip("Children drawn per node, most visited first; the rest fold into “+k more”"));
        Button fit = new Button("Fit");
        fit.setId("fit-tree-button");
        fit.setFocusTraversable(false);
        fit.setOnAction(e -> tree.fit());
        fit.setTooltip(new Tooltip("Fit the whole tree into the view again (or double-click empty space)"));
        viewBar = new HBox(6, SearchControls.label("depth"), depthChoice, SearchControls.label("top"), topChoice, fit);
        viewBar.setAlignment(Pos.CENTER_RIGHT);
        viewBar.setId("tree-view-bar");

        VBox boardBox = new VBox(4, turn, board, lastMove, boardMessage);
        boardBox.setPadding(new Insets(4, 8, 4, 8));
        boardBox.setMinWidth(0);
        VBox.setVgrow(board, Priority.ALWAYS);
        top = new SplitPane(boardBox, chart);
        top.setDividerPositions(0.5);
        top.setMinHeight(0);
        treeArea = new TreeArea(tree, inspector, viewBar);
        inspector.setVisible(false);
        middle = new SplitPane(top, treeArea);
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.45);
        VBox.setVgrow(middle, Priority.ALWAYS);
        phaseText.setPadding(new Insets(4, 8, 6, 8));
        getChildren().addAll(middle, phaseText);
        setMinSize(0, 0);

        chartPacer = new Pacer<>(CHART_UPDATES_PER_SECOND, hooks::running, chart::update);
        // Phase and simulation steps are drawn one by one; batches, which record nothing, at a calmer pace.
        BooleanSupplier batched = () -> hooks.running() && current != null && current.search().simulation() != null
                && !current.search().simulation().detailed();
        treePacer = new Pacer<>(TREE_UPDATES_PER_SECOND, batched, tree::show);

        IntPredicate onMove = hooks::playAt;
        board.setOnMove(onMove::test);
        BiConsumer<Integer, Integer> expand = hooks::toggleExpanded;
        BiPredicate<Integer, Integer> expanded = hooks::isExpanded;
        tree.setOnExpand(expand);
        tree.setIsExpanded(expanded);
        tree.inspectedProperty().addListener((obs, o, n) -> showInspector(n));
        // Wide (a projector with the side panels hidden, F9): board over chart on the left, the tree beside
        // them at the full height, its boxes and text about twice as large as under them.
        turning = new FigureShape.Turning(this, middle, top, 0.45, 0.34);
        appearance.themeProperty().addListener((obs, o, n) -> applyTheme());
        appearance.fontSizeProperty().addListener((obs, o, n) -> applyTheme());
        applyTheme();
    }

    public BoardCanvas board() { return board; }
    public TreeCanvas tree() { return tree; }
    public NodeInspector inspector() { return inspector; }
    RootStatsChart chart() { return chart; }

    /** The root's charts (tests). */
    public RootStatsChart rootStats() { return chart; }

    /**
     * The layout for a short pane (a projector at 1280 × 800, where the pane is under
     * {@value FigureShape#SHORT_EMS} lines of text high, see {@link FigureShape#followHeight}): one-line
     * labels over the board, the phase sentence and the chart text smaller, the move axes unlabelled, the
     * board and tree sharing the height evenly.
     */
    public void setCompact(boolean on) {
        if (compact == on) return;
        compact = on;
        turn.setWrapText(!on);
        lastMove.setWrapText(!on);
        lastMove.setStyle("-fx-font-size: " + (on ? "0.8em" : "0.9em") + "; -fx-font-weight: normal;");
        turn.setStyle(on ? "-fx-font-size: 0.9em;" : "");
        phaseText.setStyle(on ? "-fx-font-size: 0.8em;" : "");
        phaseText.setPadding(on ? new Insets(2, 8, 2, 8) : new Insets(4, 8, 6, 8));
        chart.setCompact(on);
        viewBar.setStyle(on ? "-fx-font-size: 0.75em;" : "");
        turning.setTallDivider(on ? 0.5 : 0.45);
    }

    public boolean isCompact() {
        return compact;
    }

    /** Wide (the tree beside board and chart), see {@link FigureShape.Turning}. */
    public boolean isWide() {
        return turning.isWide();
    }

    /** Where a click on the board plays {@code move}, on screen (for tests). */
    public javafx.geometry.Point2D moveOnScreen(int move) {
        return board.localToScreen(board.moveCenter(move));
    }

    /** The tree's drawn node with {@code id}, on screen, if drawn (for tests). */
    public java.util.Optional<javafx.geometry.Point2D> nodeOnScreen(int id) {
        return tree.nodeCenter(id).map(tree::localToScreen);
    }

    /** The priors the root chart shows, move → P; empty without a network (for tests). */
    public java.util.Map<Integer, Double> shownPriors() {
        return chart.shownPriors();
    }

    /** The node the inspector shows, or null. */
    public NodeView inspected() {
        return tree.inspectedProperty().get();
    }

    /** The sentence under the board (why a click was refused), or empty. */
    public void setMessage(String text) {
        boardMessage.setText(text);
    }

    /** Draws {@code g}; {@code message} is the view-model's current message. */
    public void show(GameSnapshot g, String message) {
        if (g == null) return;
        current = g;
        MctsSnapshot s = g.search();
        int legal = 0;
        if (g.waiting() == Waiting.YOUR_MOVE) {
            for (int m = 0; m < s.rootVisits().length; m++) if (s.rootVisits()[m] >= 0) legal |= 1 << m;
        }
        MoveRecord last = g.moves().isEmpty() ? null : g.moves().get(g.moves().size() - 1);
        board.show(s.game(), s.rootBoard(), last == null ? -1 : last.move(), legal);
        chartPacer.accept(s);
        treePacer.accept(s);
        turn.setText(turnText(g));
        lastMove.setText(last == null ? "" : lastMoveText(last));
        if (g.waiting() != Waiting.YOUR_MOVE || !g.moves().isEmpty()) boardMessage.setText(message);
        phaseText.setText(PhaseText.describe(g));
    }

    private String turnText(GameSnapshot g) {
        MctsSnapshot s = g.search();
        String me = searcher + " (" + Side.name(g.mctsSide()) + ")";
        return switch (g.waiting()) {
            case OVER -> "Game over: " + g.result();
            case SEARCH -> me + " searching: " + MoveNames.count(s.simulations()) + " of "
                    + MoveNames.count(s.budget()) + " simulations";
            case MCTS_MOVE -> me + " has spent its budget: it plays " + s.bestMove();
            case YOUR_MOVE -> "Your move (" + Side.name(s.rootToMove()) + "): click "
                    + (s.game() == Game.TIC_TAC_TOE ? "a cell" : "a column");
            case OPPONENT_MOVE -> g.opponent() + " (" + Side.name(s.rootToMove()) + ") moves next";
        };
    }

    private String lastMoveText(MoveRecord m) {
        String by = m.by().equals("you") ? "You" : m.by().equals("MCTS") ? searcher : m.by();
        String who = by + " (" + Side.name(m.side()) + ") played " + m.move();
        if (m.visits() < 0) return who + ".";
        return who + ": N = " + MoveNames.count(m.visits()) + " of " + MoveNames.count(m.rootVisits()) + " visits"
                + (m.kept() > 0 ? " (" + MoveNames.count(m.kept()) + " kept by tree reuse)" : "")
                + ", Q = " + MoveNames.value(m.q()) + ".";
    }

    private void showInspector(NodeView n) {
        GameSnapshot g = current;
        if (n == null || g == null) {
            inspector.setVisible(false);
            return;
        }
        // While the search runs, the card (a table of labels) follows the same node at the chart's pace.
        long now = System.nanoTime();
        boolean sameNode = inspectedId == n.id() && inspector.isVisible();
        if (sameNode && hooks.running() && now - inspectedAt < 1_000_000_000L / CHART_UPDATES_PER_SECOND) return;
        inspectedId = n.id();
        inspectedAt = now;
        inspector.show(n, g.search());
        inspector.setVisible(true);
        // Keep the card away from the node it explains.
        boolean right = tree.nodeCenter(n.id()).map(p -> p.getX() > tree.getWidth() / 2).orElse(false);
        treeArea.setCardLeft(right);
        treeArea.requestLayout();
    }

    private void applyTheme() {
        double size = appearance.fontSize();
        board.setTheme(appearance.theme(), size);
        tree.setTheme(appearance.theme(), size);
        chart.setTheme(appearance.theme(), size);
        inspector.setTheme(appearance.theme(), size);
        if (current != null) {
            chart.update(current.search());
            if (tree.inspectedProperty().get() != null) showInspector(tree.inspectedProperty().get());
        }
    }

    /**
     * The tree filling the area, and the inspector card floating over one of its top corners at its own
     * size, so that the card never changes the layout around it.
     */
    private static final class TreeArea extends Pane {
        private final TreeCanvas tree;
        private final NodeInspector card;
        private final Node bar;
        private boolean left;

        TreeArea(TreeCanvas tree, NodeInspector card, Node bar) {
            this.tree = tree;
            this.card = card;
            this.bar = bar;
            getChildren().addAll(tree, bar, card);
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(widthProperty());
            clip.heightProperty().bind(heightProperty());
            setClip(clip);
            setMinSize(0, 0);
        }

        void setCardLeft(boolean left) {
            if (this.left != left) {
                this.left = left;
                requestLayout();
            }
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            tree.resizeRelocate(0, 0, w, h);
            double bw = bar.prefWidth(-1);
            double bh = bar.prefHeight(bw);
            bar.resizeRelocate(Math.max(0, w - bw - 6), Math.max(0, h - bh - 6), bw, bh);
            tree.setBarSize(bw + 6, bh + 6);
            // The card stops above the view bar.
            double room = Math.max(0, h - bh - 20);
            double cw = Math.min(card.prefWidth(-1), Math.max(0, w - 16));
            card.setCompact(card.isVisible() && card.fullHeight(cw) > room);
            cw = Math.min(card.prefWidth(-1), Math.max(0, w - 16));
            double ch = Math.min(card.prefHeight(cw), room);
            card.resizeRelocate(left ? 8 : w - cw - 8, 8, cw, ch);
        }

        @Override protected double computeMinWidth(double height) { return 0; }
        @Override protected double computeMinHeight(double width) { return bar.prefHeight(-1) * 2; }
        @Override protected double computePrefWidth(double height) { return 400; }
        @Override protected double computePrefHeight(double width) { return 300; }
    }
}
