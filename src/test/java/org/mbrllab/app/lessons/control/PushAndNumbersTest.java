package org.mbrllab.app.lessons.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.control.Cartpole;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.app.common.system.Push;

/** Mouse gestures as impulses, and numbers as the explain panel types them. */
class PushAndNumbersTest {

    @Test
    void aCartDragIsASpeedImpulseProportionalToItsLengthAndCapped() {
        assertEquals(1.0, Push.cart(0.5)[Cartpole.X_DOT], 1e-12);
        assertEquals(-Push.MAX_CART, Push.cart(-10)[Cartpole.X_DOT], 0);
        assertEquals(0, Push.cart(0.5)[Cartpole.THETA_DOT], 0);
    }

    @Test
    void aPoleDragIsAnAngularSpeedImpulseOnTheSystemsOwnIndex() {
        assertEquals(0.3, Push.pole(ControlSystem.CARTPOLE, 0.1)[Cartpole.THETA_DOT], 1e-12);
        assertEquals(-0.3, Push.pole(ControlSystem.PENDULUM, -0.1)[Pendulum.THETA_DOT], 1e-12);
        assertEquals(2, Push.pole(ControlSystem.PENDULUM, 0.1).length);
        assertEquals(Push.MAX_POLE, Push.pole(ControlSystem.CARTPOLE, 3)[Cartpole.THETA_DOT], 0);
    }

    @Test
    void numbersHaveThreeSignificantDigitsAndPowersOfTenWhenTiny() {
        assertEquals("-0.0143", Numbers.tex(-0.014286));
        assertEquals("0.316", Numbers.tex(0.31604));
        assertEquals("1", Numbers.tex(1.0));
        assertEquals("-46.4", Numbers.tex(-46.437));
        assertEquals("1.2 \\times 10^{-5}", Numbers.tex(1.2e-5));
        assertEquals("0.975 \\pm 0.0123i, 0.5",
                Numbers.eigenvalues(new double[][] {{0.975, 0.0123}, {0.975, -0.0123}, {0.5, 0}}).replace(",\\ ", ", "));
    }
}
