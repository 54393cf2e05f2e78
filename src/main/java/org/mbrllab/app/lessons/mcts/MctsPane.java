package org.mbrllab.app.lessons.mcts;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.LessonPane;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunControls;
import org.mbrllab.app.lessons.mcts.GameSnapshot.MoveRecord;
import org.mbrllab.app.lessons.mcts.GameSnapshot.Waiting;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot;
import org.mbrllab.engine.mcts.MctsSnapshot.NodeView;
import org.mbrllab.engine.mcts.PlayerSpec;
import org.mbrllab.engine.mcts.Rollout;

/**
 * The MCTS lesson's pane: the board (click to play, or watch a match), the root's visits and Q per move,
 * the search tree with the simulation in flight highlighted phase by phase, and the inspector that shows a
 * node's board and the selection terms of its children.
 */
public final class MctsPane implements LessonPane {

    private final Appearance appearance;
    private final MctsViewModel vm = new MctsViewModel();
    private final BoardCanvas board = new BoardCanvas();
    private final RootStatsChart chart = new RootStatsChart();
    private final TreeCanvas tree = new TreeCanvas();
    private final NodeInspector inspector = new NodeInspector();
    private final Label turn = new Label();
    private final Label lastMove = new Label();
    private final Label boardMessage = new Label();
    private final Label phaseText = new Label();
    private final ChoiceBox<Game> gameChoice = new ChoiceBox<>();
    private final ChoiceBox<Mode> modeChoice = new ChoiceBox<>();
    private final Button mctsMove = new Button("MCTS move");
    private final BorderPane view = new BorderPane();
    private final VBox figure;
    private final TreeArea treeArea;
    private boolean synchronous;
    /** How often the root chart (and a hovered node's card) follows a running search. */
    static final int CHART_UPDATES_PER_SECOND = 4;
    /** How often the tree follows a running search that records no phases (a fast run). */
    static final int TREE_UPDATES_PER_SECOND = 12;
    private final Pacer<MctsSnapshot> chartPacer;
    private final Pacer<MctsSnapshot> treePacer;
    private int inspectedId = -1;
    private long inspectedAt;
    private boolean chartWaiting;

