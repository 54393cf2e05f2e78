package org.mbrllab.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.Subscription;
import org.mbrllab.app.common.ParameterModel;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * The parameter panel, generated from a pane's declared parameters: for each one a label, a typed field
 * and a slider, all with the same tooltip. A slider can only produce allowed values; a typed value out of
 * range is refused, the field shows the message under it, and the old value stays.
 */
final class ParameterPanel extends VBox {

    private final Consumer<String> message;
    private final Runnable done;

    /**
     * @param message receives error messages for the status bar
     * @param done    gives the keyboard back to the pane after Enter (a value taken) or Escape in a field
     */
    ParameterPanel(Consumer<String> message, Runnable done) {
        this.message = message;
        this.done = done;
        getStyleClass().add("parameter-panel");
        setSpacing(14);
        setPadding(new Insets(12));
        setFillWidth(true);
    }

    /** Rebuilds the panel for {@code model}; an empty model shows a short note. */
    void show(ParameterModel model) {
        releaseCopies();
        getChildren().clear();
        Label heading = new Label("Parameters");
        heading.getStyleClass().add("panel-heading");
        getChildren().add(heading);
        if (model == null || model.specs().isEmpty()) {
            Label none = new Label("This lesson has no parameters.");
            none.setWrapText(true);
            getChildren().add(none);
            return;
        }
        for (ParameterSpec spec : model.specs()) getChildren().add(row(model, spec));
    }

    /** The listeners of {@link #showCopies} on both copies' values, released when the panel shows something else. */
    private final List<Subscription> copyListeners = new ArrayList<>();

