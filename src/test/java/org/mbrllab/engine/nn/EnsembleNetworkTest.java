package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbrllab.engine.core.Seeds;

/** The fixed training step against SameDiff's own {@code fit}: the same ops, so the same numbers. */
class EnsembleNetworkTest {

    @ParameterizedTest(name = "{0} members, {1}")
    @CsvSource({"3, RELU, false", "2, TANH, true", "2, SWISH, false", "1, RELU, true"})
    void fixedStepTrainsTheSameNumbersAsFit(int members, Activation activation, boolean probabilistic) {
        int inputs = 3;
        int outputs = 2;
        EnsembleNetwork.Architecture architecture =
                new EnsembleNetwork.Architecture(members, inputs, outputs, 2, 24, activation, probabilistic);
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

    private static RandomGenerator[] streams(int k) {
        RandomGenerator[] r = new RandomGenerator[k];
        for (int i = 0; i < k; i++) r[i] = Seeds.random(100 + i);
        return r;
    }
}
