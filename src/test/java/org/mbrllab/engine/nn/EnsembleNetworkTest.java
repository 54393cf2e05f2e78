package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbrllab.engine.core.Seeds;

/** The fixed training step against SameDiff's own {@code fit}: the same ops, so the same numbers. */
class EnsembleNetworkTest {

    @ParameterizedTest(name = "{0} members, {1}, probabilistic {2}, prior scale {3}")
    @CsvSource({"3, RELU, false, 0", "2, TANH, true, 0", "2, SWISH, false, 0", "1, RELU, true, 0", "2, RELU, true, 3",
        "3, TANH, false, 2"})
    void fixedStepTrainsTheSameNumbersAsFit(int members, Activation activation, boolean probabilistic, double prior) {
        int inputs = 3;
        int outputs = 2;
        EnsembleNetwork.Architecture architecture =
                new EnsembleNetwork.Architecture(members, inputs, outputs, 2, 24, activation, probabilistic, prior);
        EnsembleNetwork fixed = new EnsembleNetwork(architecture, 3e-3, streams(members));
        EnsembleNetwork fit = new EnsembleNetwork(architecture, 3e-3, streams(members));
        // Four batches of 32 rows and a last one of 7 (the shapes change, as at the end of an epoch), twice.
        RandomGenerator r = Seeds.random(9);
        List<float[]> xs = new ArrayList<>();
        List<float[]> ys = new ArrayList<>();
        int[] rows = {32, 32, 32, 32, 7};
        for (int n : rows) {
            float[] x = new float[members * n * inputs];
            float[] y = new float[members * n * outputs];
            for (int i = 0; i < x.length; i++) x[i] = (float) (2 * r.nextDouble() - 1);
            for (int i = 0; i < y.length; i++) y[i] = (float) (Math.sin(3 * x[i % x.length]) + 0.1 * r.nextGaussian());
            xs.add(x);
            ys.add(y);
        }
        double first = 0;
        double last = 0;
        for (int epoch = 0; epoch < 2; epoch++) {
            double[][] a = fixed.trainBatches(xs, ys, rows);
            double[][] b = fit.trainBatchesThroughFit(xs, ys, rows);
            for (int batch = 0; batch < rows.length; batch++) {
                assertArrayEquals(b[batch], a[batch], 0.0, "members' losses, epoch " + epoch + " batch " + batch);
            }
            if (epoch == 0) first = a[0][0];
            last = a[0][0];
        }
        float[][] pa = fixed.allParameters();
        float[][] pb = fit.allParameters();
        assertEquals(pb.length, pa.length);
        for (int p = 0; p < pa.length; p++) assertArrayEquals(pb[p], pa[p], 0f, "parameter array " + p);
        assertTrue(last < first, "and it trains: loss " + first + " then " + last);
    }

    @Test
    void aRandomPriorLeavesTheTrainedNetsStartAsTheyWouldAndShiftsEachMemberByItsOwnBetaTimesPrior() {
        int members = 3;
        EnsembleNetwork plain = new EnsembleNetwork(
                new EnsembleNetwork.Architecture(members, 1, 1, 2, 16, Activation.RELU, true), 3e-3, streams(members));
        EnsembleNetwork withPrior = new EnsembleNetwork(
                new EnsembleNetwork.Architecture(members, 1, 1, 2, 16, Activation.RELU, true, 2), 3e-3, streams(members));
        float[][] a = plain.allParameters();
        float[][] b = withPrior.allParameters();
        assertEquals(a.length, b.length, "the prior adds no trainable variable");
        for (int p = 0; p < a.length; p++) assertArrayEquals(a[p], b[p], 0f, "trained weights, array " + p);

        int rows = 9;
        float[] x = new float[members * rows];
        for (int k = 0; k < members; k++) for (int i = 0; i < rows; i++) x[k * rows + i] = -2 + 0.5f * i;
        float[][] pa = plain.predict(x, rows);
        float[][] pb = withPrior.predict(x, rows);
        assertArrayEquals(pa[1], pb[1], 0f, "the log-variance head has no prior");
        // β·p_k(x) = f_k − g_k: a different function for every member, not a shared shift.
        double[][] prior = new double[members][rows];
        for (int k = 0; k < members; k++) for (int i = 0; i < rows; i++) prior[k][i] = pb[0][k * rows + i] - pa[0][k * rows + i];
        for (int k = 1; k < members; k++) {
            double largest = 0;
            for (int i = 0; i < rows; i++) largest = Math.max(largest, Math.abs(prior[k][i] - prior[0][i]));
            assertTrue(largest > 0.1, "member " + k + "'s prior should differ from member 0's: " + largest);
        }
    }

    @Test
    void aPriorScaleOutsideItsRangeIsRefusedNamingTheField() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new EnsembleNetwork.Architecture(2, 1, 1, 2, 8, Activation.RELU, true, -1));
        assertEquals("priorScale -1.0 is out of range: 0 to 100.0", e.getMessage());
    }

    private static RandomGenerator[] streams(int k) {
        RandomGenerator[] r = new RandomGenerator[k];
        for (int i = 0; i < k; i++) r[i] = Seeds.random(100 + i);
        return r;
    }
}
