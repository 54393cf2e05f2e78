package org.mbrllab.app.lessons.ensembles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import static org.mbrllab.app.common.PaneControls.converter;
import static org.mbrllab.app.common.PaneControls.label;

import org.mbrllab.app.common.Presets;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.CaptionedFigure;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.PresetText;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunControls;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.model.DisagreementMap;
import org.mbrllab.engine.model.DisagreementMap.DataSource;
import org.mbrllab.engine.model.DisagreementMap.MapOutput;
import org.mbrllab.engine.model.EpochLosses;

/**
 * "Where to trust a learned model": an ensemble's disagreement σ²_ens drawn over the pendulum's (θ, θ̇)
 * plane as a heat map, with the states of its training data on top. Training runs on the pane's worker
 * and each epoch's map streams in; a change of the data or of K restarts it, a new torque slice only
 * re-evaluates the map.
 */
public final class DisagreementPane extends RunnerPane<DisagreementViewModel> {

    private final DisagreementChart chart = new DisagreementChart();
    private final ChoiceBox<DataSource> sourceChoice = new ChoiceBox<>();
    private final ChoiceBox<MapOutput> outputChoice = new ChoiceBox<>();
    private final CheckBox logBox = new CheckBox("Log scale");
    private final CheckBox dotsBox = new CheckBox("Show data");
    private final Text caption = new Text();
    private final Label progress = new Label();
    private final VBox figure;

