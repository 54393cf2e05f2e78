package org.mbrllab.app.common.system;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.system.SystemView.Part;

/**
 * A push in progress: what the press hit, where, and where the mouse is now; on release, the impulse
 * ({@link Push}) that the gesture stands for. A drag on the cart pushes it by the drag's length; a drag on
 * the pole turns it through the angle the grab point was dragged through; a click pokes from the side
 * clicked.
 */
final class PushGesture {

    /** A press this close to the pole, in px, grabs it (or the pole's drawn width, if wider). */
    static final double HIT_PIXELS = 12;

    private Part grabbed = Part.NONE;
    private double pressX;
    private double pressY;
    private double dragX;
    private double dragY;

    /**
     * What a press at (x, y) hits: the body (cartpole only; it wins where the pole's foot overlaps it), the
     * pole, or nothing.
     */
    static Part hit(SystemPainter painter, Camera c, double poleLength, double[] s, double x, double y) {
        if (painter.hitsBody(c, s, x, y)) return Part.CART;
        double[] p = painter.pivot(s);
        double[] tip = painter.tip(s, poleLength);
        double poleWidth = Math.max(5, 0.07 * c.scale());
        double d = distanceToSegment(x, y, c.sx(p[0]), c.sy(p[1]), c.sx(tip[0]), c.sy(tip[1]));
        return d <= Math.max(HIT_PIXELS, poleWidth) ? Part.POLE : Part.NONE;
    }

    /** Starts a gesture on {@code part} (NONE: no gesture). */
    void press(Part part, double x, double y) {
        grabbed = part;
        pressX = dragX = x;
        pressY = dragY = y;
    }

    /** Whether a gesture is in progress. */
    boolean active() {
        return grabbed != Part.NONE;
    }

    void dragTo(double x, double y) {
        dragX = x;
        dragY = y;
    }

    /** Ends the gesture at (x, y); the impulse it stands for, or null when it grabbed nothing. */
    double[] release(double x, double y, SystemPainter painter, Camera c, double poleLength, double[] s) {
        dragTo(x, y);
        double[] dx = impulse(painter, c, poleLength, s);
        grabbed = Part.NONE;
        return dx;
    }

    /**
     * The impulse for the gesture from the press to the mouse. On the pole, the drag's component along the
     * direction in which θ grows, divided by the distance of the grab point from the pivot, is the angle it
     * was dragged through.
     */
    double[] impulse(SystemPainter painter, Camera c, double poleLength, double[] s) {
        double scale = c.scale();
        double len = Math.hypot(dragX - pressX, dragY - pressY);
        if (grabbed == Part.CART) {
            double[] centre = painter.bodyCentre(c, s);
            double meters = len < Push.CLICK_PIXELS
                    ? (pressX < centre[0] ? Push.CART_POKE : -Push.CART_POKE)
                    : (dragX - pressX) / scale;
            return Push.cart(meters);
        }
        if (grabbed == Part.POLE) {
            double theta = painter.theta(s);
            double[] along = painter.direction(theta);
            double[] tangent = painter.tangent(theta);
            double[] pw = painter.pivot(s);
            double[] p = {c.sx(pw[0]), c.sy(pw[1])};
            double gx = (pressX - p[0]) / scale;
            double gy = (p[1] - pressY) / scale;
            if (len < Push.CLICK_PIXELS) {
                // A poke from the side that was clicked, across the pole.
                double side = gx * tangent[0] + gy * tangent[1];
                return Push.pole(painter.system(), side > 0 ? -Push.POLE_POKE : Push.POLE_POKE);
            }
            double radius = Math.max(0.25 * poleLength, gx * along[0] + gy * along[1]);
            double mx = (dragX - pressX) / scale;
            double my = (pressY - dragY) / scale;
            return Push.pole(painter.system(), (mx * tangent[0] + my * tangent[1]) / radius);
        }
        return null;
    }

    /** The push being dragged: a ring where the mouse grabbed, an arrow to where it is now. */
    void draw(GraphicsContext g, Theme theme, double fontSize) {
        double len = Math.hypot(dragX - pressX, dragY - pressY);
        double width = Math.max(3, fontSize * 0.18);
        Color ink = theme.accent();
        if (len >= Push.CLICK_PIXELS) {
            // A halo in the background colour keeps the arrow visible over the black cart.
            g.setStroke(theme.background());
            g.setLineWidth(width + 4);
            g.strokeLine(pressX, pressY, dragX, dragY);
            g.setStroke(ink);
            g.setFill(ink);
            g.setLineWidth(width);
            g.strokeLine(pressX, pressY, dragX, dragY);
            SystemPainter.arrowHead(g, dragX, dragY, dragX - pressX, dragY - pressY, fontSize);
        }
        double r = Math.max(6, fontSize * 0.4);
        g.setFill(theme.background());
        g.fillOval(pressX - r, pressY - r, 2 * r, 2 * r);
        g.setStroke(ink);
        g.setLineWidth(width * 0.8);
        g.strokeOval(pressX - r, pressY - r, 2 * r, 2 * r);
    }

    static double distanceToSegment(double x, double y, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double l2 = dx * dx + dy * dy;
        double t = l2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / l2));
        return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
    }
}
