package org.mbrllab.app.lessons.tokens;

import java.util.function.IntConsumer;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.ThemedCanvas;

/**
 * A frame as the tokenizer sees it, in three squares: the held-out frame with its 4×4 patches outlined; its
 * token grid, each cell the colour of its code with the code's index written in it; and the tokenizer's
 * decoding of the (possibly swapped) codes. The picked cell is outlined in all three; swapped cells are marked
 * with a corner. A click on a cell of any square picks it (reported to {@code onPick}).
 */
final class TokenGridView extends ThemedCanvas {
    private static final String[] TITLES = {"held-out frame", "its tokens", "decoded tokens"};
    private TokensViewModel.TokenPanel panel;

    TokenGridView(IntConsumer onPick) {
        setId("tokens-grid");
        setMinSize(360, 160);
        setPrefWidth(640);
        canvas.setOnMouseClicked(e -> {
            int cell = cellAt(e.getX(), e.getY());
            if (cell >= 0) onPick.accept(cell);
        });
    }

    void show(TokensViewModel.TokenPanel p) {
        panel = p;
        draw();
    }

    TokensViewModel.TokenPanel shown() {
        return panel;
    }


    private double title() {
        return fontSize * 1.8;
    }

    private double side() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        return Math.floor(Math.max(40, Math.min((w - 4 * gap()) / 3, h - title() - 4)));
    }

    /** No taller than the width lets the squares be: the rest of the height goes to what is beneath. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : 640;
        return Math.ceil(title() + Math.max(40, (w - 4 * gap()) / 3) + 4);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    private double gap() {
        return fontSize * 1.5;
    }

    /** Square i (0 frame, 1 tokens, 2 decoded), in canvas coordinates. */
    Rectangle2D square(int i) {
        double s = side();
        return new Rectangle2D(gap() + i * (s + gap()), title(), s, s);
    }

    /** The cell under a point, or −1. */
    int cellAt(double x, double y) {
        if (panel == null) return -1;
        for (int i = 0; i < 3; i++) {
            Rectangle2D r = square(i);
            if (r.contains(x, y)) {
                int n = panel.side();
                int col = (int) Math.min(n - 1, (x - r.getMinX()) / r.getWidth() * n);
                int row = (int) Math.min(n - 1, (y - r.getMinY()) / r.getHeight() * n);
                return row * n + col;
            }
        }
        return -1;
    }

    /** A colour per code: hues spaced by the golden angle, so that neighbouring indices differ. */
    static Color codeColor(int code) {
        return Color.hsb((code * 137.508) % 360, 0.55, 0.95);
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (panel == null) return;
        int n = panel.side();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < 3; i++) {
            Rectangle2D r = square(i);
            g.setFill(theme.foreground());
            g.setFont(Font.font(null, FontWeight.BOLD, fontSize));
            g.fillText(TITLES[i], r.getMinX() + r.getWidth() / 2, title() / 2, r.getWidth() + gap());
            if (i == 0) FrameRows.drawFrame(g, panel.frame(), r.getMinX(), r.getMinY(), r.getWidth(), false);
            if (i == 2) FrameRows.drawFrame(g, panel.decoded(), r.getMinX(), r.getMinY(), r.getWidth(), false);
            double cell = r.getWidth() / n;
            if (i == 1) {
                g.setFont(Font.font(null, FontWeight.BOLD, Math.max(fontSize, Math.min(cell * 0.4, fontSize * 2))));
                for (int c = 0; c < n * n; c++) {
                    double x = r.getMinX() + (c % n) * cell, y = r.getMinY() + (c / n) * cell;
                    int code = panel.edited()[c];
                    Color fill = codeColor(code);
                    g.setFill(fill);
                    g.fillRect(x, y, cell, cell);
                    g.setFill(Color.BLACK);
                    g.fillText(Integer.toString(code), x + cell / 2, y + cell / 2, cell - 4);
                }
            }
            // The patch grid, swapped cells and the picked cell.
            g.setStroke(i == 1 ? Color.gray(0.2) : Color.gray(0.45));
            g.setLineWidth(1);
            for (int k = 0; k <= n; k++) {
                g.strokeLine(r.getMinX() + k * cell, r.getMinY(), r.getMinX() + k * cell, r.getMaxY());
                g.strokeLine(r.getMinX(), r.getMinY() + k * cell, r.getMaxX(), r.getMinY() + k * cell);
            }
            for (int c = 0; c < n * n; c++) {
                if (!panel.swapped(c)) continue;
                double x = r.getMinX() + (c % n) * cell, y = r.getMinY() + (c / n) * cell;
                g.setFill(theme.highlight());
                g.fillPolygon(new double[] {x + cell, x + cell, x + cell * 0.65}, new double[] {y, y + cell * 0.35, y}, 3);
            }
            int s = panel.selected();
            g.setStroke(theme.highlight());
            g.setLineWidth(3);
            g.strokeRect(r.getMinX() + (s % n) * cell + 1.5, r.getMinY() + (s / n) * cell + 1.5, cell - 3, cell - 3);
        }
    }
}
