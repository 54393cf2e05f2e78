package org.mbrllab.app.lessons.dreamer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.PixelFrameView;
import org.mbrllab.engine.dreamer.PixelPendulum;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.app.common.text.LessonTextView;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;


/**
 * "Dreamer": the imagination viewer of a world model in latent space (Hafner et al. 2020), in five tabs.
 * <ol>
 *   <li><b>Open loop</b>: the strip shows a held-out sequence: the context frames the model filters, then the
 *       frames it imagines from the actions alone, as truth, model and error rows ({@link StripView}); sliders
 *       set H (imagined frames shown) and C (context frames); beneath, the error per imagined step against the
 *       copy-last and mean-frame baselines ({@link OpenLoopChart}).</li>
 *   <li><b>Drive it</b>: the real pendulum and the model's imagination side by side, driven by the same
 *       torques: a slider, ← → to push, space for zero, R for a new start ({@link DriveViewModel}).</li>
 *   <li><b>Latent state</b>: h and z of the strip's sequence, the posterior and prior means over the context,
 *       and KL(q ‖ p) per context step ({@link LatentView}).</li>
 *   <li><b>λ-returns</b>: rewards, values and V_λ along one imagined trajectory, one step of the recursion
 *       written out with its numbers ({@link ReturnsChart}, {@link ReturnsExplanation}).</li>
 *   <li><b>Behaviour</b>: a grid of imagined trajectories acting with the file's actor, and the file's training
 *       curve ({@link BehaviourGrid}, {@link CurveChart}).</li>
 * </ol>
 * It opens on the shipped world model; "Train from scratch" trains another on the runner's worker, with its
 * pace and time left, and it replaces the shown model when done.
 */
public final class DreamerPane extends RunnerPane<DreamerViewModel> {
    /** Steps a second of the driven pendulums (half the agent's real time of 10 a second), and of the grid's animation. */
    static final double TICKS_PER_SECOND = 5;

    private final StripView stripView = new StripView();
    private final OpenLoopChart chart = new OpenLoopChart();
    private final Slider horizonSlider = new Slider(1, DreamerViewModel.MAX_HORIZON, DreamerViewModel.MAX_HORIZON);
    private final Slider contextSlider = new Slider(1, DreamerViewModel.MAX_CONTEXT, 5);
    private final Label horizonLabel = new Label();
    private final Label contextLabel = new Label();
    private final Label sequenceLabel = new Label();
    private final Button another = new Button("Another sequence");
    private final Button scratch = new Button("Train from scratch");
    private final Button shipped = new Button("Shipped model");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressLabel = new Label();
    private final Label status = new Label();
    private final StripAndChart figure;
    private final TabPane tabs = new TabPane();
    // Drive it.
    private final PixelFrameView realTile = new PixelFrameView("dreamer-drive-real", "the real pendulum", PixelPendulum.SIZE);
    private final PixelFrameView imaginedTile = new PixelFrameView("dreamer-drive-imagined", "the model's imagination", PixelPendulum.SIZE);
    private final DriveRewardChart driveChart = new DriveRewardChart();
    private final Slider torqueSlider = new Slider(-DriveViewModel.MAX_TORQUE, DriveViewModel.MAX_TORQUE, 0);
    private final Label torqueLabel = new Label();
    private final ToggleButton drivePlay = new ToggleButton("Pause");
    private final Button driveStep = new Button("One step");
    private final Button driveReset = new Button("New start (R)");
    private final Label driveNumbers = new Label();
    private final BorderPane driveFigure = new BorderPane();
    // Latent state.
    private final LatentView latentView = new LatentView();
    private final Label latentLabel = new Label();
    private final BorderPane latentFigure = new BorderPane();
    // λ-returns.
    private final ReturnsChart returnsChart = new ReturnsChart();
    private final LessonTextView explain = new LessonTextView();
    private final Slider gammaSlider = new Slider(0.5, 1, 0.99);
    private final Slider lambdaSlider = new Slider(0, 1, ReturnsViewModel.DREAMER_LAMBDA);
    private final Slider returnsHorizonSlider = new Slider(1, ReturnsViewModel.MAX_HORIZON, ReturnsViewModel.MAX_HORIZON);
    private final Slider stepSlider = new Slider(0, ReturnsViewModel.MAX_HORIZON - 1, 0);
    private final Label gammaLabel = new Label();
    private final Label lambdaLabel = new Label();
    private final Label returnsHorizonLabel = new Label();
    private final Label stepLabel = new Label();
    private final Label returnsNote = new Label();
    private final BorderPane returnsFigure = new BorderPane();
    private String explainText = "";
    // Behaviour.
    private final BehaviourGrid grid = new BehaviourGrid();
    private final CurveChart curve = new CurveChart();
    private final Label behaviourNote = new Label();
    private final BorderPane behaviourFigure = new BorderPane();
    // The clock of the driven pendulums and the grid, and the keys.
    private final Timeline ticker;
    private final EventHandler<KeyEvent> keys = this::key;
    private Window keyWindow;

