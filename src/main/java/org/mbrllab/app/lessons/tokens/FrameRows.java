package org.mbrllab.app.lessons.tokens;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.ThemedCanvas;
import org.mbrllab.engine.dreamer.PixelPendulum;

/**
 * Rows of 16×16 frames under one another, a label to the left of each, one column per step, as the Dreamer
 * lesson's strip lays them out: grey levels as the camera draws them (0 black, 1 white) whatever the theme, and
 * error rows (model − truth) blue where the model is too dark and red where it is too bright, saturating at
 * ±{@value #ERROR_SCALE}. A line marks where imagination starts, and the columns are numbered from the first
 * imagined step (1), the context counting down to 0.
 */
final class FrameRows extends ThemedCanvas {
    static final double ERROR_SCALE = 0.25;
    static final Color TOO_BRIGHT = Color.rgb(230, 60, 40);
    static final Color TOO_DARK = Color.rgb(50, 130, 255);
    static final double MAX_SIDE = 72;
    private static final double GAP = 2;
    private static final double SPLIT = 10;

    /**
     * One row.
     *
     * @param error whether its frames are errors (model − truth) rather than grey levels
     */
    record Row(String label, List<float[]> frames, boolean error) {}

    private List<Row> rows = List.of();
    private int context;

    FrameRows(String id) {
        setId(id);
        setMinSize(300, 120);
        setPrefWidth(900);
    }

    /** Shows the rows; the first {@code context} columns are seen frames, the rest imagined. */
    void show(List<Row> rows, int context) {
        this.rows = List.copyOf(rows);
        this.context = context;
        requestLayout();
        if (getParent() != null) getParent().requestLayout();
        draw();
    }

    List<Row> rows() {
        return rows;
    }

    @Override
    protected void themeChanged() {
        requestLayout();
    }

    /** The side of a frame for the canvas's size. */
    double side() {
        return side(canvas.getWidth(), canvas.getHeight());
    }

    private double side(double w, double h) {
        int n = columns();
        if (n == 0) return 0;
        double labelW = labelWidth();
        double line = fontSize * 1.5;
        double byWidth = (w - labelW - 8 - SPLIT - GAP * (n - 1)) / n;
        double legend = rows.stream().anyMatch(Row::error) ? line : 0;
        double byHeight = (h - line - legend - GAP * rows.size()) / Math.max(1, rows.size());
        return Math.floor(Math.max(6, Math.min(MAX_SIDE, Math.min(byWidth, byHeight))));
    }

    /** The height follows the width: as tall as the width lets the frames be, and no taller. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        int r = Math.max(1, rows.size());
        double side = side(width > 0 ? width : 900, Double.MAX_VALUE);
        if (rows.isEmpty()) side = MAX_SIDE / 2;
        double legend = rows.stream().anyMatch(Row::error) ? fontSize * 1.5 : 0;
        return Math.ceil(fontSize * 1.5 + r * (side + GAP) + legend + 4);
    }

    @Override
    protected double computeMinHeight(double width) {
        return Math.min(computePrefHeight(width), 120);
    }

    private double labelWidth() {
        return fontSize * 8.5;
    }

    private int columns() {
        int n = 0;
        for (Row r : rows) n = Math.max(n, r.frames().size());
        return n;
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (rows.isEmpty()) return;
        double side = side();
        double labelW = labelWidth();
        double line = fontSize * 1.5;
        int n = columns();
        // 1. Column numbers: the context counts up to the last frame seen (0), imagined steps from 1.
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(Font.font(fontSize * 0.85));
        g.setFill(theme.muted());
        for (int k = 0; k < n; k++) {
            int number = k - context + 1;
            if (side >= fontSize * 1.4 || number == 0 || number == 1 || number % 5 == 0) {
                g.fillText(Integer.toString(number), x(k, side, labelW) + side / 2, line / 2);
            }
        }
        // 2. The rows.
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            double y = line + r * (side + GAP);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(theme.foreground());
            g.setFont(Font.font(null, row.error() ? FontWeight.NORMAL : FontWeight.BOLD, fontSize));
            g.fillText(row.label(), labelW - 6, y + side / 2, labelW - 8);
            for (int k = 0; k < row.frames().size(); k++) {
                float[] f = row.frames().get(k);
                if (f != null) drawFrame(g, f, x(k, side, labelW), y, side, row.error());
            }
        }
        // 3. Under error rows, what their colours mean.
        if (rows.stream().anyMatch(Row::error)) {
            double y = line + rows.size() * (side + GAP) + line / 2;
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(Font.font(fontSize * 0.85));
            double x = labelW;
            g.setFill(theme.foreground());
            g.fillText("error = model − truth:", x, y);
            x += fontSize * 11;
            g.setFill(TOO_BRIGHT);
            g.fillRect(x, y - fontSize * 0.4, fontSize * 0.8, fontSize * 0.8);
            g.setFill(theme.foreground());
            g.fillText("too bright", x + fontSize, y);
            x += fontSize * 6.5;
            g.setFill(TOO_DARK);
            g.fillRect(x, y - fontSize * 0.4, fontSize * 0.8, fontSize * 0.8);
            g.setFill(theme.foreground());
            g.fillText("too dark (saturating at ±" + ERROR_SCALE + ")", x + fontSize, y);
        }
        // 4. The line where imagination starts.
        if (context > 0 && context < n) {
            g.setStroke(theme.accent());
            g.setLineWidth(2);
            double sx = x(context, side, labelW) - GAP / 2 - SPLIT / 2;
            g.strokeLine(sx, 2, sx, line + rows.size() * (side + GAP));
        }
    }

    private double x(int k, double side, double labelW) {
        return labelW + k * (side + GAP) + (context > 0 && k >= context ? SPLIT : 0);
    }

    /** A frame, each pixel snapped to whole screen pixels so that no seams show. */
    static void drawFrame(GraphicsContext g, float[] f, double x, double y, double side, boolean error) {
        int s = PixelPendulum.SIZE;
        for (int p = 0; p < PixelPendulum.PIXELS; p++) {
            int col = p % s;
            int row = p / s;
            double xa = Math.round(x + col * side / s);
            double xb = Math.round(x + (col + 1) * side / s);
            double ya = Math.round(y + row * side / s);
            double yb = Math.round(y + (row + 1) * side / s);
            g.setFill(error ? errorColor(f[p]) : Color.gray(Math.max(0, Math.min(1, f[p]))));
            g.fillRect(xa, ya, xb - xa, yb - ya);
        }
    }

    /** Black at 0, {@link #TOO_BRIGHT} or {@link #TOO_DARK} at ±{@value #ERROR_SCALE}. */
    static Color errorColor(double d) {
        double a = Math.min(1, Math.abs(d) / ERROR_SCALE);
        Color c = d > 0 ? TOO_BRIGHT : TOO_DARK;
        return Color.color(c.getRed() * a, c.getGreen() * a, c.getBlue() * a);
    }

    /** model − truth, frame by frame. */
    static List<float[]> errors(List<float[]> model, List<float[]> truth) {
        float[][] out = new float[model.size()][];
        for (int k = 0; k < out.length; k++) {
            float[] m = model.get(k), t = truth.get(k);
            out[k] = new float[m.length];
            for (int p = 0; p < m.length; p++) out[k][p] = m[p] - t[p];
        }
        return List.of(out);
    }
}
