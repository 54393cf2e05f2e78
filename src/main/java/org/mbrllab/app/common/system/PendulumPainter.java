package org.mbrllab.app.common.system;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.engine.core.Format;

/**
 * The pendulum: a rod on a fixed pivot at the world's origin (θ = 0 upright, growing anticlockwise, as in
 * Gymnasium), the circle its tip runs on dashed, and the torque as a curved arrow around the pivot.
 */
final class PendulumPainter implements SystemPainter {

    /** The overlay spiral runs from this fraction of the rod's length (t = 0) … */
    static final double SPIRAL_INNER = 0.3;
    /** … to this one (t = T). */
    static final double SPIRAL_OUTER = 1.1;

    @Override
    public ControlSystem system() {
        return ControlSystem.PENDULUM;
    }

    @Override
    public double theta(double[] s) {
        return s[Pendulum.THETA];
    }

    @Override
    public double[] pivot(double[] s) {
        return new double[] {0, 0};
    }

    @Override
    public double[] direction(double theta) {
        return new double[] {-Math.sin(theta), Math.cos(theta)};
    }

    @Override
    public double[] tangent(double theta) {
        double[] along = direction(theta);
        return new double[] {-along[1], along[0]};
    }

    /** The tip's circle (the spiral's outer end with paths shown, and a line for their note) fits, centred. */
    @Override
    public void place(Camera camera, double w, double top, double availH, Look look) {
        double r = look.poleLength() * (!look.overlays() ? 1.15 : SPIRAL_OUTER + 0.05);
        double room = !look.overlays() ? 0 : look.fontSize() * 1.4;
        double scale = Math.max(1, Math.min((w - 16) / (2 * r), (availH - room) / (2 * r)));
        camera.place(scale, w / 2, top + (availH - room) / 2);
        camera.recentre();
    }

    @Override
    public boolean follow(Camera camera, double[] s, double viewPixels) {
        return false;
    }

    @Override
    public void drawGround(GraphicsContext g, Camera c, Look look, double w) {
        double r = look.poleLength() * c.scale();
        g.setStroke(look.theme().gridLine());
        g.setLineWidth(1.5);
        g.setLineDashes(4, 6);
        g.strokeOval(c.originX() - r, c.originY() - r, 2 * r, 2 * r);
        g.setLineDashes();
    }

    @Override
    public void drawSystem(GraphicsContext g, Camera c, Look look, double[] s, Color body, Color pole, boolean ghost) {
        double[] p = pivot(s);
        double[] tip = tip(s, look.poleLength());
        g.setLineCap(StrokeLineCap.ROUND);
        double poleWidth = SystemPainter.drawPole(g, c, look.theme(), p, tip, body, pole, ghost);
        if (!ghost) {
            double rt = Math.max(4, poleWidth * 0.8);
            g.setFill(pole);
            g.fillOval(c.sx(tip[0]) - rt, c.sy(tip[1]) - rt, 2 * rt, 2 * rt);
        }
    }

    /** An arc around the pivot from the top, anticlockwise for a positive torque (θ grows anticlockwise). */
    @Override
    public void drawControl(GraphicsContext g, Camera c, Look look, double[] s, double fraction) {
        double r = look.poleLength() * c.scale() * 0.28;
        double sweep = Math.toDegrees(fraction * Math.PI * 0.75);
        double startDeg = 90;
        double ox = c.originX();
        double oy = c.originY();
        g.strokeArc(ox - r, oy - r, 2 * r, 2 * r, startDeg, sweep, ArcType.OPEN);
        double end = Math.toRadians(startDeg + sweep);
        double ex = ox + r * Math.cos(end);
        double ey = oy - r * Math.sin(end);
        double dir = Math.signum(sweep);
        SystemPainter.arrowHead(g, ex, ey, -Math.sin(end) * dir, -Math.cos(end) * dir, look.fontSize());
    }

    /**
     * A pendulum's tip always lies on one circle, where every iteration would cover the last; its path is
     * drawn as the angle over time instead, spiralling outwards from {@link #SPIRAL_INNER} to
     * {@link #SPIRAL_OUTER} of the rod's length as t runs from 0 to T.
     */
    @Override
    public double[] pathPoint(double[] state, int k, int m, double poleLength) {
        double r = SPIRAL_INNER + (SPIRAL_OUTER - SPIRAL_INNER) * k / Math.max(1, m - 1);
        double[] d = direction(state[Pendulum.THETA]);
        return new double[] {d[0] * poleLength * r, d[1] * poleLength * r};
    }

    @Override
    public boolean hitsBody(Camera c, double[] s, double x, double y) {
        return false;
    }

    @Override
    public double[] bodyCentre(Camera c, double[] s) {
        double[] p = pivot(s);
        return new double[] {c.sx(p[0]), c.sy(p[1])};
    }

    @Override
    public String stateLine(double[] s) {
        return "dθ/dt = " + Format.fixed(s[Pendulum.THETA_DOT], 2) + " rad/s";
    }

    @Override
    public String pathsNote() {
        return "Paths: the angle over time, t running outwards";
    }
}
