package org.mbrllab.engine.worldmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** C reads [z, h] through one tanh unit and splits its output into three actions at ±1/3. */
class LinearControllerTest {

    @Test
    void outputIsTanhOfTheWeightedSumOfZThenHPlusTheBias() {
        // Z = 2, H = 1: theta = (w_z1, w_z2, w_h, b).
        LinearController c = new LinearController(2, 1, new double[] {0.5, -1, 2, 0.1});
        double o = c.output(new float[] {1, 2}, new float[] {0.25f});
        assertEquals(Math.tanh(0.5 - 2 + 0.5 + 0.1), o, 1e-12);
        assertEquals(4, LinearController.parameterCount(2, 1));
    }

    @Test
    void theDeadZoneOfAThirdSplitsTheOutputIntoLeftStayAndRight() {
        assertEquals(Dodge.Action.LEFT, LinearController.action(-0.34));
        assertEquals(Dodge.Action.STAY, LinearController.action(-0.33));
        assertEquals(Dodge.Action.STAY, LinearController.action(0));
        assertEquals(Dodge.Action.STAY, LinearController.action(0.33));
        assertEquals(Dodge.Action.RIGHT, LinearController.action(0.34));
        assertEquals(Dodge.Action.STAY, LinearController.zero(3, 4).act(new float[3], new float[4]));
    }

    @Test
    void refusesParametersOfTheWrongCountOrNotFinite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LinearController(2, 1, new double[3]));
        assertTrue(e.getMessage().contains("expected 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LinearController(1, 1, new double[] {0, Double.NaN, 0}));
        assertTrue(e.getMessage().contains("theta[1]"), e.getMessage());
    }

    @Test
    void keepsItsOwnCopyOfTheParameters() {
        double[] theta = {1, 2, 3};
        LinearController c = new LinearController(1, 1, theta);
        theta[0] = 99;
        assertEquals(1, c.parameters()[0]);
        c.parameters()[1] = 99;
        assertEquals(2, c.parameters()[1]);
    }
}
