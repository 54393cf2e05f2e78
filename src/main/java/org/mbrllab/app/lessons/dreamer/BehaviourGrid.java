package org.mbrllab.app.lessons.dreamer;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.ThemedCanvas;
import org.mbrllab.engine.dreamer.PixelPendulum;

/**
 * The batch of imagined trajectories as a 4 × 4 grid of animated tiles: every tile shows the same imagined
 * step k of its own trajectory (k = 0 is the start, the last context frame as the model saw it), and
 * {@link #advance()} moves all of them on by one, back to the start after the last; under each tile, its
 * imagined return Σ r̂.
 */
final class BehaviourGrid extends ThemedCanvas {
    static final int COLUMNS = 4;
    private BehaviourViewModel.Behaviour behaviour;
    private int step;

    BehaviourGrid() {
        setId("dreamer-behaviour-grid");
        setMinSize(240, 260);
        setPrefSize(480, 520);
    }

    void show(BehaviourViewModel.Behaviour b) {
        behaviour = b;
        step = 0;
        draw();
    }

    /** The next imagined step of every tile (after the last, the start again). */
    void advance() {
        if (behaviour == null || behaviour.tiles().isEmpty()) return;
        step = (step + 1) % behaviour.tiles().get(0).frames().size();
        draw();
    }

    /** The imagined step shown, 0 = the start. */
    int step() {
        return step;
    }

    BehaviourViewModel.Behaviour shown() {
        return behaviour;
    }


    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (behaviour == null) return;
        int n = behaviour.tiles().size();
        int rows = (n + COLUMNS - 1) / COLUMNS;
        double line = fontSize * 1.4;
        double caption = fontSize * 1.2;
        double gap = 8;
        double cellW = (w - gap * (COLUMNS - 1)) / COLUMNS;
        double cellH = (h - line - gap * (rows - 1)) / rows;
        int pixels = PixelPendulum.SIZE;
        // Each frame pixel snapped to whole screen pixels, so that a frame fills its cell and still shows no seams.
        double side = Math.max(pixels, Math.floor(Math.min(cellW, cellH - caption)));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(Font.font(fontSize));
        g.setFill(theme.foreground());
        int steps = behaviour.tiles().get(0).frames().size() - 1;
        g.fillText(step == 0 ? "start (seen)" : "imagined step " + step + " of " + steps, w / 2, line / 2);
        g.setFont(Font.font(fontSize * 0.8));
        for (int i = 0; i < n; i++) {
            BehaviourViewModel.Tile t = behaviour.tiles().get(i);
            double x0 = Math.floor((i % COLUMNS) * (cellW + gap) + (cellW - side) / 2);
            double y0 = Math.floor(line + (i / COLUMNS) * (cellH + gap));
            float[] f = t.frames().get(Math.min(step, t.frames().size() - 1));
            for (int p = 0; p < PixelPendulum.PIXELS; p++) {
                double xa = Math.round(x0 + (p % pixels) * side / pixels), xb = Math.round(x0 + (p % pixels + 1) * side / pixels);
                double ya = Math.round(y0 + (p / pixels) * side / pixels), yb = Math.round(y0 + (p / pixels + 1) * side / pixels);
                g.setFill(Color.gray(Math.max(0, Math.min(1, f[p]))));
                g.fillRect(xa, ya, xb - xa, yb - ya);
            }
            g.setStroke(step == 0 ? theme.muted() : theme.accent());
            g.setLineWidth(step == 0 ? 1 : 2);
            g.strokeRect(x0 - 1, y0 - 1, side + 2, side + 2);
            g.setFill(theme.muted());
            g.fillText(String.format(Locale.ROOT, "Σr̂ = %.0f", t.rewardSum()), x0 + side / 2, y0 + side + caption / 2 + 1, cellW);
        }
    }
}