    public MctsPane(Appearance appearance) {
        this.appearance = appearance;
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
        for (Label l : new Label[] {turn, lastMove, boardMessage, phaseText}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }

        // Toolbar: the game and who plays.
        gameChoice.setId("game-choice");
        gameChoice.getItems().setAll(Game.values());
        gameChoice.setConverter(converter(Game::displayName));
        gameChoice.valueProperty().bindBidirectional(vm.gameProperty());
        gameChoice.setTooltip(new Tooltip("Tic-tac-toe (9 cells) or Connect Four (7 columns, 6 rows); a new game starts"));
        modeChoice.setId("mode-choice");
        modeChoice.getItems().setAll(Mode.values());
        modeChoice.valueProperty().bindBidirectional(vm.modeProperty());
        modeChoice.setTooltip(new Tooltip("Play against the search by clicking the board, or watch it play an opponent one move per step"));

        // Pane strip.
        ChoiceBox<StepSize> stepChoice = new ChoiceBox<>();
        stepChoice.setId("step-size-choice");
        stepChoice.getItems().setAll(StepSize.values());
        stepChoice.valueProperty().bindBidirectional(vm.stepSizeProperty());
        stepChoice.setTooltip(new Tooltip("What one press of Step (→) does: one phase (selection, expansion, simulation, backup), "
                + "one whole simulation, N simulations (the parameter N), or the rest of the budget. A fast run uses batches."));
        ChoiceBox<Integer> sideChoice = new ChoiceBox<>();
        sideChoice.setId("mcts-side-choice");
        sideChoice.getItems().setAll(Side.X, Side.O);
        sideChoice.setConverter(converter(Side::name));
        sideChoice.setValue(vm.mctsSideProperty().get());
        sideChoice.valueProperty().addListener((obs, o, n) -> { if (n != null) vm.mctsSideProperty().set(n); });
        vm.mctsSideProperty().addListener((obs, o, n) -> sideChoice.setValue(n.intValue()));
        sideChoice.setTooltip(new Tooltip("The side the search plays; X moves first"));
        ChoiceBox<String> opponentChoice = new ChoiceBox<>();
        opponentChoice.setId("opponent-choice");
        opponentChoice.getItems().setAll(MctsViewModel.OPPONENTS);
        opponentChoice.setConverter(converter(MctsPane::opponentName));
        opponentChoice.valueProperty().bindBidirectional(vm.opponentProperty());
        opponentChoice.setTooltip(new Tooltip("Who plays the other side in a match: exact minimax with alpha-beta "
                + "(depth 7 in Connect Four), random moves, or MCTS with other settings"));
        ChoiceBox<Rollout> rolloutChoice = new ChoiceBox<>();
        rolloutChoice.setId("rollout-choice");
        rolloutChoice.getItems().setAll(Rollout.values());
        rolloutChoice.setConverter(converter(r -> r == Rollout.UNIFORM_RANDOM ? "Random rollout" : "Win-taking rollout"));
        rolloutChoice.valueProperty().bindBidirectional(vm.rolloutProperty());
        rolloutChoice.setTooltip(new Tooltip("The simulation's default policy: uniformly random moves, or random moves "
                + "except that a move winning at once is always taken"));
        CheckBox reuse = new CheckBox("Tree reuse");
        reuse.setId("reuse-check");
        reuse.selectedProperty().bindBidirectional(vm.reuseProperty());
        reuse.setTooltip(new Tooltip("Keep the subtree of the moves played as the next search's tree; off: every search starts from one node"));
        CheckBox answers = new CheckBox("MCTS answers");
        answers.setId("auto-answer-check");
        answers.selectedProperty().bindBidirectional(vm.autoAnswerProperty());
        answers.setTooltip(new Tooltip("After your click the search runs its budget at the run speed and plays; "
                + "off: grow the tree with Step and press “MCTS move”"));
        mctsMove.setId("mcts-move-button");
        mctsMove.setFocusTraversable(false);
        mctsMove.setOnAction(e -> vm.playSearchMove());
        // At most 4 plies of 5 children (780 boxes): a snapshot copies them 30 times a second.
        ChoiceBox<Integer> depthChoice = new ChoiceBox<>();
        depthChoice.setId("tree-depth-choice");
        depthChoice.getItems().setAll(1, 2, 3, 4);
        depthChoice.valueProperty().addListener((obs, o, n) -> { if (n != null) vm.viewDepthProperty().set(n); });
        depthChoice.setValue(vm.viewDepthProperty().get());
        depthChoice.setTooltip(new Tooltip("Plies of the tree drawn; deeper nodes open with their + handle. The current path is always drawn."));
        ChoiceBox<Integer> topChoice = new ChoiceBox<>();
        topChoice.setId("tree-top-choice");
        topChoice.getItems().setAll(1, 2, 3, 4, 5);
        topChoice.valueProperty().addListener((obs, o, n) -> { if (n != null) vm.topKProperty().set(n); });
        topChoice.setValue(vm.topKProperty().get());
        topChoice.setTooltip(new Tooltip("Children drawn per node, most visited first; the rest fold into “+k more”"));
        Button fit = new Button("Fit");
        fit.setId("fit-tree-button");
        fit.setFocusTraversable(false);
        fit.setOnAction(e -> tree.fit());
        fit.setTooltip(new Tooltip("Fit the whole tree into the view again (or double-click empty space)"));

        Label opponentLabel = label("Opponent");
        Runnable showMode = () -> {
            boolean match = vm.modeProperty().get() == Mode.MATCH;
            for (Node n : new Node[] {opponentLabel, opponentChoice}) {
                n.setVisible(match);
                n.setManaged(match);
            }
            answers.setVisible(!match);
            answers.setManaged(!match);
            mctsMove.setText(match ? "Next move" : "MCTS move");
            mctsMove.setTooltip(new Tooltip(match ? "Play the next move of the match: the search's (finishing its budget first) or the opponent's"
                    : "Finish the budget and play the search's move for the side to move"));
        };
        vm.modeProperty().addListener((obs, o, n) -> showMode.run());
        showMode.run();

        FlowPane strip = new FlowPane(10, 6, label("Step"), stepChoice, label("MCTS plays"), sideChoice, opponentLabel,
                opponentChoice, rolloutChoice, reuse, answers, mctsMove);
        strip.setAlignment(Pos.CENTER_LEFT);
        HBox viewBar = new HBox(6, label("depth"), depthChoice, label("top"), topChoice, fit);
        viewBar.setAlignment(Pos.CENTER_RIGHT);
        viewBar.setId("tree-view-bar");
        strip.setPadding(new Insets(6, 8, 6, 8));

        VBox boardBox = new VBox(4, turn, board, lastMove, boardMessage);
        boardBox.setPadding(new Insets(4, 8, 4, 8));
        VBox.setVgrow(board, Priority.ALWAYS);
        SplitPane top = new SplitPane(boardBox, chart);
        top.setDividerPositions(0.55);
        treeArea = new TreeArea(tree, inspector, viewBar);
        inspector.setVisible(false);
        SplitPane middle = new SplitPane(top, treeArea);
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.45);
        // A short pane (a projector at 1280 × 800) gives the tree the larger share; the divider can be dragged.
        middle.heightProperty().addListener((obs, o, n) -> {
            if (o.doubleValue() == 0 && n.doubleValue() > 0 && n.doubleValue() < appearance.fontSize() * 30) {
                middle.setDividerPositions(0.36);
            }
        });
        VBox.setVgrow(middle, Priority.ALWAYS);
        phaseText.setPadding(new Insets(4, 8, 6, 8));
        figure = new VBox(middle, phaseText);
        view.setTop(strip);
        view.setCenter(figure);

