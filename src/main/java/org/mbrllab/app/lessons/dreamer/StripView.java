package org.mbrllab.app.lessons.dreamer;

import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.ThemedCanvas;
import org.mbrllab.engine.dreamer.PixelPendulum;

/**
 * The open-loop strip, as Dreamer's video summaries lay it out: one column per frame, the C context frames
 * first (under a band marked "context"), then the H imagined frames (marked "imagined from the actions
 * alone", after a line), in three rows: the truth, the model (the context's reconstructions, then what it
 * imagines) and the signed error, model − truth, with its legend. Frames are grey levels as the camera
 * draws them (0 black, 1 white) whatever the theme; the error is blue where the model is too dark and red where
 * it is too bright, saturating at ±{@value #ERROR_SCALE}.
 *
 * <p>When one line of columns would make the frames smaller than {@value #FOLD_BELOW} pixels (20 columns in
 * the middle of a 1280-pixel window give about 25), the strip is folded into two blocks, one above the other,
 * each with its bands, numbers and three rows: twice the side, for a projector.
 */
final class StripView extends ThemedCanvas {
    /** The error that gets the full colour. */
    static final double ERROR_SCALE = 0.25;
    static final Color TOO_BRIGHT = Color.rgb(230, 60, 40);
    static final Color TOO_DARK = Color.rgb(50, 130, 255);
    private static final String[] ROWS = {"truth", "model", "error"};

    private DreamerViewModel.Strip strip;

    StripView() {
        setId("dreamer-strip");
        setMinSize(400, 160);
        setPrefWidth(900);

    }

    void show(DreamerViewModel.Strip s) {
        strip = s;
        fitHeight();
        draw();
    }

    /** The strip's height follows its width: as tall as the width lets the frames be, and no taller. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.ceil(heightFor(width > 0 ? width : 1000));
    }

    private void fitHeight() {
        requestLayout();
        if (getParent() != null) getParent().requestLayout();
    }

    DreamerViewModel.Strip shown() {
        return strip;
    }

    @Override
    protected void themeChanged() {
        fitHeight();
    }

    /** The largest side of a frame, in pixels: on a wide screen the strip stops growing here. */
    static final double MAX_SIDE = 84;
    /** Below this side in one line, the strip is folded into two blocks of columns, one above the other. */
    static final double FOLD_BELOW = 44;
    private static final double GAP = 2;
    private static final double SPLIT = 10;
    /** How many columns to size for before a strip is shown: the lesson's 5 context and 15 imagined frames. */
    private static final int DEFAULT_COLUMNS = 20;

    /**
     * Where things go for a width and height: frames of {@code side} pixels, {@code perBlock} columns to a
     * block, {@code blocks} blocks one above the other (each: a band, column numbers, three rows, the mse line).
     */
    private record Layout(double labelW, double line, double side, int blocks, int perBlock, double blockH,
                          double legendH) {}

    private Layout layout(double w, double h) {
        int n = strip == null ? DEFAULT_COLUMNS : strip.context() + strip.horizon();
        double line = fontSize * 1.6;
        double labelW = fontSize * 4.4;
        double legendH = line * 1.3;
        Layout one = layout(w, h, n, 1, line, labelW, legendH);
        if (one.side >= FOLD_BELOW || n < 8) return one;
        Layout two = layout(w, h, n, 2, line, labelW, legendH);
        // On a tie the two blocks fill the height the strip was given; one would leave it empty below.
        return two.side >= one.side ? two : one;
    }

    private Layout layout(double w, double h, int n, int blocks, double line, double labelW, double legendH) {
        int per = (n + blocks - 1) / blocks;
        double byWidth = (w - labelW - 8 - GAP * (per - 1) - SPLIT) / per;
        double fixed = 2 * line + 2 * GAP + line; // band and numbers, gaps, the mse line
        double byHeight = ((h - legendH - 4) / blocks - fixed) / 3;
        double side = Math.floor(Math.max(8, Math.min(MAX_SIDE, Math.min(byWidth, byHeight))));
        return new Layout(labelW, line, side, blocks, per, fixed + 3 * side, legendH);
    }

    /** The height that shows the strip's frames as large as {@code width} allows (no taller). */
    double heightFor(double width) {
        Layout l = layout(width, Double.MAX_VALUE);
        return l.blocks * l.blockH + l.legendH + 4;
    }

