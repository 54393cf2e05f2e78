package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** ND4J is started once, on one thread, and SameDiff does not write to stdout while our graphs are built. */
class Nd4jRuntimeTest {

    @Test
    void buildingAndTrainingAGraphPrintsNothingOnStdout() {
        String printed = capturingStdout(() -> {
            EnsembleNetwork network = new EnsembleNetwork(
                    new EnsembleNetwork.Architecture(2, 1, 1, 2, 8, Activation.RELU, true), 1e-3, streams(2));
            float[] x = new float[2 * 4];
            float[] y = new float[2 * 4];
            network.trainBatches(List.of(x), List.of(y), new int[] {4});
            network.predict(x, 4);
            new PolicyValueGraph(3, 4, 2, new float[][] {new float[12], new float[4], new float[16], new float[4],
                new float[8], new float[2], new float[4], new float[1]}, 1e-3, 1e-4).train(new float[3],
                    new float[2], new float[] {0.5f, 0.5f}, new float[] {1}, 1);
        });
        assertEquals("", printed);
    }

    private static RandomGenerator[] streams(int k) {
        RandomGenerator[] r = new RandomGenerator[k];
        for (int i = 0; i < k; i++) r[i] = Seeds.random(100 + i);
        return r;
    }

    @Test
    void quietlyDropsOnlySameDiffsLines() {
        String printed = capturingStdout(() -> Nd4jRuntime.quietly(() -> {
            System.out.println("Added differentiated op matmul_1");
            System.out.println("a line of our own");
            return null;
        }));
        assertEquals("a line of our own" + System.lineSeparator(), printed);
    }

    @Test
    void ensureReadyLimitsNd4jToOneThread() {
        Nd4jRuntime.ensureReady();
        Nd4jRuntime.ensureReady();
        assertTrue(Nd4jRuntime.isReady());
        assertEquals(1, Nd4j.factory().blas().getMaxThreads(), "BLAS threads");
        assertEquals(1, NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(), "OpenMP threads");
        assertEquals(1, Nd4j.getEnvironment().maxMasterThreads(), "master threads");
    }

    private static String capturingStdout(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
