package org.mbrllab.app.lessons.whichmethod;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.ChartExport;
import org.mbrllab.app.common.Appearance;
import org.mbrllab.app.common.LessonPane;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.app.common.RunControls;
import org.mbrllab.app.common.text.MathLabel;
import org.mbrllab.engine.guide.MethodGuide;
import org.mbrllab.engine.guide.MethodGuide.Method;
import org.mbrllab.engine.guide.MethodGuide.Problem;

/**
 * "Which method when": the course's synthesis table, made interactive. The student describes a problem
 * (discrete or continuous, small or large, linear or not, stochastic or not); the table marks the
 * recommended method, dims the ones whose assumptions fail (the tooltip says why), and a click on a row
 * opens the lesson that shows that method.
 */
public final class WhichMethodPane implements LessonPane {

    private static final String[] HEADERS = {"Method", "State space", "Action space", "Scalability", "Differentiable", "Stochastic"};
    private static final int SCALABILITY = 3;

    private final ParameterModel parameters = new ParameterModel(List.of());
    private final RadioButton discrete = new RadioButton("Discrete");
    private final RadioButton continuous = new RadioButton("Continuous");
    private final RadioButton small = new RadioButton("Small");
    private final RadioButton large = new RadioButton("Too large for a table");
    private final RadioButton linear = new RadioButton("Linear");
    private final RadioButton nonlinear = new RadioButton("Non-linear");
    private final CheckBox stochastic = new CheckBox("Stochastic dynamics");
    private final Label recommendation = new Label();
    private final GridPane table = new GridPane();
    private final VBox view;
    private Consumer<String> openLesson = id -> { };

    public WhichMethodPane(PaneHost host) {
        ToggleGroup space = new ToggleGroup();
        discrete.setToggleGroup(space);
        continuous.setToggleGroup(space);
        discrete.setSelected(true);
        ToggleGroup size = new ToggleGroup();
        small.setToggleGroup(size);
        large.setToggleGroup(size);
        small.setSelected(true);
        ToggleGroup dynamics = new ToggleGroup();
        linear.setToggleGroup(dynamics);
        nonlinear.setToggleGroup(dynamics);
        nonlinear.setSelected(true);
        discrete.setId("space-discrete");
        continuous.setId("space-continuous");
        large.setId("size-large");
        linear.setId("dynamics-linear");
        stochastic.setId("stochastic");
        small.setTooltip(new Tooltip("Few enough states to keep one value per state and sweep them all"));
        large.setTooltip(new Tooltip("Too many states for a table (chess has about 10^43 positions)"));
        linear.setTooltip(new Tooltip("Linear dynamics with a quadratic cost"));
        small.disableProperty().bind(continuous.selectedProperty());
        large.disableProperty().bind(continuous.selectedProperty());
        linear.disableProperty().bind(discrete.selectedProperty());
        nonlinear.disableProperty().bind(discrete.selectedProperty());
        for (RadioButton b : List.of(discrete, continuous, small, large, linear, nonlinear)) {
            b.selectedProperty().addListener((obs, o, n) -> refresh());
        }
        stochastic.selectedProperty().addListener((obs, o, n) -> refresh());

        GridPane questions = new GridPane();
        questions.setHgap(10);
        questions.setVgap(8);
        questions.addRow(0, heading("States and actions"), discrete, continuous);
        questions.addRow(1, heading("Size"), small, large);
        questions.addRow(2, heading("Dynamics"), linear, nonlinear);
        questions.addRow(3, heading("Noise"), stochastic);

        recommendation.setId("recommendation");
        recommendation.getStyleClass().add("recommendation");
        recommendation.setWrapText(true);
        table.setId("method-table");
        table.getStyleClass().add("method-table");
        table.setHgap(0);
        table.setVgap(0);
        for (int c = 0; c < HEADERS.length; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(Priority.SOMETIMES);
            table.getColumnConstraints().add(cc);
        }
        Label notation = new Label("|S| states, |A| actions, b branching factor, d tree depth, n state dimension. "
                + "Click a row to open its lesson.");
        notation.setWrapText(true);
        notation.getStyleClass().add("muted");

        view = new VBox(16, title("Describe the problem"), questions, recommendation, table, notation);
        view.setPadding(new Insets(16));
        view.setFillWidth(true);
        // The table takes the height the pane has to spare: its rows grow, so a large window is not half empty.
        VBox.setVgrow(table, Priority.ALWAYS);
        refresh();
    }

    /** The problem the controls describe. */
    Problem problem() {
        return new Problem(discrete.isSelected(), large.isSelected(), linear.isSelected(), stochastic.isSelected());
    }

