package org.mbrllab.app.lessons.dreamer;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.engine.core.ParameterSpec;


/**
 * "Dreamer": the imagination viewer of a world model in latent space (Hafner et al. 2020). The open-loop
 * strip shows a held-out sequence: the context frames the model filters, then the frames it imagines from the
 * actions alone, as truth, model and error rows ({@link StripView}); sliders set H (imagined frames shown) and
 * C (context frames); beneath, the error per imagined step against the copy-last and mean-frame baselines
 * ({@link OpenLoopChart}). It opens on the shipped world model; "Train from scratch" trains another on the
 * runner's worker, with its pace and time left, and it replaces the shown model when done.
 */
public final class DreamerPane extends RunnerPane<DreamerViewModel> {

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
        controls.setPrefWidth(280);
        controls.setMinWidth(240);
        controls.setMaxWidth(320);
        controls.setPadding(new Insets(4, 8, 4, 8));

        // 3. The strip above; the controls and the chart beneath it.
        // The chart asks for little height: on a 1280 × 800 screen the strip's frames need it more.
        chart.node().setPrefSize(600, 230);
        chart.node().setMinSize(300, 190);
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

        view.setTop(top);
        view.setCenter(figure);
        followTheme();
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return DreamerViewModel.parameterSpecs();
    }

    @Override
    protected void applyTheme() {
        stripView.setTheme(appearance.theme(), appearance.fontSize());
        chart.setTheme(appearance.theme(), appearance.fontSize());
    }

    @Override
    public List<Node> toolbarItems() {
        return List.of(scratch, shipped);
    }

    @Override
    public Node figure() {
        return figure;
    }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(() -> Optional.of(chart.csv())));
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
}
