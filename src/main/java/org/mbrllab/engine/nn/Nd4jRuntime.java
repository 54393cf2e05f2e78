package org.mbrllab.engine.nn;

import java.io.PrintStream;
import java.util.function.Supplier;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The one place ND4J is started. Nothing in the app touches ND4J before a model is actually built, so the
 * window opens without the 0.5–1.5 s that loading the native backend costs; {@link #ensureReady()} does
 * it on first use and is a no-op afterwards.
 *
 * <h2>What {@link #ensureReady()} does, in order</h2>
 * <ol>
 *   <li>Turns ND4J's start-up chatter down: the loggers under {@code org.nd4j} log warnings and errors
 *       only, and the two "Duplicate TF op mapping" warnings of {@code ImportClassMapping} and
 *       {@code DifferentialFunction}'s "No fields found for property name dtype" for every {@code argmax} op
 *       (its attribute has no Java field; the op works, as the categorical RSSM's tests show) are hidden
 *       (through slf4j-simple's {@code org.slf4j.simpleLogger.log.*} properties, unless the user set
 *       them).</li>
 *   <li>Loads the backend.</li>
 *   <li>Limits ND4J to one thread, in code, because an installed app cannot rely on
 *       {@code OMP_NUM_THREADS}: the BLAS threads ({@code Nd4j.factory().blas().setMaxThreads(1)}), the
 *       OpenMP threads of the native ops ({@code setOmpNumThreads(1)}) and the master threads
 *       ({@code Environment.setMaxMasterThreads(1)}). On a 2-core machine shared with other work, two
 *       spinning OpenMP threads made training 15–20× slower (see STACK.md); the graphs here are small
 *       and batched, so one thread is also the fastest when the machine is idle.</li>
 * </ol>
 *
 * <h2>SameDiff's stdout noise</h2>
 * SameDiff writes "Added differentiated op …" to {@code System.out} (a plain {@code println}, no
 * logger) for every op while it builds the backward graph. {@link #quietly} runs a piece of graph
 * construction with {@code System.out} replaced by a filter that drops exactly those lines and passes
 * everything else through; {@code EnsembleNetwork} builds its gradient function inside it, so training
 * never prints.
 */
public final class Nd4jRuntime {
    private Nd4jRuntime() {}

    /** The prefix of SameDiff's line per differentiated op. */
    static final String SAMEDIFF_NOISE = "Added differentiated op";

    private static final String LOG_PREFIX = "org.slf4j.simpleLogger.log.";
    private static volatile boolean ready;
    private static final Object STDOUT_LOCK = new Object();

    /** Starts ND4J once, quietly and limited to one thread; cheap after the first call. Thread-safe. */
    public static void ensureReady() {
        if (ready) return;
        synchronized (Nd4jRuntime.class) {
            if (ready) return;
            // 1. Loggers first: slf4j-simple reads a logger's level when the logger is created.
            setIfAbsent(LOG_PREFIX + "org.nd4j", "warn");
            setIfAbsent(LOG_PREFIX + "org.nd4j.imports.converters.ImportClassMapping", "error");
            setIfAbsent(LOG_PREFIX + "org.nd4j.autodiff.functions.DifferentialFunction", "error");
            setIfAbsent(LOG_PREFIX + "org.bytedeco", "warn");
            // 2. The backend. 3. One thread.
            Nd4j.factory().blas().setMaxThreads(1);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.getEnvironment().setMaxThreads(1);
            ready = true;
        }
    }

    /** Whether ND4J has been started (the app checks that opening a window does not start it). */
    public static boolean isReady() {
        return ready;
    }

    /**
     * Runs {@code work} (graph construction) with SameDiff's "Added differentiated op" lines filtered
     * out of {@code System.out}; every other line still reaches the real stream.
     */
    public static <T> T quietly(Supplier<T> work) {
        synchronized (STDOUT_LOCK) {
            PrintStream original = System.out;
            PrintStream filter = new PrintStream(original, true) {
                @Override
                public void println(String line) {
                    if (line == null || !line.startsWith(SAMEDIFF_NOISE)) super.println(line);
                }
            };
            System.setOut(filter);
            try {
                return work.get();
            } finally {
                filter.flush();
                if (System.out == filter) System.setOut(original);
            }
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
