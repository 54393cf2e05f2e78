package org.mbrllab.app.common.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.mbrllab.app.common.system.SystemView.Part;
import org.mbrllab.engine.control.Cartpole;

/** Gestures on a view at 100 px/m whose world origin is at (300, 200) on screen. */
class PushGestureTest {

    private static final double EPS = 1e-9;

    private static Camera camera() {
        Camera c = new Camera();
        c.place(100, 300, 200);
        return c;
    }

    @Test
    void whatAPressHitsTheCartWinsOverThePolesFoot() {
        SystemPainter cartpole = new CartpolePainter();
        double[] s = new double[4];
        // The cart spans x ∈ [280, 320] on screen (± 6 px), y from 171.5 (− 4 px) down to the track (+ 6 px).
        assertEquals(Part.CART, PushGesture.hit(cartpole, camera(), 1.0, s, 300, 180));
        assertEquals(Part.POLE, PushGesture.hit(cartpole, camera(), 1.0, s, 305, 100), "5 px beside the upright pole");
        assertEquals(Part.NONE, PushGesture.hit(cartpole, camera(), 1.0, s, 330, 100), "30 px beside it");
    }

    @Test
    void dragTheCartByFortyPixelsToSpeedItUp() {
        PushGesture g = new PushGesture();
        g.press(Part.CART, 300, 180);
        double[] dx = g.release(340, 185, new CartpolePainter(), camera(), 1.0, new double[4]);
        assertEquals(Push.CART_GAIN * 0.4, dx[Cartpole.X_DOT], EPS, "0.4 m of drag");
        assertFalse(g.active());
    }

    @Test
    void clickLeftOfTheCartPokesItRight() {
        PushGesture g = new PushGesture();
        g.press(Part.CART, 290, 180);
        double[] dx = g.release(291, 180, new CartpolePainter(), camera(), 1.0, new double[4]);
        assertEquals(Push.CART_GAIN * Push.CART_POKE, dx[Cartpole.X_DOT], EPS);
    }

    @Test
    void dragThePendulumRightTurnsItClockwise() {
        // Upright rod of 1 m, grabbed 0.6 m up, dragged 0.2 m right: −1/3 rad, θ̇ changes by 3 · (−1/3).
        PushGesture g = new PushGesture();
        g.press(Part.POLE, 300, 140);
        double[] dx = g.release(320, 140, new PendulumPainter(), camera(), 1.0, new double[2]);
        assertArrayEquals(new double[] {0, -1.0}, dx, EPS);
    }

    @Test
    void aGestureOnNothingGivesNoImpulse() {
        PushGesture g = new PushGesture();
        g.press(Part.NONE, 10, 10);
        assertFalse(g.active());
        assertNull(g.impulse(new CartpolePainter(), camera(), 1.0, new double[4]));
    }
}
