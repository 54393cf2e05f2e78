package org.mbrllab.app.lessons.metrpo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import static org.mbrllab.app.common.PaneControls.converter;
import static org.mbrllab.app.common.PaneControls.label;

import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.ChartStack;
import org.mbrllab.app.common.Palette;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.app.common.StageStrip;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.Throttle;
import org.mbrllab.app.common.system.SystemView;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.metrpo.MeTrpoSnapshot;
import org.mbrllab.engine.metrpo.ValidationRule;
import org.mbrllab.engine.model.RolloutMode;

/**
 * "ME-TRPO": the loop of Kurutach et al. (2018) stepped phase by phase (collect, fit, policy phase with its
 * validation checks, evaluate), with four views: inside the policy phase (each model's verdict at the
 * latest check, the share not worse against the 70 % rule, the trust region's KL against δ, backtracks
 * and CG residual); the mean policy's imagined rollout beside its real one, the rod coloured by the model
 * that drove each imagined step; real return against real steps on a log axis (Figure 2), recorded or
 * recomputed live; and the number of models (Figure 4) from the recorded file.
 */
public final class MetrpoPane extends RunnerPane<MetrpoViewModel> {

    /** Charts are rebuilt at most this often; the pendulums run at display rate. */
    static final double CHART_UPDATES_PER_SECOND = 10;

    /** The loop's stages as the strip names them. */
    enum Stage {
        COLLECT("collect", "Run the current stochastic policy on the real system for one trajectory and add it to D"),
        FIT("fit", "Fit the K models to all of D, one epoch per step, each on its own bootstrap"),
        POLICY("policy phase", "TRPO on imagined rollouts through the models, one iteration per step"),
        VALIDATE("validate", "Every " + ValidationRule.EVERY + " iterations: score the policy in each model; stop after "
                + ValidationRule.PATIENCE + " checks in a row where more than 30 % of the models say it got worse"),
        EVALUATE("evaluate", "Run the mean policy on the real system from 10 fixed starts (not added to D)");

        final String label;
        final String tooltip;

        Stage(String label, String tooltip) {
            this.label = label;
            this.tooltip = tooltip;
        }

        /** What the next step does: the phase, with validate when that TRPO iteration ends with a check. */
        static Set<Stage> current(MeTrpoSnapshot s) {
            return switch (s.phase()) {
                case COLLECT -> Set.of(COLLECT);
                case FIT -> Set.of(FIT);
                case POLICY -> !s.settings().modelFree() && (s.phaseIterations() + 1) % ValidationRule.EVERY == 0
                        ? Set.of(POLICY, VALIDATE) : Set.of(POLICY);
                case EVALUATE -> Set.of(EVALUATE);
                case DONE -> Set.of();
            };
        }
    }

    private final ComparisonViewModel comparison = new ComparisonViewModel(vm::settings);
    private final PhaseCharts phaseCharts = new PhaseCharts();
    private final RecordChart dataEfficiency = new RecordChart(RecordChart.Figure.DATA_EFFICIENCY, "metrpo-figure2");
    private final RecordChart models = new RecordChart(RecordChart.Figure.NUMBER_OF_MODELS, "metrpo-figure4");
    private final SystemView imagined = new SystemView();
    private final SystemView real = new SystemView();
    private final FlowPane memberLegend = new FlowPane(8, 4);
    private final Throttle throttle = new Throttle(CHART_UPDATES_PER_SECOND);
    private final StageStrip<Stage> stages = new StageStrip<>(List.of(Stage.values()), st -> st.label, st -> st.tooltip,
            st -> "metrpo-stage-" + st.name().toLowerCase(Locale.ROOT));
    private final Label info = new Label();
    private final Label comparisonNote = new Label();
    private final Label modelsNote = new Label();
    private final ChoiceBox<RolloutMode> rolloutChoice = new ChoiceBox<>();
    private final CheckBox modelFreeBox = new CheckBox("Model-free TRPO");
    private final Button stepPhase = new Button("Step phase");
    private final Button recompute = new Button("Recompute live");
    private final Button recorded = new Button("Show recorded");
    private final TabPane tabs = new TabPane();
    private final GridPane phaseGrid = new GridPane();
    private final HBox rollouts;
    private MeTrpoSnapshot.Rollout shownImagined;
    private MeTrpoSnapshot.Rollout shownReal;
    private int legendMembers = -1;