    public DreamerPane(PaneHost host) {
        super(host, new DreamerViewModel());

        // 1. Above: which model, and the training run's progress while there is one.
        status.setId("dreamer-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.modelStatusProperty());
        progress.setId("dreamer-progress");
        progress.setPrefWidth(160);
        progressLabel.setId("dreamer-progress-label");
        progressLabel.getStyleClass().add("mono");
        progressLabel.setWrapText(true);
        HBox progressRow = new HBox(8, progress, progressLabel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.setVisible(false);
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        scope.follow(vm.snapshotProperty(), s -> {
            progressRow.setVisible(s != null && (s.updates() > 0 || vm.runningProperty().get()));
            progress.setProgress(s == null || s.maxUpdates() == 0 ? 0 : (double) s.updates() / s.maxUpdates());
            progressLabel.setText(s == null ? "" : DreamerViewModel.progressText(s));
        });
        VBox top = new VBox(4, status, progressRow);
        top.setPadding(new Insets(6, 8, 4, 8));

        // 2. The controls of the strip.
        horizonSlider.setId("dreamer-horizon");
        contextSlider.setId("dreamer-context");
        for (Slider s : List.of(horizonSlider, contextSlider)) {
            s.setMajorTickUnit(1);
            s.setMinorTickCount(0);
            s.setSnapToTicks(true);
            s.setShowTickMarks(true);
            s.setBlockIncrement(1);
            s.setPrefWidth(240);
            s.setFocusTraversable(false);
        }
        horizonSlider.valueProperty().addListener((obs, o, n) -> vm.horizonProperty().set((int) Math.round(n.doubleValue())));
        contextSlider.valueProperty().addListener((obs, o, n) -> vm.contextProperty().set((int) Math.round(n.doubleValue())));
        scope.follow(vm.horizonProperty(), h -> {
            horizonSlider.setValue(h.intValue());
            horizonLabel.setText("Imagined frames: H = " + h);
        });
        scope.follow(vm.contextProperty(), c -> {
            contextSlider.setValue(c.intValue());
            contextLabel.setText("Context frames: C = " + c);
        });
        horizonLabel.setId("dreamer-horizon-label");
        contextLabel.setId("dreamer-context-label");
        // A projector font can make "Imagined frames: H = 15" wider than the sliders: wrap rather than cut it.
        horizonLabel.setWrapText(true);
        contextLabel.setWrapText(true);
        horizonLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        horizonSlider.setTooltip(new Tooltip("How many imagined frames the strip shows (the model imagines 15; the error row "
                + "and the chart's thin line show the same frames)"));
        contextSlider.setTooltip(new Tooltip("How many real frames the model filters before it imagines. The frames to "
                + "predict stay the same: more context only means more was seen before them."));
        another.setId("dreamer-another");
        another.setFocusTraversable(false);
        another.setTooltip(new Tooltip("The next of " + DreamerViewModel.SEQUENCES + " held-out sequences (never trained on)"));
        another.setOnAction(e -> vm.anotherSequence());
        sequenceLabel.setId("dreamer-sequence");
        sequenceLabel.setWrapText(true);
        sequenceLabel.setMinHeight(Region.USE_PREF_SIZE);
        VBox controls = new VBox(4, horizonLabel, horizonSlider, contextLabel, contextSlider, another, sequenceLabel);
        // Wide enough that "Imagined frames: H = 15" stays on one line in the projector's font: every line the
        // controls save goes to the strip's frames.
        controls.setPrefWidth(330);
        controls.setMinWidth(240);
        controls.setMaxWidth(360);
        controls.setPadding(new Insets(4, 8, 4, 8));

        // 3. The strip above; the controls and the chart beneath it.
        // The chart asks for little height: on a 1280 × 800 screen the strip's frames need it more (and the tabs'
        // header takes a line of it).
        chart.node().setPrefSize(600, 230);
        chart.node().setMinSize(300, 160);
        HBox.setHgrow(chart.node(), Priority.ALWAYS);
        HBox bottom = new HBox(8, controls, chart.node());
        figure = new StripAndChart(stripView, bottom);
        figure.setPadding(new Insets(4, 8, 8, 8));
        scope.follow(vm.stripProperty(), s -> {
            stripView.show(s);
            chart.showStrip(s);
            sequenceLabel.setText(s == null ? "" : "Held-out sequence " + (s.sequence() + 1) + " of " + DreamerViewModel.SEQUENCES);
            sequenceLabel.setTooltip(new Tooltip(s == null ? "" : "Held-out episode " + (s.episode() + 1) + ", steps " + s.start()
                    + "–" + (s.start() + s.context() + s.horizon() - 1) + ". A column is one step of the agent (0.1 s); after "
                    + "the line the model gets only the torques."));
        });
        scope.follow(vm.openLoopProperty(), chart::show);
        scope.follow(vm.modelProperty(), m -> {
            horizonSlider.setDisable(m == null);
            contextSlider.setDisable(m == null);
            another.setDisable(m == null);
        });

        scratch.setId("dreamer-scratch");
        scratch.setFocusTraversable(false);
        scratch.setTooltip(new Tooltip("Collect random episodes and train a world model from nothing with this pane's "
                + "parameters and seed; it replaces the one shown when done. Minutes on a laptop."));
        scratch.setOnAction(e -> vm.trainFromScratch());
        shipped.setId("dreamer-shipped");
        shipped.setFocusTraversable(false);
        shipped.setTooltip(new Tooltip("Stop training and go back to the world model that ships with the app"));
        shipped.setOnAction(e -> vm.useShipped());

        // 4. The other tabs, each in its own method.
        buildDrive();
        buildLatent();
        buildReturns();
        buildBehaviour();
        Tab openLoopTab = new Tab("Open loop", figure);
        openLoopTab.setId("dreamer-tab-openloop");
        Tab driveTab = new Tab("Drive it", driveFigure);
        driveTab.setId("dreamer-tab-drive");
        Tab latentTab = new Tab("Latent state", latentFigure);
        latentTab.setId("dreamer-tab-latent");
        Tab returnsTab = new Tab("λ-returns", returnsFigure);
        returnsTab.setId("dreamer-tab-returns");
        Tab behaviourTab = new Tab("Behaviour", behaviourFigure);
        behaviourTab.setId("dreamer-tab-behaviour");
        tabs.getTabs().setAll(openLoopTab, driveTab, latentTab, returnsTab, behaviourTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("dreamer-tabs");

        view.setTop(top);
        view.setCenter(tabs);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1 / TICKS_PER_SECOND), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        scope.follow(view.sceneProperty(), sc -> {
            if (sc != null) scope.follow(sc.windowProperty(), this::listenToKeys);
        });
        scope.onClose(() -> listenToKeys(null));
        followTheme();
    }

    // ---------------------------------------------------------------- the tabs

    /** Drive it: the two frames and the reward chart above, the torque and the buttons beneath. */
    private void buildDrive() {
        DriveViewModel d = vm.drive();
        torqueSlider.setId("dreamer-torque");
        torqueSlider.setMajorTickUnit(1);
        torqueSlider.setMinorTickCount(1);
        torqueSlider.setShowTickMarks(true);
        torqueSlider.setBlockIncrement(0.5);
        torqueSlider.setPrefWidth(260);
        torqueSlider.setFocusTraversable(false);
        torqueSlider.setTooltip(new Tooltip("The torque both pendulums get at every step while no arrow key is held, N·m"));
        torqueSlider.valueProperty().addListener((obs, o, n) -> d.torqueProperty().set(n.doubleValue()));
        torqueLabel.setId("dreamer-torque-label");
        torqueLabel.getStyleClass().add("mono");
        scope.follow(d.torqueProperty(), u -> {
            torqueSlider.setValue(u.doubleValue());
            showTorque();
        });
        scope.follow(d.heldProperty(), h -> showTorque());
        drivePlay.setId("dreamer-drive-play");
        drivePlay.setFocusTraversable(false);
        drivePlay.setSelected(true);
        drivePlay.textProperty().bind(javafx.beans.binding.Bindings.when(drivePlay.selectedProperty()).then("Pause").otherwise("Play"));
        drivePlay.setTooltip(new Tooltip("Run both pendulums at " + Format.number(TICKS_PER_SECOND) + " steps a second, or stop them "
                + "(stopped, each press of ← or → is one step)"));
        driveStep.setId("dreamer-drive-step");
        driveStep.setFocusTraversable(false);
        driveStep.setOnAction(e -> d.step());
        driveReset.setId("dreamer-drive-reset");
        driveReset.setFocusTraversable(false);
        driveReset.setTooltip(new Tooltip("Both pendulums from a fresh start the model never trained on; it sees the first "
                + DriveViewModel.CONTEXT + " frames, then only your torques"));
        driveReset.setOnAction(e -> d.reset());
        Label keysHelp = new Label("Keys: ← → push (∓2 N·m while held) · space: torque 0 · R: a new start");
        keysHelp.setWrapText(true);
        keysHelp.setMinHeight(Region.USE_PREF_SIZE);
        driveNumbers.setId("dreamer-drive-numbers");
        driveNumbers.setWrapText(true);
        driveNumbers.setMinHeight(Region.USE_PREF_SIZE);
        scope.follow(d.viewProperty(), this::showDrive);

        driveChart.node().setPrefSize(500, 300);
        driveChart.node().setMinSize(260, 200);
        HBox.setHgrow(driveChart.node(), Priority.ALWAYS);
        for (PixelFrameView tile : List.of(realTile, imaginedTile)) {
            tile.setMinSize(130, 170);
            tile.setPrefSize(280, 330);
        }
        HBox frames = new HBox(8, realTile, imaginedTile, driveChart.node());
        frames.setAlignment(Pos.CENTER_LEFT);
        // The torque on a row of its own (its label grows with "(→ held)"), the buttons on the next, so that
        // neither is cut short in a narrow window.
        torqueLabel.setMinWidth(Region.USE_PREF_SIZE);
        torqueSlider.setMinWidth(120);
        HBox.setHgrow(torqueSlider, Priority.ALWAYS);
        HBox torqueRow = new HBox(10, torqueLabel, torqueSlider);
        torqueRow.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.control.ButtonBase b : List.of(drivePlay, driveStep, driveReset)) b.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(10, drivePlay, driveStep, driveReset);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox below = new VBox(4, torqueRow, buttons, driveNumbers, keysHelp);
        below.setPadding(new Insets(4, 0, 0, 0));
        driveFigure.setCenter(frames);
        driveFigure.setBottom(below);
        driveFigure.setPadding(new Insets(6, 8, 6, 8));
    }

    private void showTorque() {
        DriveViewModel d = vm.drive();
        Double held = d.heldProperty().get();
        torqueLabel.setText(String.format(Locale.ROOT, "torque u = %+.1f N·m%s", d.appliedTorque(),
                held == null ? "" : held < 0 ? " (← held)" : " (→ held)"));
    }

    private void showDrive(DriveViewModel.View v) {
        if (v == null) {
            driveNumbers.setText("");
            return;
        }
        realTile.setFrame(v.realFrame());
        imaginedTile.setFrame(v.imaginedFrame());
        String step = v.step() == 0 ? "after " + DriveViewModel.CONTEXT + " frames seen" : "step " + v.step() + " of " + DriveViewModel.STEPS;
        realTile.setCaption(step);
        imaginedTile.setCaption(v.step() == 0 ? "what it made of the last frame" : "imagined " + v.step() + " steps ahead");
        realTile.setBorder(v.done() ? appearance.theme().highlight() : null);
        imaginedTile.setBorder(v.done() ? appearance.theme().highlight() : null);
        driveChart.show(v);
        if (v.step() == 0) {
            driveNumbers.setText("Start " + v.start() + ": the model has seen " + DriveViewModel.CONTEXT + " real frames. From now on it "
                    + "gets only the torques.");
        } else {
            driveNumbers.setText(String.format(Locale.ROOT, "Step %d, torque %+.1f N·m: reward real %.2f, imagined %.2f · "
                    + "so far real %.1f, imagined %.1f%s", v.step(), v.torque(), v.realReward(), v.imaginedReward(),
                    v.realSum(), v.imaginedSum(), v.done() ? " · the episode is over: R for a new start" : ""));
        }
    }

    /** Latent state: which sequence, then the heat strips. */
    private void buildLatent() {
        latentLabel.setId("dreamer-latent-label");
        latentLabel.setWrapText(true);
        latentLabel.setMinHeight(Region.USE_PREF_SIZE);
        Button again = new Button("Another sequence");
        again.setId("dreamer-latent-another");
        again.setFocusTraversable(false);
        again.setMinWidth(Region.USE_PREF_SIZE);
        again.setOnAction(e -> vm.anotherSequence());
        HBox.setHgrow(latentLabel, Priority.ALWAYS);
        HBox head = new HBox(10, again, latentLabel);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(0, 0, 6, 0));
        scope.onChange(() -> {
            DreamerViewModel.Strip s = vm.stripProperty().get();
            latentView.show(vm.latentProperty().get(), s);
            latentLabel.setText(s == null ? "" : "Held-out sequence " + (s.sequence() + 1) + " of " + DreamerViewModel.SEQUENCES
                    + ", C = " + s.context() + " seen, H = " + s.horizon() + " imagined (set them in Open loop). Each column is a "
                    + "step; each row of a strip one unit of the state.");
        }, vm.latentProperty(), vm.stripProperty());
        latentFigure.setTop(head);
        latentFigure.setCenter(latentView);
        latentFigure.setPadding(new Insets(6, 8, 6, 8));
    }

