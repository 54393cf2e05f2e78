package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.nd4j.linalg.learning.config.Adam;

/** Our Adam in a Java loop against ND4J's own, on the same ensemble graph (moved from EnsembleTrainerTest). */
class AdamInJavaTest {

    @Test
    void adamInJavaTakesTheSameStepsAsNd4jAdam() {
        // The shape of EnsembleTrainerTest's small(2, 0) with deterministic members, on one input and output.
        EnsembleNetwork.Architecture architecture = new EnsembleNetwork.Architecture(2, 1, 1, 2, 16, Activation.RELU, false);
        EnsembleNetwork ours = new EnsembleNetwork(architecture, streams(2), new AdamInJava(3e-3));
        EnsembleNetwork nd4j = new EnsembleNetwork(architecture, streams(2), new Adam(3e-3));
        RandomGenerator r = Seeds.random(5);
        float[] x = new float[2 * 32];
        float[] y = new float[2 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * r.nextDouble() - 1);
            y[i] = (float) Math.sin(3 * x[i]);
        }
        // Three fit calls of ten batches, as three epochs: the moments must carry over from call to call.
        List<float[]> xs = Collections.nCopies(10, x);
        List<float[]> ys = Collections.nCopies(10, y);
        int[] rows = new int[10];
        Arrays.fill(rows, 32);
        double[][] a = new double[30][];
        double[][] b = new double[30][];
        for (int epoch = 0; epoch < 3; epoch++) {
            System.arraycopy(ours.trainBatches(xs, ys, rows), 0, a, 10 * epoch, 10);
            System.arraycopy(nd4j.trainBatches(xs, ys, rows), 0, b, 10 * epoch, 10);
        }
        for (int step = 0; step < 30; step++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(b[step][k], a[step][k], 1e-4 * Math.abs(b[step][k]), "step " + step + " member " + k);
            }
        }
        assertTrue(a[29][0] < 0.5 * a[0][0], "and it trains");
    }

    private static RandomGenerator[] streams(int k) {
        RandomGenerator[] r = new RandomGenerator[k];
        for (int i = 0; i < k; i++) r[i] = Seeds.random(100 + i);
        return r;
    }
}
