package org.mbrllab.app.lessons.dreamer;

import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.ThemedCanvas;
import org.mbrllab.engine.dreamer.PixelPendulum;
import org.mbrllab.engine.dreamer.RssmConfig;

/**
 * The latent state of the strip's sequence, one column per step as in the strip (the C context steps under
 * "context", then the H imagined ones after a line): the true frames small, for orientation; h, the
 * deterministic state, and z, the stochastic one, as heat strips (a row per unit, blue below 0, red above);
 * over the context, the posterior's mean μ_q (what the model made of the frame) above the prior's mean μ_p (what
 * it expected before seeing it); and KL(q ‖ p) per context step as a bar, with the free nats of training
 * marked. Where μ_q and μ_p look alike the bar is short: the frame held no surprise.
 */
final class LatentView extends ThemedCanvas {
    private static final double GAP = 2;
    private static final double SPLIT = 10;
    private static final Color NEGATIVE = Color.rgb(33, 102, 172);
    private static final Color POSITIVE = Color.rgb(178, 24, 43);
    private static final Color ZERO = Color.rgb(247, 247, 247);
    /** The free nats the lesson's world model was trained with: a KL below them cost nothing. */
    static final double FREE_NATS = RssmConfig.defaults().freeNats();
    /** The share of |z| values below the full colour. */
    static final double SCALE_QUANTILE = 0.95;

    private DreamerViewModel.Latent latent;
    private DreamerViewModel.Strip strip;

    LatentView() {
        setId("dreamer-latent");
        setMinSize(400, 300);
        setPrefSize(900, 520);
    }

    void show(DreamerViewModel.Latent l, DreamerViewModel.Strip s) {
        latent = l;
        strip = s;
        draw();
    }

    DreamerViewModel.Latent shown() {
        return latent;
    }

    /** Columns drawn: the sequence's steps, C + H (0 with nothing shown). */
    int columns() {
        return latent == null ? 0 : latent.context() + latent.horizon();
    }


