package org.mbrllab.app.lessons.dreamer;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.dreamer.PixelPendulum;

/**
 * One 16 × 16 pendulum frame drawn big and crisp (a whole number of screen pixels per frame pixel, no
 * smoothing), grey levels as the camera draws them (0 black, 1 white) whatever the theme, under a title and
 * over a caption.
 */
final class FrameTile extends Region {
    private final Canvas canvas = new Canvas();
    private float[] frame = new float[PixelPendulum.PIXELS];
    private final String title;
    private String caption = "";
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private Color border;

    FrameTile(String id, String title) {
        setId(id);
        this.title = title;
        getChildren().add(canvas);
        setMinSize(130, 170);
        setPrefSize(280, 330);
    }

    void setFrame(float[] f) {
        frame = f == null ? new float[PixelPendulum.PIXELS] : f;
        draw();
    }

    float[] frame() {
        return frame;
    }

    void setCaption(String c) {
        caption = c;
        draw();
    }

    String caption() {
        return caption;
    }

    /** A coloured border (the episode's end), or null for the theme's grid colour. */
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
        int cells = PixelPendulum.SIZE;
        double cell = Math.max(1, Math.floor(Math.min(w - 8, h - 2 * line - 12) / cells));
        double size = cell * cells;
        double x0 = Math.floor((w - size) / 2);
        double y0 = line + 4;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(null, FontWeight.BOLD, fontSize));
        g.setFill(theme.foreground());
        g.fillText(title, w / 2, line / 2 + 2, w - 4);
        g.setFont(Font.font(fontSize));
        g.setFill(theme.muted());
        g.fillText(caption, w / 2, y0 + size + line / 2 + 6, w - 4);
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                g.setFill(Color.gray(Math.max(0, Math.min(1, frame[r * cells + c]))));
                g.fillRect(x0 + c * cell, y0 + r * cell, cell, cell);
            }
        }
        g.setStroke(border != null ? border : theme.gridLine());
        g.setLineWidth(border != null ? 4 : 1);
        g.strokeRect(x0 - 1, y0 - 1, size + 2, size + 2);
    }
}
