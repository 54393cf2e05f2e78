package org.mbrllab.app.common.system;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.mbrllab.engine.control.Cartpole;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.core.Format;

/**
 * The cartpole: a cart on a track marked every half metre, with Gymnasium's ±2.4 m ends dashed, and the
 * pole hinged on the cart (θ = 0 upright, growing clockwise, as in Gymnasium). The camera follows the cart.
 */
final class CartpolePainter implements SystemPainter {

    /** Cart size, in m (Gymnasium draws 50 × 30 px at 125 px/m). */
    static final double CART_WIDTH = 0.4;
    static final double CART_HEIGHT = 0.24;
    /** Wheel radius, in m; the cart stands this high on the track. */
    static final double WHEEL = 0.045;
    /** An arrow for |u| at the limit spans this many metres. */
    static final double ARROW_LENGTH = 0.8;
    /** The camera moves when the cart comes this close to an edge, in m. */
    static final double FOLLOW_MARGIN = 0.6 + CART_WIDTH;

    @Override
    public ControlSystem system() {
        return ControlSystem.CARTPOLE;
    }

    @Override
    public double theta(double[] s) {
        return s[Cartpole.THETA];
    }

    /** The pivot's height above the track, in m. */
    static double pivotHeight() {
        return WHEEL + CART_HEIGHT * 0.75;
    }

    @Override
    public double[] pivot(double[] s) {
        return new double[] {s[Cartpole.X], pivotHeight()};
    }

    @Override
    public double[] direction(double theta) {
        return new double[] {Math.sin(theta), Math.cos(theta)};
    }

    @Override
    public double[] tangent(double theta) {
        double[] along = direction(theta);
        return new double[] {along[1], -along[0]};
    }

    /** The pole upright and {@code below} of its length hanging under the pivot fit; the track's width is the camera's. */
    @Override
    public void place(Camera camera, double w, double top, double availH, Look look) {
        double up = look.poleLength() + pivotHeight() + 0.12;
        double down = Math.max(look.below() * look.poleLength() - pivotHeight(), 0.1) + 0.25;
        double width = camera.viewWidth();
        double scale = Math.max(1, Math.min((w - 16) / width, availH / (up + down)));
        camera.place(scale, w / 2, top + (availH - (up + down) * scale) / 2 + up * scale);
    }

    @Override
    public boolean follow(Camera camera, double[] s, double viewPixels) {
        return camera.follow(s[Cartpole.X], viewPixels, FOLLOW_MARGIN);
    }

    @Override
    public void drawGround(GraphicsContext g, Camera c, Look look, double w) {
        double fontSize = look.fontSize();
        double scale = c.scale();
        double camX = c.centreX();
        double y = c.sy(0);
        g.setStroke(look.theme().muted());
        g.setLineWidth(Math.max(2, fontSize * 0.12));
        g.strokeLine(0, y, w, y);
        double half = w / 2 / scale;
        g.setFill(look.theme().muted());
        g.setFont(Font.font("DejaVu Sans", fontSize * 0.75));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double step = scale < 40 ? 2 : 1;
        for (double m = Math.ceil((camX - half) / 0.5) * 0.5; m <= camX + half; m += 0.5) {
            boolean major = Math.abs(m / step - Math.rint(m / step)) < 1e-9;
            double x = c.sx(m);
            g.setLineWidth(major ? 2 : 1);
            g.strokeLine(x, y, x, y + (major ? fontSize * 0.5 : fontSize * 0.25));
            if (major) g.fillText(Format.number(m) + (m == 0 ? " m" : ""), x, y + fontSize * 0.55);
        }
        // Gymnasium ends an episode beyond ±2.4 m.
        g.setStroke(look.theme().muted().deriveColor(0, 1, 1, 0.7));
        g.setLineDashes(6, 5);
        g.setLineWidth(1.5);
        for (double edge : new double[] {-Cartpole.X_THRESHOLD, Cartpole.X_THRESHOLD}) {
            g.strokeLine(c.sx(edge), y, c.sx(edge), y - 0.35 * scale);
        }
        g.setLineDashes();
    }

    @Override
    public void drawSystem(GraphicsContext g, Camera c, Look look, double[] s, Color body, Color pole, boolean ghost) {
        double[] p = pivot(s);
        double[] tip = tip(s, look.poleLength());
        g.setLineCap(StrokeLineCap.ROUND);
        double cx = c.sx(s[Cartpole.X]);
        double top = c.sy(WHEEL + CART_HEIGHT);
        double cw = CART_WIDTH * c.scale();
        double ch = CART_HEIGHT * c.scale();
        if (ghost) {
            g.setStroke(body);
            g.setLineWidth(1.5);
            g.strokeRect(cx - cw / 2, top, cw, ch);
        } else {
            g.setFill(body);
            g.fillRoundRect(cx - cw / 2, top, cw, ch, ch * 0.25, ch * 0.25);
            double r = Math.max(3, WHEEL * c.scale());
            g.setFill(look.theme().muted());
            for (double wx : new double[] {cx - cw * 0.3, cx + cw * 0.3}) g.fillOval(wx - r, c.sy(WHEEL) - r, 2 * r, 2 * r);
        }
        SystemPainter.drawPole(g, c, look.theme(), p, tip, body, pole, ghost);
    }

    /** A straight arrow that pushes the cart: it ends at the side the force comes from. */
    @Override
    public void drawControl(GraphicsContext g, Camera c, Look look, double[] s, double fraction) {
        double y = c.sy(WHEEL + CART_HEIGHT * 0.4);
        double side = Math.signum(fraction);
        double edge = c.sx(s[Cartpole.X]) - side * CART_WIDTH / 2 * c.scale();
        double start = edge - fraction * ARROW_LENGTH * c.scale();
        g.strokeLine(start, y, edge - side * 6, y);
        SystemPainter.arrowHead(g, edge, y, side, 0, look.fontSize());
    }

    /** The tip itself: it moves with the cart, so iterations rarely cover one another. */
    @Override
    public double[] pathPoint(double[] state, int k, int m, double poleLength) {
        return tip(state, poleLength);
    }

    /** The cart and a few pixels around it, down to the track. */
    @Override
    public boolean hitsBody(Camera c, double[] s, double x, double y) {
        double cx = c.sx(s[Cartpole.X]);
        double cw = CART_WIDTH * c.scale() / 2 + 6;
        double top = c.sy(WHEEL + CART_HEIGHT) - 4;
        double bottom = c.sy(0) + 6;
        return Math.abs(x - cx) <= cw && y >= top && y <= bottom;
    }

    @Override
    public double[] bodyCentre(Camera c, double[] s) {
        return new double[] {c.sx(s[Cartpole.X]), c.sy(WHEEL + CART_HEIGHT / 2)};
    }

    @Override
    public String stateLine(double[] s) {
        return "x = " + Format.fixed(s[Cartpole.X], 2) + " m";
    }

    @Override
    public String pathsNote() {
        return null;
    }
}