    public MetrpoPane(PaneHost host) {
        super(host, new MetrpoViewModel());
        rolloutChoice.setId("metrpo-rollout-choice");
        rolloutChoice.getItems().setAll(MetrpoViewModel.ROLLOUT_MODES);
        rolloutChoice.setConverter(converter(m -> switch (m) {
            case MEMBER_PER_STEP -> "a model per step";
            case MEMBER_PER_TRAJECTORY -> "a model per trajectory";
            case MEAN -> "ensemble mean";
            case ONE_MEMBER -> "one model";
        }));
        rolloutChoice.valueProperty().bindBidirectional(vm.rolloutModeProperty());
        rolloutChoice.setTooltip(new Tooltip("Which model answers each imagined step: a random member per step (the "
                + "paper's choice), one random member for a whole trajectory, or the mean of the ensemble. "
                + "Choosing one starts a fresh run."));
        modelFreeBox.setId("metrpo-model-free");
        modelFreeBox.selectedProperty().bindBidirectional(vm.modelFreeProperty());
        modelFreeBox.setTooltip(new Tooltip("Run model-free TRPO instead: the same policy and optimiser, but every "
                + "TRPO iteration samples the real system, and every sampled step counts. Its budget is the larger of "
                + "the real-step budget and " + Format.number(org.mbrllab.engine.metrpo.MeTrpoSettings.MODEL_FREE_REAL_STEPS)
                + ". Starts a fresh run."));
        stepPhase.setId("metrpo-step-phase");
        stepPhase.setFocusTraversable(false);
        stepPhase.setTooltip(new Tooltip("Step until the phase changes: to the end of the collection, the fit, the "
                + "policy phase (when the rule stops it) or the evaluation"));
        stepPhase.setOnAction(e -> vm.stepPhase());

        // 1. The phase strip and the run's numbers.
        stages.setId("metrpo-phase-strip");
        info.setId("metrpo-info");
        info.setWrapText(true);
        info.getStyleClass().add("mono");
        info.setMinHeight(Region.USE_PREF_SIZE);
        VBox top = new VBox(4, stages, info);
        top.setPadding(new Insets(6, 8, 4, 8));

        // 2. Inside the policy phase: the rule (left), the trust region (right).
        ChartStack rule = new ChartStack(List.of(phaseCharts.scores(), phaseCharts.share()), List.of("Models", "Share"),
                "metrpo-rule");
        ChartStack trust = new ChartStack(List.of(phaseCharts.trustRegion(), phaseCharts.conjugateGradient()),
                List.of("KL", "CG"), "metrpo-trust");
        phaseGrid.setId("metrpo-phase-grid");
        phaseGrid.setHgap(6);
        phaseGrid.setPadding(new Insets(4));
        phaseGrid.add(rule, 0, 0);
        phaseGrid.add(trust, 1, 0);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            phaseGrid.getColumnConstraints().add(c);
        }
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        phaseGrid.getRowConstraints().add(row);

        // 3. Imagined against real.
        for (SystemView v : List.of(imagined, real)) {
            v.setSystem(org.mbrllab.engine.control.ControlSystem.PENDULUM.gymnasium());
            v.setRoomBelow(1.0);
            v.setPrefSize(300, 300);
            HBox.setHgrow(v, Priority.ALWAYS);
        }
        imagined.setId("metrpo-imagined");
        real.setId("metrpo-real");
        imagined.setTitle("Imagined in the models (after the first evaluation)");
        real.setTitle("Real system (after the first evaluation)");
        rollouts = new HBox(6, imagined, real);
        rollouts.setPadding(new Insets(4));
        VBox.setVgrow(rollouts, Priority.ALWAYS);
        memberLegend.setId("metrpo-member-legend");
        memberLegend.setPadding(new Insets(2, 8, 6, 8));
        Label rolloutNote = new Label("The mean policy from the same start, T steps, replayed at real time: on the left "
                + "through the models (the rod takes the colour of the model that predicted each step), on the right on "
                + "the real pendulum. A gap between the two returns is the policy exploiting the models.");
        rolloutNote.setWrapText(true);
        rolloutNote.setPadding(new Insets(4, 8, 0, 8));
        VBox rolloutView = new VBox(2, rollouts, memberLegend, rolloutNote);

