package org.mbrllab.app.lessons.dreamer;

import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.dreamer.PixelPendulum;

/**
 * The open-loop strip, as Dreamer's video summaries lay it out: one column per frame, the C context frames
 * first (under a band marked "context: the model sees these"), then the H imagined frames (marked "imagined
 * from the actions alone"), in three rows: the truth, the model (the context's reconstructions, then what it
 * imagines) and the signed error, model − truth, with its legend. Frames are grey levels as the camera
 * draws them (0 black, 1 white) whatever the theme; the error is blue where the model is too dark and red where
 * it is too bright, saturating at ±{@value #ERROR_SCALE}.
 */
final class StripView extends Region {
    /** The error that gets the full colour. */
    static final double ERROR_SCALE = 0.25;
    static final Color TOO_BRIGHT = Color.rgb(230, 60, 40);
    static final Color TOO_DARK = Color.rgb(50, 130, 255);
    private static final String[] ROWS = {"truth", "model", "error"};

    private final Canvas canvas = new Canvas();
    private DreamerViewModel.Strip strip;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;

    StripView() {
        setId("dreamer-strip");
        getChildren().add(canvas);
        setMinSize(400, 160);

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

    void setTheme(Theme t, double size) {
        theme = t;
        fontSize = size;
        fitHeight();
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** The largest side of a frame, in pixels: on a wide screen the strip stops growing here. */
    static final double MAX_SIDE = 84;

    /** The height that shows the strip's frames as large as {@code width} allows (its rows need no more). */
    double heightFor(double width) {
        Layout l = layout(width, Double.MAX_VALUE);
        return l.y0 + 3 * l.side + 2 * GAP + l.footer + l.legendH + 4;
    }

    private static final double GAP = 2;
    /** How many columns to size for before a strip is shown: the lesson's 5 context and 15 imagined frames. */
    private static final int DEFAULT_COLUMNS = 20;
    private static final double SPLIT = 10;

    /** Where things go, for a width and height. */
    private record Layout(double labelW, double line, double header, double footer, double legendH, double side,
                          double x0, double y0) {}

    private Layout layout(double w, double h) {
        int n = strip == null ? DEFAULT_COLUMNS : strip.context() + strip.horizon();
        double line = fontSize * 1.6;
        double labelW = fontSize * 4.4;
        double header = line * 2;
        double footer = line;
        double legendH = line * 1.3;
        double byWidth = (w - labelW - 8 - GAP * (n - 1) - SPLIT) / n;
        double byHeight = (h - header - footer - legendH - 2 * GAP - 6) / 3;
        double side = Math.floor(Math.max(8, Math.min(MAX_SIDE, Math.min(byWidth, byHeight))));
        return new Layout(labelW, line, header, footer, legendH, side, labelW, header);
    }


    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (w <= 0 || h <= 0 || strip == null) return;
        Font font = Font.font(fontSize);
        Font bold = Font.font(null, FontWeight.BOLD, fontSize);
        Font small = Font.font(fontSize * 0.75);
        int c = strip.context();
        int n = c + strip.horizon();
        // 1. Sizes: a label column, then n frames with a gap, and a wider gap where imagination starts.
        Layout l = layout(w, h);
        double side = l.side;
        double line = l.line;
        double x0 = l.x0;
        double y0 = l.y0;
        double stripW = n * side + (n - 1) * GAP + SPLIT;
        // 2. The bands over the columns.
        double contextW = c * side + (c - 1) * GAP;
        double imaginedX = x0 + contextW + GAP + SPLIT;
        double imaginedW = stripW - contextW - GAP - SPLIT;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(theme.muted().deriveColor(0, 1, 1, 0.25));
        g.fillRect(x0, 2, contextW, line - 2);
        g.setFill(theme.accent().deriveColor(0, 1, 1, 0.25));
        g.fillRect(imaginedX, 2, imaginedW, line - 2);
        g.setFill(theme.foreground());
        g.setFont(bold);
        g.fillText(contextW > fontSize * 6 ? "context (" + c + ")" : "seen", x0 + contextW / 2, line / 2 + 1, contextW);
        String imagined = "imagined from the actions alone (" + strip.horizon() + ")";
        if (textWidth(imagined, bold) > imaginedW) imagined = "imagined (" + strip.horizon() + ")";
        g.fillText(imagined, imaginedX + imaginedW / 2, line / 2 + 1, imaginedW);
        g.setFont(font);
        g.setFill(theme.muted());
        for (int k = 0; k < n; k++) {
            double x = columnX(k, c, side, x0);
            // Column numbers: the context counts down to the last frame seen (0), imagined steps count up from 1.
            int number = k - c + 1;
            boolean room = side >= fontSize * 1.5;
            if (room || k == c - 1 || k == c || k == n - 1 || (number > 0 && number % 5 == 0)) {
                g.fillText(Integer.toString(number), x + side / 2, line * 1.5);
            }
        }
        // 3. The three rows; each frame pixel snapped to whole screen pixels so that no seams show.
        g.setTextAlign(TextAlignment.RIGHT);
        for (int r = 0; r < 3; r++) {
            double y = y0 + r * (side + GAP);
            g.setFill(theme.foreground());
            g.setFont(bold);
            g.fillText(ROWS[r], l.labelW - 8, y + side / 2);
            for (int k = 0; k < n; k++) {
                double x = columnX(k, c, side, x0);
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
        double yBelow = y0 + 3 * side + 2 * GAP + l.footer / 2 + 2;
        if (side >= fontSize * 2.6) {
            g.setFont(small);
            g.setFill(theme.muted());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("mse", l.labelW - 8, yBelow);
            g.setTextAlign(TextAlignment.CENTER);
            for (int k = c; k < n; k++) {
                double x = columnX(k, c, side, x0);
                g.fillText(String.format(Locale.ROOT, "%.3f", strip.stepMse()[k - c]), x + side / 2, yBelow, side + GAP);
            }
        }
        // 5. The error's legend: "error = model − truth:  too dark −0.5 [bar] +0.5 too bright".
        double ly = yBelow + l.footer / 2 + l.legendH / 2;
        g.setFont(font);
        g.setFill(theme.foreground());
        g.setTextAlign(TextAlignment.LEFT);
        String what = "error = model − truth:";
        String dark = String.format(Locale.ROOT, "too dark −%.2f", ERROR_SCALE);
        String bright = String.format(Locale.ROOT, "+%.2f too bright", ERROR_SCALE);
        double x = x0;
        g.fillText(what, x, ly);
        x += textWidth(what, font) + fontSize;
        g.fillText(dark, x, ly);
        x += textWidth(dark, font) + 6;
        double barW = Math.max(60, Math.min(200, w - x - textWidth(bright, font) - 16));
        for (int i = 0; i < barW; i++) {
            g.setFill(errorColor((i / (barW - 1) * 2 - 1) * ERROR_SCALE));
            g.fillRect(x + i, ly - fontSize * 0.45, 1, fontSize * 0.9);
        }
        g.setFill(theme.foreground());
        g.fillText(bright, x + barW + 6, ly);
        // 6. The line where imagination starts.
        g.setStroke(theme.accent());
        g.setLineWidth(2);
        double sx = x0 + contextW + GAP / 2 + SPLIT / 2;
        g.strokeLine(sx, 2, sx, y0 + 3 * side + 2 * GAP);
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

    private static double columnX(int k, int context, double side, double x0) {
        return x0 + k * (side + GAP) + (k >= context ? SPLIT : 0);
    }
}
