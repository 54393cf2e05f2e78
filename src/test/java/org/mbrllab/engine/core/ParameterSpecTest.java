package org.mbrllab.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParameterSpecTest {

    private final ParameterSpec gamma = ParameterSpec.real("gamma", "γ", 0, 1, 0.9, "discount");

    @Test
    void outOfRangeMessageNamesValueAndRange() {
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> gamma.validate(1.5));
        assertEquals("gamma = 1.5 is out of range: allowed [0, 1]", e.getMessage());
    }

    @Test
    void nanIsRefused() {
        assertThrows(OutOfRangeException.class, () -> gamma.validate(Double.NaN));
    }

    @Test
    void wholeNumberSpecRefusesFractions() {
        ParameterSpec rows = ParameterSpec.whole("rows", "rows", 1, 50, 5, "rows");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rows.validate(2.5));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        assertEquals(7, rows.validate(7));
    }

    @Test
    void defaultOutsideRangeIsRejectedAtConstruction() {
        assertThrows(OutOfRangeException.class, () -> ParameterSpec.real("p", "p", 0, 1, 2, "t"));
    }

    @Test
    void formatPrintsShortestDecimals() {
        assertEquals("0.9", Format.number(0.9));
        assertEquals("-14", Format.number(-14.0));
        assertEquals("0.0000000001", Format.number(1e-10));
        assertEquals("0.00", Format.fixed(-0.0001, 2));
    }
}
