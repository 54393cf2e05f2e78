package org.mbrllab.app.lessons.dyna;

import java.util.function.BiConsumer;

import javafx.animation.AnimationTimer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.dp.Action;

/**
 * Draws a Dyna maze: walls, S and G, the agent, the greedy actions as arrows (every tied best action; none
 * where all four tie), and per (s, a) a triangle coloured by Q, by τ (real steps since the pair was last
 * tried) or by prioritized sweeping's queue priority. With the model shown, a dot on each side of a cell
 * marks a pair the model knows (filled: tried; hollow: Dyna-Q+'s assumed "stay"). The pair of the last
 * planning update flashes with a line to where the model says it leads. Only draws; presses on a cell go
 * to {@link #setOnCell}.
 */
final class MazeCanvas extends Region {

    /** What the triangles show. */
    enum Colouring {
        Q("Q(s, a)"), TAU("τ: steps since tried"), PRIORITY("queue priority"), NONE("nothing");

        private final String label;

        Colouring(String label) {
            this.label = label;
        }

        @Override public String toString() { return label; }
    }

    /** One maze's drawing data, from a live snapshot or from a stored Q (Figure 8.3). */
    record View(int rows, int cols, boolean[] wall, boolean[] terminal, int start, int agent, double[] q,
                byte[] known, int[] predicted, long[] tau, double[] priority, int flash) {}

