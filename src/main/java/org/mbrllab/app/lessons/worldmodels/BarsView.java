package org.mbrllab.app.lessons.worldmodels;

import java.util.Set;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.ThemedCanvas;

/**
 * Vertical bars about a zero line, each value clipped to ±{@code range}: a latent z (one bar per
 * dimension, the slider's dimensions in the accent colour) or the controller's output and action.
 * Dashed lines mark {@code marks} (the dead zone of C's output, say).
 */
final class BarsView extends ThemedCanvas {
    private final double range;
    private double[] values = new double[0];
    private String[] labels = new String[0];
    private Set<Integer> highlighted = Set.of();
    private double[] marks = new double[0];
    private String title;

    BarsView(String id, String title, double range) {
        setId(id);
        this.title = title;
        this.range = range;
        setMinSize(120, 100);
        setPrefSize(360, 200);
    }

    void show(double[] v, String[] l, Set<Integer> lit) {
        values = v.clone();
        labels = l.clone();
        highlighted = Set.copyOf(lit);
        draw();
    }

    void setMarks(double... m) {
        marks = m.clone();
        draw();
    }

    void setTitle(String t) {
        title = t;
        draw();
    }

    double[] values() {
        return values.clone();
    }


    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        double line = fontSize * 1.5;
        g.setFont(Font.font(fontSize));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(theme.foreground());
        g.fillText(title, w / 2, line / 2 + 2);
        boolean labelled = labels.length == values.length && values.length <= 12;
        double top = line + 6;
        double bottom = h - (labelled ? line + 2 : 6);
        double mid = (top + bottom) / 2;
        double half = (bottom - top) / 2;
        double left = 8;
        double width = w - 16;
        g.setStroke(theme.gridLine());
        g.setLineWidth(1);
        g.strokeLine(left, mid, left + width, mid);
        g.setLineDashes(5, 4);
        for (double m : marks) {
            double y = mid - m / range * half;
            g.strokeLine(left, y, left + width, y);
        }
        g.setLineDashes();
        int n = values.length;
        if (n == 0) return;
        double slot = width / n;
        double bar = Math.max(1, slot * 0.7);
        for (int i = 0; i < n; i++) {
            double v = Math.max(-range, Math.min(range, values[i]));
            double y = mid - v / range * half;
            g.setFill(highlighted.contains(i) ? theme.accent() : theme.muted());
            double x = left + i * slot + (slot - bar) / 2;
            g.fillRect(x, Math.min(y, mid), bar, Math.max(1, Math.abs(y - mid)));
            if (labelled) {
                g.setFill(highlighted.contains(i) ? theme.foreground() : theme.muted());
                g.fillText(labels[i], left + (i + 0.5) * slot, h - line / 2 - 1);
            }
        }
    }
}