        // 4. Figure 2, recorded or live.
        recompute.setId("metrpo-recompute");
        recompute.setFocusTraversable(false);
        recompute.setTooltip(new Tooltip("Run ME-TRPO (K = " + ComparisonViewModel.MEMBERS + ") and model-free TRPO on "
                + "seeds 0–2 in the background with this pane's budget, δ and sizes; model-free TRPO gets "
                + Format.number(org.mbrllab.engine.metrpo.MeTrpoSettings.MODEL_FREE_REAL_STEPS)
                + " real steps. It takes long; Show recorded cancels it."));
        recompute.setOnAction(e -> comparison.recompute(runners));
        recorded.setId("metrpo-show-recorded");
        recorded.setFocusTraversable(false);
        recorded.setTooltip(new Tooltip("Cancel a live comparison and show the recorded one"));
        recorded.setOnAction(e -> comparison.showRecorded());
        comparisonNote.setId("metrpo-comparison-note");
        comparisonNote.setWrapText(true);
        HBox buttons = new HBox(8, recompute, recorded);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox figure2Top = new VBox(4, comparisonNote, buttons);
        figure2Top.setPadding(new Insets(6, 8, 4, 8));
        BorderPane figure2 = new BorderPane(dataEfficiency.node());
        figure2.setTop(figure2Top);

        // 5. Figure 4.
        modelsNote.setId("metrpo-models-note");
        modelsNote.setWrapText(true);
        modelsNote.setPadding(new Insets(6, 8, 4, 8));
        modelsNote.textProperty().bind(comparison.noteProperty());
        BorderPane figure4 = new BorderPane(models.node());
        figure4.setTop(modelsNote);

        comparison.curvesProperty().addListener((obs, o, n) -> {
            dataEfficiency.show(n);
            models.show(n);
        });
        comparison.noteProperty().addListener((obs, o, n) -> comparisonNote.setText(n));

        Tab phaseTab = new Tab("Inside the policy phase", phaseGrid);
        phaseTab.setId("metrpo-phase-tab");
        phaseTab.setTooltip(new Tooltip("The validation rule's checks and the trust region's steps of the current (or last) policy phase"));
        Tab rolloutTab = new Tab("Imagined vs real", rolloutView);
        rolloutTab.setId("metrpo-rollout-tab");
        rolloutTab.setTooltip(new Tooltip("The latest policy rolled out in the models and on the real pendulum"));
        Tab figure2Tab = new Tab("Real return vs real steps", figure2);
        figure2Tab.setId("metrpo-figure2-tab");
        figure2Tab.setTooltip(new Tooltip("The paper's Figure 2: data efficiency, ME-TRPO against model-free TRPO"));
        Tab figure4Tab = new Tab("Number of models", figure4);
        figure4Tab.setId("metrpo-figure4-tab");
        figure4Tab.setTooltip(new Tooltip("The paper's Figure 4: K = 1, 5, 10, 20, with the worst seed dashed"));
        tabs.getTabs().setAll(phaseTab, rolloutTab, figure2Tab, figure4Tab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        view.setTop(top);
        view.setCenter(tabs);

        vm.snapshotProperty().addListener((obs, o, n) -> {
            if (n != null) stages.show(Stage.current(n));
            throttle.submit(() -> show(n));
        });
        followTheme();
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return MetrpoViewModel.parameterSpecs();
    }

