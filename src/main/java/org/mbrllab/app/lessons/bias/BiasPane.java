package org.mbrllab.app.lessons.bias;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.mbrllab.app.common.Presets;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.ChartStyle;
import org.mbrllab.app.common.LessonPane;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunControls;
import org.mbrllab.engine.model.BiasTable;
import org.mbrllab.engine.model.BiasTable.Outcome;

/**
 * "Optimistic and pessimistic bias": the course's two tables made interactive. Each outcome has a
 * reward slider, a real-probability slider and a model-probability slider (weights, normalised and
 * shown as percentages); the pane shows E_p[R] and E_p̂[R] exactly, the two distributions as bars, and
 * which way the model misleads the agent. Nothing runs, so there are no run controls.
 */
public final class BiasPane implements LessonPane {

    /** Bar colours: the real distribution in grey-blue, the model's in orange (distinct in grey print). */
    private static final java.awt.Color REAL_COLOUR = new java.awt.Color(0x33, 0x66, 0x99);
    private static final java.awt.Color MODEL_COLOUR = new java.awt.Color(0xe0, 0x7b, 0x00);

    private final Appearance appearance;
    private final BiasViewModel vm = new BiasViewModel();
    private final ParameterModel parameters = new ParameterModel(List.of());
    private final Slider[] reward = new Slider[3];
    private final Slider[] real = new Slider[3];
    private final Slider[] model = new Slider[3];
    private final Label[] rewardText = new Label[3];
    private final Label[] realText = new Label[3];
    private final Label[] modelText = new Label[3];
    private final Label expectedReal = new Label();
    private final Label expectedModel = new Label();
    private final Label meanState = new Label();
    private final Label explanation = new Label();
    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final Button case1 = new Button("Case 1: optimistic");
    private final Button case2 = new Button("Case 2: pessimistic");
    private final BorderPane view = new BorderPane();
    private boolean updating;

    public BiasPane(PaneHost host) {
        this.appearance = host.appearance();
        String[] keys = {"goal", "neutral", "failure"};

        // 1. The table of sliders.
        GridPane grid = new GridPane();
        grid.setId("bias-table");
        grid.setHgap(12);
        grid.setVgap(6);
        grid.addRow(0, heading("Outcome s′"), heading("Reward R(s′)"), new Label(), heading("Real p(s′)"), new Label(),
                heading("Model p̂(s′)"), new Label());
        for (int i = 0; i < 3; i++) {
            final int k = i;
            reward[i] = slider("reward-" + keys[i], BiasViewModel.MIN_REWARD, BiasViewModel.MAX_REWARD,
                    "The reward of landing in this outcome");
            real[i] = slider("real-" + keys[i], 0, BiasViewModel.MAX_WEIGHT,
                    "The real probability, before normalisation (the three are divided by their sum)");
            model[i] = slider("model-" + keys[i], 0, BiasViewModel.MAX_WEIGHT,
                    "The model's probability, before normalisation (the three are divided by their sum)");
            rewardText[i] = value("reward-" + keys[i] + "-value");
            realText[i] = value("real-" + keys[i] + "-value");
            modelText[i] = value("model-" + keys[i] + "-value");
            reward[i].valueProperty().addListener((obs, o, n) -> {
                if (!updating) vm.setReward(k, n.doubleValue());
            });
            listenWeight(real[i], k, vm::setRealWeight);
            listenWeight(model[i], k, vm::setModelWeight);
            Label name = new Label(vm.table().outcomes().get(i).name());
            name.setId("name-" + keys[i]);
            grid.addRow(i + 1, name, reward[i], rewardText[i], real[i], realText[i], model[i], modelText[i]);
        }
        for (int c = 0; c < 7; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            if (c == 1 || c == 3 || c == 5) {
                cc.setHgrow(Priority.ALWAYS);
                cc.setMinWidth(80);
            } else if (c > 0) {
                cc.setHalignment(HPos.RIGHT);
            }
            grid.getColumnConstraints().add(cc);
        }

        // 2. The expectations and the sentence.
        expectedReal.setId("expected-real");
        expectedModel.setId("expected-model");
        expectedReal.getStyleClass().add("panel-heading");
        expectedModel.getStyleClass().add("panel-heading");
        meanState.setId("mean-state");
        meanState.getStyleClass().add("muted");
        meanState.setWrapText(true);
        explanation.setId("bias-explanation");
        explanation.getStyleClass().add("recommendation");
        explanation.setWrapText(true);
        HBox expectations = new HBox(32, expectedReal, expectedModel);
        expectations.setAlignment(Pos.CENTER_LEFT);

        // 3. The bar chart: dataset, chart, node.
        chart = createChart(dataset);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("bias-chart");
        viewer.setMinSize(200, 160);

        VBox top = new VBox(10, grid, expectations, meanState, explanation);
        top.setPadding(new Insets(12, 16, 8, 16));
        view.setTop(top);
        view.setCenter(viewer);
        BorderPane.setMargin(viewer, new Insets(0, 8, 8, 8));

        // Presets.
        case1.setId("case-1");
        case2.setId("case-2");
        case1.setTooltip(new Tooltip("The course's Case 1: Goal +40, Neutral −5, Failure −10; real 10/80/10 %, model 33/34/33 %"));
        case2.setTooltip(new Tooltip("The course's Case 2: Goal +10, Neutral +5, Failure −40; real 10/80/10 %, model 33/34/33 %"));
        case1.setOnAction(e -> vm.loadCase1());
        case2.setOnAction(e -> vm.loadCase2());

        vm.tableProperty().addListener((obs, o, n) -> show(n));
        appearance.themeProperty().addListener((obs, o, n) -> applyTheme());
        appearance.fontSizeProperty().addListener((obs, o, n) -> applyTheme());
        applyTheme();
        show(vm.table());
    }

