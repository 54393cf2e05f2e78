package org.mbrllab.app.lessons.tokens;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.ThemedCanvas;

/**
 * Where the transformer looked when it predicted one code: one row per block and head, one cell per position
 * before it (the codes of each frame in its window, then that frame's action token, then the codes of the frame
 * being written that come before the predicted one), the cell's darkness its attention weight (each row sums
 * to 1; the scale is the square root, so that small weights stay visible). Bands above the cells say which
 * frame a position belongs to.
 */
final class AttentionView extends ThemedCanvas {
    private TokensViewModel.Attention attention;

    AttentionView() {
        setId("tokens-attention");
        setMinWidth(300);
        setPrefWidth(900);
    }

    void show(TokensViewModel.Attention a) {
        boolean reshaped = a == null || attention == null || a.weights().length * a.weights()[0].length
                != attention.weights().length * attention.weights()[0].length;
        attention = a;
        if (reshaped) requestLayout();
        draw();
    }

    /** Rows of a readable height for the font: the bands, one row per block and head, the legend. */
    @Override
    protected double computePrefHeight(double width) {
        int rows = attention == null ? 2 : attention.weights().length * attention.weights()[0].length;
        return Math.ceil(fontSize * 1.6 * 3 + rows * (fontSize * 1.4 + 2) + 6);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    /** Rows grow up to twice the font's height, no more. */
    @Override
    protected double computeMaxHeight(double width) {
        int rows = attention == null ? 2 : attention.weights().length * attention.weights()[0].length;
        return Math.ceil(fontSize * 1.6 * 3 + rows * (fontSize * 2 + 2) + 6);
    }

    TokensViewModel.Attention shown() {
        return attention;
    }

    @Override
    protected void themeChanged() {
        requestLayout();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (attention == null) return;
        float[][][] weights = attention.weights();
        int blocks = weights.length, heads = weights[0].length, n = weights[0][0].length;
        int f = attention.frameTokens();
        double labelW = fontSize * 7;
        double line = fontSize * 1.6;
        double top = 2 * line;
        int rows = blocks * heads;
        double cellW = Math.max(2, (w - labelW - 8) / n);
        double cellH = Math.max(6, Math.min(fontSize * 2, (h - top - line - 4) / rows - 2));
        // 1. The bands: each context frame (its codes and its action), then the frame being written.
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(Font.font(null, FontWeight.BOLD, fontSize * 0.85));
        int frames = attention.contextFrames();
        for (int t = 0; t <= frames; t++) {
            int from = t * (f + 1);
            int to = t < frames ? from + f + 1 : n;
            if (from >= n) break;
            double x = labelW + from * cellW;
            double width = (Math.min(to, n) - from) * cellW;
            g.setFill((t < frames ? theme.muted() : theme.accent()).deriveColor(0, 1, 1, 0.25));
            g.fillRect(x + 1, 2, width - 2, line - 2);
            g.setFill(theme.foreground());
            String text = t < frames ? "frame −" + (frames - t) + " and its action" : "this frame so far";
            if (t < frames && width < fontSize * 10) text = "−" + (frames - t);
            if (t == frames && width < fontSize * 8) text = "now";
            g.fillText(text, x + width / 2, line / 2 + 1, width);
        }
        g.setFont(Font.font(fontSize * 0.8));
        g.setFill(theme.muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("codes 0–" + (f - 1) + ", then the action", labelW, line * 1.5, w - labelW);
        // 2. One row per block and head.
        for (int b = 0; b < blocks; b++) {
            for (int hd = 0; hd < heads; hd++) {
                double y = top + (b * heads + hd) * (cellH + 2);
                g.setTextAlign(TextAlignment.RIGHT);
                g.setFill(theme.foreground());
                g.setFont(Font.font(Math.min(fontSize, cellH * 0.9)));
                g.fillText("block " + (b + 1) + " head " + (hd + 1), labelW - 6, y + cellH / 2, labelW - 8);
                float[] row = weights[b][hd];
                for (int j = 0; j < row.length; j++) {
                    g.setFill(cellColor(row[j]));
                    g.fillRect(labelW + j * cellW, y, Math.max(1, cellW - (cellW > 4 ? 1 : 0)), cellH);
                }
            }
        }
        // 3. Frame boundaries.
        g.setStroke(theme.foreground());
        g.setLineWidth(1.5);
        for (int t = 1; t <= frames; t++) {
            double x = labelW + t * (f + 1) * cellW - 0.5;
            if (t * (f + 1) < n) g.strokeLine(x, top - 2, x, top + rows * (cellH + 2));
        }
        double yLegend = top + rows * (cellH + 2) + line / 2;
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(theme.muted());
        g.setFont(Font.font(fontSize * 0.8));
        g.fillText("darker = more attention (each row sums to 1)", labelW, yLegend, w - labelW);
    }

    /** White at weight 0, dark blue at 1, on a square-root scale. */
    static Color cellColor(double weight) {
        double a = Math.sqrt(Math.max(0, Math.min(1, weight)));
        return Color.color(1 - 0.95 * a, 1 - 0.75 * a, 1 - 0.35 * a);
    }
}
