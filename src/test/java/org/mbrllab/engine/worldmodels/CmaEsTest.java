package org.mbrllab.engine.worldmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** CMA-ES finds the optima of the standard test functions, with the parameters of Hansen's tutorial. */
class CmaEsTest {

    /** Runs until f (to minimise) is below {@code target}; returns the evaluations used, or −1. */
    private static int minimise(CmaEs es, ToDoubleFunction<double[]> f, double target, int maxGenerations) {
        for (int g = 0; g < maxGenerations; g++) {
            double[][] x = es.ask();
            double[] fitness = new double[x.length];
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < x.length; k++) {
                double v = f.applyAsDouble(x[k]);
                best = Math.min(best, v);
                fitness[k] = -v;
            }
            es.tell(fitness);
            if (best < target) return (g + 1) * x.length;
        }
        return -1;
    }

    private static double sphere(double[] x, double shift) {
        double s = 0;
        for (double v : x) s += (v - shift) * (v - shift);
        return s;
    }

    private static double ellipsoid(double[] x) {
        double s = 0;
        int n = x.length;
        for (int i = 0; i < n; i++) s += Math.pow(1e6, i / (n - 1.0)) * x[i] * x[i];
        return s;
    }

    private static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            s += 100 * Math.pow(x[i] * x[i] - x[i + 1], 2) + Math.pow(x[i] - 1, 2);
        }
        return s;
    }

    @Test
    void hansensDefaultPopulationForTenDimensionsIsTen() {
        assertEquals(10, new CmaEs(new double[10], 1, 0, 1).populationSize(), "4 + floor(3 ln 10) = 10");
        assertEquals(17, new CmaEs(new double[97], 1, 0, 1).populationSize(), "4 + floor(3 ln 97) = 17");
    }

    @Test
    void findsTheCentreOfAShiftedSphere() {
        CmaEs es = new CmaEs(new double[10], 1, 0, 3);
        int evaluations = minimise(es, x -> sphere(x, 2.5), 1e-10, 1000);
        assertTrue(evaluations > 0, "reached 1e-10");
        // Hansen's tutorial: about 1,000–2,000 evaluations on the 10-D sphere to 1e-10.
        assertTrue(evaluations < 3000, evaluations + " evaluations");
        for (double m : es.mean()) assertEquals(2.5, m, 1e-4);
    }

    @Test
    void learnsTheScalesOfAnIllConditionedEllipsoid() {
        // Condition number 1e6: without covariance adaptation this takes orders of magnitude longer.
        CmaEs es = new CmaEs(filled(10, 1), 1, 0, 5);
        int evaluations = minimise(es, CmaEsTest::ellipsoid, 1e-8, 5000);
        assertTrue(evaluations > 0 && evaluations < 12_000, evaluations + " evaluations");
    }

    @Test
    void followsRosenbrocksValleyToItsMinimumAtOnes() {
        CmaEs es = new CmaEs(new double[8], 0.5, 0, 7);
        int evaluations = minimise(es, CmaEsTest::rosenbrock, 1e-10, 5000);
        assertTrue(evaluations > 0, "reached 1e-10");
        for (double m : es.mean()) assertEquals(1, m, 1e-3);
    }

    @Test
    void theSameSeedGivesTheSameCandidates() {
        CmaEs a = new CmaEs(new double[5], 1, 8, 11);
        CmaEs b = new CmaEs(new double[5], 1, 8, 11);
        for (int g = 0; g < 3; g++) {
            double[][] xa = a.ask();
            double[][] xb = b.ask();
            for (int k = 0; k < xa.length; k++) assertArrayEquals(xa[k], xb[k]);
            double[] f = new double[xa.length];
            for (int k = 0; k < f.length; k++) f[k] = -sphere(xa[k], 0);
            a.tell(f);
            b.tell(f.clone());
        }
    }

    @Test
    void refusesTellWithoutAskAndScoresThatAreNotFinite() {
        CmaEs es = new CmaEs(new double[3], 1, 6, 1);
        assertThrows(IllegalStateException.class, () -> es.tell(new double[6]));
        es.ask();
        assertThrows(IllegalArgumentException.class, () -> es.tell(new double[5]));
        double[] f = new double[6];
        f[2] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> es.tell(f));
        assertTrue(e.getMessage().contains("fitness[2]"), e.getMessage());
    }

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }
}
