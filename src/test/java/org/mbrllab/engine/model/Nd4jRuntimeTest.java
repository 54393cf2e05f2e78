package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** ND4J is started once, on one thread, and SameDiff does not write to stdout. */
class Nd4jRuntimeTest {

    @Test
    void buildingAndTrainingAnEnsemblePrintsNothingOnStdout() {
        String printed = capturingStdout(() -> {
            EnsembleTrainer t = new EnsembleTrainer(SineTask.defaultConfig(2, MemberKind.PROBABILISTIC, 2, 0),
                    SineTask.withoutGap(40, 0.1, 0).sample());
            t.step();
            t.ensemble().predict(new double[] {0.5});
        });
        assertEquals("", printed);
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
