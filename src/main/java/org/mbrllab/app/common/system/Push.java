package org.mbrllab.app.common.system;

import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.Cartpole;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Pendulum;

/**
 * Turns a mouse gesture into an impulse dx that the engine adds to the state. A drag on the cart changes
 * its speed ẋ in proportion to the drag's length; a drag on the pole changes its angular speed θ̇ in
 * proportion to the angle it was dragged through. A click without a drag is a poke of fixed size, away
 * from the side that was clicked.
 */
public final class Push {
    private Push() {}

    /** Δẋ per metre of drag, in 1/s. */
    static final double CART_GAIN = 2.0;
    /** Largest |Δẋ|, in m/s. */
    public static final double MAX_CART = 3.0;
    /** Δθ̇ per radian of drag, in 1/s. */
    static final double POLE_GAIN = 3.0;
    /** Largest |Δθ̇|, in rad/s. */
    public static final double MAX_POLE = 4.0;
    /** A click on the cart: as a drag of this many metres. */
    static final double CART_POKE = 0.25;
    /** A click on the pole: as a drag through this many radians. */
    static final double POLE_POKE = 0.15;
    /** A gesture shorter than this many pixels is a click. */
    static final double CLICK_PIXELS = 5;

    /** The cart dragged by {@code meters} (positive: towards +x). */
    public static double[] cart(double meters) {
        double[] dx = new double[4];
        dx[Cartpole.X_DOT] = clamp(CART_GAIN * meters, MAX_CART);
        return dx;
    }

    /** The pole of {@code system} turned through {@code radians} (in the system's θ sense). */
    public static double[] pole(ControlSystem system, double radians) {
        double[] dx = new double[system.stateSize()];
        int index = system == ControlSystem.CARTPOLE ? Cartpole.THETA_DOT : Pendulum.THETA_DOT;
        dx[index] = clamp(POLE_GAIN * Angles.normalize(radians), MAX_POLE);
        return dx;
    }

    private static double clamp(double v, double max) {
        return Math.max(-max, Math.min(max, v));
    }
}