    public DisagreementPane(PaneHost host) {
        super(host, new DisagreementViewModel());
        sourceChoice.setId("source-choice");
        sourceChoice.getItems().setAll(DataSource.values());
        sourceChoice.setConverter(converter(DataSource::title));
        sourceChoice.valueProperty().bindBidirectional(vm.sourceProperty());
        sourceChoice.setTooltip(new Tooltip("Where the training transitions come from. Random torques barely fight "
                + "gravity, so they leave the fast and the upright states empty."));
        outputChoice.setId("output-choice");
        outputChoice.getItems().setAll(MapOutput.values());
        outputChoice.setConverter(converter(o -> "σ²_ens of " + plain(o)));
        outputChoice.valueProperty().bindBidirectional(vm.outputProperty());
        outputChoice.setTooltip(new Tooltip("The model predicts the change of angle Δθ and of speed Δ(dθ/dt) over one step; "
                + "the map shows the members' disagreement about one of them (in its own units) or their sum"));
        logBox.setId("log-scale");
        logBox.selectedProperty().bindBidirectional(vm.logScaleProperty());
        logBox.setTooltip(new Tooltip("σ²_ens spans several decades: a log colour scale shows them all"));
        dotsBox.setId("show-data");
        dotsBox.selectedProperty().bindBidirectional(vm.showDataProperty());
        dotsBox.setTooltip(new Tooltip("Draw the start state (θ, dθ/dt) of every training transition as a dot"));
        for (var c : List.of(logBox, dotsBox)) c.setFocusTraversable(false);

        caption.setId("disagreement-caption");
        progress.setId("disagreement-progress");
        progress.setWrapText(true);

        vm.snapshotProperty().addListener((obs, o, n) -> redraw(n));
        vm.outputProperty().addListener((obs, o, n) -> restyle());
        vm.logScaleProperty().addListener((obs, o, n) -> restyle());
        vm.showDataProperty().addListener((obs, o, n) -> restyle());
        vm.parameters().property(DisagreementViewModel.TORQUE.key()).addListener((obs, o, n) -> showCaption());
        showCaption();

        figure = CaptionedFigure.layOut(view, caption, chart.node(), progress);

        followTheme();
        restyle();
    }


    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return DisagreementViewModel.parameterSpecs();
    }



    DisagreementChart chart() {
        return chart;
    }

    /** The caption says "mean" in words, not μ̄ (JavaFX mis-draws combining marks at wrapped line ends). */
    private void showCaption() {
        caption.setText(String.format(Locale.ROOT, "Colour: how much K pendulum models disagree about the next step "
                + "from each state (θ, dθ/dt) at torque u = %.2f N·m. Dots: the states the training data started from. "
                + "Dark: the members agree. Bright: they extrapolate, each in its own way. Hover for the numbers.",
                vm.parameters().get(DisagreementViewModel.TORQUE.key())));
    }

    /**
     * The output's name for JavaFX text: dθ/dt rather than θ with a combining dot, which JavaFX duplicates
     * or drops at a wrapped line's end (the charts, drawn by Java2D, show θ̇ as it should be).
     */
    static String plain(MapOutput o) {
        return switch (o) {
            case THETA_DOT -> "Δ(dθ/dt)";
            case THETA -> "Δθ";
            case SUM -> "Δθ + Δ(dθ/dt)";
        };
    }

    private void restyle() {
        chart.setStyle(vm.outputProperty().get(), vm.logScaleProperty().get(), vm.showDataProperty().get());
        DisagreementMap.Snapshot s = vm.snapshotProperty().get();
        if (s != null) progress.setText(describe(s, vm.outputProperty().get()));
    }

    private void redraw(DisagreementMap.Snapshot s) {
        if (s == null) return;
        chart.show(s);
        progress.setText(describe(s, vm.outputProperty().get()));
    }

    /** The line under the map: epochs, the loss, and σ²_ens under the data against where there is none. */
    static String describe(DisagreementMap.Snapshot s, MapOutput output) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "K = %d · epoch %d of at most %d",
                s.members(), s.epoch(), s.maxEpochs()));
        EpochLosses last = s.last();
        if (last != null) {
            sb.append(String.format(Locale.ROOT, " · training loss %.4f", last.meanTraining()));
            if (!last.validation().isEmpty()) sb.append(String.format(Locale.ROOT, " · held-out %.4f", last.meanValidation()));
        }
        sb.append(" · ").append(s.dataTheta().length).append(" transitions");
        double[] m = s.denseAndEmptyMeans(output);
        if (s.members() == 1) {
            sb.append(" · K = 1: nothing to disagree with, σ²_ens = 0 everywhere");
        } else if (!Double.isNaN(m[0]) && !Double.isNaN(m[1])) {
            sb.append(" · mean σ²_ens of ").append(plain(output)).append(": ")
                    .append(DisagreementChart.scientific(m[0])).append(" under the dots, ")
                    .append(DisagreementChart.scientific(m[1])).append(" where none are near");
            if (m[0] > 0) sb.append(String.format(Locale.ROOT, " (%.0f×)", m[1] / m[0]));
        }
        if (s.done() && !s.stopReason().isEmpty()) sb.append(" · ").append(s.stopReason());
        return sb.toString();
    }

    @Override
    protected void applyTheme() {
        chart.setTheme(appearance.theme(), appearance.fontSize());
        CaptionedFigure.applyTheme(caption, appearance);
    }


    // ---------------------------------------------------------------- LessonPane


    @Override public List<Node> toolbarItems() {
        return List.of(label("Data"), sourceChoice, label("Map"), outputChoice, logBox, dotsBox);
    }




    @Override public Node figure() { return figure; }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(this::chartCsv));
    }

    private Optional<String> chartCsv() {
        return chart.shown() == null ? Optional.empty() : Optional.of(chart.csv());
    }

    private String savePresetText() {
        StringBuilder sb = new StringBuilder("# Disagreement map: data source, map and parameters\n");
        sb.append("source: ").append(vm.sourceProperty().get().name().toLowerCase(Locale.ROOT)).append('\n');
        sb.append("output: ").append(vm.outputProperty().get().name().toLowerCase(Locale.ROOT)).append('\n');
        sb.append("log_scale: ").append(vm.logScaleProperty().get()).append('\n');
        sb.append("show_data: ").append(vm.showDataProperty().get()).append('\n');
        vm.parameters().values().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    @Override
    public Optional<Presets> presets() {
        return Optional.of(Presets.of("yaml", this::savePresetText, this::loadPreset));
    }

    private void loadPreset(String text, String source) {
        DataSource newSource = vm.sourceProperty().get();
        MapOutput newOutput = vm.outputProperty().get();
        boolean newLog = vm.logScaleProperty().get();
        boolean newDots = vm.showDataProperty().get();
        Map<String, Double> values = new LinkedHashMap<>();
        for (PresetText.Line line : PresetText.parse(text, source)) {
            switch (line.key()) {
                case "source" -> newSource = line.enumValue(DataSource.class);
                case "output" -> newOutput = line.enumValue(MapOutput.class);
                case "log_scale" -> newLog = line.bool();
                case "show_data" -> newDots = line.bool();
                default -> values.put(line.key(), line.parameter(vm.parameters()));
            }
        }
        values.forEach((k, v) -> vm.parameters().set(k, v));
        vm.sourceProperty().set(newSource);
        vm.outputProperty().set(newOutput);
        vm.logScaleProperty().set(newLog);
        vm.showDataProperty().set(newDots);
    }

}