    PhaseCharts phaseCharts() { return phaseCharts; }
    RecordChart dataEfficiency() { return dataEfficiency; }
    RecordChart models() { return models; }
    ComparisonViewModel comparison() { return comparison; }

    /** Member swatches in the legend (tests). */
    int legendEntries() {
        return memberLegend.getChildren().size();
    }

    /** Runs the throttled chart update now (tests). */
    void flushCharts() {
        throttle.flush();
    }

    // ---------------------------------------------------------------- drawing

    private void show(MeTrpoSnapshot s) {
        if (s == null) return;
        phaseCharts.show(s);
        dataEfficiency.showLive(s.evaluations());
        info.setText(infoText(s));
        showRollouts(s);
    }

    /**
     * "K = 5 · outer iteration 3 · 600 real steps · 190 TRPO iterations (45 in this phase) · 760,000 imagined
     * steps" and, on a second line, the latest evaluation and the rule's state.
     */
    static String infoText(MeTrpoSnapshot s) {
        StringBuilder b = new StringBuilder();
        if (s.settings().modelFree()) b.append("model-free TRPO");
        else b.append("K = ").append(s.settings().members()).append(" · outer iteration ").append(s.outerIteration());
        b.append(String.format(Locale.ROOT, " · %,d real steps · %,d TRPO iterations", s.realSteps(), s.policyIterations()));
        if (!s.settings().modelFree()) {
            b.append(String.format(Locale.ROOT, " (%d in this phase) · %,d imagined steps", s.phaseIterations(),
                    s.imaginedSteps()));
        }
        b.append('\n');
        if (s.failure() != null) {
            b.append("Stopped: ").append(s.failure());
            return b.toString();
        }
        b.append(Double.isNaN(s.lastReturn()) ? "no evaluation yet"
                : "last evaluation: real return " + Format.fixed(s.lastReturn(), 1)
                        + (s.lastReturn() >= RecordChart.SWUNG_UP ? " (swung up)" : ""));
        int restored = MetrpoViewModel.restoredFrom(s);
        if (restored >= 0) {
            b.append(" · the rule STOPPED the phase and restored the policy saved at iteration ").append(restored);
        } else if (!s.checks().isEmpty()) {
            ValidationRule.Check c = s.checks().get(s.checks().size() - 1).check();
            b.append(" · latest check: ").append(Format.fixed(100 * c.improvedShare(), 0)).append(" % not worse, ")
                    .append(c.verdict() == ValidationRule.Verdict.SAVED ? "saved"
                            : "failure " + c.failures() + " of " + ValidationRule.PATIENCE);
        }
        return b.toString();
    }

    private void showRollouts(MeTrpoSnapshot s) {
        int k = s.settings().modelFree() ? 0 : s.settings().members();
        if (k != legendMembers) buildLegend(k, s.settings().rolloutMode());
        if (s.imagined() == shownImagined && s.real() == shownReal) return;
        shownImagined = s.imagined();
        shownReal = s.real();
        double dt = org.mbrllab.engine.control.ControlSystem.PENDULUM.gymnasium().timeStep();
        if (s.imagined() != null) {
            imagined.setPlayback(s.imagined().states(), s.imagined().actions(), dt);
            imagined.setPlaybackColours(rodColours(s.imagined().members()));
            imagined.setTitle("Imagined in the models: return " + Format.fixed(s.imagined().totalReward(), 1));
        } else {
            imagined.setPlayback(null, null, dt);
            imagined.setTitle(s.settings().modelFree() ? "Imagined: none (model-free TRPO has no models)"
                    : "Imagined in the models (after the first evaluation)");
        }
        if (s.real() != null) {
            real.setPlayback(s.real().states(), s.real().actions(), dt);
            // The real rod in the text colour: none of the models' colours, so it is never read as one.
            Color[] plain = new Color[s.real().states().length];
            java.util.Arrays.fill(plain, appearance.theme().foreground());
            real.setPlaybackColours(plain);
            real.setTitle("Real system: return " + Format.fixed(s.real().totalReward(), 1));
        } else {
            real.setPlayback(null, null, dt);
            real.setTitle("Real system (after the first evaluation)");
        }
    }