    /** λ-returns: the chart beside the explain panel, the sliders beneath. */
    private void buildReturns() {
        ReturnsViewModel r = vm.returns();
        gammaSlider.setId("dreamer-gamma");
        lambdaSlider.setId("dreamer-lambda");
        returnsHorizonSlider.setId("dreamer-returns-horizon");
        stepSlider.setId("dreamer-returns-step");
        for (Slider s : List.of(gammaSlider, lambdaSlider, returnsHorizonSlider, stepSlider)) {
            s.setPrefWidth(200);
            s.setFocusTraversable(false);
        }
        gammaSlider.setBlockIncrement(0.01);
        lambdaSlider.setBlockIncrement(0.05);
        for (Slider s : List.of(returnsHorizonSlider, stepSlider)) {
            s.setMajorTickUnit(1);
            s.setMinorTickCount(0);
            s.setSnapToTicks(true);
            s.setBlockIncrement(1);
        }
        gammaSlider.valueProperty().addListener((obs, o, n) -> r.gammaProperty().set(Math.round(n.doubleValue() * 1000) / 1000.0));
        lambdaSlider.valueProperty().addListener((obs, o, n) -> r.lambdaProperty().set(Math.round(n.doubleValue() * 100) / 100.0));
        returnsHorizonSlider.valueProperty().addListener((obs, o, n) -> r.horizonProperty().set((int) Math.round(n.doubleValue())));
        stepSlider.valueProperty().addListener((obs, o, n) -> r.stepProperty().set((int) Math.round(n.doubleValue())));
        returnsChart.setOnStep(t -> r.stepProperty().set(t));
        gammaLabel.setId("dreamer-gamma-label");
        lambdaLabel.setId("dreamer-lambda-label");
        returnsHorizonLabel.setId("dreamer-returns-horizon-label");
        stepLabel.setId("dreamer-returns-step-label");
        returnsNote.setId("dreamer-returns-note");
        returnsNote.setWrapText(true);
        returnsNote.setMinHeight(Region.USE_PREF_SIZE);
        scope.follow(r.returnsProperty(), this::showReturns);
        explain.setId("dreamer-explain");
        explain.getStyleClass().add("explain-panel");
        // Wide enough for the recursion written out with its numbers at the projector's font size.
        explain.setPrefWidth(560);
        explain.setMinWidth(360);

        returnsChart.node().setPrefSize(560, 320);
        returnsChart.node().setMinSize(300, 200);
        HBox.setHgrow(returnsChart.node(), Priority.ALWAYS);
        HBox main = new HBox(8, returnsChart.node(), explain);
        HBox sliders = new HBox(14, labelled(gammaLabel, gammaSlider), labelled(lambdaLabel, lambdaSlider),
                labelled(returnsHorizonLabel, returnsHorizonSlider), labelled(stepLabel, stepSlider));
        VBox below = new VBox(4, sliders, returnsNote);
        below.setPadding(new Insets(4, 0, 0, 0));
        returnsFigure.setCenter(main);
        returnsFigure.setBottom(below);
        returnsFigure.setPadding(new Insets(6, 8, 6, 8));
    }

