package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.model.EnsembleConfig;
import org.mbrllab.engine.model.EnsembleTrainer;
import org.mbrllab.engine.model.MemberKind;
import org.mbrllab.engine.model.RegressionData;
import org.mbrllab.engine.model.TrainingPath;
import org.mbrllab.engine.nn.Activation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench ensemble}: times training K members of a 2 × 200 ReLU MLP (4 inputs, 3 outputs, as for
 * the pendulum) on 10,000 transitions: one epoch of batches of 256 with Adam, after a warm-up epoch.
 * Every member trains on its own bootstrap resample, in its own batch order, with the mean squared
 * error; there is no held-out split. The data are synthetic (inputs uniform in [−1, 1], targets a fixed
 * smooth function of them, the same as {@code bench/ensemble_numpy.py}): the timing does not depend on
 * them.
 *
 * <p>{@code --warmup-seconds} warms up longer than one epoch, for figures of the steady state.
 *
 * <p>{@code --mode batched} (the default) trains the K members as one batched SameDiff graph, as the app
 * does; {@code --mode separate} trains K separate one-member graphs, one after another, or on
 * {@code --threads} threads, for comparison; {@code --mode split} splits the K members into {@code --threads}
 * batched graphs of as equal sizes as can be (5 on 2 threads: 3 and 2), each trained on its own thread, the
 * way to use more than one core with the fewest ops. {@code --path fixed} (the default) runs each training step
 * as the app does, SameDiff's ops as a fixed list ({@code FixedTrainingStep}); {@code --path fit} runs the
 * same ops through SameDiff's own {@code fit}, for comparison (its session's Java code is still being
 * compiled by the JIT after one warm-up epoch).
 *
 * <p>JSON: {@code member_samples_per_second} (K × 10,000 / the median timed epoch, in seconds),
 * {@code members}, {@code samples}, {@code batch}, {@code hidden}, {@code mode}, {@code path}, {@code threads},
 * {@code epoch_seconds} (the median), {@code epochs} (timed), {@code warmup_epochs},
 * {@code process_cpu_seconds_per_epoch} (CPU
 * time of every thread of the process, JIT compiler included, over the timed epochs, per epoch: a
 * figure less sensitive than wall time to other work on the machine),
 * {@code training_thread_cpu_seconds_per_epoch} (CPU time of the thread that trains, without the JIT
 * compiler's; only when training runs on one thread), {@code implementation}.
 */
@Command(name = "ensemble", sortOptions = false,
        description = {"Time one training epoch of K members of a 2×200 ReLU MLP (4 in, 3 out) on 10,000 "
                + "transitions, batch 256, Adam, after a warm-up epoch."})
final class BenchEnsembleCommand implements java.util.concurrent.Callable<Integer> {

    static final int SAMPLES = 10_000;
    static final int INPUTS = 4;
    static final int OUTPUTS = 3;
    static final int HIDDEN_LAYERS = 2;
    static final int HIDDEN_UNITS = 200;
    static final int BATCH = 256;
    static final double LEARNING_RATE = 1e-3;

    static final ParameterSpec THREADS = ParameterSpec.whole("threads", "threads", 1, 16, 1,
            "Threads for --mode separate or split.");
    static final ParameterSpec EPOCHS = ParameterSpec.whole("epochs", "timed epochs", 1, 100, 1,
            "Epochs timed after the warm-up; the median is reported.");
    static final ParameterSpec WARMUP_SECONDS = ParameterSpec.real("warmup_seconds", "warm-up seconds", 0, 600, 0,
            "Keep warming up, whole epochs, until this much time has passed (at least one epoch).");

    enum Mode { batched, separate, split }

    enum Path {
        fixed(TrainingPath.FIXED_STEP), fit(TrainingPath.SAMEDIFF_FIT);

        final TrainingPath engine;

        Path(TrainingPath engine) {
            this.engine = engine;
        }
    }

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--members", paramLabel = "K", description = "Ensemble members, 1 to 10 (default: 5).")
    int members = 5;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "batched (one graph for all members, the default), separate (one graph per member) or split "
                    + "(--threads batched graphs, one per thread).")
    Mode mode = Mode.batched;

    @Option(names = "--path", paramLabel = "PATH",
            description = "fixed (SameDiff's ops as a fixed list, as the app trains; the default) or fit (the same ops "
                    + "through SameDiff's own fit).")
    Path path = Path.fixed;

    @Option(names = "--threads", paramLabel = "T",
            description = "With --mode separate or split: train the members on T threads (default: 1, one after another).")
    int threads = 1;

    @Option(names = "--epochs", paramLabel = "E", description = "Timed epochs, 1 to 100; the median counts (default: 1).")
    int epochs = 1;

    @Option(names = "--warmup-seconds", paramLabel = "W",
            description = "Warm up with whole epochs for at least W seconds (default: 0, one warm-up epoch).")
    double warmupSeconds = WARMUP_SECONDS.defaultValue();

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    private int warmupEpochs;
    private double trainingCpuPerEpoch;

    @Override
    public Integer call() throws InterruptedException, ExecutionException {
        Args.check("--members", EnsembleConfig.MEMBERS, members);
        Args.check("--threads", THREADS, threads);
        Args.check("--epochs", EPOCHS, epochs);
        Args.check("--warmup-seconds", WARMUP_SECONDS, warmupSeconds);
        if (mode == Mode.batched && threads != 1) throw new Cli.UsageError("--threads needs --mode separate or split");
        if (mode == Mode.split && threads > members) {
            throw new Cli.UsageError("--threads " + threads + " is out of range for --mode split: 1 to --members (" + members + ")");
        }
        RegressionData data = data(1);

        // 1. Build: one K-member graph, K one-member graphs, or one graph per thread.
        List<EnsembleTrainer> trainers = new ArrayList<>();
        if (mode == Mode.batched) {
            trainers.add(new EnsembleTrainer(config(members, 1), data, null, path.engine));
        } else if (mode == Mode.separate) {
            for (int k = 0; k < members; k++) trainers.add(new EnsembleTrainer(config(1, 1 + k), data, null, path.engine));
        } else {
            for (int t = 0; t < threads; t++) {
                int size = members / threads + (t < members % threads ? 1 : 0);
                trainers.add(new EnsembleTrainer(config(size, 1 + t), data, null, path.engine));
            }
        }
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        try {
            // 2. Warm-up (one epoch, or more until --warmup-seconds have passed), then the timed epochs.
            long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            warmupEpochs = 0;
            do {
                epoch(trainers, pool);
                warmupEpochs++;
            } while (System.nanoTime() < warmupEnd);
            double[] seconds = new double[epochs];
            ThreadMXBean threadsBean = ManagementFactory.getThreadMXBean();
            long cpuStart = processCpuNanos();
            long threadStart = threadsBean.getCurrentThreadCpuTime();
            for (int e = 0; e < epochs; e++) {
                long start = System.nanoTime();
                epoch(trainers, pool);
                seconds[e] = (System.nanoTime() - start) / 1e9;
            }
            double cpuPerEpoch = (processCpuNanos() - cpuStart) / 1e9 / epochs;
            trainingCpuPerEpoch = pool == null ? (threadsBean.getCurrentThreadCpuTime() - threadStart) / 1e9 / epochs : -1;
            Arrays.sort(seconds);
            double median = epochs % 2 == 1 ? seconds[epochs / 2] : (seconds[epochs / 2 - 1] + seconds[epochs / 2]) / 2;
            report(median, cpuPerEpoch);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        return 0;
    }

    private void report(double seconds, double cpuSeconds) {
        double rate = (double) members * SAMPLES / seconds;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("member_samples_per_second", rate);
            root.put("members", members);
            root.put("samples", SAMPLES);
            root.put("batch", BATCH);
            root.putArray("hidden").add(HIDDEN_UNITS).add(HIDDEN_UNITS);
            root.put("mode", mode.name());
            root.put("path", path.name());
            root.put("threads", threads);
            root.put("epoch_seconds", seconds);
            root.put("epochs", epochs);
            root.put("warmup_epochs", warmupEpochs);
            root.put("process_cpu_seconds_per_epoch", cpuSeconds);
            if (trainingCpuPerEpoch >= 0) root.put("training_thread_cpu_seconds_per_epoch", trainingCpuPerEpoch);
            root.put("implementation", "java-samediff");
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        } else {
            out.println("ensemble training, " + members + " members (" + mode + (mode != Mode.batched ? ", " + threads
                    + " thread" + (threads == 1 ? "" : "s") : "") + ", " + path + " path): " + Format.fixed(rate, 0)
                    + " member samples/s (" + Format.fixed(seconds, 3) + " s per epoch of " + SAMPLES + " transitions)");
        }
        out.flush();
    }

    /** CPU time of the whole process (every thread, the JIT compiler's too), or −1 if the JVM cannot say. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The benchmark's fixed training setup for {@code k} members. */
    static EnsembleConfig config(int k, long seed) {
        return new EnsembleConfig(k, HIDDEN_LAYERS, HIDDEN_UNITS, Activation.RELU, MemberKind.DETERMINISTIC,
                LEARNING_RATE, BATCH, 100_000, 0, 1, true, seed);
    }

    /** 10,000 synthetic transitions (s, a) → Δs: the same function as bench/ensemble_numpy.py. */
    static RegressionData data(long seed) {
        RandomGenerator random = Seeds.random(seed);
        double[][] x = new double[SAMPLES][INPUTS];
        double[][] y = new double[SAMPLES][OUTPUTS];
        for (int i = 0; i < SAMPLES; i++) {
            for (int j = 0; j < INPUTS; j++) x[i][j] = 2 * random.nextDouble() - 1;
            y[i][0] = Math.sin(x[i][0] + x[i][3]);
            y[i][1] = Math.cos(2 * x[i][1]) * x[i][2];
            y[i][2] = 0.5 * x[i][2] - x[i][3];
        }
        return new RegressionData(x, y);
    }

    private static void epoch(List<EnsembleTrainer> trainers, ExecutorService pool)
            throws InterruptedException, ExecutionException {
        if (pool == null) {
            for (EnsembleTrainer t : trainers) t.step();
            return;
        }
        List<Future<Boolean>> running = new ArrayList<>();
        for (EnsembleTrainer t : trainers) running.add(pool.submit(t::step));
        for (Future<Boolean> f : running) f.get();
    }
}