    BiasViewModel viewModel() {
        return vm;
    }

    private void listenWeight(Slider s, int k, BiPredicate<Integer, Double> set) {
        s.valueProperty().addListener((obs, o, n) -> {
            if (updating) return;
            if (!set.test(k, n.doubleValue())) {
                // Every weight would be 0: put the slider back.
                updating = true;
                s.setValue(o.doubleValue());
                updating = false;
            }
        });
    }

    private static JFreeChart createChart(DefaultCategoryDataset dataset) {
        CategoryAxis outcomes = new CategoryAxis("outcome s′");
        NumberAxis probability = new NumberAxis("probability (%)");
        probability.setRange(0, 100);
        probability.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setSeriesPaint(0, REAL_COLOUR);
        bars.setSeriesPaint(1, MODEL_COLOUR);
        CategoryPlot plot = new CategoryPlot(dataset, outcomes, probability, bars);
        return new JFreeChart("Real p(s′) against the model's p̂(s′)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private void show(BiasTable t) {
        updating = true;
        for (int i = 0; i < 3; i++) {
            Outcome o = t.outcomes().get(i);
            reward[i].setValue(o.reward());
            real[i].setValue(o.realWeight());
            model[i].setValue(o.modelWeight());
            rewardText[i].setText(BiasViewModel.plain(o.reward()));
            realText[i].setText(BiasViewModel.percent(t.realProbability(i)));
            modelText[i].setText(BiasViewModel.percent(t.modelProbability(i)));
        }
        updating = false;
        expectedReal.setText("E_p[R] = " + BiasViewModel.signed(t.expectedRealReward()));
        expectedModel.setText("E_p̂[R] = " + BiasViewModel.signed(t.expectedModelReward()));
        meanState.setText("Mean next state (Goal +1, Neutral 0, Failure −1): real " + BiasViewModel.signed(t.expectedRealPosition())
                + ", model " + BiasViewModel.signed(t.expectedModelPosition()) + ".");
        explanation.setText(t.explanation());
        dataset.setNotify(false);
        dataset.clear();
        for (int i = 0; i < 3; i++) {
            Outcome o = t.outcomes().get(i);
            String category = o.name() + " (R " + BiasViewModel.signed(o.reward()).replace(".0", "") + ")";
            dataset.addValue(100 * t.realProbability(i), "real p", category);
            dataset.addValue(100 * t.modelProbability(i), "model p̂", category);
        }
        dataset.setNotify(true);
    }

    private void applyTheme() {
        ChartStyle.apply(chart, appearance.theme(), appearance.fontSize());
    }

    private static Slider slider(String id, double min, double max, String tip) {
        Slider s = new Slider(min, max, min);
        s.setId(id);
        s.setBlockIncrement(1);
        s.setMajorTickUnit(max - min > 100 ? 50 : 25);
        s.setMinorTickCount(4);
        s.setShowTickMarks(true);
        s.setTooltip(new Tooltip(tip));
        s.setMaxWidth(Double.MAX_VALUE);
        return s;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        return l;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-toolbar-label");
        l.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        return l;
    }

    // ---------------------------------------------------------------- LessonPane

    @Override public Node view() { return view; }

    @Override public List<Node> toolbarItems() {
        return List.of(heading("Preset"), case1, case2);
    }

    @Override public ParameterModel parameters() { return parameters; }

    @Override public RunControls controls() { return null; }

    @Override public void activate(PaneContext context) { }

    @Override public void deactivate() { }

    @Override public Node figure() { return view; }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(this::chartCsv));
    }

    private Optional<String> chartCsv() {
        BiasTable t = vm.table();
        StringBuilder sb = new StringBuilder("outcome,reward,real_p,model_p\n");
        for (int i = 0; i < t.outcomes().size(); i++) {
            Outcome o = t.outcomes().get(i);
            sb.append(o.name()).append(',').append(o.reward()).append(',').append(t.realProbability(i)).append(',')
                    .append(t.modelProbability(i)).append('\n');
        }
        sb.append("E_p[R],").append(t.expectedRealReward()).append("\nE_phat[R],").append(t.expectedModelReward()).append('\n');
        return Optional.of(sb.toString());
    }

    private String savePresetText() { return vm.presetText(); }

    @Override
    public Optional<Presets> presets() {
        return Optional.of(Presets.of("bias", this::savePresetText, this::loadPreset));
    }

    private void loadPreset(String text, String source) {
        vm.loadPresetText(text, source);
    }
}
