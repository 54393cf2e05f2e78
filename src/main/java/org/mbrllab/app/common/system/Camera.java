package org.mbrllab.app.common.system;

import java.util.List;

import org.mbrllab.engine.control.Cartpole;

/**
 * Where the world is on the screen: screen x = originX + (x − centre) · scale, screen y = originY − y · scale
 * (world y points up, in metres; the screen's down, in pixels). The painters choose the scale and the origin
 * for the view's size each frame; the camera keeps the horizontal centre between frames, which follows a
 * cart that nears an edge, or stays fitted to a set of trajectories.
 */
final class Camera {

    /**
     * Least track shown at once, in m: a tall view shows this much, as large as it fits; a wide one shows
     * more (Gymnasium's track is ±2.4 m). The camera follows a cart that leaves the view.
     */
    static final double MIN_VIEW_WIDTH = 3.0;

    private double scale = 1;
    private double originX;
    private double originY;
    private double centreX;
    private boolean fixed;
    private double fittedWidth = MIN_VIEW_WIDTH;

    double sx(double worldX) {
        return originX + (worldX - centreX) * scale;
    }

    double sy(double worldY) {
        return originY - worldY * scale;
    }

    /** Pixels per metre. */
    double scale() {
        return scale;
    }

    double originX() {
        return originX;
    }

    double originY() {
        return originY;
    }

    /** The world x drawn at the origin. */
    double centreX() {
        return centreX;
    }

    /** Sets the scale (px/m) and the screen point of the world's origin height, for this frame. */
    void place(double scale, double originX, double originY) {
        this.scale = scale;
        this.originX = originX;
        this.originY = originY;
    }

    /** Looks at x = 0 again (a reset, another system). */
    void recentre() {
        centreX = 0;
    }

    /** Whether the camera stays fitted to the trajectories instead of following the cart. */
    boolean fixed() {
        return fixed;
    }

    void setFixed(boolean fixed) {
        this.fixed = fixed;
    }

    /** The track's width to show, in m: what {@link #fitTo} found when fixed, else {@link #MIN_VIEW_WIDTH}. */
    double viewWidth() {
        return fixed ? fittedWidth : MIN_VIEW_WIDTH;
    }

    /**
     * Centres on every cart position of {@code trajectories} (cartpole states), with {@code reach} metres
     * (the pole's length) either side, and at least x ∈ [−1, 1] m.
     */
    void fitTo(List<double[][]> trajectories, double reach) {
        double lo = -1;
        double hi = 1;
        for (double[][] t : trajectories) {
            for (double[] x : t) {
                lo = Math.min(lo, x[Cartpole.X] - reach);
                hi = Math.max(hi, x[Cartpole.X] + reach);
            }
        }
        centreX = (lo + hi) / 2;
        fittedWidth = Math.max(MIN_VIEW_WIDTH, hi - lo + 0.6);
    }

    /**
     * Keeps world x {@code x} in a view {@code viewPixels} wide: the centre moves when x comes within
     * {@code margin} metres (at most a quarter of the view) of an edge. Returns whether it moved; a fixed
     * camera never does.
     */
    boolean follow(double x, double viewPixels, double margin) {
        if (fixed || scale <= 0) return false;
        double half = viewPixels / 2 / scale;
        double m = Math.min(margin, half * 0.5);
        double before = centreX;
        if (x > centreX + half - m) centreX = x - half + m;
        if (x < centreX - half + m) centreX = x + half - m;
        return centreX != before;
    }
}
