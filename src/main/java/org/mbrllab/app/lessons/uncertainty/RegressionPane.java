package org.mbrllab.app.lessons.uncertainty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
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
import org.mbrllab.engine.model.EnsemblePrediction;
import org.mbrllab.engine.model.EpochLosses;
import org.mbrllab.engine.model.RegressionRun;
import org.mbrllab.engine.model.RegressionView;

/**
 * "Aleatoric against epistemic uncertainty" on 1-D regression: sin x plus noise with a gap, one
 * probabilistic net's μ ± 2σ, an ensemble's members with μ̄ ± 2σ_ens, or two nets that differ only in
 * their seed. Training runs on the pane's worker and streams every epoch into the chart; any change of
 * the data or the settings restarts it.
 */
public final class RegressionPane extends RunnerPane<RegressionViewModel> {

    private final RegressionChart chart = new RegressionChart();
    private final ChoiceBox<RegressionView> viewChoice = new ChoiceBox<>();
    private final javafx.scene.text.Text caption = new javafx.scene.text.Text();
    private final Label progress = new Label();
    private final Button clear = new Button("Clear added points");
    private final CheckBox priors = new CheckBox("Random priors");
    private final VBox figure;

    public RegressionPane(PaneHost host) {
        super(host, new RegressionViewModel());
        viewChoice.setId("view-choice");
        viewChoice.getItems().setAll(RegressionView.values());
        viewChoice.setConverter(new StringConverter<>() {
            @Override public String toString(RegressionView v) { return v == null ? "" : v.title(); }
            @Override public RegressionView fromString(String s) { throw new UnsupportedOperationException(); }
        });
        viewChoice.valueProperty().bindBidirectional(vm.viewProperty());
        viewChoice.setTooltip(new Tooltip("What to train and draw: one probabilistic net, an ensemble of K, "
                + "or two nets that differ only in their seed"));
        priors.setId("random-priors");
        priors.setFocusTraversable(false);
        priors.selectedProperty().bindBidirectional(vm.randomPriorsProperty());
        priors.setTooltip(new Tooltip("On: each net adds a fixed, untrained random network (β = "
                + org.mbrllab.engine.core.Format.number(org.mbrllab.engine.model.SineTask.PRIOR_SCALE)
                + ") to its output, so the nets disagree where data are missing. Off: the plain ensemble, "
                + "whose nets agree on one curve across the gap"));
        clear.setId("clear-points");
        clear.setFocusTraversable(false);
        clear.setTooltip(new Tooltip("Forget the points added by clicking on the chart"));
        clear.disableProperty().bind(vm.addedCountProperty().isEqualTo(0));
        clear.setOnAction(e -> vm.clearAddedPoints());

        caption.setId("regression-caption");
        progress.setId("regression-progress");
        progress.setWrapText(true);

        chart.setOnGap(vm::setGap);
        chart.setOnAddPoint(vm::addPoint);
        vm.snapshotProperty().addListener((obs, o, n) -> redraw(n));
        ParameterModel p = vm.parameters();
        p.property(RegressionViewModel.GAP_START.key()).addListener((obs, o, n) -> showGap());
        p.property(RegressionViewModel.GAP_END.key()).addListener((obs, o, n) -> showGap());
        vm.viewProperty().addListener((obs, o, n) -> showCaption());
        vm.randomPriorsProperty().addListener((obs, o, n) -> showCaption());
        showGap();
        showCaption();

        figure = CaptionedFigure.layOut(view, caption, chart.node(), progress);

        followTheme();
    }

    /** The pane's parameters, for the shell's registry (before any pane exists). */
    public static List<ParameterSpec> parameterSpecs() {
        return RegressionViewModel.parameterSpecs();
    }



    RegressionChart chart() {
        return chart;
    }

    private void showGap() {
        double[] g = vm.gap();
        chart.showGap(g[0], g[1]);
    }

    /**
     * The caption says "mean" in words: JavaFX duplicates glyphs at a wrapped line's end when the line holds
     * a combining character such as the macron of μ̄.
     */
    private void showCaption() {
        caption.setText(switch (vm.viewProperty().get()) {
            case SINGLE -> "One probabilistic net: its mean and ±2σ, where σ is the noise it predicts (aleatoric). "
                    + "Drag the shaded gap's edges; click to add a point.";
            case ENSEMBLE -> (vm.randomPriorsProperty().get()
                    ? "K nets, each on its own bootstrap sample and with its own fixed random prior: "
                    : "K plain nets (no random priors), each on its own bootstrap sample: ")
                    + "their curves, their mean and a ±2σ_ens band, where σ_ens is their disagreement (epistemic). "
                    + "Drag the gap; click to add points in it.";
            case TWO_SEEDS -> "Two nets with the same architecture, hyperparameters and data, differing only in the seed. "
                    + "Where data are dense they agree; in the gap each is confident, and they disagree.";
        });
    }

