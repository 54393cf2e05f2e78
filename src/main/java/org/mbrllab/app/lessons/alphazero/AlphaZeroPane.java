package org.mbrllab.app.lessons.alphazero;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.mbrllab.app.common.Presets;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.FigureShape;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunControls;
import org.mbrllab.app.common.search.MoveNames;
import org.mbrllab.app.common.search.Pacer;
import org.mbrllab.app.common.search.RootStatsChart;
import org.mbrllab.app.common.search.SearchControls;
import org.mbrllab.app.common.search.SearchFigure;
import org.mbrllab.engine.alphazero.AlphaZeroSnapshot;
import org.mbrllab.engine.alphazero.BudgetComparison;
import org.mbrllab.engine.alphazero.BudgetComparison.Search;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.games.Game;

import static org.mbrllab.app.common.search.SearchControls.label;
import static org.mbrllab.app.common.search.SearchControls.strip;
import org.mbrllab.engine.play.AlphaZeroView;
import org.mbrllab.engine.play.AlphaZeroLessonSnapshot;

/**
 * The AlphaZero lesson's pane, three views of one idea:
 * <ul>
 *   <li><b>Play</b>: a game against MCTS guided by a network (the shipped one, the one trained here, or
 *       none: rollouts), with the MCTS lesson's board, root chart (now with the priors P) and tree.</li>
 *   <li><b>Training</b>: self-play training of a fresh network, with the loss curves per batch and the
 *       W/D/L against pure MCTS per iteration; the result can be played at once.</li>
 *   <li><b>Comparison</b>: rollouts against the value network at equal simulations, both against
 *       minimax, as a loss rate per budget.</li>
 * </ul>
 * The engines run on the pane's worker; this class only draws.
 */
public final class AlphaZeroPane extends RunnerPane<AlphaZeroViewModel> {

    /** How often the training and comparison charts follow a running engine. */
    static final int CHART_UPDATES_PER_SECOND = 4;

    private final SearchFigure search;
    private final TrainingCharts trainingCharts = new TrainingCharts();
    private final ComparisonChart comparisonChart = new ComparisonChart();
    private final ChoiceBox<Game> gameChoice = new ChoiceBox<>();
    private final ChoiceBox<AlphaZeroView> viewChoice = new ChoiceBox<>();
    private final ChoiceBox<NetworkChoice> networkChoice = new ChoiceBox<>();
    private final Label networkStatus = new Label();
    private final Label trainingStats = new Label();
    private final Label comparisonStats = new Label();
    private final BorderPane playView = new BorderPane();
    private final BorderPane trainingView = new BorderPane();
    private final BorderPane comparisonView = new BorderPane();
    private final Pacer<AlphaZeroSnapshot> trainingPacer;
    private final Pacer<BudgetComparison.Snapshot> comparisonPacer;

