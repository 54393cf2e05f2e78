package org.mbrllab.app.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region that is one canvas the size of the region, painted in the app's theme and font size: the base of the
 * lessons' hand-drawn figures (frames, strips, heat maps, grids, bars). It owns what they all did alike: the
 * canvas follows the region's size, a change of theme or size repaints, and every paint starts from the theme's
 * background. A subclass paints the rest in {@link #paint} and calls {@link #draw} when its data change.
 */
public abstract class ThemedCanvas extends Region {
    /** The canvas, always the region's size. */
    protected final Canvas canvas = new Canvas();
    /** The colours to paint in. */
    protected Theme theme = Theme.LIGHT;
    /** The font size of the text drawn, in points. */
    protected double fontSize = 14;

    protected ThemedCanvas() {
        getChildren().add(canvas);
    }

    /** Paints in this theme and font size from now on. */
    public void setTheme(Theme t, double size) {
        theme = t;
        fontSize = size;
        themeChanged();
        draw();
    }

    /** Called when the theme or font size changed, before the repaint: for sizes that follow the font. */
    protected void themeChanged() {}

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** Repaints: the theme's background over the whole canvas, then {@link #paint} when the canvas has an area. */
    protected final void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (w > 0 && h > 0) paint(g, w, h);
    }

    /** Paints the figure on a canvas of w × h (both > 0) already filled with the background. */
    protected abstract void paint(GraphicsContext g, double w, double h);
}
