package org.mbrllab.app.lessons.gridworld;

import java.util.function.BiConsumer;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.dp.Action;
import org.mbrllab.engine.dp.ActionTerm;
import org.mbrllab.engine.dp.BackupDetail;
import org.mbrllab.engine.dp.DpSnapshot;
import org.mbrllab.engine.dp.GreedyEpisode;
import org.mbrllab.engine.dp.GridLayout;

/**
 * Draws the grid world: V as a diverging colour map with the number in each cell, the greedy policy as
 * arrows (every tied best action), optional Q-values as four triangles per cell, the state being backed
 * up with its successors, and the playing agent. Only draws; mouse presses on a cell are reported to
 * {@link #setOnCell}.
 *
 * <p>Colours are filled through a one-pixel-per-cell image scaled up without smoothing, so even a
 * 300 × 300 grid redraws in a few milliseconds; numbers and arrows are drawn only when cells are big
 * enough to read them.
 */
final class GridCanvas extends Region {

    private static final double LEGEND_HEIGHT = 38;
    /** A cell's value is drawn at this share of the cell's side (at most 1.6 × the body font). */
    private static final double VALUE_FONT_SHARE = 0.23;
    private static final Color WALL = Color.web("#3a3a3e");

    private final Canvas base = new Canvas();
    private final Canvas overlay = new Canvas();
    private GridLayout layout;
    private DpSnapshot snapshot;
    private GreedyEpisode.Snapshot episode;
    private boolean showQ;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private int hoverRow = -1;
    private int hoverCol = -1;
    private BiConsumer<Integer, Integer> onCell = (r, c) -> { };
    private BiConsumer<Integer, Integer> onHover = (r, c) -> { };
    private int arrowsDrawn;
    /** Boxes {x, y, w, h} of what the last draw put on the canvas, for tests that check nothing overlaps. */
    private final java.util.List<double[]> arrowBoxes = new java.util.ArrayList<>();
    private final java.util.List<double[]> probabilityBoxes = new java.util.ArrayList<>();
    /** {x, y, w, h, action ordinal, cell x, cell y} of each Q-value drawn. */
    private final java.util.List<double[]> qLabelBoxes = new java.util.ArrayList<>();
    // Geometry of the last draw.
    private double cell;
    private double x0;
    private double y0;

    GridCanvas() {
        getChildren().addAll(base, overlay);
        getStyleClass().add("grid-canvas");
        setMinSize(120, 120);
        overlay.setMouseTransparent(true);
        setFocusTraversable(true);
        setOnMousePressed(e -> {
            requestFocus();
            cellAt(e.getX(), e.getY(), onCell);
        });
        setOnMouseDragged(e -> cellAt(e.getX(), e.getY(), onCell));
        setOnMouseMoved(e -> cellAt(e.getX(), e.getY(), (r, c) -> {
            if (r != hoverRow || c != hoverCol) {
                hoverRow = r;
                hoverCol = c;
                onHover.accept(r, c);
                drawOverlay();
            }
        }));
        setOnMouseExited(e -> {
            hoverRow = -1;
            hoverCol = -1;
            onHover.accept(-1, -1);
            drawOverlay();
        });
    }

    void setOnCell(BiConsumer<Integer, Integer> handler) { onCell = handler; }
    void setOnHover(BiConsumer<Integer, Integer> handler) { onHover = handler; }

    void show(GridLayout layout, DpSnapshot snapshot) {
        this.layout = layout;
        this.snapshot = snapshot;
        draw();
    }

    void setEpisode(GreedyEpisode.Snapshot episode) {
        GreedyEpisode.Snapshot previous = this.episode;
        this.episode = episode;
        if (previous != null && episode != null && previous.state() != episode.state()) {
            // Glide from the old cell to the new one instead of jumping.
            moveFrom = previous.state();
            moveStart = System.nanoTime();
            mover.start();
        } else {
            moveFrom = -1;
        }
        drawOverlay();
    }