    private static VBox labelled(Label label, Slider slider) {
        label.setMinWidth(Region.USE_PREF_SIZE);
        return new VBox(2, label, slider);
    }

    private void showReturns(ReturnsViewModel.Returns r) {
        returnsChart.show(r);
        if (r == null) return;
        gammaSlider.setValue(r.gamma());
        lambdaSlider.setValue(r.lambda());
        returnsHorizonSlider.setValue(r.horizon());
        stepSlider.setMax(Math.max(1, r.horizon() - 1));
        stepSlider.setDisable(r.horizon() == 1);
        stepSlider.setValue(r.t());
        gammaLabel.setText("γ = " + Format.fixed(r.gamma(), 3));
        lambdaLabel.setText("λ = " + Format.fixed(r.lambda(), 2));
        returnsHorizonLabel.setText("H = " + r.horizon() + " steps");
        stepLabel.setText("written out: t = " + r.t());
        returnsNote.setText(r.byActor() ? "Torques: the file's actor (its mean action); values: its critic. Move the mouse over "
                + "the chart to write out another step." : Character.toUpperCase(r.note().charAt(0)) + r.note().substring(1) + ".");
        String text = ReturnsExplanation.markdown(r);
        if (!text.equals(explainText)) {
            explainText = text;
            explain.setMarkdown(text);
        }
    }