    public AlphaZeroPane(PaneHost host) {
        super(host, new AlphaZeroViewModel());
        this.search = new SearchFigure(appearance, "AlphaZero", vm);

        // Toolbar: game, view, network.
        SearchControls.gameChoice(gameChoice, vm.gameProperty(), "Tic-tac-toe or Connect Four; the view starts afresh");
        viewChoice.setId("view-choice");
        viewChoice.getItems().setAll(AlphaZeroView.values());
        viewChoice.valueProperty().bindBidirectional(vm.viewProperty());
        viewChoice.setTooltip(new Tooltip("Play against the search, train a network by self-play, or compare rollouts "
                + "with the value network against minimax"));
        networkChoice.setId("network-choice");
        networkChoice.getItems().setAll(NetworkChoice.values());
        networkChoice.valueProperty().bindBidirectional(vm.networkProperty());
        networkChoice.setTooltip(new Tooltip("Which network guides the search: the one shipped with the app, the one "
                + "trained in the Training view, or none (UCB1 with random rollouts)"));

        // Play view: who plays, and the search figure.
        ChoiceBox<Integer> sideChoice = SearchControls.sideChoice("az-side-choice", vm.searchSideProperty(),
                "The side AlphaZero plays; X moves first");
        Button move = new Button("AlphaZero move");
        move.setId("az-move-button");
        move.setFocusTraversable(false);
        move.setOnAction(e -> vm.playSearchMove());
        move.setTooltip(new Tooltip("Finish the budget and play the search's move for the side to move"));
        FlowPane playStrip = strip(label("AlphaZero plays"), sideChoice, move);
        playView.setTop(playStrip);
        playView.setCenter(search);
        FigureShape.followHeight(view, playStrip, appearance, search::setCompact);

        // Training view.
        trainingStats.setId("training-stats");
        trainingStats.setWrapText(true);
        Button playTrained = new Button("Play with this network");
        playTrained.setId("play-trained-button");
        playTrained.setFocusTraversable(false);
        playTrained.disableProperty().bind(vm.trainedReadyProperty().not());
        playTrained.setOnAction(e -> vm.playTrained());
        playTrained.setTooltip(new Tooltip("Switch to Play with the network as trained so far (“Trained now”)"));
        trainingView.setTop(textRow(trainingStats, playTrained));
        trainingView.setCenter(trainingCharts);

        // Comparison view.
        comparisonStats.setId("comparison-stats");
        comparisonStats.setWrapText(true);
        comparisonView.setTop(textRow(comparisonStats));
        comparisonView.setCenter(comparisonChart);

        networkStatus.setId("network-status");
        networkStatus.setWrapText(true);
        networkStatus.setMinHeight(Region.USE_PREF_SIZE);
        networkStatus.setMinWidth(0);
        networkStatus.setPrefWidth(100);
        networkStatus.setMaxWidth(Double.MAX_VALUE);
        networkStatus.setPadding(new Insets(2, 8, 4, 8));
        networkStatus.setStyle("-fx-font-size: 0.85em; -fx-font-weight: normal;");
        networkStatus.textProperty().bind(vm.networkStatusProperty());
        vm.networkFailedProperty().addListener((obs, o, n) -> {
            if (n) networkStatus.getStyleClass().add("parameter-error");
            else networkStatus.getStyleClass().remove("parameter-error");
        });
        view.setBottom(networkStatus);
        showView(vm.viewProperty().get());
        vm.viewProperty().addListener((obs, o, n) -> showView(n));

        trainingPacer = new Pacer<>(CHART_UPDATES_PER_SECOND, vm::running, this::showTraining);
        comparisonPacer = new Pacer<>(CHART_UPDATES_PER_SECOND, vm::running, this::showComparison);
        vm.snapshotProperty().addListener((obs, o, n) -> redraw(n));
        vm.messageProperty().addListener((obs, o, n) -> search.setMessage(n));
        followTheme();
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return AlphaZeroViewModel.parameterSpecs();
    }


    SearchFigure search() { return search; }
    TrainingCharts trainingCharts() { return trainingCharts; }

    // ---------------------------------------------------------------- LessonPane


    @Override public List<Node> toolbarItems() {
        return List.of(label("Game"), gameChoice, label("View"), viewChoice, label("Network"), networkChoice);
    }




    @Override public Node figure() { return view.getCenter(); }

    @Override public Optional<ChartExport> chartExport() { return Optional.of(ChartExport.of(this::chartCsv)); }

    private Optional<String> chartCsv() {
        AlphaZeroLessonSnapshot s = vm.snapshot();
        if (s == null) return Optional.empty();
        if (s.play() != null) return Optional.of(RootStatsChart.csv(s.play().search()));
        if (s.training() != null) return Optional.of(TrainingCharts.csv(s.training()));
        if (s.comparison() != null) return Optional.of(ComparisonChart.csv(s.comparison()));
        return Optional.empty();
    }