    private void redraw(RegressionRun.Snapshot s) {
        if (s == null) return;
        chart.show(s);
        progress.setText(describe(s));
    }

    /** The line under the chart: epochs, losses, and the uncertainty inside and outside the gap. */
    static String describe(RegressionRun.Snapshot s) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Epoch %d of at most %d", s.epoch(), s.maxEpochs()));
        EpochLosses last = s.training() != null ? s.training().last() : s.twoSeeds().first().last();
        if (last != null) {
            sb.append(String.format(Locale.ROOT, " · training loss %.3f", last.meanTraining()));
            if (!last.validation().isEmpty()) sb.append(String.format(Locale.ROOT, " · held-out loss %.3f", last.meanValidation()));
        }
        sb.append(" · ").append(s.dataX().length).append(" points");
        if (s.view() == RegressionView.ENSEMBLE && s.training().probe() != null && s.gapEnd() > s.gapStart()) {
            double[] inOut = meanStd(s, s.training().probe());
            sb.append(String.format(Locale.ROOT, " · mean σ_ens in the gap %.3f, elsewhere %.3f", inOut[0], inOut[1]));
        } else if (s.view() == RegressionView.TWO_SEEDS) {
            sb.append(String.format(Locale.ROOT, " · largest |μ_A − μ_B| %.2f", s.twoSeeds().largestGap()));
        }
        if (s.done() && !s.stopReason().isEmpty()) sb.append(" · ").append(s.stopReason());
        return sb.toString();
    }

    /** Mean σ_ens at the probe points inside the gap, and inside [−4, 4] outside it. */
    static double[] meanStd(RegressionRun.Snapshot s, EnsemblePrediction p) {
        double in = 0;
        double out = 0;
        int nIn = 0;
        int nOut = 0;
        for (int i = 0; i < s.probeX().length; i++) {
            double x = s.probeX()[i];
            if (x < -4 || x > 4) continue;
            double std = Math.sqrt(p.epistemicVariance(i, 0));
            if (x > s.gapStart() && x < s.gapEnd()) {
                in += std;
                nIn++;
            } else {
                out += std;
                nOut++;
            }
        }
        return new double[] {nIn == 0 ? 0 : in / nIn, nOut == 0 ? 0 : out / nOut};
    }

    @Override
    protected void applyTheme() {
        chart.setTheme(appearance.theme(), appearance.fontSize());
        CaptionedFigure.applyTheme(caption, appearance);
        RegressionRun.Snapshot s = vm.snapshotProperty().get();
        if (s != null) chart.show(s);
    }


    // ---------------------------------------------------------------- LessonPane


    @Override public List<Node> toolbarItems() {
        return List.of(label("View"), viewChoice, priors, clear);
    }




    @Override public Node figure() { return figure; }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(this::chartCsv));
    }

    private Optional<String> chartCsv() {
        RegressionRun.Snapshot s = vm.snapshotProperty().get();
        return s == null ? Optional.empty() : Optional.of(chart.csv(s));
    }

    private String savePresetText() {
        StringBuilder sb = new StringBuilder("# 1-D regression: view and parameters\nview: ")
                .append(vm.viewProperty().get().name().toLowerCase(Locale.ROOT)).append('\n')
                .append("random_priors: ").append(vm.randomPriorsProperty().get()).append('\n');
        vm.parameters().values().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    @Override
    public Optional<Presets> presets() {
        return Optional.of(Presets.of("yaml", this::savePresetText, this::loadPreset));
    }

    private void loadPreset(String text, String source) {
        RegressionView newView = vm.viewProperty().get();
        boolean newPriors = vm.randomPriorsProperty().get();
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (PresetText.Line line : PresetText.parse(text, source)) {
            if (line.key().equals("view")) newView = line.enumValue(RegressionView.class);
            else if (line.key().equals("random_priors")) newPriors = line.bool();
            else values.put(line.key(), line.parameter(vm.parameters()));
        }
        values.forEach((k, v) -> vm.parameters().set(k, v));
        vm.viewProperty().set(newView);
        vm.randomPriorsProperty().set(newPriors);
    }
}