    /** Behaviour: the grid of imagined trajectories beside the training curve. */
    private void buildBehaviour() {
        behaviourNote.setId("dreamer-behaviour-note");
        behaviourNote.setWrapText(true);
        behaviourNote.setMinHeight(Region.USE_PREF_SIZE);
        scope.follow(vm.behaviour().behaviourProperty(), b -> {
            grid.show(b);
            curve.show(b == null ? null : b.curve(), b == null ? "" : b.curveNote());
            behaviourNote.setText(b == null ? "" : b.note() + " Under each tile: the sum of its " + BehaviourViewModel.HORIZON
                    + " predicted rewards.");
        });
        grid.setPrefSize(440, 460);
        curve.node().setPrefSize(520, 400);
        HBox.setHgrow(curve.node(), Priority.ALWAYS);
        HBox main = new HBox(12, grid, curve.node());
        behaviourFigure.setCenter(main);
        behaviourFigure.setBottom(behaviourNote);
        BorderPane.setMargin(behaviourNote, new Insets(4, 0, 0, 0));
        behaviourFigure.setPadding(new Insets(6, 8, 6, 8));
    }

    // ---------------------------------------------------------------- the clock and the keys

    private int selectedTab() {
        return tabs.getSelectionModel().getSelectedIndex();
    }

