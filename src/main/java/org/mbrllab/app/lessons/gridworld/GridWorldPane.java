package org.mbrllab.app.lessons.gridworld;

import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import static org.mbrllab.app.common.PaneControls.converter;
import static org.mbrllab.app.common.PaneControls.label;

import org.mbrllab.app.common.Presets;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.FigureShape;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunControls;
import org.mbrllab.app.common.text.LessonTextView;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.dp.Algorithm;
import org.mbrllab.engine.dp.DpSnapshot;
import org.mbrllab.engine.dp.EvaluatedPolicy;
import org.mbrllab.engine.dp.Sweep;

/**
 * The dynamic-programming lesson's pane: the grid, the explain panel, the convergence charts and the
 * controls for algorithm, sweep, step size, Q-values, painting and play.
 */
public final class GridWorldPane extends RunnerPane<GridWorldViewModel> {

    private final GridCanvas canvas = new GridCanvas();
    private final LessonTextView explain = new LessonTextView();
    private final ConvergenceCharts charts = new ConvergenceCharts();
    private final Label counter = new Label();
    private final Label playStatus = new Label();
    private final ChoiceBox<String> presetChoice = new ChoiceBox<>();
    private final ChoiceBox<Algorithm> algorithmChoice = new ChoiceBox<>();
    private final VBox figure;
    private final FigureShape.Turning turning;
    /** The grid's share of the figure's height, above the explain panel and charts. */
    private static final double TALL_GRID_SHARE = 0.64;
    private static final double SHORT_GRID_SHARE = 0.72;
    private int inspected = -1;
    private boolean updatingPreset;
    private String explainText = "";