    /** The rod's colour at each state of an imagined rollout: the model that predicted it (none at s_0 or for the mean). */
    private Color[] rodColours(int[] members) {
        Color[] c = new Color[members.length + 1];
        int k = Math.max(1, vm.snapshotProperty().get().settings().members());
        for (int t = 0; t < members.length; t++) c[t + 1] = members[t] < 0 ? null : memberColour(members[t], k);
        return c;
    }

    /** Model k's colour of K: the palette's for up to six, evenly spaced hues beyond. */
    Color memberColour(int k, int members) {
        Theme theme = appearance.theme();
        if (members <= 6) {
            java.awt.Color a = Palette.line(theme, k);
            return Color.rgb(a.getRed(), a.getGreen(), a.getBlue());
        }
        return Color.hsb(360.0 * k / members, 0.75, theme == Theme.DARK ? 0.95 : 0.8);
    }

    private void buildLegend(int members, RolloutMode mode) {
        legendMembers = members;
        memberLegend.getChildren().clear();
        if (members == 0) {
            memberLegend.getChildren().add(new Label("Model-free TRPO: no models, nothing imagined."));
            return;
        }
        if (mode == RolloutMode.MEAN) {
            memberLegend.getChildren().add(new Label("Ensemble mean: every step is the average of the " + members
                    + " models (the rod keeps its usual colour)."));
            return;
        }
        for (int k = 0; k < members; k++) {
            Rectangle swatch = new Rectangle(12, 12, memberColour(k, members));
            Label l = new Label("model " + (k + 1), swatch);
            l.setId("metrpo-member-" + (k + 1));
            memberLegend.getChildren().add(l);
        }
    }

    @Override
    protected void applyTheme() {
        double size = appearance.fontSize();
        phaseCharts.setTheme(appearance.theme(), size);
        dataEfficiency.setTheme(appearance.theme(), size);
        models.setTheme(appearance.theme(), size);
        imagined.setTheme(appearance.theme(), size);
        real.setTheme(appearance.theme(), size);
        stages.setTheme(appearance.theme());
        legendMembers = -1;
        shownImagined = null;
        shownReal = null;
        MeTrpoSnapshot s = vm.snapshotProperty().get();
        if (s != null) showRollouts(s);
    }

    // ---------------------------------------------------------------- LessonPane

    @Override
    public List<Node> toolbarItems() {
        return List.of(stepPhase, label("Rollouts"), rolloutChoice, modelFreeBox);
    }

    @Override
    public void activate(PaneContext context) {
        super.activate(context);
        comparison.useLessonFiles(context);
        comparison.showRecorded();
    }

    @Override
    public void deactivate() {
        super.deactivate();
        comparison.close();
    }

    @Override
    protected void startDrawing() {
        imagined.start();
        real.start();
        throttle.start();
    }

    @Override
    protected void stopDrawing() {
        imagined.stop();
        real.stop();
        throttle.stop();
    }

    /** What File › Export figure takes: the shown tab's charts or pendulums, without buttons. */
    @Override
    public Node figure() {
        return switch (tabs.getSelectionModel().getSelectedIndex()) {
            case 1 -> rollouts;
            case 2 -> dataEfficiency.node();
            case 3 -> models.node();
            default -> phaseGrid;
        };
    }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(() -> Optional.of(switch (tabs.getSelectionModel().getSelectedIndex()) {
            case 2 -> dataEfficiency.csv();
            case 3 -> models.csv();
            default -> phaseCharts.csv();
        })));
    }

    /** The tab pane (tests pick a tab). */
    TabPane tabs() {
        return tabs;
    }

    /** Shown stages by name (tests). */
    List<String> shownStageNames() {
        List<String> out = new ArrayList<>();
        for (Stage s : Stage.values()) if (stages.shown().contains(s)) out.add(s.label);
        return out;
    }
}
