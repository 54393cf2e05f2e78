package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** μ̄, σ²_ens and σ²_ale exactly as the course defines them, on numbers worked by hand. */
class EnsemblePredictionTest {

    /** Three members, two points, one output: means 1, 2, 6 at point 0 and 0, 0, 0 at point 1. */
    private static final double[][][] MEANS = {{{1}, {0}}, {{2}, {0}}, {{6}, {0}}};
    private static final double[][][] VARIANCES = {{{0.5}, {1}}, {{1.5}, {1}}, {{1}, {4}}};

    @Test
    void ensembleMeanIsThePlainAverageOfTheMemberMeans() {
        EnsemblePrediction p = EnsemblePrediction.of(MEANS, VARIANCES);
        assertEquals(3.0, p.mean(0, 0), 0.0);
        assertEquals(0.0, p.mean(1, 0), 0.0);
    }

    @Test
    void disagreementDividesByKNotKMinusOne() {
        EnsemblePrediction p = EnsemblePrediction.of(MEANS, VARIANCES);
        // ((1−3)² + (2−3)² + (6−3)²) / 3 = 14/3
        assertEquals(14.0 / 3, p.epistemicVariance(0, 0), 1e-15);
        assertEquals(0.0, p.epistemicVariance(1, 0), 0.0, "members that agree do not disagree");
    }

    @Test
    void aleatoricVarianceIsTheMeanOfTheMemberVariances() {
        EnsemblePrediction p = EnsemblePrediction.of(MEANS, VARIANCES);
        assertEquals(1.0, p.aleatoricVariance(0, 0), 1e-15);
        assertEquals(2.0, p.aleatoricVariance(1, 0), 1e-15);
        assertEquals(14.0 / 3 + 1, p.totalVariance(0, 0), 1e-15, "law of total variance for the equal mixture");
    }

    @Test
    void deterministicMembersHaveNoAleatoricVariance() {
        EnsemblePrediction p = EnsemblePrediction.of(MEANS, null);
        assertFalse(p.probabilistic());
        assertEquals(0.0, p.aleatoricVariance(0, 0), 0.0);
        assertEquals(0.0, p.memberVariance(2, 0, 0), 0.0);
        assertEquals(14.0 / 3, p.epistemicVariance(0, 0), 1e-15);
    }

    @Test
    void columnsAreCopiesForCharts() {
        EnsemblePrediction p = EnsemblePrediction.of(MEANS, VARIANCES);
        assertArrayEquals(new double[] {3, 0}, p.meanColumn(0), 0.0);
        assertArrayEquals(new double[] {Math.sqrt(14.0 / 3), 0}, p.epistemicStdColumn(0), 1e-15);
        assertArrayEquals(new double[] {6, 0}, p.memberMeanColumn(2, 0), 0.0);
        p.meanColumn(0)[0] = 99;
        assertEquals(3.0, p.mean(0, 0), 0.0, "changing a column changes nothing inside");
    }
}
