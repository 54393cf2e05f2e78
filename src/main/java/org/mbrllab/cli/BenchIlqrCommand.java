package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.mbrllab.engine.control.Angles;
import org.mbrllab.engine.control.IlqrEngine;
import org.mbrllab.engine.control.IlqrSettings;
import org.mbrllab.engine.control.Pendulum;
import org.mbrllab.engine.control.Trajectory;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench ilqr}: times one iLQR swing-up of Gymnasium's pendulum from hanging down (θ = π, at
 * rest), Gymnasium's cost, zero initial controls, solved to convergence.
 *
 * <p>After a warm-up (at least {@value #WARMUP_SOLVES} solves and {@value #WARMUP_MILLIS} ms, so that the
 * JIT has compiled the passes), S solves are timed one by one.
 *
 * <p>JSON: {@code median_ms} (per solve), {@code mean_ms}, {@code min_ms}, {@code solves},
 * {@code warmup_solves}, {@code horizon}, {@code restarts}, {@code iterations} (of one solve, over all
 * starts), {@code cost}, {@code final_theta} (wrapped), {@code swung_up} (|θ_T| &lt; {@value #UPRIGHT}
 * rad) and {@code implementation}.
 */
@Command(name = "ilqr", sortOptions = false,
        description = "Time iLQR swinging Gymnasium's pendulum up from hanging down (zero initial controls).")
final class BenchIlqrCommand implements Callable<Integer> {

    static final int WARMUP_SOLVES = 10;
    static final long WARMUP_MILLIS = 300;
    /** |θ_T| below this (rad) counts as swung up. */
    static final double UPRIGHT = 0.1;

    static final ParameterSpec SOLVES = ParameterSpec.whole("solves", "timed solves", 1, 10_000, 20,
            "How many solves are timed after the warm-up.");

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--horizon", paramLabel = "T", description = "Horizon in steps of 0.05 s, 1 to 2000 (default: ${DEFAULT-VALUE}).")
    int horizon = (int) IlqrSettings.HORIZON.defaultValue();

    @Option(names = "--restarts", paramLabel = "K", description = "Starts per solve, 1 to 100 (default: ${DEFAULT-VALUE}).")
    int restarts = 1;

    @Option(names = "--solves", paramLabel = "S", description = "Solves to time, 1 to 10000 (default: ${DEFAULT-VALUE}).")
    int solves = (int) SOLVES.defaultValue();

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Args.check("--horizon", IlqrSettings.HORIZON, horizon);
        Args.check("--restarts", IlqrSettings.RESTARTS, restarts);
        Args.check("--solves", SOLVES, solves);
        IlqrSettings settings = IlqrSettings.defaults().withHorizon(horizon).withRestarts(restarts);

        // 1. Warm up.
        int warmup = 0;
        long warmupEnd = System.nanoTime() + WARMUP_MILLIS * 1_000_000;
        while (warmup < WARMUP_SOLVES || System.nanoTime() < warmupEnd) {
            solver(settings).solve();
            warmup++;
        }

        // 2. Time each solve on its own.
        double[] ms = new double[solves];
        IlqrEngine last = null;
        for (int i = 0; i < solves; i++) {
            IlqrEngine engine = solver(settings);
            long start = System.nanoTime();
            engine.solve();
            ms[i] = (System.nanoTime() - start) / 1e6;
            last = engine;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = solves % 2 == 1 ? sorted[solves / 2] : (sorted[solves / 2 - 1] + sorted[solves / 2]) / 2;
        double mean = Arrays.stream(ms).average().orElse(Double.NaN);
        Trajectory best = last.best();
        double finalTheta = Angles.normalize(best.finalState()[Pendulum.THETA]);
        boolean swungUp = Math.abs(finalTheta) < UPRIGHT;

        // 3. Report.
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("median_ms", median);
            root.put("mean_ms", mean);
            root.put("min_ms", sorted[0]);
            root.put("solves", solves);
            root.put("warmup_solves", warmup);
            root.put("horizon", horizon);
            root.put("restarts", restarts);
            root.put("iterations", last.totalIterations());
            root.put("cost", best.cost());
            root.put("final_theta", finalTheta);
            root.put("swung_up", swungUp);
            root.put("implementation", "java");
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        } else {
            out.println("iLQR pendulum swing-up, T = " + horizon + ", " + restarts + (restarts == 1 ? " start" : " starts")
                    + ": median " + Format.fixed(median, 3) + " ms per solve (mean " + Format.fixed(mean, 3) + ", min "
                    + Format.fixed(sorted[0], 3) + ") over " + solves + " solves, after " + warmup + " warm-up solves; "
                    + last.totalIterations() + " iterations, cost " + Format.fixed(best.cost(), 3) + ", final θ "
                    + Format.fixed(finalTheta, 4) + (swungUp ? " (upright)" : " (NOT upright)"));
        }
        out.flush();
        return 0;
    }

    private static IlqrEngine solver(IlqrSettings settings) {
        return new IlqrEngine(Pendulum.gymnasium(), Pendulum.GYMNASIUM_COST, new double[] {Math.PI, 0}, settings);
    }
}
