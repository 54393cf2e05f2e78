package org.mbrllab.app.lessons.worldmodels;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import javafx.util.Duration;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.PixelFrameView;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.worldmodels.Dodge;
import org.mbrllab.engine.worldmodels.LinearController;
import org.mbrllab.engine.worldmodels.WorldModelsNetworks.TrainedController;

import static org.mbrllab.app.common.PaneControls.converter;
import static org.mbrllab.app.common.PaneControls.label;

/**
 * "World Models" (Ha and Schmidhuber 2018) on the Dodge game: the pipeline strip (collect → train V →
 * train M → evolve C in the dream → test in the real game, each stage runnable on its own from the agent
 * in use, with progress, pace and time left), and four views: V (a real frame, its z and the
 * reconstruction, with sliders on z), M's dream (decoded frame by frame at {@value #DREAM_FPS} frames a
 * second, with τ and the keyboard, beside the real game fed the same actions), C (CMA-ES's generations and
 * the controller's output) and the paper's Table 2. It opens on the shipped networks.
 */
public final class WorldModelsPane extends RunnerPane<WorldModelsViewModel> {

    /** Frames per second of the dream and the real game beside it. */
    static final double DREAM_FPS = 8;

    private final Map<Stage, Button> stageButtons = new EnumMap<>(Stage.class);
    private final FlowPane strip = new FlowPane(4, 4);
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressLabel = new Label();
    private final Label status = new Label();
    private final Button scratch = new Button("Train from scratch");
    private final Button shipped = new Button("Shipped networks");
    private final ChoiceBox<TrainedController> controllerChoice = new ChoiceBox<>();
    private final TabPane tabs = new TabPane();

    // V
    private final PixelFrameView realFrame = new PixelFrameView("wm-v-frame", "A real frame", Dodge.SIDE);
    private final PixelFrameView decoded = new PixelFrameView("wm-v-decoded", "V's reconstruction", Dodge.SIDE);
    private final BarsView latentBars = new BarsView("wm-v-latent", "z = μ(frame)", VisionViewModel.RANGE);
    private final Slider[] sliders = new Slider[VisionViewModel.SLIDERS];
    private final Label[] sliderLabels = new Label[VisionViewModel.SLIDERS];
    private final FramesLayout visionFigure;

    // M
    private final PixelFrameView dreamFrame = new PixelFrameView("wm-dream-frame", "M's dream", Dodge.SIDE);
    private final PixelFrameView gameFrame = new PixelFrameView("wm-real-frame", "The real game", Dodge.SIDE);
    private final Slider tauSlider = new Slider(DreamViewModel.MIN_TAU, DreamViewModel.MAX_TAU, 1.0);
    private final Label tauLabel = new Label();
    private final Label doneLabel = new Label();
    private final Label driverLabel = new Label();
    private final ToggleButton play = new ToggleButton("Pause");
    private final Button giveBack = new Button("C drives");
    private final BarsView actionBars = new BarsView("wm-action", "C's output o and the action", 1.0);
    private final FramesLayout dreamFigure;

    // C
    private final GenerationsChart generations = new GenerationsChart();
    private final PixelFrameView cDream = new PixelFrameView("wm-c-dream", "C playing in the dream", Dodge.SIDE);
    private final BarsView cBars = new BarsView("wm-c-action", "C's output o and the action", 1.0);
    private final BorderPane controllerFigure = new BorderPane();

    // Table 2
    private final TableView<WorldModelsViewModel.Row> table = new TableView<>();
    private final Label randomLabel = new Label();
    private final Button recompute = new Button("Recompute");
    private final BorderPane tableFigure = new BorderPane();

    private final Timeline ticker;
    private final EventHandler<KeyEvent> keys = this::key;
    private Window keyWindow;