    public GridWorldPane(PaneHost host) {
        super(host, new GridWorldViewModel());
        canvas.setId("grid-canvas");
        explain.setId("explain-panel");
        explain.getStyleClass().add("explain-panel");
        counter.setId("backup-counter");
        counter.setWrapText(true);
        counter.setTooltip(new Tooltip("A backup reads p(s'|s,a) for every successor s'. In general that is "
                + "|S| successors for each of |A| actions, so one sweep over |S| states costs O(|S|²|A|). On a grid an action "
                + "has at most 3 successors (the intended move and two slips), so a sweep here costs at most 3|S||A| terms."));
        playStatus.setId("play-status");

        // Toolbar: preset and algorithm.
        presetChoice.setId("preset-choice");
        presetChoice.setTooltip(new Tooltip("Load one of the lesson's grid worlds"));
        presetChoice.valueProperty().addListener((obs, o, n) -> {
            if (updatingPreset || n == null || n.isEmpty()) return;
            try {
                vm.loadPreset(n);
            } catch (RuntimeException e) {
                // The grid stays as it was, and so must the menu: it goes back to the preset shown.
                host.messages().accept("The preset “" + n + "” was not loaded: " + e.getMessage());
                Platform.runLater(() -> {
                    updatingPreset = true;
                    presetChoice.setValue(vm.presetNameProperty().get() == null || vm.presetNameProperty().get().isEmpty()
                            ? null : vm.presetNameProperty().get());
                    updatingPreset = false;
                });
            }
        });
        vm.presetNameProperty().addListener((obs, o, n) -> {
            updatingPreset = true;
            presetChoice.setValue(n == null || n.isEmpty() ? null : n);
            updatingPreset = false;
        });
        algorithmChoice.setId("algorithm-choice");
        algorithmChoice.getItems().setAll(Algorithm.values());
        algorithmChoice.setConverter(converter(Algorithm::displayName));
        algorithmChoice.valueProperty().bindBidirectional(vm.algorithmProperty());
        algorithmChoice.setTooltip(new Tooltip("Policy evaluation, policy iteration or value iteration"));

        // Pane strip.
        ChoiceBox<StepSize> stepChoice = new ChoiceBox<>();
        stepChoice.setId("step-size-choice");
        stepChoice.getItems().setAll(StepSize.values());
        stepChoice.valueProperty().bindBidirectional(vm.stepSizeProperty());
        stepChoice.setTooltip(new Tooltip("What one press of Step (→) does: back up one state, sweep all states once, or run until max|ΔV| < tolerance"));
        ChoiceBox<Sweep> sweepChoice = new ChoiceBox<>();
        sweepChoice.setId("sweep-choice");
        sweepChoice.getItems().setAll(Sweep.values());
        sweepChoice.setConverter(converter(s -> s == Sweep.SYNCHRONOUS ? "Synchronous (two arrays)" : "In place"));
        sweepChoice.valueProperty().bindBidirectional(vm.sweepProperty());
        sweepChoice.setTooltip(new Tooltip("Synchronous: every backup reads the old values V_k. In place: a backup reads values already updated in this sweep."));
        ChoiceBox<EvaluatedPolicy> policyChoice = new ChoiceBox<>();
        policyChoice.setId("evaluated-policy-choice");
        policyChoice.getItems().setAll(EvaluatedPolicy.values());
        policyChoice.setConverter(converter(p -> p == EvaluatedPolicy.RANDOM ? "Random policy" : "Greedy policy"));
        policyChoice.valueProperty().bindBidirectional(vm.evaluatedProperty());
        policyChoice.setTooltip(new Tooltip("Which policy policy evaluation evaluates: the equiprobable random policy, or the greedy policy of the current values"));
        policyChoice.disableProperty().bind(vm.algorithmProperty().isNotEqualTo(Algorithm.POLICY_EVALUATION));
        CheckBox qBox = new CheckBox("Q-values");
        qBox.setId("show-q");
        qBox.setTooltip(new Tooltip("Show Q(s,a) as four triangles per cell; the greedy actions are outlined"));
        qBox.selectedProperty().addListener((obs, o, n) -> canvas.setShowQ(n));

        ToggleGroup tools = new ToggleGroup();
        HBox toolBox = new HBox(2);
        for (PaintTool t : PaintTool.values()) {
            ToggleButton b = new ToggleButton(t.toString());
            b.setId("tool-" + t.name().toLowerCase());
            b.setToggleGroup(tools);
            b.setUserData(t);
            b.setTooltip(new Tooltip(t.tooltip()));
            b.setFocusTraversable(false);
            if (t == PaintTool.NONE) b.setSelected(true);
            toolBox.getChildren().add(b);
        }
        tools.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) o.setSelected(true);
            else vm.toolProperty().set((PaintTool) n.getUserData());
        });
        Button play = new Button("Play ▶");
        play.setId("play-button");
        play.setFocusTraversable(false);
        play.setTooltip(new Tooltip("Send an agent from the start along the greedy policy, with slips sampled from the seed"));
        play.setOnAction(e -> {
            if (vm.playing()) vm.stopPlay(); else vm.play();
        });

        FlowPane row1 = new FlowPane(10, 6, label("Step"), stepChoice, label("Sweep"), sweepChoice, policyChoice, qBox);
        FlowPane row2 = new FlowPane(10, 6, label("Paint"), toolBox, new Separator(Orientation.VERTICAL), play, playStatus);
        for (FlowPane row : new FlowPane[]{row1, row2}) row.setAlignment(Pos.CENTER_LEFT);
        VBox strip = new VBox(6, row1, row2);
        strip.setPadding(new Insets(6, 8, 6, 8));

        SplitPane bottom = new SplitPane(explain, charts);
        bottom.setDividerPositions(0.56);
        SplitPane middle = new SplitPane(canvas, bottom);
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(TALL_GRID_SHARE);
        VBox.setVgrow(middle, javafx.scene.layout.Priority.ALWAYS);
        counter.setPadding(new Insets(4, 8, 6, 8));
        figure = new VBox(middle, counter);
        view.setTop(strip);
        view.setCenter(figure);
        // On a projector: the grid beside the explain panel and charts when the figure is wide (F9), and
        // more of the height for the grid, with smaller tools, when the pane is short.
        turning = new FigureShape.Turning(figure, middle, bottom, TALL_GRID_SHARE, 0.6);
        FigureShape.followHeight(view, strip, appearance,
                isShort -> turning.setTallDivider(isShort ? SHORT_GRID_SHARE : TALL_GRID_SHARE));

        // Drawing follows the view-model.
        canvas.setOnCell((r, c) -> {
            if (r < 0) return;
            if (vm.toolProperty().get() == PaintTool.NONE) {
                inspected = r * vm.layout().cols() + c;
                showExplain(vm.snapshotProperty().get());
            } else {
                vm.paint(r, c);
            }
        });
        vm.snapshotProperty().addListener((obs, o, n) -> redraw(n));
        vm.layoutProperty().addListener((obs, o, n) -> {
            inspected = -1;
            canvas.show(n, vm.snapshotProperty().get());
        });
        vm.episodeProperty().addListener((obs, o, n) -> {
            canvas.setEpisode(n);
            play.setText(n != null && !n.finished() ? "Stop ■" : "Play ▶");
            playStatus.setText(n == null ? "" : GridWorldViewModel.describe(n, vm.layout().params().gamma()));
        });
        vm.algorithmProperty().addListener((obs, o, n) -> charts.showPolicyChanges(n == Algorithm.POLICY_ITERATION));
        followTheme();
        explain.setMarkdown(BackupExplanation.hint());
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return GridWorldViewModel.parameterSpecs();
    }



    GridCanvas canvas() {
        return canvas;
    }

    // ---------------------------------------------------------------- LessonPane


    @Override public List<Node> toolbarItems() {
        return List.of(label("Preset"), presetChoice, label("Algorithm"), algorithmChoice);
    }



    @Override
    public void activate(PaneContext context) {
        presetChoice.getItems().setAll(context.presets().stream().map(PaneContext.Preset::name).toList());
        super.activate(context);
        charts.showPolicyChanges(vm.algorithmProperty().get() == Algorithm.POLICY_ITERATION);
    }


    @Override public Node figure() { return figure; }

    /** Whether the grid stands beside the explain panel and charts (a wide figure), for tests. */
    boolean isWide() {
        return turning.isWide();
    }

    /** The convergence charts (tests). */
    ConvergenceCharts charts() {
        return charts;
    }

    /** V and the greedy actions per cell; the convergence chart's data; for policy iteration, its policy changes. */
    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(() -> {
            DpSnapshot s = vm.snapshotProperty().get();
            if (s == null) return List.of();
            List<ChartExport.Table> tables = new java.util.ArrayList<>(List.of(
                    new ChartExport.Table("values", valuesCsv(s)),
                    new ChartExport.Table("convergence", ConvergenceCharts.convergenceCsv(s.sweepDeltas()))));
            if (!s.policyChanges().isEmpty()) {
                tables.add(new ChartExport.Table("policy-changes", ConvergenceCharts.policyChangesCsv(s.policyChanges())));
            }
            return tables;
        });
    }

    /**
     * One row per cell, top row first: {@code row,col,value,greedy}, with the tied best actions joined by
     * "|" as the command line prints them; a wall has no value, a terminal cell no actions.
     */
    static String valuesCsv(DpSnapshot s) {
        StringBuilder sb = new StringBuilder("row,col,value,greedy\n");
        for (int r = 0; r < s.rows(); r++) {
            for (int c = 0; c < s.cols(); c++) {
                int i = s.index(r, c);
                sb.append(r).append(',').append(c).append(',')
                        .append(s.wall()[i] ? "" : Double.toString(s.values()[i])).append(',')
                        .append(s.wall()[i] || s.terminal()[i] ? "" : s.greedyLabel(r, c)).append('\n');
            }
        }
        return sb.toString();
    }

    private String savePresetText() { return vm.presetText(); }

    @Override
    public Optional<Presets> presets() {
        return Optional.of(Presets.of("grid", this::savePresetText, this::loadPreset));
    }

    private void loadPreset(String text, String source) {
        vm.loadLayout(text, source);
    }

    // ---------------------------------------------------------------- drawing

    private void redraw(DpSnapshot s) {
        canvas.show(vm.layout(), s);
        if (s == null) return;
        charts.update(s.sweepDeltas(), s.policyChanges());
        showExplain(s);
        long states = 0;
        for (int i = 0; i < s.wall().length; i++) if (!s.wall()[i]) states++;
        long dense = states * states * 4;
        counter.setText(String.format("%s · %s · %,d backups · %,d transition terms (a dense sweep costs |S|²|A| = %,d)",
                s.algorithm().displayName(),
                s.phase().isEmpty() ? "iteration " + s.iterations() : s.phase() + ", iteration " + s.iterations(),
                s.backups(), s.transitionTerms(), dense));
    }

    private void showExplain(DpSnapshot s) {
        if (s == null) return;
        String text;
        if (s.lastBackup() != null) text = BackupExplanation.markdown(s.lastBackup(), s.cols());
        else if (inspected >= 0 && inspected < s.values().length) text = BackupExplanation.inspect(s, inspected);
        else text = BackupExplanation.hint();
        if (!text.equals(explainText)) {
            explainText = text;
            explain.setMarkdown(text);
        }
    }

    @Override
    protected void applyTheme() {
        double size = appearance.fontSize();
        canvas.setTheme(appearance.theme(), size);
        charts.setTheme(appearance.theme(), size);
        explain.setBaseFontSize(size);
        explain.setTextColor(appearance.theme().foreground());
    }



}