    private String savePresetText() {
        StringBuilder sb = new StringBuilder("# AlphaZero pane settings\n");
        sb.append("game: ").append(vm.gameProperty().get().cliName()).append('\n');
        vm.parameters().values().forEach((k, v) -> sb.append(k).append(": ").append(Format.number(v)).append('\n'));
        return sb.toString();
    }

    @Override
    public Optional<Presets> presets() {
        return Optional.of(Presets.of("az", this::savePresetText, this::loadPreset));
    }

    private void loadPreset(String text, String source) {
        String[] lines = text.split("\n", -1);
        Game g = vm.gameProperty().get();
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            String where = source + ":" + (i + 1) + ": ";
            if (colon < 0) throw new IllegalArgumentException(where + "expected 'key: value', got '" + line + "'");
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            try {
                if (key.equals("game")) {
                    g = Game.fromCliName(value);
                } else {
                    ParameterSpec spec = vm.parameters().spec(key)
                            .orElseThrow(() -> new IllegalArgumentException("unknown key '" + key + "'"));
                    values.put(key, spec.validate(Double.parseDouble(value)));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
        }
        vm.gameProperty().set(g);
        values.forEach(vm.parameters()::set);
        vm.reset();
    }

    // ---------------------------------------------------------------- drawing

    private void showView(AlphaZeroView v) {
        view.setCenter(switch (v) {
            case PLAY -> playView;
            case TRAINING -> trainingView;
            case COMPARISON -> comparisonView;
        });
        networkChoice.setDisable(v == AlphaZeroView.TRAINING);
    }

    private void redraw(AlphaZeroLessonSnapshot s) {
        if (s == null) return;
        if (s.play() != null) search.show(s.play(), vm.messageProperty().get());
        if (s.training() != null) trainingPacer.accept(s.training());
        if (s.comparison() != null) comparisonPacer.accept(s.comparison());
    }

    private void showTraining(AlphaZeroSnapshot t) {
        trainingCharts.update(t);
        String loss = Double.isNaN(t.valueLoss()) ? "no batch yet"
                : "last batch: value " + Format.fixed(t.valueLoss(), 3) + ", policy " + Format.fixed(t.policyLoss(), 3);
        trainingStats.setText((t.done() ? "Done: " + t.iterations() + " iterations" : "Iteration " + t.iteration() + " of "
                + t.iterations() + " · " + AlphaZeroViewModel.stageName(t.stage()))
                + " · " + MoveNames.plural(t.gamesPlayed(), "self-play game", "self-play games")
                + " · buffer " + MoveNames.count(t.bufferSize()) + " positions · "
                + MoveNames.plural(t.batchesTrained(), "batch", "batches") + " (" + loss + ")");
    }

    private void showComparison(BudgetComparison.Snapshot c) {
        comparisonChart.update(c);
        int r = ComparisonChart.neverLosesFrom(c, Search.ROLLOUTS);
        int n = ComparisonChart.neverLosesFrom(c, Search.NETWORK);
        comparisonStats.setText(MoveNames.count(c.gamesPlayed()) + " of " + MoveNames.count(c.totalGames()) + " games against "
                + c.opponent() + ", " + c.gamesPerBudget() + " per search and budget. No more losses from: rollouts "
                + neverLoses(r) + ", value network " + neverLoses(n) + (c.done() ? "." : " (so far)."));
    }

    private static String neverLoses(int budget) {
        return budget < 0 ? "not reached" : budget + " simulations";
    }

    @Override
    protected void applyTheme() {
        double size = appearance.fontSize();
        trainingCharts.setTheme(appearance.theme(), size);
        comparisonChart.setTheme(appearance.theme(), size);
    }

    /** A line of text that wraps within the width it is given (never widening the pane), then buttons. */
    private static HBox textRow(Label text, Node... buttons) {
        text.setMinWidth(0);
        text.setPrefWidth(100);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, text);
        row.getChildren().addAll(buttons);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 8, 6, 8));
        return row;
    }
}