    /** The colour of {@code v} on a scale from −scale (blue) through 0 (near white) to +scale (red). */
    static Color heat(double v, double scale) {
        double a = scale <= 0 || !Double.isFinite(v) ? 0 : Math.max(-1, Math.min(1, v / scale));
        return a >= 0 ? ZERO.interpolate(POSITIVE, a) : ZERO.interpolate(NEGATIVE, -a);
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (latent == null) return;
        Font font = Font.font(fontSize);
        Font bold = Font.font(null, FontWeight.BOLD, fontSize);
        Font small = Font.font(fontSize * 0.8);
        int c = latent.context();
        int n = c + latent.horizon();
        double line = fontSize * 1.5;
        double labelW = fontSize * 7;
        double colW = Math.floor((w - labelW - 8 - SPLIT - GAP * (n - 1)) / n);
        double legendH = line * 1.2;
        double avail = h - 2 * line - legendH - 6 * 6;
        double thumb = Math.max(0, Math.min(colW, Math.min(avail * 0.13, 64)));
        double rest = avail - thumb;
        double hBlock = rest * 0.34, zBlock = rest * 0.15, klBlock = rest - hBlock - 3 * zBlock;
        // 1. The bands: context and imagined, and the step numbers as the strip counts them.
        double xc = x(0, c, colW, labelW);
        double xi = x(c, c, colW, labelW);
        double xEnd = x(n - 1, c, colW, labelW) + colW;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(bold);
        g.setFill(theme.muted().deriveColor(0, 1, 1, 0.25));
        g.fillRect(xc, 2, x(c - 1, c, colW, labelW) + colW - xc, line - 2);
        g.setFill(theme.accent().deriveColor(0, 1, 1, 0.25));
        g.fillRect(xi, 2, xEnd - xi, line - 2);
        g.setFill(theme.foreground());
        double cw = x(c - 1, c, colW, labelW) + colW - xc;
        g.fillText(cw > fontSize * 8 ? "context (" + c + ")" : "seen", xc + cw / 2, line / 2 + 1, cw);
        g.fillText("imagined (" + latent.horizon() + ")", (xi + xEnd) / 2, line / 2 + 1, xEnd - xi);
        g.setFont(small);
        g.setFill(theme.muted());
        for (int k = 0; k < n; k++) {
            int number = k - c + 1;
            if (colW >= fontSize * 1.4 || k == c - 1 || k == c || k == n - 1 || (number > 0 && number % 5 == 0)) {
                g.fillText(Integer.toString(number), x(k, c, colW, labelW) + colW / 2, line * 1.5);
            }
        }
        double y = 2 * line + 4;
        // 2. The true frames, small.
        if (thumb >= 12 && strip != null && strip.truth().size() >= n) {
            label(g, bold, "truth", labelW, y + thumb / 2);
            for (int k = 0; k < n; k++) frame(g, strip.truth().get(k), x(k, c, colW, labelW) + (colW - thumb) / 2, y, thumb);
            y += thumb + 6;
        }
        // 3. h and z over every step; μ_q and μ_p over the context, on z's scale.
        double zScale = robustScale(latent.z(), latent.posteriorMean(), latent.priorMean());
        heatBlock(g, latent.h(), n, c, colW, labelW, y, hBlock, 1);
        label(g, bold, "h", labelW, y + hBlock / 2 - fontSize * 0.6);
        label(g, small, latent.h().get(0).length + " units", labelW, y + hBlock / 2 + fontSize * 0.6);
        y += hBlock + 6;
        heatBlock(g, latent.z(), n, c, colW, labelW, y, zBlock, zScale);
        label(g, bold, "z", labelW, y + zBlock / 2 - fontSize * 0.6);
        label(g, small, latent.z().get(0).length + " units", labelW, y + zBlock / 2 + fontSize * 0.6);
        y += zBlock + 6;
        heatBlock(g, latent.posteriorMean(), c, c, colW, labelW, y, zBlock, zScale);
        label(g, bold, "posterior μ", labelW, y + zBlock / 2);
        note(g, font, "after the line z comes from the prior alone: the row z above", xi, xEnd, y + zBlock);
        y += zBlock + 6;
        heatBlock(g, latent.priorMean(), c, c, colW, labelW, y, zBlock, zScale);
        label(g, bold, "prior μ", labelW, y + zBlock / 2);
        y += zBlock + 6;
        // 4. KL(q ‖ p) per context step, with the free nats marked.
        double[] kl = latent.kl();
        double top = FREE_NATS;
        for (double v : kl) top = Math.max(top, v);
        label(g, bold, "KL(q‖p)", labelW, y + klBlock / 2 - fontSize * 0.6);
        label(g, small, "nats", labelW, y + klBlock / 2 + fontSize * 0.6);
        double barTop = y + fontSize;
        double barH = klBlock - fontSize - 2;
        g.setFill(theme.accent());
        for (int k = 0; k < c; k++) {
            double bh = barH * kl[k] / top;
            g.fillRect(x(k, c, colW, labelW) + colW * 0.15, barTop + barH - bh, colW * 0.7, bh);
        }
        g.setFont(small);
        g.setFill(theme.foreground());
        for (int k = 0; k < c; k++) {
            double bh = barH * kl[k] / top;
            g.fillText(String.format(Locale.ROOT, "%.1f", kl[k]), x(k, c, colW, labelW) + colW / 2,
                    Math.max(y + fontSize * 0.5, barTop + barH - bh - fontSize * 0.5), colW + GAP);
        }
        double freeY = barTop + barH - barH * FREE_NATS / top;
        g.setStroke(theme.muted());
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        g.strokeLine(xc, freeY, x(c - 1, c, colW, labelW) + colW, freeY);
        g.setLineDashes(null);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(theme.muted());
        g.fillText(nats(FREE_NATS) + " free (training)", xi + 4, freeY);
        // 5. The imagination line, and the colour legend.
        g.setStroke(theme.accent());
        g.setLineWidth(2);
        double sx = xi - GAP / 2 - SPLIT / 2;
        g.strokeLine(sx, 2, sx, y + klBlock);
        legend(g, font, labelW, h - legendH / 2, w, zScale);
    }

