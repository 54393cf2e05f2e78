package org.mbrllab.app.lessons.mcts;

import org.mbrllab.engine.play.StepSize;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mbrllab.app.common.Scrubber;
import org.mbrllab.app.common.Presets;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.FigureShape;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunControls;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.alphazero.PlayerSpec;
import org.mbrllab.engine.mcts.Rollout;

import static org.mbrllab.app.common.search.SearchControls.converter;
import static org.mbrllab.app.common.search.SearchControls.label;
import org.mbrllab.engine.play.Mode;
import org.mbrllab.app.common.search.SearchFigure;
import org.mbrllab.engine.play.GameSnapshot;
import org.mbrllab.app.common.search.BoardCanvas;
import org.mbrllab.app.common.search.MoveNames;
import org.mbrllab.app.common.search.NodeInspector;
import org.mbrllab.app.common.search.RootStatsChart;
import org.mbrllab.app.common.search.SearchControls;
import org.mbrllab.app.common.search.TreeCanvas;

/**
 * The MCTS lesson's pane: the board (click to play, or watch a match), the root's visits and Q per move,
 * the search tree with the simulation in flight highlighted phase by phase, and the inspector that shows a
 * node's board and the selection terms of its children. A {@link Scrubber} under the figure goes back
 * through the last {@link MctsViewModel#HISTORY} snapshots the view-model kept (phases, simulations and
 * moves, as they were shown); while it holds one, the board takes no clicks.
 */
public final class MctsPane extends RunnerPane<MctsViewModel> {

    private final SearchFigure figure;
    private final ChoiceBox<Game> gameChoice = new ChoiceBox<>();
    private final ChoiceBox<Mode> modeChoice = new ChoiceBox<>();
    private final Button mctsMove = new Button("MCTS move");
    private final Scrubber scrubber = new Scrubber();

    public MctsPane(PaneHost host) {
        super(host, new MctsViewModel());
        this.figure = new SearchFigure(appearance, "MCTS", vm);

        // Toolbar: the game and who plays.
        SearchControls.gameChoice(gameChoice, vm.gameProperty(),
                "Tic-tac-toe (9 cells) or Connect Four (7 columns, 6 rows); a new game starts");
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
        ChoiceBox<Integer> sideChoice = SearchControls.sideChoice("mcts-side-choice", vm.mctsSideProperty(),
                "The side the search plays; X moves first");
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

        FlowPane strip = SearchControls.strip(label("Step"), stepChoice, label("MCTS plays"), sideChoice, mctsMove,
                opponentLabel, opponentChoice, rolloutChoice, reuse, answers);

        view.setTop(strip);
        scrubber.setStepText(k -> historyText(vm.history().get(k)));
        scrubber.setOnScrub(this::showScrubbed);
        VBox.setVgrow(figure, Priority.ALWAYS);
        view.setCenter(new VBox(figure, scrubber));
        FigureShape.followHeight(view, strip, appearance, figure::setCompact);

        // Drawing follows the view-model, unless the scrubber holds an earlier snapshot.
        vm.snapshotProperty().addListener((obs, o, n) -> {
            scrubber.setRange(vm.history().first(), vm.history().last());
            if (scrubber.isLive()) figure.show(n, vm.messageProperty().get());
        });
        vm.messageProperty().addListener((obs, o, n) -> figure.setMessage(n));
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return MctsViewModel.parameterSpecs();
    }


    /** The kept snapshot the scrubber holds, or the live one again; a held board takes no clicks. */
    private void showScrubbed() {
        GameSnapshot s = scrubber.isLive() ? vm.snapshot() : vm.history().get(scrubber.step());
        figure.board().setMouseTransparent(!scrubber.isLive());
        figure.show(s, scrubber.isLive() ? vm.messageProperty().get() : "");
    }

    /** "move 3 · 45 of 1,000 simulations": where a kept snapshot stands. */
    static String historyText(GameSnapshot s) {
        if (s == null) return "";
        return "move " + (s.moves().size() + 1) + " · " + MoveNames.count(s.search().simulations()) + " of "
                + MoveNames.count(s.search().budget()) + " simulations";
    }

    Scrubber scrubber() { return scrubber; }

    BoardCanvas board() { return figure.board(); }
    TreeCanvas tree() { return figure.tree(); }
    NodeInspector inspector() { return figure.inspector(); }

    // ---------------------------------------------------------------- LessonPane


    @Override public List<Node> toolbarItems() {
        return List.of(label("Game"), gameChoice, label("Mode"), modeChoice);
    }




    @Override public Node figure() { return figure; }

    @Override public Optional<ChartExport> chartExport() { return Optional.of(ChartExport.of(this::chartCsv)); }

    private Optional<String> chartCsv() {
        GameSnapshot s = vm.snapshot();
        return s == null ? Optional.empty() : Optional.of(RootStatsChart.csv(s.search()));
    }

    private String savePresetText() { return vm.presetText(); }

    @Override
    public Optional<Presets> presets() {
        return Optional.of(Presets.of("mcts", this::savePresetText, this::loadPreset));
    }

    private void loadPreset(String text, String source) {
        vm.loadPreset(text, source);
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
}
