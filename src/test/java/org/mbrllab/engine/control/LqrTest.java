package org.mbrllab.engine.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Discrete, finite-horizon and continuous LQR against scipy, and on the nonlinear plant. */
class LqrTest {

    /** The bar: gains equal scipy's to 1e-6. */
    private static final double GAIN_TOLERANCE = 1e-6;
    /** A and B are computed exactly on both sides (analytic vs complex step). */
    private static final double LINEARISATION_TOLERANCE = 1e-12;
    /** P is larger (entries up to ~2000); compare relatively. */
    private static final double RELATIVE_P_TOLERANCE = 1e-8;
    /** "Settled": every state entry within this of 0. */
    private static final double SETTLED = 1e-3;

    @Test
    void uprightLinearisationEqualsThePythonOne() {
        for (JsonNode c : Reference.JSON.get("cases")) {
            Dynamics d = Reference.system(c.get("system").asText());
            Linearization lin = d.uprightLinearization();
            double[][] a = Reference.matrix(c.get("A"));
            for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], lin.a()[i], LINEARISATION_TOLERANCE, c.get("name") + " A");
            assertArrayEquals(Reference.vector(c.get("B")), lin.b(), LINEARISATION_TOLERANCE, c.get("name") + " B");
            Linearization cont = d.linearizeContinuous(d.upright(), 0);
            double[][] ac = Reference.matrix(c.get("Ac"));
            for (int i = 0; i < ac.length; i++) assertArrayEquals(ac[i], cont.a()[i], LINEARISATION_TOLERANCE, c.get("name") + " Ac");
            assertArrayEquals(Reference.vector(c.get("Bc")), cont.b(), LINEARISATION_TOLERANCE, c.get("name") + " Bc");
        }
    }

    @Test
    void discreteGainsEqualScipySolveDiscreteAre() {
        for (JsonNode c : Reference.JSON.get("cases")) {
            Dynamics d = Reference.system(c.get("system").asText());
            LqrGain gain = DiscreteLqr.solve(d.uprightLinearization(), Reference.cost(c));
            assertArrayEquals(Reference.vector(c.get("K")), gain.row(), GAIN_TOLERANCE, c.get("name") + " K");
            assertMatrixClose(Reference.matrix(c.get("P")), gain.p(), c.get("name") + " P");
            assertEquals(c.get("closed_loop_spectral_radius").asDouble(), gain.spectralRadius(), GAIN_TOLERANCE);
            assertTrue(gain.stable() && gain.discreteTime());
            assertTrue(gain.iterations() > 1, "the recursion took some iterations: " + gain.iterations());
        }
    }

    @Test
    void continuousGainsEqualScipySolveContinuousAre() {
        for (JsonNode c : Reference.JSON.get("cases")) {
            Dynamics d = Reference.system(c.get("system").asText());
            LqrGain gain = ContinuousLqr.solve(d.linearizeContinuous(d.upright(), 0), Reference.cost(c));
            assertArrayEquals(Reference.vector(c.get("Kc")), gain.row(), GAIN_TOLERANCE, c.get("name") + " Kc");
            assertMatrixClose(Reference.matrix(c.get("Pc")), gain.p(), c.get("name") + " Pc");
            assertTrue(gain.stable() && !gain.discreteTime(), "Re λ < 0");
        }
    }

    @Test
    void eigenvaluesAreThoseOfTheClosedLoopMatrix() {
        Dynamics d = Cartpole.gymnasium();
        Linearization lin = d.uprightLinearization();
        LqrGain gain = DiscreteLqr.solve(lin, ControlSystem.CARTPOLE.defaultCost());
        RealMatrix closed = lin.aMatrix().subtract(lin.bMatrix().multiply(MatrixUtils.createRowRealMatrix(gain.row())));
        // Σλ = trace, Πλ = det (for a real matrix the imaginary parts cancel).
        double sumRe = 0, sumIm = 0;
        for (double[] e : gain.eigenvalues()) {
            sumRe += e[0];
            sumIm += e[1];
        }
        assertEquals(closed.getTrace(), sumRe, 1e-12);
        assertEquals(0, sumIm, 1e-12);
        assertEquals(4, gain.eigenvalues().length);
        for (int i = 1; i < 4; i++) assertTrue(gain.eigenvalues()[i - 1][0] >= gain.eigenvalues()[i][0], "sorted");
    }

    @Test
    void lqrSettlesTheNonlinearCartpoleFromThetaPointOneWithin500Steps() {
        Cartpole plant = Cartpole.gymnasium().withControlLimit(Double.POSITIVE_INFINITY);
        QuadraticCost cost = ControlSystem.CARTPOLE.defaultCost();
        LqrGain gain = DiscreteLqr.solve(plant.uprightLinearization(), cost);
        Trajectory run = ClosedLoop.simulate(plant, cost, Controller.linear(gain.row()), plant.stateWithAngle(0.1), 1000);
        for (int t = 500; t <= 1000; t++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(0, run.x(t, i), SETTLED, "x_" + t + "[" + i + "]");
            }
        }
        assertTrue(run.maxAbsAngle(Cartpole.THETA) <= 0.1 + 1e-12, "the pole never leans further than at the start");
    }

    @Test
    void lqrWithGymnasiumsForceLimitAlsoSettlesFromThetaPointOne() {
        Cartpole plant = Cartpole.gymnasium();
        QuadraticCost cost = ControlSystem.CARTPOLE.defaultCost();
        LqrGain gain = DiscreteLqr.solve(plant.uprightLinearization(), cost);
        Trajectory run = ClosedLoop.simulate(plant, cost, Controller.linear(gain.row()), plant.stateWithAngle(0.1), 500);
        for (double v : run.finalState()) assertEquals(0, v, SETTLED);
        for (int t = 0; t < run.steps(); t++) assertTrue(Math.abs(run.u(t)) <= 10, "clipped to 10 N");
    }

    @Test
    void theLinearControllerRecoversSmallAnglesButNotLargeOnesOnTheNonlinearPlant() {
        Cartpole plant = Cartpole.gymnasium();
        Controller lqr = Controller.linear(DiscreteLqr.solve(plant.uprightLinearization(),
                ControlSystem.CARTPOLE.defaultCost()).row());
        assertTrue(ClosedLoop.settles(plant, lqr, plant.stateWithAngle(0.3), 1000, SETTLED));
        assertTrue(ClosedLoop.settles(plant, lqr, plant.stateWithAngle(-0.3), 1000, SETTLED));
        assertTrue(!ClosedLoop.settles(plant, lqr, plant.stateWithAngle(1.2), 1000, SETTLED), "outside the region");
        Cartpole unlimited = plant.withControlLimit(Double.POSITIVE_INFINITY);
        assertTrue(!ClosedLoop.settles(unlimited, lqr, plant.stateWithAngle(1.2), 1000, SETTLED), "diverges: not settled");
    }

    @Test
    void finiteHorizonGainsApproachTheInfiniteHorizonGainFarFromTheEnd() {
        Dynamics d = Pendulum.gymnasium();
        Linearization lin = d.uprightLinearization();
        QuadraticCost cost = Pendulum.GYMNASIUM_COST;
        FiniteHorizonLqr.Gains gains = FiniteHorizonLqr.solve(lin, cost, 400);
        LqrGain infinite = DiscreteLqr.solve(lin, cost);
        assertEquals(400, gains.horizon());
        assertArrayEquals(infinite.row(), gains.row(0), GAIN_TOLERANCE);
        // With one step left, P_T = Q: K_{T−1} = (R + BᵀQB)⁻¹·BᵀQA.
        double[] b = lin.b();
        double[][] a = lin.a();
        double btqb = cost.r();
        double[] btqa = new double[2];
        for (int i = 0; i < 2; i++) {
            btqb += b[i] * cost.q(i) * b[i];
            for (int j = 0; j < 2; j++) btqa[j] += b[i] * cost.q(i) * a[i][j];
        }
        assertArrayEquals(new double[] {btqa[0] / btqb, btqa[1] / btqb}, gains.row(399), 1e-12);
        assertTrue(Math.abs(gains.row(399)[0]) < Math.abs(gains.row(0)[0]), "the gain relaxes near the end");
    }

    @Test
    void mismatchedShapesAreRejected() {
        RealMatrix a = MatrixUtils.createRealIdentityMatrix(2);
        RealMatrix b = MatrixUtils.createColumnRealMatrix(new double[] {0, 1});
        RealMatrix q3 = MatrixUtils.createRealIdentityMatrix(3);
        RealMatrix r = MatrixUtils.createRealIdentityMatrix(1);
        assertThrows(IllegalArgumentException.class, () -> DiscreteLqr.solve(a, b, q3, r));
        assertThrows(IllegalArgumentException.class, () -> ContinuousLqr.solve(a, b, q3, r));
    }

    private static void assertMatrixClose(double[][] expected, double[][] actual, String what) {
        double scale = 0;
        for (double[] row : expected) for (double v : row) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], RELATIVE_P_TOLERANCE * scale, what);
        }
    }
}
