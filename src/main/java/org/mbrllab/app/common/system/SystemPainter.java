package org.mbrllab.app.common.system;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.control.ControlSystem;

/**
 * What differs between the systems {@link SystemView} draws: where the pivot is and which way the pole
 * points for a state, how much of the world the view shows, the ground, the body, the control's arrow and
 * the path drawn for a trajectory. One stateless painter per system; the view passes in the camera and the
 * {@link Look}.
 */
interface SystemPainter {

    /** How to draw this frame: colours, font size, the pole's length, the room below and whether paths are shown. */
    record Look(Theme theme, double fontSize, double poleLength, double below, boolean overlays) {}

    ControlSystem system();

    /** θ of state {@code s}. */
    double theta(double[] s);

    /** The pole's pivot for state {@code s}, world coordinates (m, y up). */
    double[] pivot(double[] s);

    /** Unit vector from pivot to tip for angle θ, world coordinates. */
    double[] direction(double theta);

    /** d(direction)/dθ: the way the tip moves as θ grows (world coordinates). */
    double[] tangent(double theta);

    /** The pole's tip for state {@code s}. */
    default double[] tip(double[] s, double poleLength) {
        double[] p = pivot(s);
        double[] d = direction(theta(s));
        return new double[] {p[0] + d[0] * poleLength, p[1] + d[1] * poleLength};
    }

    /** Chooses the camera's scale and origin for a view {@code w} wide whose drawing area starts at {@code top}. */
    void place(Camera camera, double w, double top, double availH, Look look);

    /** Moves the camera after {@code s} if it nears an edge; returns whether it moved. */
    boolean follow(Camera camera, double[] s, double viewPixels);

    /** The ground: the track or the tip's circle (the background is already filled). */
    void drawGround(GraphicsContext g, Camera camera, Look look, double w);

    /** The system at state {@code s}: body in {@code body}, pole in {@code pole} (null: body), a ghost as an outline. */
    void drawSystem(GraphicsContext g, Camera camera, Look look, double[] s, Color body, Color pole, boolean ghost);

    /** The control as an arrow, {@code fraction} of the full-size arrow (|fraction| ≥ 0.02; stroke and fill set). */
    void drawControl(GraphicsContext g, Camera camera, Look look, double[] s, double fraction);

    /** Point {@code k} of {@code m} of a trajectory's path, world coordinates. */
    double[] pathPoint(double[] state, int k, int m, double poleLength);

    /** Whether screen point (x, y) lies on the body that takes a push of its own (the cart). */
    boolean hitsBody(Camera camera, double[] s, double x, double y);

    /** The body's centre on screen, where a test grabs it (the pivot when there is no body). */
    double[] bodyCentre(Camera camera, double[] s);

    /** The state's second line of numbers, after θ. */
    String stateLine(double[] s);

    /** A note under trajectories that need one to be read; null for none. */
    String pathsNote();

    // ---------------------------------------------------------------- shared drawing

    /** A pole from pivot {@code p} to {@code tip}; with a ring on the pivot unless a ghost. Returns its width in px. */
    static double drawPole(GraphicsContext g, Camera c, Theme theme, double[] p, double[] tip, Color body, Color pole,
            boolean ghost) {
        double poleWidth = Math.max(ghost ? 2 : 5, 0.07 * c.scale());
        g.setStroke(pole != null ? pole : body);
        g.setLineWidth(poleWidth);
        g.strokeLine(c.sx(p[0]), c.sy(p[1]), c.sx(tip[0]), c.sy(tip[1]));
        if (!ghost) {
            double r = Math.max(3, poleWidth * 0.45);
            g.setFill(theme.background());
            g.fillOval(c.sx(p[0]) - r, c.sy(p[1]) - r, 2 * r, 2 * r);
            g.setStroke(body);
            g.setLineWidth(1.5);
            g.strokeOval(c.sx(p[0]) - r, c.sy(p[1]) - r, 2 * r, 2 * r);
        }
        return poleWidth;
    }

    /** A filled arrow head at (x, y) pointing along (dx, dy) in screen coordinates, sized for the font. */
    static void arrowHead(GraphicsContext g, double x, double y, double dx, double dy, double fontSize) {
        double len = Math.hypot(dx, dy);
        if (len == 0) return;
        dx /= len;
        dy /= len;
        double size = Math.max(10, fontSize * 0.7);
        double px = -dy;
        double py = dx;
        g.fillPolygon(new double[] {x, x - dx * size + px * size * 0.5, x - dx * size - px * size * 0.5},
                new double[] {y, y - dy * size + py * size * 0.5, y - dy * size - py * size * 0.5}, 3);
    }
}
