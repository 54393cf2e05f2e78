package org.mbrllab.app.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The theme and zoom, shared by the shell and every pane so that canvases, charts and math follow the
 * style sheet.
 */
public final class Appearance {

    public static final double MIN_ZOOM = 0.6;
    public static final double MAX_ZOOM = 2.5;

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    private final DoubleBinding fontSize = Bindings.createDoubleBinding(
            () -> theme.get().baseFontSize() * zoom.get(), theme, zoom);

    public ObjectProperty<Theme> themeProperty() { return theme; }
    public Theme theme() { return theme.get(); }
    public DoubleProperty zoomProperty() { return zoom; }

    /**
     * An appearance that shows {@code window}'s theme and zoom until {@code scope} closes, then stops
     * following it. A pane listens to this one, never to the window's, so that the window holds no
     * listener of a pane after its lesson is left.
     */
    public static Appearance following(Appearance window, PaneScope scope) {
        Appearance local = new Appearance();
        local.theme.bind(window.theme);
        local.zoom.bind(window.zoom);
        scope.onClose(() -> {
            local.theme.unbind();
            local.zoom.unbind();
        });
        return local;
    }

    /** Sets the zoom, clamped to [{@value #MIN_ZOOM}, {@value #MAX_ZOOM}]. */
    public void setZoom(double z) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)));
    }

    /** The body font size in px: the theme's base size times the zoom. */
    public DoubleBinding fontSizeProperty() { return fontSize; }
    public double fontSize() { return fontSize.get(); }
}
