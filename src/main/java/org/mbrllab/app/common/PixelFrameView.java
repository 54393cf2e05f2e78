package org.mbrllab.app.common;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * One small square grayscale frame (a camera's side × side pixels, row-major) drawn big and crisp: a whole
 * number of screen pixels per frame pixel, no smoothing, grey levels as the camera draws them (0 black,
 * 1 white) whatever the theme, under a title and over a caption. The World Models game and Dreamer's pendulum
 * both draw their frames with it.
 */
public final class PixelFrameView extends ThemedCanvas {
    private final int side;
    private float[] frame;
    private String title;
    private String caption = "";
    private Color border;

    /**
     * @param side the frame's width and height in pixels, 1 to 1024
     */
    public PixelFrameView(String id, String title, int side) {
        if (side < 1 || side > 1024) throw new IllegalArgumentException("side " + side + " is out of range: allowed 1 to 1024");
        setId(id);
        this.side = side;
        this.title = title;
        this.frame = new float[side * side];
        setMinSize(120, 140);
        setPrefSize(300, 340);
    }

    /** The frame to draw (side² values, row-major), or null for a black one. */
    public void setFrame(float[] f) {
        if (f != null && f.length != side * side) {
            throw new IllegalArgumentException("a frame of " + f.length + " values, expected " + side * side);
        }
        frame = f == null ? new float[side * side] : f;
        draw();
    }

    public float[] frame() {
        return frame;
    }

    public void setTitle(String t) {
        title = t;
        draw();
    }

    public String title() {
        return title;
    }

    public void setCaption(String c) {
        caption = c;
        draw();
    }

    public String caption() {
        return caption;
    }

    /** A coloured border (the end of an episode or a dream, say), or null for the theme's grid colour. */
    public void setBorder(Color c) {
        border = c;
        draw();
    }


    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        double line = fontSize * 1.5;
        double cell = Math.max(1, Math.floor(Math.min(w - 8, h - 2 * line - 12) / side));
        double size = cell * side;
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
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                g.setFill(Color.gray(Math.max(0, Math.min(1, frame[r * side + c]))));
                g.fillRect(x0 + c * cell, y0 + r * cell, cell, cell);
            }
        }
        g.setStroke(border != null ? border : theme.gridLine());
        g.setLineWidth(border != null ? 4 : 1);
        g.strokeRect(x0 - 1, y0 - 1, size + 2, size + 2);
    }
}