    /** Whether the driven pendulums are on screen. */
    boolean driveShown() {
        return selectedTab() == 1;
    }

    /** One tick: a step of the driven pendulums while they run, or the grid's next imagined step. */
    void tick() {
        if (driveShown() && drivePlay.isSelected()) {
            DriveViewModel.View v = vm.drive().viewProperty().get();
            if (v != null && !v.done()) vm.drive().step();
        } else if (selectedTab() == 4) {
            grid.advance();
        }
    }

    private void listenToKeys(Window w) {
        if (keyWindow != null) keyWindow.removeEventFilter(KeyEvent.ANY, keys);
        keyWindow = w;
        if (w != null) w.addEventFilter(KeyEvent.ANY, keys);
    }

    /**
     * While the drive tab is shown: ← → push (held: ∓2 N·m; with the clock stopped, each press is one step),
     * space sets the torque to 0, R starts again. The filter sits on the window, before the shell's keys (where
     * space runs, → steps and R resets the training run), so that driving does not also train.
     */
    private void key(KeyEvent e) {
        if (!driveShown() || !view.isVisible() || view.getScene() == null) return;
        if (e.getTarget() instanceof TextInputControl || view.getScene().getFocusOwner() instanceof TextInputControl) return;
        DriveViewModel d = vm.drive();
        if (e.getEventType() == KeyEvent.KEY_TYPED) {
            String ch = e.getCharacter().toLowerCase(Locale.ROOT);
            if (ch.equals(" ") || ch.equals("r")) e.consume();
            return;
        }
        boolean pressed = e.getEventType() == KeyEvent.KEY_PRESSED;
        double push = switch (e.getCode()) {
            case LEFT, KP_LEFT -> -DriveViewModel.MAX_TORQUE;
            case RIGHT, KP_RIGHT -> DriveViewModel.MAX_TORQUE;
            default -> 0;
        };
        if (push != 0) {
            if (pressed) {
                d.heldProperty().set(push);
                if (!drivePlay.isSelected()) d.step();
            } else if (e.getEventType() == KeyEvent.KEY_RELEASED) {
                d.heldProperty().set(null);
            }
            e.consume();
        } else if (e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.R) {
            if (pressed && e.getCode() == KeyCode.SPACE) d.torqueProperty().set(0);
            if (pressed && e.getCode() == KeyCode.R) d.reset();
            e.consume();
        }
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return DreamerViewModel.parameterSpecs();
    }

