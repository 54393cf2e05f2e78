package org.mbrllab.app.common.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The world-to-screen transform and how the camera follows the cart or fits trajectories. */
class CameraTest {

    private static final double EPS = 1e-9;

    private static Camera placed() {
        Camera c = new Camera();
        c.place(100, 300, 200);
        return c;
    }

    @Test
    void worldYPointsUpAndXIsMeasuredFromTheCentre() {
        Camera c = placed();
        assertEquals(350, c.sx(0.5), EPS);
        assertEquals(150, c.sy(0.5), EPS, "half a metre up is 50 px higher on screen");
    }

    @Test
    void aCartNearingTheEdgeIsKeptOneMarginInside() {
        Camera c = placed();
        // 600 px at 100 px/m: ±3 m; margin min(1, 1.5) = 1 m.
        assertFalse(c.follow(1.9, 600, 1.0), "1.9 m is clear of the margin");
        assertTrue(c.follow(2.5, 600, 1.0));
        assertEquals(0.5, c.centreX(), EPS);
        assertEquals(500, c.sx(2.5), EPS, "one margin (100 px) from the right edge");
        assertTrue(c.follow(-2.0, 600, 1.0));
        assertEquals(0.0, c.centreX(), EPS, "back to the left edge's margin");
    }

    @Test
    void theMarginIsAtMostAQuarterOfTheView() {
        Camera c = placed();
        // 200 px: ±1 m, so the margin shrinks from 1 m to 0.5 m.
        assertTrue(c.follow(0.8, 200, 1.0));
        assertEquals(0.3, c.centreX(), EPS);
    }

    @Test
    void aFixedCameraFitsTheTrajectoriesAndDoesNotFollow() {
        Camera c = placed();
        c.setFixed(true);
        double[][] t = {{-0.5, 0, 0, 0}, {1.2, 0, 0, 0}};
        c.fitTo(List.<double[][]>of(t), 1.0);
        assertEquals(0.35, c.centreX(), EPS, "[−1.5, 2.2] m around the carts");
        assertEquals(4.3, c.viewWidth(), EPS, "3.7 m and 0.6 m to spare");
        assertFalse(c.follow(10, 600, 1.0));
        c.setFixed(false);
        assertEquals(Camera.MIN_VIEW_WIDTH, c.viewWidth(), EPS);
    }
}