        chartPacer = new Pacer<>(CHART_UPDATES_PER_SECOND, () -> vm.lastStatus().running(), chart::update);
        // Phase and simulation steps are drawn one by one; batches, which record nothing, at a calmer pace.
        treePacer = new Pacer<>(TREE_UPDATES_PER_SECOND, () -> vm.lastStatus().running()
                && vm.snapshot() != null && vm.snapshot().search().simulation() != null
                && !vm.snapshot().search().simulation().detailed(), tree::show);

        // Drawing follows the view-model.
        board.setOnMove(vm::playAt);
        tree.setOnExpand(vm::toggleExpanded);
        tree.setIsExpanded(vm::isExpanded);
        tree.inspectedProperty().addListener((obs, o, n) -> showInspector(n));
        vm.snapshotProperty().addListener((obs, o, n) -> redraw(n));
        vm.messageProperty().addListener((obs, o, n) -> boardMessage.setText(n));
        appearance.themeProperty().addListener((obs, o, n) -> applyTheme());
        appearance.fontSizeProperty().addListener((obs, o, n) -> applyTheme());
        applyTheme();
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return MctsViewModel.parameterSpecs();
    }

    /** Makes the next {@link #activate} drive the engine on the calling thread (tests). */
    public void useSynchronousEngine() {
        synchronous = true;
    }

    MctsViewModel viewModel() { return vm; }
    BoardCanvas board() { return board; }
    TreeCanvas tree() { return tree; }
    NodeInspector inspector() { return inspector; }

    // ---------------------------------------------------------------- LessonPane

    @Override public Node view() { return view; }

    @Override public List<Node> toolbarItems() {
        return List.of(label("Game"), gameChoice, label("Mode"), modeChoice);
    }

    @Override public ParameterModel parameters() { return vm.parameters(); }

    @Override public RunControls controls() { return vm; }

    @Override public void activate(PaneContext context) {
        vm.open(context, synchronous);
    }

    @Override public void deactivate() { vm.close(); }

    @Override public Node figure() { return figure; }

    @Override public Optional<String> chartCsv() {
        GameSnapshot s = vm.snapshot();
        return s == null ? Optional.empty() : Optional.of(RootStatsChart.csv(s.search()));
    }

    @Override public String savePreset() { return vm.presetText(); }

    @Override public String presetExtension() { return "mcts"; }

    @Override public void loadPreset(String text, String source) {
        vm.loadPreset(text, source);
    }

    // ---------------------------------------------------------------- drawing

    private void redraw(GameSnapshot g) {
        if (g == null) return;
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
        if (g.waiting() != Waiting.YOUR_MOVE || !g.moves().isEmpty()) boardMessage.setText(vm.messageProperty().get());
        phaseText.setText(PhaseText.describe(g));
    }

    private static String turnText(GameSnapshot g) {
        MctsSnapshot s = g.search();
        String mcts = "MCTS (" + Side.name(g.mctsSide()) + ")";
        return switch (g.waiting()) {
            case OVER -> "Game over: " + MctsViewModel.result(g);
            case SEARCH -> mcts + " searching: " + MoveNames.count(s.simulations()) + " of "
                    + MoveNames.count(s.budget()) + " simulations";
            case MCTS_MOVE -> mcts + " has spent its budget: it plays " + s.bestMove();
            case YOUR_MOVE -> "Your move (" + Side.name(s.rootToMove()) + "): click "
                    + (s.game() == Game.TIC_TAC_TOE ? "a cell" : "a column");
            case OPPONENT_MOVE -> g.opponent() + " (" + Side.name(s.rootToMove()) + ") moves next";
        };
    }

    private static String lastMoveText(MoveRecord m) {
        String who = (m.by().equals("you") ? "You" : m.by()) + " (" + Side.name(m.side()) + ") played " + m.move();
        if (m.visits() < 0) return who + ".";
        return who + ": N = " + MoveNames.count(m.visits()) + " of " + MoveNames.count(m.rootVisits()) + " visits"
                + (m.kept() > 0 ? " (" + MoveNames.count(m.kept()) + " kept by tree reuse)" : "")
                + ", Q = " + MoveNames.value(m.q()) + ".";
    }

    private void showInspector(NodeView n) {
        GameSnapshot g = vm.snapshot();
        if (n == null || g == null) {
            inspector.setVisible(false);
            return;
        }
        // While the search runs, the card (a table of labels) follows the same node at the chart's pace.
        long now = System.nanoTime();
        boolean sameNode = inspectedId == n.id() && inspector.isVisible();
        if (sameNode && vm.lastStatus().running() && now - inspectedAt < 1_000_000_000L / CHART_UPDATES_PER_SECOND) return;
        inspectedId = n.id();
        inspectedAt = now;
        inspector.show(n, g.search());
        inspector.setVisible(true);
        // Keep the card away from the node it explains.
        boolean right = tree.nodeCenter(n.id()).map(p -> p.getX() > tree.getWidth() / 2).orElse(false);
        treeArea.setCardLeft(right);
        treeArea.requestLayout();
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

    private void applyTheme() {
        double size = appearance.fontSize();
        board.setTheme(appearance.theme(), size);
        tree.setTheme(appearance.theme(), size);
        chart.setTheme(appearance.theme(), size);
        inspector.setTheme(appearance.theme(), size);
        GameSnapshot g = vm.snapshot();
        if (g != null) {
            chart.update(g.search());
            if (tree.inspectedProperty().get() != null) showInspector(tree.inspectedProperty().get());
        }
    }

    static String opponentName(String spec) {
        PlayerSpec p = PlayerSpec.parse(spec);
        return switch (p.kind()) {
            case RANDOM -> "Random";
            case MINIMAX -> "Minimax (alpha-beta)";
            case MCTS -> "MCTS, " + MoveNames.count(p.simulations()) + " sims"
                    + (spec.split(":").length == 3 ? ", c = " + Format.number(p.c()) : "");
            case ALPHAZERO -> "AlphaZero";
        };
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-toolbar-label");
        return l;
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : f.apply(t); }
            @Override public T fromString(String s) { throw new UnsupportedOperationException(); }
        };
    }
}
