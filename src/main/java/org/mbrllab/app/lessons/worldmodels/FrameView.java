package org.mbrllab.app.lessons.worldmodels;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.worldmodels.Dodge;

/**
 * A 16 × 16 Dodge frame drawn big, one square per pixel (nearest neighbour, no smoothing), grey levels as
 * the game draws them (0 black, 1 white) whatever the theme, under a title and over a caption.
 */
final class FrameView extends Region {
    private final Canvas canvas = new Canvas();
    private float[] frame = new float[Dodge.PIXELS];
    private String title = "";
    private String caption = "";
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private Color border;

    FrameView(String id, String title) {
        setId(id);
        this.title = title;
        getChildren().add(canvas);
        setMinSize(120, 140);
        setPrefSize(300, 340);
    }

    void setFrame(float[] f) {
        frame = f == null ? new float[Dodge.PIXELS] : f;
        draw();
    }

    float[] frame() {
        return frame;
    }

    void setTitle(String t) {
        title = t;
        draw();
    }

    String title() {
        return title;
    }

    void setCaption(String c) {
        caption = c;
        draw();
    }

    String caption() {
        return caption;
    }

    /** A coloured border (the dream's end, say), or null for the theme's. */
    void setBorder(Color c) {
        border = c;
        draw();
    }

    void setTheme(Theme t, double size) {
        theme = t;
        fontSize = size;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (w <= 0 || h <= 0) return;
        double line = fontSize * 1.5;
        double side = Math.max(0, Math.min(w - 8, h - 2 * line - 8));
        int cells = Dodge.SIDE;
        double cell = Math.floor(side / cells);
        double size = cell * cells;
        double x0 = Math.floor((w - size) / 2);
        double y0 = line + 4;
        g.setFont(Font.font(fontSize));
        g.setFill(theme.foreground());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(title, w / 2, line / 2 + 2);
        g.setFill(theme.muted());
        g.fillText(caption, w / 2, y0 + size + line / 2 + 4);
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                double v = Math.max(0, Math.min(1, frame[r * cells + c]));
                g.setFill(Color.gray(v));
                g.fillRect(x0 + c * cell, y0 + r * cell, cell, cell);
            }
        }
        g.setStroke(border != null ? border : theme.gridLine());
        g.setLineWidth(border != null ? 4 : 1);
        g.strokeRect(x0 - 1, y0 - 1, size + 2, size + 2);
    }
}