    private static final Color WALL = Color.web("#3a3a3e");
    /** Walls on the dark theme: light enough to stand out from its near-black background. */
    private static final Color WALL_ON_DARK = Color.web("#8c8c94");
    private static final long FLASH_NANOS = 450_000_000L;
    private final Canvas canvas = new Canvas();
    private View view;
    private Colouring colouring = Colouring.Q;
    private boolean showModel = true;
    private boolean arrows = true;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private BiConsumer<Integer, Integer> onCell = (r, c) -> { };
    private double cell;
    private double x0;
    private double y0;
    private long flashStart;
    private int flashing = -1;
    private final AnimationTimer flashTimer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            draw();
            if (System.nanoTime() - flashStart > FLASH_NANOS) {
                flashing = -1;
                draw();
                stop();
            }
        }
    };

    MazeCanvas() {
        getChildren().add(canvas);
        setMinSize(120, 90);
        setFocusTraversable(true);
        setOnMousePressed(e -> {
            requestFocus();
            if (view == null || cell <= 0) return;
            int c = (int) Math.floor((e.getX() - x0) / cell);
            int r = (int) Math.floor((e.getY() - y0) / cell);
            if (r >= 0 && r < view.rows() && c >= 0 && c < view.cols()) onCell.accept(r, c);
        });
    }

    void setOnCell(BiConsumer<Integer, Integer> handler) { onCell = handler; }

    void setColouring(Colouring c) {
        colouring = c;
        draw();
    }

    void setShowModel(boolean show) {
        showModel = show;
        draw();
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        draw();
    }

    /** Shows {@code v}; a new planned pair starts a flash that fades. */
    void show(View v) {
        if (v != null && v.flash() >= 0 && (view == null || v.flash() != view.flash() || flashing < 0)) {
            flashing = v.flash();
            flashStart = System.nanoTime();
            flashTimer.start();
        }
        view = v;
        draw();
    }

    /** Stops the flash animation (the pane is left). */
    void stopAnimation() {
        flashTimer.stop();
        flashing = -1;
    }

    /** The side of one cell in the last drawing (tests). */
    double cellSize() { return cell; }

    /** Where the last drawing put cell (row, col)'s centre, in this region's coordinates (tests). */
    double[] centre(int row, int col) {
        return new double[] {x0 + (col + 0.5) * cell, y0 + (row + 0.5) * cell};
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (view == null || w < 10 || h < 10) return;
        int rows = view.rows();
        int cols = view.cols();
        cell = Math.floor(Math.min((w - 8) / cols, (h - 8) / rows));
        if (cell < 4) return;
        x0 = Math.floor((w - cell * cols) / 2);
        y0 = Math.floor((h - cell * rows) / 2);
        double scale = scale();
        // 1. Cells and their triangles.
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int s = r * cols + c;
                double x = x0 + c * cell;
                double y = y0 + r * cell;
                if (view.wall()[s]) {
                    g.setFill(theme == Theme.DARK ? WALL_ON_DARK : WALL);
                    g.fillRect(x, y, cell, cell);
                    continue;
                }
                g.setFill(view.terminal()[s] ? Color.web("#d9f0d3") : theme.background());
                g.fillRect(x, y, cell, cell);
                if (view.terminal()[s] || colouring == Colouring.NONE) continue;
                for (int a = 0; a < Action.COUNT; a++) {
                    double value = value(s * Action.COUNT + a);
                    if (!(value > 0)) continue;
                    g.setFill(colour(Math.min(1, value / scale)));
                    fillTriangle(g, a, x, y);
                }
            }
        }
        // 2. Grid lines.
        g.setStroke(theme.gridLine());
        g.setLineWidth(1);
        for (int r = 0; r <= rows; r++) g.strokeLine(x0, y0 + r * cell, x0 + cols * cell, y0 + r * cell);
        for (int c = 0; c <= cols; c++) g.strokeLine(x0 + c * cell, y0, x0 + c * cell, y0 + rows * cell);
        // 3. Labels, arrows and the model's dots.
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font("System", FontWeight.BOLD, Math.max(fontSize, cell * 0.38)));
        for (int s = 0; s < rows * cols; s++) {
            if (view.wall()[s]) continue;
            double cx = x0 + (s % cols + 0.5) * cell;
            double cy = y0 + (s / cols + 0.5) * cell;
            if (view.terminal()[s]) {
                g.setFill(Color.web("#1b7837"));
                g.fillText("G", cx, cy);
                continue;
            }
            if (s == view.start()) {
                g.setFill(theme.muted());
                g.fillText("S", cx, cy);
            }
            if (arrows && view.q() != null) drawArrows(g, s, cx, cy);
            if (showModel && view.known() != null) drawModel(g, s, cx, cy);
        }
        // 4. The agent.
        if (view.agent() >= 0) {
            double cx = x0 + (view.agent() % cols + 0.5) * cell;
            double cy = y0 + (view.agent() / cols + 0.5) * cell;
            double radius = cell * 0.22;
            g.setFill(Color.web("#e66101"));
            g.fillOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
            g.setStroke(theme.foreground());
            g.setLineWidth(1.5);
            g.strokeOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
        }
        // 5. The planning update, flashing.
        if (flashing >= 0 && view.predicted() != null) drawFlash(g);
    }

    /** The colour scale's top: the largest value shown (at least a small number, so 0 stays pale). */
    private double scale() {
        double max = 1e-12;
        for (int sa = 0; sa < view.rows() * view.cols() * Action.COUNT; sa++) {
            double v = value(sa);
            if (v > max && Double.isFinite(v)) max = v;
        }
        return max;
    }

    private double value(int sa) {
        return switch (colouring) {
            case Q -> view.q() == null ? 0 : view.q()[sa];
            case TAU -> view.tau() == null || view.tau()[sa] < 0 ? 0 : Math.sqrt(view.tau()[sa]);
            case PRIORITY -> view.priority() == null || view.priority()[sa] < 0 ? 0 : view.priority()[sa];
            case NONE -> 0;
        };
    }

    /** Pale to strong: blue for Q, purple for τ (its square root, as the bonus κ√τ), orange for priorities. */
    private Color colour(double t) {
        Color strong = switch (colouring) {
            case TAU -> Color.web("#762a83");
            case PRIORITY -> Color.web("#e66101");
            default -> Color.web("#2166ac");
        };
        return theme.background().interpolate(strong, 0.12 + 0.78 * t);
    }

    private void fillTriangle(GraphicsContext g, int a, double x, double y) {
        double cx = x + cell / 2;
        double cy = y + cell / 2;
        double[] xs;
        double[] ys;
        switch (Action.of(a)) {
            case UP -> { xs = new double[] {x, x + cell, cx}; ys = new double[] {y, y, cy}; }
            case DOWN -> { xs = new double[] {x, x + cell, cx}; ys = new double[] {y + cell, y + cell, cy}; }
            case LEFT -> { xs = new double[] {x, x, cx}; ys = new double[] {y, y + cell, cy}; }
            default -> { xs = new double[] {x + cell, x + cell, cx}; ys = new double[] {y, y + cell, cy}; }
        }
        g.fillPolygon(xs, ys, 3);
    }

    private void drawArrows(GraphicsContext g, int s, double cx, double cy) {
        double[] q = view.q();
        int base = s * Action.COUNT;
        double best = Math.max(Math.max(q[base], q[base + 1]), Math.max(q[base + 2], q[base + 3]));
        int ties = 0;
        for (int a = 0; a < Action.COUNT; a++) if (q[base + a] == best) ties++;
        if (ties == Action.COUNT) return;
        g.setStroke(theme.foreground());
        g.setLineWidth(Math.max(1.5, cell * 0.06));
        g.setLineCap(StrokeLineCap.ROUND);
        double inner = cell * 0.1;
        double outer = cell * 0.36;
        double head = cell * 0.1;
        for (int a = 0; a < Action.COUNT; a++) {
            if (q[base + a] != best) continue;
            Action act = Action.of(a);
            double dx = act.dc();
            double dy = act.dr();
            double tipX = cx + dx * outer;
            double tipY = cy + dy * outer;
            g.strokeLine(cx + dx * inner, cy + dy * inner, tipX, tipY);
            g.strokeLine(tipX, tipY, tipX - dx * head - dy * head, tipY - dy * head - dx * head);
            g.strokeLine(tipX, tipY, tipX - dx * head + dy * head, tipY - dy * head + dx * head);
        }
    }

    private void drawModel(GraphicsContext g, int s, double cx, double cy) {
        double radius = Math.max(2, cell * 0.055);
        for (int a = 0; a < Action.COUNT; a++) {
            byte k = view.known()[s * Action.COUNT + a];
            if (k == 0) continue;
            Action act = Action.of(a);
            double x = cx + act.dc() * cell * 0.44;
            double y = cy + act.dr() * cell * 0.44;
            if (k == 1) {
                g.setFill(theme.foreground());
                g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
            } else {
                g.setStroke(theme.foreground());
                g.setLineWidth(1);
                g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
            }
        }
    }

    private void drawFlash(GraphicsContext g) {
        double fade = 1 - Math.min(1, (System.nanoTime() - flashStart) / (double) FLASH_NANOS);
        int s = flashing / Action.COUNT;
        int a = flashing % Action.COUNT;
        int cols = view.cols();
        double x = x0 + (s % cols) * cell;
        double y = y0 + (s / cols) * cell;
        Color flash = Color.web("#f1a340").deriveColor(0, 1, 1, 0.35 + 0.65 * fade);
        g.setFill(flash);
        fillTriangle(g, a, x, y);
        g.setStroke(Color.web("#b35806").deriveColor(0, 1, 1, 0.4 + 0.6 * fade));
        g.setLineWidth(Math.max(2, cell * 0.07));
        g.strokeRect(x + 1, y + 1, cell - 2, cell - 2);
        int to = view.predicted()[flashing];
        if (to >= 0 && to != s) {
            double tx = x0 + (to % cols + 0.5) * cell;
            double ty = y0 + (to / cols + 0.5) * cell;
            g.setLineDashes(cell * 0.12, cell * 0.08);
            g.strokeLine(x + cell / 2, y + cell / 2, tx, ty);
            g.setLineDashes(null);
            g.strokeOval(tx - cell * 0.18, ty - cell * 0.18, cell * 0.36, cell * 0.36);
        }
    }
}