    /** How long the agent takes to glide between cells, in nanoseconds (below the 250 ms between moves). */
    private static final long MOVE_NANOS = 180_000_000L;
    private int moveFrom = -1;
    private long moveStart;
    private final javafx.animation.AnimationTimer mover = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            if (moveFrom < 0 || System.nanoTime() - moveStart >= MOVE_NANOS) {
                moveFrom = -1;
                stop();
            }
            drawOverlay();
        }
    };

    void setShowQ(boolean showQ) {
        this.showQ = showQ;
        draw();
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        draw();
    }

    /** How many policy arrows the last draw showed (what a test can check the student sees). */
    int arrowsDrawn() {
        return arrowsDrawn;
    }

    /** The boxes {x, y, w, h} of the policy arrows of the last draw (tests). */
    java.util.List<double[]> arrowBoxes() { return java.util.List.copyOf(arrowBoxes); }

    /** The boxes {x, y, w, h} of the "p 0.33" labels of the last overlay (tests). */
    java.util.List<double[]> probabilityBoxes() { return java.util.List.copyOf(probabilityBoxes); }

    /** {x, y, w, h, action ordinal, cell x, cell y, cell side} of each Q-value of the last draw (tests). */
    java.util.List<double[]> qLabelBoxes() { return java.util.List.copyOf(qLabelBoxes); }

    /** The current cell side in pixels (tests). */
    double cellSize() { return cell; }

    /** The screen centre of a cell, for tests and for animating the agent. */
    double[] cellCenter(int row, int col) {
        return new double[]{x0 + (col + 0.5) * cell, y0 + (row + 0.5) * cell};
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (base.getWidth() != w || base.getHeight() != h) {
            base.setWidth(w);
            base.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            draw();
        }
    }

    private void cellAt(double x, double y, BiConsumer<Integer, Integer> target) {
        if (layout == null || cell <= 0) return;
        int c = (int) Math.floor((x - x0) / cell);
        int r = (int) Math.floor((y - y0) / cell);
        if (r >= 0 && c >= 0 && r < layout.rows() && c < layout.cols()) target.accept(r, c);
        else target.accept(-1, -1);
    }

    // ---------------------------------------------------------------- drawing

    private void draw() {
        GraphicsContext g = base.getGraphicsContext2D();
        double w = base.getWidth();
        double h = base.getHeight();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (layout == null || w < 10 || h < 10) return;
        int rows = layout.rows();
        int cols = layout.cols();
        boolean matches = snapshot != null && snapshot.rows() == rows && snapshot.cols() == cols;
        double availH = h - LEGEND_HEIGHT - 8;
        cell = Math.max(1, Math.min((w - 8) / cols, availH / rows));
        x0 = Math.floor((w - cell * cols) / 2);
        y0 = Math.floor(Math.max(4, (availH - cell * rows) / 2));
        double scale = matches ? valueScale() : 1;
        qLabelBoxes.clear();

        // 1. Cell colours, one pixel per cell, scaled up without smoothing.
        WritableImage img = new WritableImage(cols, rows);
        int[] pixels = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int s = r * cols + c;
                GridLayout.Cell cellType = layout.cell(r, c);
                Color fill;
                if (cellType.kind() == GridLayout.Kind.WALL) fill = WALL;
                else if (isTerminal(cellType)) fill = DivergingColors.color(terminalReward(cellType), scale).interpolate(theme.background(), 0.35);
                else fill = matches ? DivergingColors.color(snapshot.values()[s], scale) : DivergingColors.color(0, 1);
                pixels[s] = argb(fill);
            }
        }
        img.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbInstance(), pixels, 0, cols);
        g.setImageSmoothing(false);
        g.drawImage(img, x0, y0, cell * cols, cell * rows);

        // 2. Q triangles.
        if (showQ && matches && cell >= 14) drawQ(g, scale);

        // 3. Grid lines.
        if (cell >= 6) {
            g.setStroke(theme.gridLine());
            g.setLineWidth(1);
            for (int r = 0; r <= rows; r++) g.strokeLine(x0, y0 + r * cell, x0 + cols * cell, y0 + r * cell);
            for (int c = 0; c <= cols; c++) g.strokeLine(x0 + c * cell, y0, x0 + c * cell, y0 + rows * cell);
        }

        // 4. Labels, numbers and arrows.
        arrowsDrawn = 0;
        arrowBoxes.clear();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) drawCellContent(g, r, c, matches, scale);
        }
        drawTeleports(g);
        drawLegend(g, scale, w, h);
        drawOverlay();
    }

    private void drawCellContent(GraphicsContext g, int r, int c, boolean matches, double scale) {
        GridLayout.Cell type = layout.cell(r, c);
        int s = r * layout.cols() + c;
        double cx = x0 + c * cell;
        double cy = y0 + r * cell;
        if (type.kind() == GridLayout.Kind.WALL) return;
        Color fill = isTerminal(type) ? DivergingColors.color(terminalReward(type), scale).interpolate(theme.background(), 0.35)
                : matches ? DivergingColors.color(snapshot.values()[s], scale) : DivergingColors.color(0, 1);
        Color ink = DivergingColors.textOn(fill);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        if (isTerminal(type)) {
            if (cell >= 18) {
                g.setFill(ink);
                g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, Math.min(cell * 0.26, fontSize * 1.4)));
                String label = (type.kind() == GridLayout.Kind.GOAL ? (type.symbol() == 'G' ? "goal" : String.valueOf(type.symbol())) : (type.symbol() == 'H' ? "pit" : String.valueOf(type.symbol())));
                if (cell >= 44) {
                    g.fillText(label, cx + cell / 2, cy + cell * 0.38);
                    g.setFont(Font.font("DejaVu Sans", Math.min(cell * 0.22, fontSize * 1.2)));
                    g.fillText(signed(terminalReward(type)), cx + cell / 2, cy + cell * 0.66);
                } else {
                    g.fillText(signed(terminalReward(type)), cx + cell / 2, cy + cell / 2);
                }
            }
            return;
        }
        if (layout.startRow() == r && layout.startCol() == c && cell >= 16) {
            g.setFill(ink);
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, Math.max(9, Math.min(cell * 0.18, fontSize))));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("S", cx + 3, cy + 2);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
        }
        if (type.kind() == GridLayout.Kind.TELEPORT && cell >= 16) {
            g.setFill(ink);
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, Math.max(9, Math.min(cell * 0.2, fontSize * 1.1))));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(String.valueOf(type.symbol()), cx + 4, cy + 2);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
        }
        if (!matches) return;
        if (matches && snapshot.cursor() >= 0 && snapshot.backedUpThisSweep() != null
                && snapshot.backedUpThisSweep()[s] && cell >= 12) {
            g.setFill(ink.deriveColor(0, 1, 1, 0.55));
            double d = Math.max(3, cell * 0.07);
            g.fillOval(cx + cell - d - 3, cy + cell - d - 3, d, d);
        }
        boolean numbers = cell >= 30 && !(showQ && cell >= 64);
        if (numbers) {
            g.setFill(ink);
            // One decimal, as the book prints them, unless the cell is roomy; as large as the cell allows.
            int digits = cell >= 96 ? 2 : 1;
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD,
                    Math.min(cell * (digits == 2 ? 0.19 : VALUE_FONT_SHARE), fontSize * 1.6)));
            g.fillText(Format.fixed(snapshot.values()[s], digits), cx + cell / 2, cy + cell / 2);
        }
        if (!showQ || cell < 14) drawArrows(g, snapshot.greedy()[s], cx, cy, numbers, ink);
    }

    private void drawArrows(GraphicsContext g, int mask, double cx, double cy, boolean aroundNumber, Color ink) {
        if (mask == 0 || cell < 8) return;
        // In small cells a four-way tie is only clutter: every action is best, so none is shown.
        if (cell < 24 && mask == 0b1111) return;
        g.setStroke(ink.deriveColor(0, 1, 1, 0.85));
        g.setFill(ink.deriveColor(0, 1, 1, 0.85));
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(Math.max(1, cell * 0.035));
        double mx = cx + cell / 2;
        double my = cy + cell / 2;
        for (Action a : Action.values()) {
            if ((mask & (1 << a.ordinal())) == 0) continue;
            double dx = a.dc();
            double dy = a.dr();
            double px = -dy;
            double py = dx;
            arrowsDrawn++;
            if (aroundNumber) {
                // A wedge between the number and the cell's edge, pointing out of the cell.
                double tip = cell * 0.47;
                double base = cell * (dx != 0 ? 0.38 : 0.33);
                double half = cell * 0.08;
                double[] xs = {mx + dx * tip, mx + dx * base + px * half, mx + dx * base - px * half};
                double[] ys = {my + dy * tip, my + dy * base + py * half, my + dy * base - py * half};
                g.fillPolygon(xs, ys, 3);
                arrowBoxes.add(bounds(xs, ys));
            } else {
                double from = cell * 0.06;
                double to = cell * 0.40;
                double head = Math.max(2.5, cell * 0.11);
                double x2 = mx + dx * to;
                double y2 = my + dy * to;
                g.strokeLine(mx + dx * from, my + dy * from, x2, y2);
                double[] xs = {x2 + dx * head * 0.6, x2 - dx * head * 0.6 + px * head, x2 - dx * head * 0.6 - px * head, mx + dx * from};
                double[] ys = {y2 + dy * head * 0.6, y2 - dy * head * 0.6 + py * head, y2 - dy * head * 0.6 - py * head, my + dy * from};
                g.fillPolygon(xs, ys, 3);
                arrowBoxes.add(bounds(xs, ys));
            }
        }
    }

    /**
     * Four triangles per cell, coloured by Q(s, a), the best actions outlined. The outlines are all drawn
     * first and the numbers last, each number fitted inside its own triangle with a margin (smaller, or with
     * one decimal, if it must), so that no outline crosses a number.
     */
    private void drawQ(GraphicsContext g, double scale) {
        int cols = layout.cols();
        double bestWidth = Math.max(1.5, cell * 0.03);
        for (int pass = 0; pass < 3; pass++) {
            for (int r = 0; r < layout.rows(); r++) {
                for (int c = 0; c < cols; c++) {
                    int s = r * cols + c;
                    if (snapshot.wall()[s] || snapshot.terminal()[s]) continue;
                    double cx = x0 + c * cell;
                    double cy = y0 + r * cell;
                    double mx = cx + cell / 2;
                    double my = cy + cell / 2;
                    for (Action a : Action.values()) {
                        double q = snapshot.q()[s * 4 + a.ordinal()];
                        Color fill = DivergingColors.color(q, scale);
                        double[][] tri = triangle(a, cx, cy, mx, my);
                        boolean best = (snapshot.greedy()[s] & (1 << a.ordinal())) != 0;
                        if (pass == 0) {
                            // 1. Fills and thin outlines.
                            g.setFill(fill);
                            g.fillPolygon(tri[0], tri[1], 3);
                            g.setStroke(theme.gridLine());
                            g.setLineWidth(0.6);
                            g.strokePolygon(tri[0], tri[1], 3);
                        } else if (pass == 1 && best) {
                            // 2. The best actions' outlines, over the thin ones.
                            g.setStroke(DivergingColors.textOn(fill));
                            g.setLineWidth(bestWidth);
                            g.strokePolygon(tri[0], tri[1], 3);
                        } else if (pass == 2 && cell >= 64) {
                            // 3. The numbers, inside their triangles.
                            drawQLabel(g, a, q, best, DivergingColors.textOn(fill), mx, my, bestWidth);
                        }
                    }
                }
            }
        }
    }

    /** Q(s, a) as text, fitted inside the triangle of {@code a} of the cell centred at (mx, my). */
    private void drawQLabel(GraphicsContext g, Action a, double q, boolean best, Color ink, double mx, double my, double lineWidth) {
        double margin = lineWidth + Math.max(2, cell * 0.03);
        double full = Math.min(cell * 0.13, fontSize * 1.1);
        FontWeight weight = best ? FontWeight.BOLD : FontWeight.NORMAL;
        String text = Format.fixed(q, 2);
        double size = fitQ(a, text, weight, full, margin);
        if (size < 0.75 * full) {
            text = Format.fixed(q, 1);
            size = fitQ(a, text, weight, full, margin);
        }
        Font font = Font.font("DejaVu Sans", weight, size);
        double[] wh = textSize(text, font);
        double[] at = qLabelCenter(a, wh[0], wh[1], cell, margin);
        g.setFill(ink);
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, mx + at[0], my + at[1]);
        qLabelBoxes.add(new double[]{mx + at[0] - wh[0] / 2, my + at[1] - wh[1] / 2, wh[0], wh[1], a.ordinal(),
                mx - cell / 2, my - cell / 2, cell});
    }

    /** The largest font size up to {@code full} at which {@code text} fits inside the triangle of {@code a}. */
    private double fitQ(Action a, String text, FontWeight weight, double full, double margin) {
        double[] wh = textSize(text, Font.font("DejaVu Sans", weight, full));
        // Text scales with its font size: w = k_w·size, h = k_h·size.
        double need = a.dc() != 0 ? wh[0] + wh[1] / 2 : wh[0] / 2 + wh[1];
        return full * Math.min(1, (cell / 2 - 2 * margin) / need);
    }

    /**
     * Where to centre a w × h text box, relative to the cell's centre, so that it lies inside the triangle of
     * {@code a} (apex at the centre, base on the cell's edge) with {@code margin} to spare on every side:
     * about 0.31 of the cell out from the centre, moved out or in as far as the box needs. In a triangle
     * pointing right, the half-height at distance u from the centre is u, so the box's inner edge must be
     * at least h/2 + margin out; in one pointing up, its inner edge must be at least w/2 + margin out.
     */
    static double[] qLabelCenter(Action a, double w, double h, double cell, double margin) {
        boolean across = a.dc() != 0;
        double along = across ? w : h;
        double inner = across ? h / 2 + margin : w / 2 + margin;
        double lo = inner + along / 2;
        double hi = cell / 2 - margin - along / 2;
        double d = Math.max(lo, Math.min(hi, cell * 0.31));
        return new double[]{a.dc() * d, a.dr() * d};
    }

    /** Width and height of {@code text} in {@code font}. */
    private static double[] textSize(String text, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        javafx.geometry.Bounds b = t.getLayoutBounds();
        return new double[]{b.getWidth(), b.getHeight()};
    }

    private static double[] bounds(double[] xs, double[] ys) {
        double x1 = Double.POSITIVE_INFINITY, y1 = Double.POSITIVE_INFINITY, x2 = Double.NEGATIVE_INFINITY, y2 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            x1 = Math.min(x1, xs[i]);
            x2 = Math.max(x2, xs[i]);
            y1 = Math.min(y1, ys[i]);
            y2 = Math.max(y2, ys[i]);
        }
        return new double[]{x1, y1, x2 - x1, y2 - y1};
    }

    private static double[][] triangle(Action a, double cx, double cy, double mx, double my) {
        double x1 = cx;
        double x2 = cx;
        double y1 = cy;
        double y2 = cy;
        double w = mx - cx;
        switch (a) {
            case UP -> { x1 = cx; y1 = cy; x2 = cx + 2 * w; y2 = cy; }
            case DOWN -> { x1 = cx; y1 = cy + 2 * w; x2 = cx + 2 * w; y2 = cy + 2 * w; }
            case LEFT -> { x1 = cx; y1 = cy; x2 = cx; y2 = cy + 2 * w; }
            case RIGHT -> { x1 = cx + 2 * w; y1 = cy; x2 = cx + 2 * w; y2 = cy + 2 * w; }
        }
        return new double[][]{{x1, x2, mx}, {y1, y2, my}};
    }

    private void drawTeleports(GraphicsContext g) {
        if (cell < 16) return;
        for (int r = 0; r < layout.rows(); r++) {
            for (int c = 0; c < layout.cols(); c++) {
                GridLayout.Cell type = layout.cell(r, c);
                if (type.kind() != GridLayout.Kind.TELEPORT) continue;
                int[] target = find(type.target());
                if (target == null) continue;
                double[] a = cellCenter(r, c);
                double[] b = cellCenter(target[0], target[1]);
                double ox = cell * 0.5;
                double lw = Math.max(1.5, cell * 0.025);
                g.setStroke(theme.highlight());
                g.setLineWidth(lw);
                g.setLineDashes(cell * 0.08, cell * 0.06);
                double dir = Math.signum(b[1] - a[1]);
                if (dir == 0) dir = 1;
                double ty = b[1] - dir * cell * 0.2;
                g.strokeLine(a[0] + ox, a[1] + dir * cell * 0.2, b[0] + ox, ty);
                g.setLineDashes();
                g.setFill(theme.highlight());
                double hd = Math.max(4, cell * 0.07);
                double tx = b[0] + ox;
                g.fillPolygon(new double[]{tx - hd, tx + hd, tx}, new double[]{ty - dir * hd * 1.5, ty - dir * hd * 1.5, ty}, 3);
                // The reward, in the source cell under its letter; the target's letter with a prime.
                g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, Math.max(9, Math.min(cell * 0.16, fontSize))));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.BOTTOM);
                g.setFill(DivergingColors.textOn(fillOf(r, c)));
                g.fillText(signed(type.reward()), a[0] - cell * 0.46, a[1] + cell * 0.47);
                g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, Math.max(9, Math.min(cell * 0.2, fontSize * 1.1))));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                g.setFill(DivergingColors.textOn(fillOf(target[0], target[1])));
                g.fillText(Character.toUpperCase(type.target()) + "′", b[0] - cell * 0.46, b[1] - cell * 0.48);
            }
        }
    }

    private Color fillOf(int r, int c) {
        boolean matches = snapshot != null && snapshot.rows() == layout.rows() && snapshot.cols() == layout.cols();
        return matches ? DivergingColors.color(snapshot.values()[r * layout.cols() + c], valueScale()) : DivergingColors.color(0, 1);
    }

    private int[] find(char symbol) {
        for (int r = 0; r < layout.rows(); r++) {
            for (int c = 0; c < layout.cols(); c++) {
                GridLayout.Cell t = layout.cell(r, c);
                if (t.symbol() == symbol && t.kind() != GridLayout.Kind.TELEPORT) return new int[]{r, c};
            }
        }
        return null;
    }

    private void drawLegend(GraphicsContext g, double scale, double w, double h) {
        double lw = Math.min(320, w * 0.5);
        double lx = (w - lw) / 2;
        double ly = h - LEGEND_HEIGHT + 4;
        int n = 64;
        for (int i = 0; i < n; i++) {
            g.setFill(DivergingColors.color(-scale + 2 * scale * (i + 0.5) / n, scale));
            g.fillRect(lx + lw * i / n, ly, lw / n + 1, 12);
        }
        g.setStroke(theme.gridLine());
        g.setLineWidth(1);
        g.strokeRect(lx, ly, lw, 12);
        g.setFill(theme.foreground());
        g.setFont(Font.font("DejaVu Sans", Math.max(10, fontSize * 0.85)));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Format.fixed(-scale, 2), lx, ly + 14);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("V = 0", lx + lw / 2, ly + 14);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Format.fixed(scale, 2), lx + lw, ly + 14);
        // Values drawn well under the body text's size: say where the room is (View > Figure only).
        if (cell * VALUE_FONT_SHARE < 0.8 * fontSize && lx > fontSize * 6) {
            g.setFill(theme.muted());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("F9: larger", 6, ly + 14);
        }
    }

    /** Highlights (backup, successors, hover) and the agent, on a layer of their own. */
    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (layout == null || cell <= 0) return;
        int cols = layout.cols();
        boolean matches = snapshot != null && snapshot.rows() == layout.rows() && snapshot.cols() == cols;
        if (matches && snapshot.cursor() >= 0 && cell >= 6) {
            int s = snapshot.cursor();
            g.setStroke(theme.muted());
            g.setLineWidth(Math.max(1.5, cell * 0.03));
            g.setLineDashes(4, 4);
            g.strokeRect(x0 + (s % cols) * cell + 2, y0 + (s / cols) * cell + 2, cell - 4, cell - 4);
            g.setLineDashes();
        }
        probabilityBoxes.clear();
        if (matches && snapshot.lastBackup() != null) drawBackup(g, snapshot.lastBackup(), cols);
        if (hoverRow >= 0 && cell >= 6) {
            g.setStroke(theme.accent());
            g.setLineWidth(2);
            g.strokeRect(x0 + hoverCol * cell + 1, y0 + hoverRow * cell + 1, cell - 2, cell - 2);
        }
        if (episode != null) drawAgent(g, cols);
    }

    private void drawBackup(GraphicsContext g, BackupDetail b, int cols) {
        // Successors: dashed outline and the total probability of landing there under the chosen/weighted actions.
        java.util.Map<Integer, Double> reach = new java.util.TreeMap<>();
        for (ActionTerm t : b.terms()) {
            double w = b.usesMax() ? ((snapshot.greedy()[b.state()] & (1 << t.action().ordinal())) != 0 ? 1 : 0) : t.weight();
            for (ActionTerm.Term o : t.outcomes()) reach.merge(o.next(), w * o.prob(), Double::sum);
        }
        double total = 0;
        for (double v : reach.values()) total += v;
        g.setLineWidth(Math.max(2, cell * 0.04));
        g.setLineDashes(cell * 0.1, cell * 0.07);
        for (var e : reach.entrySet()) {
            if (e.getValue() <= 0) continue;
            int s = e.getKey();
            double x = x0 + (s % cols) * cell;
            double y = y0 + (s / cols) * cell;
            g.setStroke(theme.accent());
            g.strokeRect(x + 3, y + 3, cell - 6, cell - 6);
            if (cell >= 30) drawProbability(g, e.getValue() / Math.max(total, 1e-12), x, y);
        }
        g.setLineDashes();
        int s = b.state();
        g.setStroke(theme.highlight());
        g.setLineWidth(Math.max(3, cell * 0.07));
        g.strokeRect(x0 + (s % cols) * cell + 2, y0 + (s / cols) * cell + 2, cell - 4, cell - 4);
    }

    /**
     * The chance of landing in the cell at (x, y), on a small plate of the background colour so that no
     * outline runs through it. It goes in the top-right corner, where no arrow points and no letter sits
     * (the start's S and a teleport's letter are top left, an arrow at the middle of each edge); with the
     * Q triangles and their numbers shown it goes in the middle, where the four triangles meet and no
     * number is drawn. "p 0.33" gets up to a quarter smaller, then becomes "0.33" and gets smaller still, if the corner is
     * too narrow for it.
     */
    private void drawProbability(GraphicsContext g, double p, double x, double y) {
        boolean middle = showQ && cell >= 64;
        double pad = 2;
        double inset = 4 + Math.max(2, cell * 0.04);
        // Right of the up arrow, whose wedge reaches 0.08 of the cell right of the middle (drawArrows).
        double room = middle ? cell * 0.5 : cell * 0.42 - inset - 2 * pad - 2;
        double size = Math.min(cell * 0.15, fontSize);
        String text = "p " + Format.fixed(p, 2);
        Font font = Font.font("DejaVu Sans", FontWeight.BOLD, size);
        double[] wh = textSize(text, font);
        if (wh[0] > room && wh[0] * 0.75 <= room) {
            size *= room / wh[0];
            font = Font.font("DejaVu Sans", FontWeight.BOLD, size);
            wh = textSize(text, font);
        } else if (wh[0] > room) {
            text = Format.fixed(p, 2);
            wh = textSize(text, font);
        }
        if (wh[0] > room) {
            size *= room / wh[0];
            font = Font.font("DejaVu Sans", FontWeight.BOLD, size);
            wh = textSize(text, font);
        }
        double bx = middle ? x + (cell - wh[0]) / 2 - pad : x + cell - inset - wh[0] - 2 * pad;
        double by = middle ? y + (cell - wh[1]) / 2 - pad : y + inset;
        g.setFill(theme.background().deriveColor(0, 1, 1, 0.85));
        g.fillRoundRect(bx, by, wh[0] + 2 * pad, wh[1] + 2 * pad, 4, 4);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(theme.accent());
        g.fillText(text, bx + pad, by + pad);
        probabilityBoxes.add(new double[]{bx, by, wh[0] + 2 * pad, wh[1] + 2 * pad});
    }

    private void drawAgent(GraphicsContext g, int cols) {
        g.setStroke(theme.highlight().deriveColor(0, 1, 1, 0.6));
        g.setLineWidth(Math.max(2, cell * 0.06));
        var path = episode.path();
        int segments = moveFrom >= 0 ? path.size() - 1 : path.size();
        for (int i = 1; i < segments; i++) {
            double[] a = cellCenter(path.get(i - 1) / cols, path.get(i - 1) % cols);
            double[] b = cellCenter(path.get(i) / cols, path.get(i) % cols);
            g.strokeLine(a[0], a[1], b[0], b[1]);
        }
        double[] p = cellCenter(episode.state() / cols, episode.state() % cols);
        if (moveFrom >= 0) {
            double t = Math.min(1, (System.nanoTime() - moveStart) / (double) MOVE_NANOS);
            t = t * t * (3 - 2 * t);
            double[] q = cellCenter(moveFrom / cols, moveFrom % cols);
            p = new double[]{q[0] + (p[0] - q[0]) * t, q[1] + (p[1] - q[1]) * t};
        }
        double rad = Math.max(4, cell * 0.28);
        g.setFill(theme.highlight());
        g.fillOval(p[0] - rad, p[1] - rad, 2 * rad, 2 * rad);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.strokeOval(p[0] - rad, p[1] - rad, 2 * rad, 2 * rad);
    }

    // ---------------------------------------------------------------- helpers

    private double valueScale() {
        double m = 0;
        double[] v = snapshot.values();
        for (int s = 0; s < v.length; s++) if (!snapshot.wall()[s] && Double.isFinite(v[s])) m = Math.max(m, Math.abs(v[s]));
        return m < 1e-9 ? 1 : m;
    }

    private static boolean isTerminal(GridLayout.Cell c) {
        return c.kind() == GridLayout.Kind.GOAL || c.kind() == GridLayout.Kind.PIT;
    }

    private double terminalReward(GridLayout.Cell c) {
        if (c.symbol() == 'G') return layout.params().goalReward();
        if (c.symbol() == 'H') return layout.params().pitReward();
        return c.reward();
    }

    private static String signed(double x) {
        return (x > 0 ? "+" : "") + Format.number(Math.round(x * 100) / 100.0);
    }

    private static int argb(Color c) {
        return 0xff000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }
}
