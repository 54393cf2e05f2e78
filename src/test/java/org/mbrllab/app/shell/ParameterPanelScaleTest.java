package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.ParameterSpec;

/** Which slider scale a parameter gets, and the round numbers its positions give. */
class ParameterPanelScaleTest {

    private static final ParameterSpec WEIGHT = ParameterSpec.real("r", "R", 1e-4, 1e3, 0.1, "");
    private static final ParameterSpec Q = ParameterSpec.real("q", "q", 0, 1e4, 1, "");
    private static final ParameterSpec REWARD = ParameterSpec.real("reward", "reward", -1000, 1000, -1, "");
    private static final ParameterSpec GAMMA = ParameterSpec.real("gamma", "γ", 0, 1, 0.9, "");

    @Test
    void positiveRangesOverThreeDecadesAreLogarithmic() {
        assertEquals(ParameterPanel.Scale.LOG, ParameterPanel.scale(WEIGHT));
        assertEquals(ParameterPanel.Scale.LINEAR, ParameterPanel.scale(ParameterSpec.real("m", "m", 0.2, 5, 1, "")));
        assertEquals(ParameterPanel.Scale.LINEAR, ParameterPanel.scale(ParameterSpec.whole("rows", "rows", 1, 300, 5, "")));
    }

    @Test
    void wideRangesThatReachZeroAreAsinh() {
        assertEquals(ParameterPanel.Scale.ASINH, ParameterPanel.scale(Q));
        assertEquals(ParameterPanel.Scale.ASINH, ParameterPanel.scale(REWARD));
        assertEquals(ParameterPanel.Scale.LINEAR, ParameterPanel.scale(GAMMA));
    }

    @Test
    void logPositionsGiveTwoSignificantDigitsInsideTheRange() {
        ParameterPanel.Scale log = ParameterPanel.Scale.LOG;
        assertEquals(0.001, log.fromSlider(WEIGHT, -3.0), 0);
        assertEquals(0.0032, log.fromSlider(WEIGHT, Math.log10(0.0031623)), 0);
        assertEquals(320, log.fromSlider(WEIGHT, 2.5), 0);
        assertEquals(1e3, log.fromSlider(WEIGHT, 3.2), 0, "clamped to the range");
        assertEquals(-1, log.toSlider(0.1), 1e-12);
    }

    /** Counts over three decades (simulations, epochs, samples) get a logarithmic slider with round steps. */
    @Test
    void countsOverThreeDecadesAreLogarithmicWithRoundSteps() {
        ParameterSpec sims = ParameterSpec.whole("simulations", "sims per move", 1, 20_000, 200, "");
        ParameterPanel.Scale log = ParameterPanel.scale(sims);
        assertEquals(ParameterPanel.Scale.LOG, log);
        assertEquals(1000, log.fromSlider(sims, 3.0), 0);
        assertEquals(10_000, log.fromSlider(sims, 4.0), 0);
        assertEquals(2000, log.fromSlider(sims, Math.log10(1500)), 0, "1500 is nearer 2000 than 1000 in log");
        assertEquals(500, log.fromSlider(sims, Math.log10(400)), 0);
        assertEquals(1, log.fromSlider(sims, -0.2), 0, "clamped to the smallest");
        assertEquals(20_000, log.fromSlider(sims, Math.log10(19_000)), 0, "the range's end is reachable");
        ParameterSpec points = ParameterSpec.whole("points", "points", 2, 100_000, 200, "");
        assertEquals(2, ParameterPanel.Scale.LOG.fromSlider(points, 0.0), 0, "below the range: its smallest");
    }

    /** A count from 0 over three decades (Dyna's n) gets an asinh slider on which 0, 5 and 50 are all reachable. */
    @Test
    void countsFromZeroOverThreeDecadesAreAsinhWithRoundSteps() {
        ParameterSpec n = ParameterSpec.whole("planning_steps", "n", 0, 100_000, 50, "");
        ParameterPanel.Scale scale = ParameterPanel.scale(n);
        assertEquals(ParameterPanel.Scale.ASINH, scale);
        assertEquals(0, scale.fromSlider(n, scale.toSlider(0)), 0);
        assertEquals(0, scale.fromSlider(n, 0.3), 0, "near the left end: 0");
        assertEquals(5, scale.fromSlider(n, scale.toSlider(5)), 0);
        assertEquals(50, scale.fromSlider(n, scale.toSlider(47)), 0);
        assertEquals(100_000, scale.fromSlider(n, scale.toSlider(100_000)), 0);
        assertEquals(ParameterPanel.Scale.LINEAR, ParameterPanel.scale(ParameterSpec.whole("k", "k", 0, 50, 5, "")));
    }

    /** The field shows a short number as it is and a long one to six significant digits. */
    @Test
    void fieldsShowLongNumbersToSixSignificantDigits() {
        assertEquals("0.666667", ParameterPanel.shown(2.0 / 3));
        assertEquals("0.9", ParameterPanel.shown(0.9));
        assertEquals("1000", ParameterPanel.shown(1000));
        assertEquals("-10", ParameterPanel.shown(-10));
        assertEquals("1e-10", ParameterPanel.shown(1e-10));
        assertEquals("0.003", ParameterPanel.shown(0.003));
        assertEquals("3.14159", ParameterPanel.shown(Math.PI));
    }
}