    private void refresh() {
        Problem p = problem();
        Method best = MethodGuide.recommend(p);
        List<Method> fits = MethodGuide.applicable(p);
        recommendation.setText(fits.contains(best)
                ? "→ " + best.title() + ": " + MethodGuide.reason(best, p)
                : "→ " + best.title() + " by the rule of thumb, but " + MethodGuide.reason(best, p));
        table.getChildren().clear();
        for (int c = 0; c < HEADERS.length; c++) {
            Label h = cell(HEADERS[c]);
            h.getStyleClass().add("method-header");
            table.add(h, c, 0);
        }
        javafx.scene.layout.RowConstraints header = new javafx.scene.layout.RowConstraints();
        header.setVgrow(Priority.NEVER);
        table.getRowConstraints().setAll(header);
        int row = 1;
        for (Method m : Method.values()) {
            javafx.scene.layout.RowConstraints body = new javafx.scene.layout.RowConstraints();
            body.setVgrow(Priority.ALWAYS);
            table.getRowConstraints().add(body);
            String[] values = {m.title(), m.stateSpace(), m.actionSpace(), m.scalability(), m.differentiable(), m.stochastic()};
            String styleClass = m == best && fits.contains(m) ? "method-best" : fits.contains(m) ? "method-fits" : "method-out";
            Tooltip tip = new Tooltip(MethodGuide.reason(m, p) + "\nClick to open the lesson.");
            for (int c = 0; c < values.length; c++) {
                Label l = c == SCALABILITY ? complexityCell(m, styleClass) : cell(values[c]);
                l.getStyleClass().add(styleClass);
                l.setId(c == 0 ? "method-" + m.name().toLowerCase() : null);
                l.setTooltip(tip);
                l.setOnMouseClicked(e -> openLesson.accept(m.lesson()));
                table.add(l, c, row);
            }
            row++;
        }
    }

    /**
     * The scalability cell: the complexity typeset as math (as the lesson text prints it), with its words
     * ("per iteration") under it, wrapping when the column is narrow.
     */
    private static Label complexityCell(Method m, String styleClass) {
        MathLabel math = new MathLabel(m.scalabilityTex(), m.scalability());
        // The cell's text colour and size reach the formula; its dimming (method-out) is the cell's own.
        String ink = styleClass.equals("method-best") ? styleClass : "method-cell-text";
        math.textStyleClass().add(ink);
        math.setId("complexity-" + m.name().toLowerCase());
        VBox content = new VBox(2, math);
        content.setAlignment(Pos.CENTER_LEFT);   // centred in a tall row, like the other cells' text
        if (!m.scalabilityNote().isEmpty()) {
            Label note = new Label(m.scalabilityNote());
            note.setWrapText(true);
            note.getStyleClass().add(ink);
            minWidthOfLongestWord(note);
            content.getChildren().add(note);
        }
        Label l = new Label();
        l.setGraphic(content);
        l.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setPadding(new Insets(6, 8, 6, 8));
        l.getStyleClass().add("method-cell");
        l.setAlignment(Pos.CENTER_LEFT);
        l.setAccessibleText(m.scalability());
        // Never narrower than the formula, which does not wrap, nor than the longest word under it.
        Runnable fit = () -> l.setMinWidth(Math.ceil(Math.max(math.prefWidth(-1), content.getChildren().size() > 1
                ? content.getChildren().get(1).minWidth(-1) : 0) + l.getPadding().getLeft() + l.getPadding().getRight() + 2));
        math.getChildren().addListener((javafx.collections.ListChangeListener<Node>) change -> fit.run());
        l.fontProperty().addListener((obs, o, n) -> fit.run());
        fit.run();
        return l;
    }

    private static Label cell(String text) {
        Label l = new Label(text);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setWrapText(true);
        l.setPadding(new Insets(6, 8, 6, 8));
        minWidthOfLongestWord(l);
        l.getStyleClass().add("method-cell");
        l.setAlignment(Pos.CENTER_LEFT);
        return l;
    }

    /** Lets a wrapping label shrink to its longest word, never breaking inside a word. */
    private static void minWidthOfLongestWord(Label l) {
        Runnable fit = () -> {
            javafx.scene.text.Text probe = new javafx.scene.text.Text();
            probe.setFont(l.getFont());
            double widest = 0;
            for (String word : l.getText().split("\\s+")) {
                probe.setText(word);
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
            l.setMinWidth(Math.ceil(widest + l.getPadding().getLeft() + l.getPadding().getRight() + 2));
        };
        l.fontProperty().addListener((obs, o, n) -> fit.run());
        l.paddingProperty().addListener((obs, o, n) -> fit.run());
        fit.run();
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-toolbar-label");
        return l;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-heading");
        return l;
    }

    // ---------------------------------------------------------------- LessonPane

    @Override public Node view() {
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        // As tall as the viewport, so the table's rows share the spare height; never shorter than the content
        // needs (labels would be cut), so a small window scrolls.
        scroll.setFitToHeight(true);
        view.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return scroll;
    }

    @Override public List<Node> toolbarItems() { return List.of(); }
    @Override public ParameterModel parameters() { return parameters; }
    @Override public RunControls controls() { return null; }

    @Override
    public void activate(PaneContext context) {
        openLesson = context.openLesson();
    }

    @Override public void deactivate() { }
    @Override public Node figure() { return view; }

    @Override
    public Optional<ChartExport> chartExport() {
        return Optional.of(ChartExport.of(this::chartCsv));
    }

    private Optional<String> chartCsv() {
        StringBuilder sb = new StringBuilder(String.join(",", HEADERS).toLowerCase().replace(' ', '_')).append('\n');
        for (Method m : Method.values()) {
            sb.append(String.join(",", quote(m.title()), m.stateSpace(), m.actionSpace(), quote(m.scalability()),
                    quote(m.differentiable()), quote(m.stochastic()))).append('\n');
        }
        return Optional.of(sb.toString());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

}