    public WorldModelsPane(PaneHost host) {
        super(host, new WorldModelsViewModel());
        DreamViewModel dream = vm.dream();
        VisionViewModel vision = vm.vision();

        // 1. The strip: each stage a button, the running one lit; progress under it.
        strip.setId("wm-strip");
        strip.setAlignment(Pos.CENTER_LEFT);
        int n = 0;
        for (Stage st : Stage.values()) {
            if (n > 0) strip.getChildren().add(new Label("→"));
            Button b = new Button((++n) + " " + st.label);
            b.setId("wm-stage-" + st.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.setTooltip(new Tooltip(st.tooltip + ". Runs from the agent in use."));
            b.setFocusTraversable(false);
            b.setOnAction(e -> vm.runStage(st));
            b.setMinWidth(Region.USE_PREF_SIZE);
            stageButtons.put(st, b);
            strip.getChildren().add(b);
        }
        progress.setId("wm-progress");
        progress.setPrefWidth(160);
        progress.setMinWidth(80);
        progressLabel.setId("wm-progress-label");
        progressLabel.getStyleClass().add("mono");
        progressLabel.setWrapText(true);
        progressLabel.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(progressLabel, Priority.ALWAYS);
        HBox progressRow = new HBox(8, progress, progressLabel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        status.setId("wm-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.networkStatusProperty());
        // The progress line only while a plan has run: an empty bar would take a line of the figure's height.
        progressRow.setVisible(false);
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        vm.snapshotProperty().addListener((obs, o, s) -> progressRow.setVisible(s != null && s.task() != null));
        VBox top = new VBox(4, strip, progressRow, status);
        top.setPadding(new Insets(6, 8, 4, 8));

        scratch.setId("wm-scratch");
        scratch.setFocusTraversable(false);
        scratch.setTooltip(new Tooltip("Collect random episodes, train V and M, evolve C at the training τ and test it: "
                + "the whole pipeline from nothing, with this pane's parameters. Minutes on a laptop."));
        scratch.setOnAction(e -> vm.trainFromScratch());
        shipped.setId("wm-shipped");
        shipped.setFocusTraversable(false);
        shipped.setTooltip(new Tooltip("Stop any stage and go back to the networks that ship with the app"));
        shipped.setOnAction(e -> vm.useShipped());
        controllerChoice.setId("wm-controller");
        controllerChoice.setConverter(converter(c -> "C at τ " + Format.number(c.temperature())));
        controllerChoice.setTooltip(new Tooltip("The controller that drives the dream and is tested: one per τ it was evolved at"));
        controllerChoice.valueProperty().bindBidirectional(vm.controllerProperty());
        scope.follow(vm.agentProperty(), a -> {
            TrainedController keep = vm.controllerProperty().get();
            controllerChoice.getItems().setAll(a == null ? List.of() : a.controllers());
            vm.controllerProperty().set(keep);
        });

        // 2. V.
        GridPane sliderGrid = new GridPane();
        sliderGrid.setHgap(6);
        sliderGrid.setVgap(2);
        for (int i = 0; i < sliders.length; i++) {
            Slider s = new Slider(-VisionViewModel.RANGE, VisionViewModel.RANGE, 0);
            s.setId("wm-z-" + i);
            s.setPrefWidth(150);
            s.valueProperty().bindBidirectional(vision.slider(i));
            sliders[i] = s;
            sliderLabels[i] = new Label();
            sliderLabels[i].setMinWidth(Region.USE_PREF_SIZE);
            sliderGrid.add(sliderLabels[i], (i / 4) * 2, i % 4);
            sliderGrid.add(s, (i / 4) * 2 + 1, i % 4);
            HBox.setHgrow(s, Priority.ALWAYS);
        }
        Button randomFrame = new Button("Random frame");
        randomFrame.setId("wm-random-frame");
        randomFrame.setTooltip(new Tooltip("A frame of a real game after a few random moves, through V"));
        randomFrame.setOnAction(e -> vision.randomFrame());
        Button randomZ = new Button("Random z");
        randomZ.setId("wm-random-z");
        randomZ.setTooltip(new Tooltip("z drawn from V's prior N(0, I): a frame no game showed, as V imagines it"));
        randomZ.setOnAction(e -> vision.randomZ());
        // The sliders' note as a tooltip: on a projector every line under the frames makes them smaller.
        Tooltip.install(sliderGrid, new Tooltip("The sliders move the " + VisionViewModel.SLIDERS + " dimensions of z "
                + "that vary most over real frames (lit in the bars), over ±" + Format.number(VisionViewModel.RANGE)
                + "; the reconstruction is decoded again as they move."));
        latentBars.setPrefSize(360, 130);
        VBox vControls = new VBox(6, sliderGrid, new HBox(8, randomFrame, randomZ));
        vControls.setPrefWidth(380);
        vControls.setMinWidth(300);
        HBox.setHgrow(latentBars, Priority.ALWAYS);
        HBox.setHgrow(realFrame, Priority.ALWAYS);
        HBox.setHgrow(decoded, Priority.ALWAYS);
        HBox vFrames = new HBox(6, realFrame, decoded);
        visionFigure = new FramesLayout(vFrames, latentBars, vControls, 200, 400);
        scope.follow(vision.frameProperty(), f -> realFrame.setFrame(f));
        scope.follow(vision.decodedProperty(), f -> {
            decoded.setFrame(f);
            decoded.setCaption(String.format(Locale.ROOT, "error %.4f per pixel", vision.error()));
        });
        scope.follow(vision.latentProperty(), z -> showLatent(z));

        // 3. M, the dream.
        tauSlider.setId("wm-tau");
        tauSlider.setShowTickMarks(true);
        tauSlider.setMajorTickUnit(0.1);
        tauSlider.setMinorTickCount(0);
        tauSlider.setBlockIncrement(0.05);
        tauSlider.valueProperty().bindBidirectional(dream.tauProperty());
        tauSlider.setFocusTraversable(false);
        tauLabel.setId("wm-tau-label");
        tauLabel.textProperty().bind(dream.tauProperty().asString(Locale.ROOT, "τ = %.2f"));
        doneLabel.setId("wm-done");
        doneLabel.getStyleClass().add("mono");
        doneLabel.setWrapText(true);
        doneLabel.setMinHeight(Region.USE_PREF_SIZE);
        driverLabel.setId("wm-driver");
        driverLabel.setWrapText(true);
        driverLabel.setMinHeight(Region.USE_PREF_SIZE); // wrapped, not cut to "C drives, looking at the dream'…"
        play.setId("wm-play");
        play.setFocusTraversable(false);
        play.setOnAction(e -> play.setText(play.isSelected() ? "Play" : "Pause"));
        giveBack.setId("wm-give-back");
        giveBack.setFocusTraversable(false);
        giveBack.setTooltip(new Tooltip("Hand the wheel back to the controller C"));
        giveBack.setOnAction(e -> dream.driverProperty().set(DreamViewModel.Driver.CONTROLLER));
        Button restart = new Button("New dream");
        restart.setMinWidth(Region.USE_PREF_SIZE);
        play.setMinWidth(Region.USE_PREF_SIZE);
        giveBack.setMinWidth(Region.USE_PREF_SIZE);
        restart.setId("wm-new-dream");
        restart.setFocusTraversable(false);
        restart.setOnAction(e -> dream.use(vm.agentProperty().get().v(), vm.agentProperty().get().m(),
                vm.controllerProperty().get() == null ? null : vm.controllerProperty().get().controller()));
        actionBars.setMarks(LinearController.DEAD_ZONE, -LinearController.DEAD_ZONE);
        Label keysNote = new Label("← → (or A, D) steer while this tab is shown; “C drives” hands the wheel back. "
                + "The real game gets the same actions.");
        keysNote.setWrapText(true);
        keysNote.setMinHeight(Region.USE_PREF_SIZE);
        tauSlider.setPrefWidth(240);
        VBox mControls = new VBox(6, new HBox(8, label("Temperature"), tauLabel), tauSlider, doneLabel, driverLabel,
                new FlowPane(6, 6, play, giveBack, restart), keysNote);
        mControls.setPrefWidth(360);
        mControls.setMinWidth(280);
        actionBars.setPrefSize(260, 160);
        HBox.setHgrow(actionBars, Priority.ALWAYS);
        HBox.setHgrow(dreamFrame, Priority.ALWAYS);
        HBox.setHgrow(gameFrame, Priority.ALWAYS);
        HBox mFrames = new HBox(6, dreamFrame, gameFrame);
        dreamFigure = new FramesLayout(mFrames, mControls, actionBars, 230, 380);
        scope.follow(dream.viewProperty(), this::showDream);
        scope.follow(dream.driverProperty(), d -> showDriver());
        scope.follow(dream.keyProperty(), k -> showDriver());

        // 4. C.
        cBars.setMarks(LinearController.DEAD_ZONE, -LinearController.DEAD_ZONE);
        cDream.setPrefSize(240, 260);
        cBars.setPrefSize(240, 170);
        VBox cSide = new VBox(6, cDream, cBars);
        cSide.setPrefWidth(260);
        VBox.setVgrow(cDream, Priority.ALWAYS);
        controllerFigure.setCenter(generations.node());
        controllerFigure.setRight(cSide);
        controllerFigure.setPadding(new Insets(4));

        // 5. Table 2.
        table.setId("wm-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("τ", r -> String.format(Locale.ROOT, "%.2f", r.tau())));
        table.getColumns().add(column("dream score", r -> score(r.dream())));
        table.getColumns().add(column("real score", r -> score(r.real())));
        table.getColumns().add(column("dream − real", r -> Double.isNaN(r.dream()) || Double.isNaN(r.real()) ? "—"
                : String.format(Locale.ROOT, "%+.1f", r.dream() - r.real())));
        table.getColumns().add(column("from", WorldModelsViewModel.Row::source));
        table.setFixedCellSize(34);
        table.setPrefHeight(34 * 5 + 52); // the header is about 44 px in the projector theme
        table.setMaxHeight(34 * 5 + 52);
        scope.follow(vm.tableProperty(), rows -> table.getItems().setAll(rows));
        randomLabel.setId("wm-random-score");
        scope.follow(vm.randomScoreProperty(), s -> randomLabel.setText("Random policy in the real game: "
                + score(s.doubleValue()) + " steps survived on average."));
        recompute.setId("wm-recompute");
        recompute.setFocusTraversable(false);
        recompute.setTooltip(new Tooltip("Evolve a controller in the dream at the selected rows' τ (or the rows without "
                + "numbers; all five when every row has them) with the V and M in use, and score it in the dream and the "
                + "real game. Each row takes as long as the Evolve C stage."));
        recompute.setOnAction(e -> {
            Set<Double> taus = new HashSet<>();
            for (WorldModelsViewModel.Row r : table.getSelectionModel().getSelectedItems()) taus.add(r.tau());
            vm.recompute(taus);
        });
        Label tableNote = new Label("Scores are mean steps survived (the cap is 300). A controller evolved in a cold dream "
                + "(small τ) finds M's mistakes and scores high there, but not in the real game; a warmer dream is harder "
                + "to cheat, and what C learns in it transfers.");
        tableNote.setWrapText(true);
        HBox tableButtons = new HBox(10, recompute, randomLabel);
        tableButtons.setAlignment(Pos.CENTER_LEFT);
        VBox tableBox = new VBox(8, label("The paper's Table 2, on Dodge"), table, tableButtons, tableNote);
        tableBox.setPadding(new Insets(8));
        tableFigure.setCenter(tableBox);

        Tab vTab = new Tab("V: vision", visionFigure);
        vTab.setId("wm-v-tab");
        Tab mTab = new Tab("M: the dream", dreamFigure);
        mTab.setId("wm-m-tab");
        Tab cTab = new Tab("C: the controller", controllerFigure);
        cTab.setId("wm-c-tab");
        Tab tTab = new Tab("Table 2", tableFigure);
        tTab.setId("wm-table-tab");
        tabs.getTabs().setAll(vTab, mTab, cTab, tTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        view.setTop(top);
        view.setCenter(tabs);

        vm.snapshotProperty().addListener((obs, o, s) -> showProgress(s));
        ticker = new Timeline(new KeyFrame(Duration.seconds(1 / DREAM_FPS), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        scope.follow(view.sceneProperty(), sc -> {
            if (sc != null) scope.follow(sc.windowProperty(), this::listenToKeys);
        });
        scope.onClose(() -> listenToKeys(null));
        followTheme();
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return WorldModelsViewModel.parameterSpecs();
    }

    private static TableColumn<WorldModelsViewModel.Row, String> column(String title,
            java.util.function.Function<WorldModelsViewModel.Row, String> text) {
        TableColumn<WorldModelsViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleStringProperty(text.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static String score(double s) {
        return Double.isNaN(s) ? "—" : Format.fixed(s, 1);
    }

    // ---------------------------------------------------------------- drawing

    private void showLatent(float[] z) {
        VisionViewModel vision = vm.vision();
        double[] values = new double[z.length];
        String[] labels = new String[z.length];
        Set<Integer> lit = new HashSet<>();
        for (int j = 0; j < z.length; j++) {
            values[j] = z[j];
            labels[j] = Integer.toString(j + 1);
        }
        for (int i = 0; i < sliders.length; i++) {
            int d = vision.dimension(i);
            if (d >= 0) lit.add(d);
            sliderLabels[i].setText(d < 0 ? "—" : "z" + subscript(d + 1));
            sliders[i].setDisable(d < 0);
        }
        latentBars.show(values, labels, lit);
        latentBars.setTitle("z = μ(frame), " + z.length + " numbers for 256 pixels");
    }

    private static String subscript(int n) {
        StringBuilder b = new StringBuilder();
        for (char ch : Integer.toString(n).toCharArray()) b.append((char) ('₀' + (ch - '0')));
        return b.toString();
    }

    private void showDream(DreamViewModel.View v) {
        if (v == null) return;
        Theme theme = appearance.theme();
        dreamFrame.setFrame(v.dreamFrame());
        dreamFrame.setCaption(v.dreamOver() ? "the dream ended after " + v.dreamSteps() + " steps"
                : "step " + v.dreamSteps() + (v.lastDream() >= 0 ? " · last dream " + v.lastDream() : ""));
        dreamFrame.setBorder(v.dreamOver() ? theme.highlight() : null);
        gameFrame.setFrame(v.realFrame());
        gameFrame.setCaption(v.realOver() ? "hit after " + v.realSteps() + " steps"
                : "step " + v.realSteps() + (v.lastReal() >= 0 ? " · last game " + v.lastReal() : ""));
        gameFrame.setBorder(v.realOver() ? theme.highlight() : null);
        doneLabel.setText(String.format(Locale.ROOT, "p(done) = %.2f%s", v.doneChance(),
                v.doneChance() > 0.5 ? " > ½: it ends" : ""));
        double[] bars = {v.output(), v.action() == Dodge.Action.LEFT ? 1 : 0, v.action() == Dodge.Action.STAY ? 1 : 0,
                v.action() == Dodge.Action.RIGHT ? 1 : 0};
        String[] labels = {"o", "left", "stay", "right"};
        Set<Integer> lit = Set.of(0, 1 + v.action().ordinal());
        actionBars.show(bars, labels, lit);
        cBars.show(bars, labels, lit);
        cDream.setFrame(v.dreamFrame());
        cDream.setCaption("step " + v.dreamSteps());
    }

    private void showDriver() {
        DreamViewModel d = vm.dream();
        boolean person = d.driverProperty().get() == DreamViewModel.Driver.PERSON;
        driverLabel.setText(person ? "You drive" + (d.keyProperty().get() == null ? " (no key held: stay)"
                : ": " + d.keyProperty().get().name().toLowerCase(Locale.ROOT)) : "C drives, looking at the dream's z and h");
        giveBack.setDisable(!person);
    }

    private void showProgress(PipelineSnapshot s) {
        for (Map.Entry<Stage, Button> e : stageButtons.entrySet()) {
            boolean on = s != null && s.task() != null && !s.done() && s.task().stage() == e.getKey();
            e.getValue().setStyle(on ? "-fx-border-color: " + web(appearance.theme().accent()) + "; -fx-border-width: 3;" : "");
        }
        progress.setProgress(WorldModelsViewModel.fraction(s));
        progressLabel.setText(s == null ? "" : WorldModelsViewModel.progressText(s));
        if (s != null) generations.show(s.controller());
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    // ---------------------------------------------------------------- the dream's clock and keys

    /** Whether the dream is on screen (its tab or C's). */
    boolean dreamShown() {
        int tab = tabs.getSelectionModel().getSelectedIndex();
        return tab == 1 || tab == 2;
    }

    /** One frame of the dream, when it is shown and not paused. */
    void tick() {
        if (dreamShown() && !play.isSelected()) vm.dream().tick();
    }

    private void listenToKeys(Window w) {
        if (keyWindow != null) keyWindow.removeEventFilter(KeyEvent.ANY, keys);
        keyWindow = w;
        if (w != null) w.addEventFilter(KeyEvent.ANY, keys);
    }

    /**
     * ← → (or A, D) steer the dream while it is shown. The filter sits on the window, before the shell's
     * keys (where → takes a step of the run), so that steering does not also run the pipeline.
     */
    private void key(KeyEvent e) {
        if (!dreamShown() || !view.isVisible() || view.getScene() == null) return;
        if (e.getTarget() instanceof TextInputControl || view.getScene().getFocusOwner() instanceof TextInputControl) return;
        if (e.getEventType() == KeyEvent.KEY_TYPED) {
            String ch = e.getCharacter().toLowerCase(Locale.ROOT);
            if (ch.equals("a") || ch.equals("d")) e.consume();
            return;
        }
        Dodge.Action a = direction(e.getCode());
        if (a == null) return;
        if (e.getEventType() == KeyEvent.KEY_PRESSED) vm.dream().press(a);
        else if (e.getEventType() == KeyEvent.KEY_RELEASED) vm.dream().release(a);
        e.consume();
    }

    static Dodge.Action direction(KeyCode code) {
        return switch (code) {
            case LEFT, A, KP_LEFT -> Dodge.Action.LEFT;
            case RIGHT, D, KP_RIGHT -> Dodge.Action.RIGHT;
            default -> null;
        };
    }

    // ---------------------------------------------------------------- theme and lifecycle

    @Override
    protected void applyTheme() {
        Theme t = appearance.theme();
        double size = appearance.fontSize();
        for (PixelFrameView f : List.of(realFrame, decoded, dreamFrame, gameFrame, cDream)) f.setTheme(t, size);
        for (BarsView b : List.of(latentBars, actionBars, cBars)) b.setTheme(t, size);
        generations.setTheme(t, size);
        showProgress(vm.snapshotProperty().get());
        showDream(vm.dream().viewProperty().get());
    }

    @Override
    public List<Node> toolbarItems() {
        return List.of(scratch, shipped, controllerChoice);
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
    public Node figure() {
        return switch (tabs.getSelectionModel().getSelectedIndex()) {
            case 1 -> dreamFigure;
            case 2 -> controllerFigure;
            case 3 -> tableFigure;
            default -> visionFigure;
        };
    }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(() -> Optional.of(tabs.getSelectionModel().getSelectedIndex() == 3
                ? tableCsv() : generations.csv())));
    }

    private String tableCsv() {
        StringBuilder b = new StringBuilder("tau,dream_score,real_score,source\n");
        for (WorldModelsViewModel.Row r : vm.tableProperty().get()) {
            b.append(r.tau()).append(',').append(r.dream()).append(',').append(r.real()).append(',').append(r.source()).append('\n');
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- for tests

    TabPane tabs() { return tabs; }
    PixelFrameView decodedView() { return decoded; }
    PixelFrameView dreamView() { return dreamFrame; }
    GenerationsChart generations() { return generations; }
    List<String> stageButtonIds() {
        List<String> out = new ArrayList<>();
        for (Button b : stageButtons.values()) out.add(b.getId());
        return out;
    }
}