    /**
     * The height the strip needs within {@code available}: that of the largest frames that fit in it, so that
     * whatever is left over goes to what is beneath (see {@code DreamerPane}'s figure).
     */
    double heightWithin(double width, double available) {
        Layout l = layout(width, available);
        return Math.min(available, l.blocks * l.blockH + l.legendH + 4);
    }

    /** Blocks the strip is drawn in (1, or 2 when folded), for tests. */
    int blocks() {
        return layout(canvas.getWidth(), canvas.getHeight()).blocks;
    }

    /** The side of a drawn frame, in pixels, for tests. */
    double frameSide() {
        return layout(canvas.getWidth(), canvas.getHeight()).side;
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (strip == null) return;
        Layout l = layout(w, h);
        for (int b = 0; b < l.blocks; b++) drawBlock(g, l, b);
        drawLegend(g, l, w, l.blocks * l.blockH + l.legendH / 2);
    }

    /** Block b: columns b·per … (b + 1)·per − 1, under their bands and numbers, in three rows. */
    private void drawBlock(GraphicsContext g, Layout l, int b) {
        Font font = Font.font(fontSize);
        Font bold = Font.font(null, FontWeight.BOLD, fontSize);
        int c = strip.context();
        int n = c + strip.horizon();
        int first = b * l.perBlock;
        int last = Math.min(n, first + l.perBlock) - 1;
        double side = l.side;
        double line = l.line;
        double top = b * l.blockH;
        double y0 = top + 2 * line;
        boolean split = c > first && c <= last; // imagination starts inside this block
        // 1. The bands over the columns: the context's, and the imagined frames'.
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(bold);
        if (c > first) {
            double x = columnX(first, first, c, side, l.labelW, split);
            double width = columnX(Math.min(c - 1, last), first, c, side, l.labelW, split) + side - x;
            g.setFill(theme.muted().deriveColor(0, 1, 1, 0.25));
            g.fillRect(x, top + 2, width, line - 2);
            g.setFill(theme.foreground());
            g.fillText(width > fontSize * 6 ? "context (" + c + ")" : "seen", x + width / 2, top + line / 2 + 1, width);
        }
        if (last >= c) {
            double x = columnX(Math.max(c, first), first, c, side, l.labelW, split);
            double width = columnX(last, first, c, side, l.labelW, split) + side - x;
            g.setFill(theme.accent().deriveColor(0, 1, 1, 0.25));
            g.fillRect(x, top + 2, width, line - 2);
            g.setFill(theme.foreground());
            String text = first > c ? "imagined, continued" : "imagined from the actions alone (" + strip.horizon() + ")";
            if (textWidth(text, bold) > width) text = first > c ? "imagined" : "imagined (" + strip.horizon() + ")";
            g.fillText(text, x + width / 2, top + line / 2 + 1, width);
        }
        // 2. Column numbers: the context counts up to the last frame seen (0), imagined steps from 1.
        g.setFont(font);
        g.setFill(theme.muted());
        for (int k = first; k <= last; k++) {
            int number = k - c + 1;
            boolean room = side >= fontSize * 1.5;
            if (room || k == c - 1 || k == c || k == last || (number > 0 && number % 5 == 0)) {
                g.fillText(Integer.toString(number), columnX(k, first, c, side, l.labelW, split) + side / 2,
                        top + line * 1.5);
            }
        }
        // 3. The three rows; each frame pixel snapped to whole screen pixels so that no seams show.
        for (int r = 0; r < 3; r++) {
            double y = y0 + r * (side + GAP);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(theme.foreground());
            g.setFont(bold);
            g.fillText(ROWS[r], l.labelW - 8, y + side / 2);
            for (int k = first; k <= last; k++) {
                double x = columnX(k, first, c, side, l.labelW, split);
                float[] truth = strip.truth().get(k);
                float[] model = strip.model().get(k);
                for (int p = 0; p < PixelPendulum.PIXELS; p++) {
                    double v = switch (r) {
                        case 0 -> truth[p];
                        case 1 -> model[p];
                        default -> model[p] - truth[p];
                    };
                    int col = p % PixelPendulum.SIZE;
                    int row = p / PixelPendulum.SIZE;
                    double xa = Math.round(x + col * side / PixelPendulum.SIZE);
                    double xb = Math.round(x + (col + 1) * side / PixelPendulum.SIZE);
                    double ya = Math.round(y + row * side / PixelPendulum.SIZE);
                    double yb = Math.round(y + (row + 1) * side / PixelPendulum.SIZE);
                    g.setFill(r == 2 ? errorColor(v) : Color.gray(Math.max(0, Math.min(1, v))));
                    g.fillRect(xa, ya, xb - xa, yb - ya);
                }
            }
        }
        // 4. Under the error row: each imagined frame's mean squared error, when there is room for it.
        double yBelow = y0 + 3 * side + 2 * GAP + line / 2;
        if (side >= fontSize * 2.6 && last >= c) {
            g.setFont(Font.font(fontSize * 0.75));
            g.setFill(theme.muted());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("mse", l.labelW - 8, yBelow);
            g.setTextAlign(TextAlignment.CENTER);
            for (int k = Math.max(c, first); k <= last; k++) {
                double x = columnX(k, first, c, side, l.labelW, split);
                g.fillText(String.format(Locale.ROOT, "%.3f", strip.stepMse()[k - c]), x + side / 2, yBelow, side + GAP);
            }
        }
        // 5. The line where imagination starts.
        if (split) {
            g.setStroke(theme.accent());
            g.setLineWidth(2);
            double sx = columnX(c, first, c, side, l.labelW, true) - GAP / 2 - SPLIT / 2;
            g.strokeLine(sx, top + 2, sx, y0 + 3 * side + 2 * GAP);
        }
    }