    @Override
    protected void applyTheme() {
        var t = appearance.theme();
        double size = appearance.fontSize();
        stripView.setTheme(t, size);
        chart.setTheme(t, size);
        realTile.setTheme(t, size);
        imaginedTile.setTheme(t, size);
        driveChart.setTheme(t, size);
        latentView.setTheme(t, size);
        returnsChart.setTheme(t, size);
        explain.setBaseFontSize(size);
        explain.setTextColor(t.foreground());
        grid.setTheme(t, size);
        curve.setTheme(t, size);
        showDrive(vm.drive().viewProperty().get());
    }

    @Override
    protected void startDrawing() {
        ticker.play();
    }

    @Override
    protected void stopDrawing() {
        ticker.stop();
    }

    @Override
    public List<Node> toolbarItems() {
        return List.of(scratch, shipped);
    }

    @Override
    public Node figure() {
        return switch (selectedTab()) {
            case 1 -> driveFigure;
            case 2 -> latentFigure;
            case 3 -> returnsFigure;
            case 4 -> behaviourFigure;
            default -> figure;
        };
    }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(() -> Optional.of(switch (selectedTab()) {
            case 1 -> driveChart.csv();
            case 3 -> returnsChart.csv();
            case 4 -> curve.csv();
            default -> chart.csv();
        })));
    }

    /**
     * The strip above, what is beneath it below. The part beneath gets its least height first; the strip then
     * takes what its largest frames need of the rest (its frames are bound by the width as often as by the
     * height), and whatever is left goes back to the part beneath, so that no band of empty strip is left.
     */
    private static final class StripAndChart extends Region {
        private static final double GAP = 6;
        private final StripView strip;
        private final Region beneath;

        StripAndChart(StripView strip, Region beneath) {
            this.strip = strip;
            this.beneath = beneath;
            getChildren().addAll(strip, beneath);
        }

        @Override
        protected void layoutChildren() {
            Insets in = getInsets();
            double w = getWidth() - in.getLeft() - in.getRight();
            double h = getHeight() - in.getTop() - in.getBottom();
            double least = beneath.minHeight(w);
            double stripH = Math.max(strip.minHeight(w), strip.heightWithin(w, h - least - GAP));
            strip.resizeRelocate(in.getLeft(), in.getTop(), w, stripH);
            beneath.resizeRelocate(in.getLeft(), in.getTop() + stripH + GAP, w, Math.max(least, h - stripH - GAP));
        }

        @Override
        protected double computePrefWidth(double height) {
            return getInsets().getLeft() + getInsets().getRight() + Math.max(strip.prefWidth(-1), beneath.prefWidth(-1));
        }

        @Override
        protected double computePrefHeight(double width) {
            return getInsets().getTop() + getInsets().getBottom() + strip.prefHeight(width) + GAP + beneath.prefHeight(width);
        }

        @Override
        protected double computeMinHeight(double width) {
            return getInsets().getTop() + getInsets().getBottom() + strip.minHeight(width) + GAP + beneath.minHeight(width);
        }
    }

    // ---------------------------------------------------------------- for tests

    StripView strip() { return stripView; }
    OpenLoopChart chart() { return chart; }
    TabPane tabs() { return tabs; }
    PixelFrameView imaginedTile() { return imaginedTile; }
    PixelFrameView realTile() { return realTile; }
    LatentView latentView() { return latentView; }
    ReturnsChart returnsChart() { return returnsChart; }
    LessonTextView explain() { return explain; }
    BehaviourGrid grid() { return grid; }
    CurveChart curve() { return curve; }
}
