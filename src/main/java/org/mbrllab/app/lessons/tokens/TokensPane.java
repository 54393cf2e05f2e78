package org.mbrllab.app.lessons.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.RunnerPane;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * "World models over tokens": the pendulum of the Dreamer lesson seen as IRIS sees it (Micheli et al. 2023).
 * Three tabs: <b>Tokens</b> (a held-out frame, its 4×4 token grid and the decoding, where a token can be swapped
 * and the frame re-decodes at once, and beneath, the transformer's attention when it predicted the picked code),
 * <b>Open loop</b> (truth, RSSM and transformer strips with their errors, and the error per step of both against
 * the copy-last and mean-frame baselines) and <b>Sampling</b> (temperature and top-k, and futures sampled from
 * one context). Keys on the token grid: [ and ] (or scrolling) step the picked cell's code, arrow keys with
 * Shift move the pick, Backspace restores the frame's own codes.
 */
public final class TokensPane extends RunnerPane<TokensViewModel> {

    private final TokenGridView grid = new TokenGridView(cell -> vm.selectedProperty().set(cell));
    private final AttentionView attentionView = new AttentionView();
    private final Label attentionLabel = new Label();
    private final FrameRows stripView = new FrameRows("tokens-strip");
    private final FrameRows futuresView = new FrameRows("tokens-futures");
    private final ErrorChart chart = new ErrorChart();
    private final Slider temperatureSlider = new Slider(0, TokensViewModel.MAX_TEMPERATURE, 1);
    private final Slider topKSlider = new Slider(1, 64, 64);
    private final Label temperatureLabel = new Label();
    private final Label topKLabel = new Label();
    private final Label sequenceLabel = new Label();
    private final Label status = new Label();
    private final Button another = new Button("Another sequence");
    private final Button previousCode = new Button("◀ code");
    private final Button nextCode = new Button("code ▶");
    private final Button restore = new Button("Restore tokens");
    private final TabPane tabs = new TabPane();
    private boolean fittingTopK;

    public TokensPane(PaneHost host) {
        super(host, new TokensViewModel());

        // 1. Above: which models, and the benchmark's verdict.
        status.setId("tokens-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.modelStatusProperty());
        VBox top = new VBox(4, status);
        top.setPadding(new Insets(6, 8, 4, 8));

        // 2. Tokens: the grid, its buttons, the attention.
        grid.setFocusTraversable(true);
        grid.setOnMouseClicked(e -> grid.requestFocus());
        grid.setOnScroll(e -> {
            if (e.getDeltaY() != 0) vm.nextCode(e.getDeltaY() > 0 ? 1 : -1);
            e.consume();
        });
        grid.setOnKeyPressed(e -> {
            int n = vm.panelProperty().get() == null ? 4 : vm.panelProperty().get().side();
            int s = vm.selectedProperty().get();
            boolean handled = true;
            if (e.getCode() == KeyCode.CLOSE_BRACKET || e.getCode() == KeyCode.PAGE_UP) vm.nextCode(1);
            else if (e.getCode() == KeyCode.OPEN_BRACKET || e.getCode() == KeyCode.PAGE_DOWN) vm.nextCode(-1);
            else if (e.getCode() == KeyCode.BACK_SPACE) vm.restoreTokens();
            else if (e.isShiftDown() && e.getCode() == KeyCode.LEFT) vm.selectedProperty().set(s % n == 0 ? s : s - 1);
            else if (e.isShiftDown() && e.getCode() == KeyCode.RIGHT) vm.selectedProperty().set(s % n == n - 1 ? s : s + 1);
            else if (e.isShiftDown() && e.getCode() == KeyCode.UP) vm.selectedProperty().set(s < n ? s : s - n);
            else if (e.isShiftDown() && e.getCode() == KeyCode.DOWN) vm.selectedProperty().set(s >= n * (n - 1) ? s : s + n);
            else handled = false;
            if (handled) e.consume();
        });
        Tooltip.install(grid, new Tooltip("Click a cell to pick it; scroll over the grid, or press ] and [, to give it "
                + "another code; the decoded frame redraws at once. Shift + arrows move the pick, Backspace restores."));
        previousCode.setId("tokens-previous-code");
        nextCode.setId("tokens-next-code");
        restore.setId("tokens-restore");
        previousCode.setTooltip(new Tooltip("The picked cell's code minus one (key [)"));
        nextCode.setTooltip(new Tooltip("The picked cell's code plus one (key ])"));
        restore.setTooltip(new Tooltip("Every cell back to the code the tokenizer chose for this frame (Backspace)"));
        previousCode.setOnAction(e -> vm.nextCode(-1));
        nextCode.setOnAction(e -> vm.nextCode(1));
        restore.setOnAction(e -> vm.restoreTokens());
        for (Button b : List.of(previousCode, nextCode, restore)) b.setFocusTraversable(false);
        Label swapHint = new Label();
        swapHint.setId("tokens-swap-hint");
        swapHint.setWrapText(true);
        swapHint.setMinHeight(Region.USE_PREF_SIZE);
        HBox swapRow = new HBox(8, previousCode, nextCode, restore, swapHint);
        swapRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(swapHint, Priority.ALWAYS);
        scope.follow(vm.panelProperty(), p -> {
            grid.show(p);
            if (p == null) {
                swapHint.setText("");
                return;
            }
            int s = p.selected();
            swapHint.setText("Picked: row " + (s / p.side() + 1) + ", column " + (s % p.side() + 1) + ", code "
                    + p.edited()[s] + (p.swapped(s) ? " (the tokenizer chose " + p.original()[s] + ")" : "")
                    + " of 0–" + (p.codes() - 1));
        });
        attentionLabel.setId("tokens-attention-label");
        attentionLabel.setWrapText(true);
        attentionLabel.setMinHeight(Region.USE_PREF_SIZE);
        scope.follow(vm.attentionProperty(), a -> {
            attentionView.show(a);
            int side = (int) Math.round(Math.sqrt(a == null ? 16 : a.frameTokens()));
            attentionLabel.setText(a == null ? "" : "Attention when the transformer wrote the token of the picked cell (row "
                    + (a.token() / side + 1) + ", column " + (a.token() % side + 1) + ") of the next frame; it chose code "
                    + a.predicted() + ". One row per block and head, one cell per token it could see.");
        });
        Tooltip.install(attentionView, new Tooltip("Each row is one attention head; each cell one earlier token. "
                + "Pick another cell in the token grid to see how the transformer wrote that code."));
        // The grid takes what the attention rows leave; below its least size the tab scrolls.
        grid.setMinHeight(220);
        VBox.setVgrow(grid, Priority.ALWAYS);
        VBox.setVgrow(attentionView, Priority.SOMETIMES);
        VBox tokensBox = new VBox(6, grid, swapRow, attentionLabel, attentionView);
        tokensBox.setPadding(new Insets(6, 8, 6, 8));
        ScrollPane tokensTab = new ScrollPane(tokensBox);
        tokensTab.setFitToWidth(true);
        tokensTab.viewportBoundsProperty().addListener((obs, o, b) -> tokensBox.setPrefHeight(b.getHeight()));

        // 3. Open loop: the strip and the chart.
        scope.follow(vm.stripProperty(), s -> {
            if (s == null) {
                stripView.show(List.of(), 0);
                return;
            }
            List<FrameRows.Row> rows = new ArrayList<>();
            rows.add(new FrameRows.Row("truth", s.truth(), false));
            if (s.rssm() != null) {
                rows.add(new FrameRows.Row("RSSM", s.rssm(), false));
                rows.add(new FrameRows.Row("its error", FrameRows.errors(s.rssm(), s.truth()), true));
            }
            rows.add(new FrameRows.Row("transformer", s.transformer(), false));
            rows.add(new FrameRows.Row("its error", FrameRows.errors(s.transformer(), s.truth()), true));
            stripView.show(rows, TokensEngine.CONTEXT);
            sequenceLabel.setText("Held-out sequence " + (s.sequence() + 1) + " of " + TokensEngine.SEQUENCES);
        });
        Tooltip.install(stripView, new Tooltip("Left of the line: the " + TokensEngine.CONTEXT + " frames both models see "
                + "(redrawn); right of it: what they imagine from the torques alone. Error: red = too bright, blue = too dark."));
        scope.follow(vm.benchmarkProperty(), chart::show);
        chart.node().setPrefSize(700, 280);
        chart.node().setMinSize(300, 200);
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        VBox loopTab = new VBox(6, stripView, chart.node());
        loopTab.setPadding(new Insets(6, 8, 6, 8));

        // 4. Sampling: the sliders and the futures.
        temperatureSlider.setId("tokens-temperature");
        topKSlider.setId("tokens-topk");
        temperatureSlider.setMajorTickUnit(0.5);
        temperatureSlider.setMinorTickCount(4);
        temperatureSlider.setBlockIncrement(0.1);
        temperatureSlider.setShowTickMarks(true);
        topKSlider.setMajorTickUnit(1);
        topKSlider.setMinorTickCount(0);
        topKSlider.setSnapToTicks(true);
        topKSlider.setBlockIncrement(1);
        for (Slider s : List.of(temperatureSlider, topKSlider)) {
            s.setPrefWidth(260);
            s.setFocusTraversable(false);
        }
        temperatureSlider.valueChangingProperty().addListener((obs, o, changing) -> {
            if (!changing) vm.temperatureProperty().set(round(temperatureSlider.getValue()));
        });
        temperatureSlider.valueProperty().addListener((obs, o, n) -> {
            if (!temperatureSlider.isValueChanging()) vm.temperatureProperty().set(round(n.doubleValue()));
        });
        topKSlider.valueChangingProperty().addListener((obs, o, changing) -> {
            if (!changing && !fittingTopK) vm.topKProperty().set((int) Math.round(topKSlider.getValue()));
        });
        topKSlider.valueProperty().addListener((obs, o, n) -> {
            if (!topKSlider.isValueChanging() && !fittingTopK) vm.topKProperty().set((int) Math.round(n.doubleValue()));
        });
        scope.follow(vm.temperatureProperty(), t -> {
            temperatureSlider.setValue(t.doubleValue());
            temperatureLabel.setText(String.format(Locale.ROOT, "Temperature τ = %.1f%s", t.doubleValue(),
                    t.doubleValue() == 0 ? " (greedy)" : ""));
        });
        scope.follow(vm.modelProperty(), m -> {
            // The slider's range follows the codebook; fitting it is no choice of the student's (no new job).
            int k = m == null ? 64 : m.imagination().tokenizer().codes();
            fittingTopK = true;
            topKSlider.setMax(k);
            topKSlider.setValue(Math.min(k, vm.topKProperty().get()));
            fittingTopK = false;
            showTopK();
        });
        scope.follow(vm.topKProperty(), k -> {
            topKSlider.setValue(k.intValue());
            showTopK();
        });
        temperatureLabel.setId("tokens-temperature-label");
        topKLabel.setId("tokens-topk-label");
        for (Label l : List.of(temperatureLabel, topKLabel)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        temperatureSlider.setTooltip(new Tooltip("τ divides the logits before the softmax: 0 always takes the likeliest "
                + "code, 1 samples the model's own probabilities, above 1 flattens them"));
        topKSlider.setTooltip(new Tooltip("Only the k likeliest codes can be drawn; k = 1 is greedy whatever τ says"));
        VBox samplingControls = new VBox(4, temperatureLabel, temperatureSlider, topKLabel, topKSlider);
        samplingControls.setPrefWidth(290);
        samplingControls.setMinWidth(240);
        scope.follow(vm.futuresProperty(), f -> {
            if (f == null) {
                futuresView.show(List.of(), 0);
                return;
            }
            List<FrameRows.Row> rows = new ArrayList<>();
            rows.add(new FrameRows.Row("truth", f.truth(), false));
            for (int i = 0; i < f.samples().size(); i++) rows.add(new FrameRows.Row("sample " + (i + 1), f.samples().get(i), false));
            rows.add(new FrameRows.Row("their mean", f.mean(), false));
            futuresView.show(rows, 0);
        });
        Tooltip.install(futuresView, new Tooltip("Futures of the same held-out sequence, each imagined from the same "
                + TokensEngine.CONTEXT + " frames and torques, with codes drawn at the chosen τ and k. The seed (Run menu) picks other draws."));
        Label samplingNote = new Label("Columns are imagined steps 1–" + TokensEngine.HORIZON + " after the context. "
                + "Where the samples disagree, the model is unsure; their mean blurs where they part.");
        samplingNote.setWrapText(true);
        samplingNote.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(samplingNote, Priority.ALWAYS);
        HBox samplingTop = new HBox(16, samplingControls, samplingNote);
        samplingTop.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(futuresView, Priority.SOMETIMES);
        VBox samplingTab = new VBox(6, samplingTop, futuresView);
        samplingTab.setPadding(new Insets(6, 8, 6, 8));

        // 5. The tabs, and the sequence in the toolbar (all three tabs show it).
        tabs.setId("tokens-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab t1 = new Tab("Tokens", tokensTab);
        Tab t2 = new Tab("Open loop", loopTab);
        Tab t3 = new Tab("Sampling", samplingTab);
        t1.setId("tokens-tab-tokens");
        t2.setId("tokens-tab-loop");
        t3.setId("tokens-tab-sampling");
        t1.setTooltip(new Tooltip("A frame as 16 tokens; swap one; where the transformer looked"));
        t2.setTooltip(new Tooltip("Truth, RSSM and transformer over one held-out sequence; error per step over 50"));
        t3.setTooltip(new Tooltip("Temperature, top-k, and several futures from one context"));
        tabs.getTabs().addAll(t1, t2, t3);
        another.setId("tokens-another");
        another.setFocusTraversable(false);
        another.setTooltip(new Tooltip("The next of " + TokensEngine.SEQUENCES + " held-out sequences (never trained on)"));
        another.setOnAction(e -> vm.anotherSequence());
        sequenceLabel.setId("tokens-sequence");
        scope.follow(vm.modelProperty(), m -> another.setDisable(m == null));

        view.setTop(top);
        view.setCenter(tabs);
        followTheme();
    }

    /** "Top-k: k = 5", or "k = 64 (all codes)" when k keeps the whole codebook. */
    private void showTopK() {
        int k = vm.topKProperty().get();
        TokenModel m = vm.modelProperty().get();
        if (m == null) {
            topKLabel.setText("Top-k: k = " + k);
            return;
        }
        int codes = m.imagination().tokenizer().codes();
        topKLabel.setText(k >= codes ? "Top-k: k = " + codes + " (all codes)" : "Top-k: k = " + k);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** The pane's parameters, for the shell's registry: none (the seed is the run controls'). */
    public static List<ParameterSpec> parameterSpecs() {
        return List.of();
    }

    @Override
    protected void applyTheme() {
        grid.setTheme(appearance.theme(), appearance.fontSize());
        attentionView.setTheme(appearance.theme(), appearance.fontSize());
        stripView.setTheme(appearance.theme(), appearance.fontSize());
        futuresView.setTheme(appearance.theme(), appearance.fontSize());
        chart.setTheme(appearance.theme(), appearance.fontSize());
    }

    @Override
    public List<Node> toolbarItems() {
        return List.of(another, sequenceLabel);
    }

    @Override
    public Node figure() {
        return tabs;
    }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(() -> Optional.of(chart.csv())));
    }

    // ---------------------------------------------------------------- for tests

    TokenGridView grid() { return grid; }
    AttentionView attention() { return attentionView; }
    FrameRows strip() { return stripView; }
    FrameRows futures() { return futuresView; }
    ErrorChart chart() { return chart; }
    TabPane tabs() { return tabs; }
}
