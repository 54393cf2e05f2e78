package org.mbrllab.app.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A loop's stages in a row, "1 collect → 2 fit → …", with the stages the loop is in highlighted in the
 * theme's accent: the strip at the top of the panes that step through a loop (model-based planning,
 * ME-TRPO).
 *
 * @param <T> the stages, in the strip's order
 */
public final class StageStrip<T> extends FlowPane {

    private final Map<T, Label> labels = new LinkedHashMap<>();
    private Set<T> shown = Set.of();
    private Theme theme = Theme.LIGHT;

    /**
     * @param stages  the stages, first to last
     * @param label   each stage's name ("collect")
     * @param tooltip what each stage does
     * @param id      each stage's label id ("stage-collect")
     */
    public StageStrip(List<T> stages, Function<T, String> label, Function<T, String> tooltip, Function<T, String> id) {
        super(4, 4);
        setAlignment(Pos.CENTER_LEFT);
        int n = 0;
        for (T st : stages) {
            if (n > 0) getChildren().add(new Label("→"));
            Label l = new Label((++n) + " " + label.apply(st));
            l.setId(id.apply(st));
            l.setPadding(new Insets(2, 8, 2, 8));
            l.setMinWidth(Region.USE_PREF_SIZE);
            l.setTooltip(new Tooltip(tooltip.apply(st)));
            labels.put(st, l);
            getChildren().add(l);
        }
    }

    /** Highlights {@code now} (the others are drawn muted). */
    public void show(Set<T> now) {
        if (now.equals(shown)) return;
        shown = Set.copyOf(now);
        style();
    }

    /** The highlighted stages. */
    public Set<T> shown() {
        return shown;
    }

    public void setTheme(Theme theme) {
        this.theme = theme;
        style();
    }

    private void style() {
        for (Map.Entry<T, Label> e : labels.entrySet()) {
            boolean on = shown.contains(e.getKey());
            e.getValue().setStyle(on
                    ? "-fx-background-color: " + web(theme.accent()) + "; -fx-text-fill: " + web(theme.background())
                            + "; -fx-font-weight: bold; -fx-background-radius: 4;"
                    : "-fx-text-fill: " + web(theme.muted()) + "; -fx-border-color: " + web(theme.gridLine())
                            + "; -fx-border-radius: 4;");
        }
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