    /**
     * The parameters of a pane shown side by side: a switch chooses which copy, A or B, the rows edit, and
     * a line under it names every parameter in which B differs from A, so that both sets are in view.
     * {@code edited} hears which copy is edited (true for B), so that the window can mark it. Each copy's
     * rows are built once; the switch swaps them, so only the edited copy's fields are in the scene (and
     * {@code #param-gamma} finds one field).
     */
    void showCopies(ParameterModel a, ParameterModel b, Consumer<Boolean> edited) {
        if (a == null || b == null || a.specs().isEmpty()) {
            show(a);
            return;
        }
        releaseCopies();
        Label heading = new Label("Parameters");
        heading.getStyleClass().add("panel-heading");
        getChildren().setAll(heading);
        VBox rowsA = new VBox(14);
        VBox rowsB = new VBox(14);
        for (ParameterSpec spec : a.specs()) rowsA.getChildren().add(row(a, spec));
        for (ParameterSpec spec : b.specs()) rowsB.getChildren().add(row(b, spec));
        ToggleGroup copies = new ToggleGroup();
        ToggleButton editA = new ToggleButton("Edit A");
        ToggleButton editB = new ToggleButton("Edit B");
        editA.setId("param-copy-a");
        editB.setId("param-copy-b");
        editA.setTooltip(new Tooltip("The fields below set copy A's parameters (the left copy)"));
        editB.setTooltip(new Tooltip("The fields below set copy B's parameters (the right copy)"));
        for (ToggleButton t : new ToggleButton[] {editA, editB}) {
            t.setToggleGroup(copies);
            t.setFocusTraversable(false);
            t.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(t, Priority.ALWAYS);
        }
        editA.setSelected(true);
        Label editing = new Label();
        editing.setId("param-copy-editing");
        editing.setWrapText(true);
        editing.getStyleClass().add("parameter-label");
        Label differences = new Label();
        differences.setId("param-copy-differences");
        differences.setWrapText(true);
        VBox rows = new VBox(14, rowsA);
        Runnable showCopy = () -> {
            boolean isB = editB.isSelected();
            editing.setText(isB ? "Editing copy B (right)" : "Editing copy A (left)");
            rows.getChildren().setAll(isB ? rowsB : rowsA);
            edited.accept(isB);
        };
        copies.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) o.setSelected(true);
            else showCopy.run();
        });
        showCopy.run();
        Runnable compare = () -> differences.setText(differences(a, b));
        for (ParameterSpec spec : a.specs()) {
            copyListeners.add(a.property(spec.key()).subscribe(compare));
            if (b.spec(spec.key()).isPresent()) copyListeners.add(b.property(spec.key()).subscribe(compare));
        }
        compare.run();
        getChildren().addAll(new HBox(4, editA, editB), editing, differences, rows);
    }

    /** "B differs in γ (discount): A 0.9, B 0.99", one line per parameter; or that the two are alike. */
    static String differences(ParameterModel a, ParameterModel b) {
        List<String> lines = new ArrayList<>();
        for (ParameterSpec spec : a.specs()) {
            if (b.spec(spec.key()).isEmpty()) continue;
            double va = a.get(spec.key());
            double vb = b.get(spec.key());
            if (Double.compare(va, vb) != 0) lines.add(spec.label() + ": A " + shown(va) + ", B " + shown(vb));
        }
        return lines.isEmpty() ? "A and B have the same parameters." : "B differs in\n" + String.join("\n", lines);
    }

    private void releaseCopies() {
        copyListeners.forEach(Subscription::unsubscribe);
        copyListeners.clear();
    }

    private VBox row(ParameterModel model, ParameterSpec spec) {
        Label label = new Label(spec.label());
        label.getStyleClass().add("parameter-label");
        TextField field = new TextField();
        field.setId("param-" + spec.key());
        field.setPrefColumnCount(6);
        field.getStyleClass().add("parameter-field");
        Scale scale = scale(spec);
        Slider slider = new Slider(scale.toSlider(spec.min()), scale.toSlider(spec.max()),
                scale.toSlider(model.get(spec.key())));
        slider.setId("slider-" + spec.key());
        slider.setBlockIncrement(scale == Scale.LINEAR ? step(spec) : spec.integer() ? ROUND_STEP : 0.05);
        Label error = new Label();
        error.getStyleClass().add("parameter-error");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);

        Tooltip tip = new Tooltip(spec.tooltip() + "\nAllowed: " + Format.range(spec.min(), spec.max())
                + (spec.integer() ? ", whole numbers" : ""));
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        label.setTooltip(tip);
        field.setTooltip(tip);
        slider.setTooltip(tip);

        var property = model.property(spec.key());
        boolean[] updating = {false};
        String[] shownText = {""};
        Runnable showValue = () -> {
            updating[0] = true;
            double v = property.get();
            shownText[0] = shown(v);
            field.setText(shownText[0]);
            double pos = scale.toSlider(v);
            if (slider.getValue() != pos) slider.setValue(pos);
            updating[0] = false;
        };
        showValue.run();
        // A value set elsewhere (a preset, a reset to defaults) answers any complaint about the field's text.
        property.addListener((obs, o, n) -> {
            clearError(field, error);
            showValue.run();
        });

        slider.valueProperty().addListener((obs, o, n) -> {
            if (updating[0]) return;
            double v = scale.fromSlider(spec, n.doubleValue());
            clearError(field, error);
            if (v != property.get()) model.set(spec.key(), v);
        });

        // Whether the field's text was taken; a refused value keeps the focus in the field to be corrected.
        java.util.function.BooleanSupplier commit = () -> {
            String text = field.getText().trim().replace('−', '-');
            // The text as shown (2/3 shown as 0.666667): leaving the field must not round the value.
            if (text.equals(shownText[0])) {
                clearError(field, error);
                return true;
            }
            try {
                double v = Double.parseDouble(text);
                model.set(spec.key(), v);
                clearError(field, error);
                showValue.run();
                return true;
            } catch (NumberFormatException e) {
                showError(field, error, "“" + text + "” is not a number. " + spec.label() + " takes a value in "
                        + Format.range(spec.min(), spec.max()) + ".");
            } catch (IllegalArgumentException e) {
                showError(field, error, e.getMessage().replaceFirst("^" + spec.key(), spec.label()) + ".");
            }
            return false;
        };
        field.setOnAction(e -> {
            if (commit.getAsBoolean()) done.run();
        });
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) commit.getAsBoolean();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                clearError(field, error);
                showValue.run();
                done.run();
            }
        });

        // A long label ("pole half-length (m)" in the projector theme's large type) wraps onto a second line
        // instead of widening the panel and pushing every value field out of sight.
        label.setWrapText(true);
        label.setMinWidth(0);
        field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(8, label, field);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(label, javafx.scene.layout.Priority.ALWAYS);
        label.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(4, top, slider, error);
        box.getStyleClass().add("parameter-row");
        box.visibleProperty().bind(model.shownProperty(spec.key()));
        box.managedProperty().bind(model.shownProperty(spec.key()));
        return box;
    }

    private void showError(TextField field, Label error, String text) {
        error.setText(text);
        error.setManaged(true);
        error.setVisible(true);
        if (!field.getStyleClass().contains("invalid")) field.getStyleClass().add("invalid");
        message.accept(text);
    }

    private static void clearError(TextField field, Label error) {
        error.setManaged(false);
        error.setVisible(false);
        field.getStyleClass().remove("invalid");
    }

    /** A slider step that gives round numbers: 1 for whole numbers, else about 1/200 of the range. */
    static double step(ParameterSpec spec) {
        if (spec.integer()) return 1;
        double span = spec.max() - spec.min();
        return span <= 0 ? 1 : Math.pow(10, Math.floor(Math.log10(span / 200)));
    }

    /** How a slider's position maps to a value. */
    enum Scale {
        /** Position = value. */
        LINEAR,
        /** Position = asinh(value): linear near zero, logarithmic far out, on both sides of zero. */
        ASINH,
        /** Position = log₁₀(value): every decade gets the same length. */
        LOG;

        double toSlider(double v) {
            return switch (this) {
                case LINEAR -> v;
                case ASINH -> asinh(v);
                case LOG -> Math.log10(v);
            };
        }

        /** The allowed value at a slider position, rounded to a number a person would type. */
        double fromSlider(ParameterSpec spec, double position) {
            return switch (this) {
                case LINEAR -> snap(spec, position);
                case ASINH -> spec.integer() ? snapCount(spec, Math.sinh(position)) : snapWide(spec, Math.sinh(position));
                case LOG -> spec.integer() ? snapRound(spec, position) : snapLog(spec, Math.pow(10, position));
            };
        }
    }

    /**
     * The slider scale for {@code spec}. A wide range that reaches zero (rewards in [−1000, 1000], a
     * weight in [0, 10⁴]) gets an asinh scale, fine near zero and coarse far out, so −1 and −0.04 are as
     * reachable as −100. A positive range over three decades or more (a control weight in [10⁻⁴, 10³], a
     * mass in [0.01, 100]) gets a logarithmic scale. Counts over three decades get a logarithmic scale with
     * round steps, or an asinh one when they start at 0 (Dyna's n in [0, 100 000], where 0, 5 and 50 all
     * matter). Other whole numbers keep a linear scale.
     */
    static Scale scale(ParameterSpec spec) {
        if (spec.integer()) {
            if (spec.min() >= 1 && spec.max() / spec.min() >= 1000) return Scale.LOG;
            return spec.min() == 0 && spec.max() >= 1000 ? Scale.ASINH : Scale.LINEAR;
        }
        if (spec.min() > 0 && spec.max() / spec.min() >= 1000) return Scale.LOG;
        if (spec.min() <= 0 && spec.max() > 0 && spec.max() - spec.min() > 100) return Scale.ASINH;
        return Scale.LINEAR;
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    /** Rounds to two significant digits (0.01 below 1), clamped to the range. */
    static double snapWide(ParameterSpec spec, double v) {
        double a = Math.abs(v);
        double step = a < 1 ? 0.01 : Math.pow(10, Math.floor(Math.log10(a)) - 1);
        double snapped = Math.round(v / step) * step;
        snapped = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.10g", snapped));
        return Math.max(spec.min(), Math.min(spec.max(), snapped));
    }

    /** Rounds to two significant digits, clamped to the range. */
    /**
     * A value as the field shows it: as typed when short ({@code 0.9}, {@code 1000}), else to six
     * significant digits ({@code 2/3} as {@code 0.666667}, not {@code 0.6666666666666666}).
     */
    static String shown(double v) {
        String plain = Format.number(v);
        if (plain.length() <= 8 || !Double.isFinite(v)) return plain;
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            return mantissa + "e" + Integer.parseInt(parts[1]);
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** An arrow key on a count's slider moves about one round step (1 → 2 → 5 → 10: log₁₀ steps of 0.30 and 0.40). */
    static final double ROUND_STEP = 0.35;

    /**
     * A count on a logarithmic slider: the round number (1, 2 or 5 times a power of ten) nearest the
     * position in log₁₀, inside the range; the range's ends are reachable too.
     */
    static double snapRound(ParameterSpec spec, double position) {
        double best = spec.min();
        double bestDistance = Math.abs(position - Math.log10(spec.min()));
        for (int decade = 0; decade <= 15; decade++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, decade);
                if (v < spec.min() || v > spec.max()) continue;
                double d = Math.abs(position - Math.log10(v));
                if (d < bestDistance) {
                    best = v;
                    bestDistance = d;
                }
            }
        }
        if (Math.abs(position - Math.log10(spec.max())) < bestDistance) best = spec.max();
        return Math.rint(best);
    }

    /** A count from 0 on an asinh slider: 0 near the left end, else the nearest round number (1, 2, 5, 10 …). */
    static double snapCount(ParameterSpec spec, double v) {
        if (v < 0.5) return Math.max(spec.min(), 0);
        return snapRound(spec, Math.log10(v));
    }

    static double snapLog(ParameterSpec spec, double v) {
        double step = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        double snapped = Math.round(v / step) * step;
        snapped = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.10g", snapped));
        return Math.max(spec.min(), Math.min(spec.max(), snapped));
    }

    static double snap(ParameterSpec spec, double v) {
        double step = step(spec);
        double snapped = Math.round(v / step) * step;
        // Remove binary noise such as 0.30000000000000004.
        snapped = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.10g", snapped));
        return Math.max(spec.min(), Math.min(spec.max(), snapped));
    }
}