    private void legend(GraphicsContext g, Font font, double x, double y, double w, double zScale) {
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(theme.foreground());
        String left = "below 0";
        double barW = Math.min(160, w * 0.15);
        g.fillText(left, x, y);
        double bx = x + textWidth(left, font) + 8;
        for (int i = 0; i < barW; i++) {
            g.setFill(heat((i / (barW - 1)) * 2 - 1, 1));
            g.fillRect(bx + i, y - fontSize * 0.45, 1, fontSize * 0.9);
        }
        g.setFill(theme.foreground());
        String right = String.format(Locale.ROOT, "above 0   (full colour: h at ±1; z and μ at ±%.2f and beyond)", zScale);
        g.fillText(right, bx + barW + 8, y, Math.max(10, w - bx - barW - 12));
    }

    private void heatBlock(GraphicsContext g, List<float[]> columns, int count, int c, double colW, double labelW,
                           double y, double height, double scale) {
        int units = columns.get(0).length;
        for (int k = 0; k < count; k++) {
            float[] v = columns.get(k);
            double x0 = x(k, c, colW, labelW);
            for (int j = 0; j < units; j++) {
                double ya = Math.round(y + j * height / units);
                double yb = Math.round(y + (j + 1) * height / units);
                g.setFill(heat(v[j], scale));
                g.fillRect(x0, ya, colW, Math.max(1, yb - ya));
            }
        }
        g.setStroke(theme.gridLine());
        g.setLineWidth(1);
        g.strokeRect(x(0, c, colW, labelW) - 0.5, y - 0.5, x(Math.min(count, c) - 1, c, colW, labelW) + colW - x(0, c, colW, labelW) + 1, height + 1);
        if (count > c) {
            double xi = x(c, c, colW, labelW);
            g.strokeRect(xi - 0.5, y - 0.5, x(count - 1, c, colW, labelW) + colW - xi + 1, height + 1);
        }
    }

    private void frame(GraphicsContext g, float[] f, double x, double y, double side) {
        int s = PixelPendulum.SIZE;
        for (int p = 0; p < PixelPendulum.PIXELS; p++) {
            int col = p % s, row = p / s;
            double xa = Math.round(x + col * side / s), xb = Math.round(x + (col + 1) * side / s);
            double ya = Math.round(y + row * side / s), yb = Math.round(y + (row + 1) * side / s);
            g.setFill(Color.gray(Math.max(0, Math.min(1, f[p]))));
            g.fillRect(xa, ya, xb - xa, yb - ya);
        }
    }

    private void label(GraphicsContext g, Font f, String text, double labelW, double y) {
        g.setFont(f);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(theme.foreground());
        g.fillText(text, labelW - 8, y, labelW - 8);
    }

    private void note(GraphicsContext g, Font f, String text, double x0, double x1, double yBottom) {
        g.setFont(Font.font(fontSize * 0.85));
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(theme.muted());
        g.fillText(text, (x0 + x1) / 2, yBottom + 3, x1 - x0);
    }

    /**
     * The colour scale of z and the means: the {@value #SCALE_QUANTILE} quantile of their |values|, so that one
     * unit far out (the first context step's, say) does not wash the others out; beyond it the colour saturates.
     */
    @SafeVarargs
    static double robustScale(List<float[]>... blocks) {
        int n = 0;
        for (List<float[]> b : blocks) for (float[] v : b) n += v.length;
        double[] all = new double[n];
        int i = 0;
        for (List<float[]> b : blocks) for (float[] v : b) for (float x : v) all[i++] = Math.abs(x);
        if (n == 0) return 1;
        java.util.Arrays.sort(all);
        double q = all[Math.min(n - 1, (int) Math.floor(SCALE_QUANTILE * n))];
        return q > 0 ? q : 1;
    }

    private static double x(int k, int c, double colW, double labelW) {
        return labelW + k * (colW + GAP) + (k >= c ? SPLIT : 0);
    }

    private static double textWidth(String s, Font f) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

    /** "1 nat", "3 nats". */
    private static String nats(double n) {
        return (n == Math.rint(n) ? Integer.toString((int) n) : Double.toString(n)) + (n == 1 ? " nat" : " nats");
    }
}