    /** "error = model − truth:  too dark −0.25 [bar] +0.25 too bright", centred on {@code y}. */
    private void drawLegend(GraphicsContext g, Layout l, double w, double y) {
        Font font = Font.font(fontSize);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(theme.foreground());
        g.setTextAlign(TextAlignment.LEFT);
        String what = "error = model − truth:";
        String dark = String.format(Locale.ROOT, "too dark −%.2f", ERROR_SCALE);
        String bright = String.format(Locale.ROOT, "+%.2f too bright", ERROR_SCALE);
        double x = l.labelW;
        double barW = 200;
        double need = textWidth(what, font) + fontSize + textWidth(dark, font) + 6 + 120 + 6 + textWidth(bright, font);
        if (x + need > w) {
            // Too narrow (a large font): the short form "model − truth  −0.25 [bar] +0.25".
            what = "model − truth";
            dark = String.format(Locale.ROOT, "−%.2f", ERROR_SCALE);
            bright = String.format(Locale.ROOT, "+%.2f", ERROR_SCALE);
            x = Math.max(4, Math.min(x, w - (textWidth(what, font) + fontSize + textWidth(dark, font) + 6 + 66
                    + textWidth(bright, font)) - 4));
        }
        g.fillText(what, x, y);
        x += textWidth(what, font) + fontSize;
        g.fillText(dark, x, y);
        x += textWidth(dark, font) + 6;
        barW = Math.max(60, Math.min(barW, w - x - textWidth(bright, font) - 16));
        for (int i = 0; i < barW; i++) {
            g.setFill(errorColor((i / (barW - 1) * 2 - 1) * ERROR_SCALE));
            g.fillRect(x + i, y - fontSize * 0.45, 1, fontSize * 0.9);
        }
        g.setFill(theme.foreground());
        g.fillText(bright, x + barW + 6, y);
    }

    /** The error colour for model − truth = {@code d}: black at 0, {@link #TOO_BRIGHT} or {@link #TOO_DARK} at ±{@value #ERROR_SCALE}. */
    static Color errorColor(double d) {
        double a = Math.min(1, Math.abs(d) / ERROR_SCALE);
        Color c = d > 0 ? TOO_BRIGHT : TOO_DARK;
        return Color.color(c.getRed() * a, c.getGreen() * a, c.getBlue() * a);
    }

    private static double textWidth(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

    /** The left edge of column k in the block that starts at column {@code first}. */
    private static double columnX(int k, int first, int context, double side, double x0, boolean split) {
        return x0 + (k - first) * (side + GAP) + (split && k >= context ? SPLIT : 0);
    }
}
