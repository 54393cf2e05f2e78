package org.mbrllab.engine.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.guide.MethodGuide.Method;
import org.mbrllab.engine.guide.MethodGuide.Problem;

class MethodGuideTest {

    @Test
    void rulesOfThumbMatchTheCourse() {
        assertEquals(Method.DP, MethodGuide.recommend(new Problem(true, false, false, true)), "discrete & small → DP");
        assertEquals(Method.MCTS, MethodGuide.recommend(new Problem(true, true, false, true)), "discrete & large → MCTS");
        assertEquals(Method.LQR, MethodGuide.recommend(new Problem(false, false, true, false)), "continuous & linear → LQR");
        assertEquals(Method.ILQR, MethodGuide.recommend(new Problem(false, false, false, false)), "continuous & non-linear → iLQR");
    }

    @Test
    void tableRowsMatchTheSynthesis() {
        assertEquals("O(|S|²|A|)", Method.DP.scalability());
        assertEquals("O(b^d)", Method.MCTS.scalability());
        assertEquals("✓ (LQG)", Method.LQR.stochastic());
        assertEquals("×", Method.ILQR.stochastic());
        assertEquals("Continuous", Method.ILQR.stateSpace());
    }

    @Test
    void stochasticNonLinearControlRulesOutILqr() {
        List<Method> fits = MethodGuide.applicable(new Problem(false, false, false, true));
        assertFalse(fits.contains(Method.ILQR));
        assertTrue(MethodGuide.reason(Method.ILQR, new Problem(false, false, false, true)).contains("deterministic"));
    }

    @Test
    void smallDiscreteProblemAdmitsBothDpAndMcts() {
        assertEquals(List.of(Method.DP, Method.MCTS), MethodGuide.applicable(new Problem(true, false, false, false)));
    }
}
