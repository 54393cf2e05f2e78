package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.dp.Algorithm;
import org.mbrllab.engine.dp.DpSettings;
import org.mbrllab.engine.dp.DpSolver;
import org.mbrllab.engine.dp.GridLayout;
import org.mbrllab.engine.dp.GridWorld;
import org.mbrllab.engine.dp.GridWorldParams;
import org.mbrllab.engine.dp.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench value-iteration}: times value-iteration sweeps on an N×N grid (synchronous unless
 * {@code --sweep in-place}).
 *
 * <p>The world: every step costs 1 (bumps too), one terminal goal in the bottom-right corner whose
 * entry also costs 1, γ = 0.99, slip P. After a warm-up (at least {@value #WARMUP_SWEEPS} sweeps and
 * {@value #WARMUP_MILLIS} ms, so that the JIT has compiled the sweep), S sweeps are timed one by one.
 * The same world is built by {@code bench/value_iteration_numpy.py}, which prints the same keys, and by the
 * peers in the issue (a numpy sweep with shifted arrays and a plain C sweep).
 *
 * <p>{@code --kernel stencil} (the default, and what the app runs) sweeps through the solver's grid
 * stencil; {@code --kernel general} backs up state by state over the MDP's outcome lists, as every sweep
 * did before the stencil. Both compute the same values.
 *
 * <p>JSON: {@code size}, {@code ms_per_sweep} (the median), {@code sweeps}, {@code slip}, {@code states},
 * {@code mean_ms}, {@code min_ms}, {@code warmup_sweeps}, {@code implementation}, and since the stencil
 * {@code kernel} ("stencil" or "general") and {@code sweep} ("synchronous" or "in-place").
 */
@Command(name = "value-iteration", sortOptions = false,
        description = "Time value-iteration sweeps on an N×N grid (−1 per step, goal bottom right, γ 0.99).")
final class BenchValueIterationCommand implements Callable<Integer> {

    /** Which sweep code is timed. */
    enum Kernel {
        /** The grid stencil, as the app sweeps. */
        stencil,
        /** State by state over the MDP's outcome lists. */
        general
    }

    static final int WARMUP_SWEEPS = 30;
    static final long WARMUP_MILLIS = 300;
    static final double GAMMA = 0.99;

    static final ParameterSpec SIZE = ParameterSpec.whole("size", "grid side", 2, GridLayout.MAX_SIDE, 100,
            "The grid has size × size cells.");
    static final ParameterSpec SWEEPS = ParameterSpec.whole("sweeps", "timed sweeps", 1, 100_000, 50,
            "How many sweeps are timed after the warm-up.");

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--size", paramLabel = "N", description = "Grid side, 2 to 300 (default: 100).")
    int size = (int) SIZE.defaultValue();

    @Option(names = "--slip", paramLabel = "P", converter = Args.SlipConverter.class,
            description = "Slip probability in [0, 1], or frozenlake (default: 0.2).")
    double slip = 0.2;

    @Option(names = "--sweeps", paramLabel = "S", description = "Sweeps to time, 1 to 100000 (default: 50).")
    int sweeps = (int) SWEEPS.defaultValue();

    @Option(names = "--kernel", paramLabel = "K",
            description = "stencil (the grid stencil, as the app sweeps; the default) or general (state by state over "
                    + "the MDP's outcome lists).")
    Kernel kernel = Kernel.stencil;

    @Option(names = "--sweep", paramLabel = "MODE", converter = Args.SweepConverter.class,
            completionCandidates = Args.SweepNames.class,
            description = "synchronous (two arrays, as the peers; the default) or in-place (Gauss–Seidel).")
    Sweep sweep = Sweep.SYNCHRONOUS;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Args.check("--size", SIZE, size);
        Args.check("--sweeps", SWEEPS, sweeps);
        Args.check("--slip", GridWorldParams.SLIP, slip);
        GridWorld world = world(size, slip);

        // 1. Warm up.
        DpSolver solver = solver(world, kernel, sweep);
        int warmup = 0;
        long warmupEnd = System.nanoTime() + WARMUP_MILLIS * 1_000_000;
        while (warmup < WARMUP_SWEEPS || System.nanoTime() < warmupEnd) {
            if (solver.isDone()) solver = solver(world, kernel, sweep);
            solver.step();
            warmup++;
        }

        // 2. Time each sweep on its own.
        double[] ms = new double[sweeps];
        for (int i = 0; i < sweeps; i++) {
            if (solver.isDone()) solver = solver(world, kernel, sweep);
            long start = System.nanoTime();
            solver.step();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sweeps % 2 == 1 ? sorted[sweeps / 2] : (sorted[sweeps / 2 - 1] + sorted[sweeps / 2]) / 2;
        double mean = Arrays.stream(ms).average().orElse(Double.NaN);

        // 3. Report.
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("size", size);
            root.put("ms_per_sweep", median);
            root.put("sweeps", sweeps);
            root.put("slip", slip);
            root.put("states", size * size);
            root.put("mean_ms", mean);
            root.put("min_ms", sorted[0]);
            root.put("warmup_sweeps", warmup);
            root.put("implementation", "java");
            root.put("kernel", kernel.name());
            root.put("sweep", sweep.cliName());
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        } else {
            out.println("value iteration, " + size + "×" + size + " grid (" + size * size + " states), slip "
                    + Format.number(slip) + ", " + sweep.cliName() + ", " + kernel + " kernel: median " + Format.fixed(median, 3) + " ms per sweep (mean "
                    + Format.fixed(mean, 3) + ", min " + Format.fixed(sorted[0], 3) + ") over " + sweeps
                    + " sweeps, after " + warmup + " warm-up sweeps");
        }
        out.flush();
        return 0;
    }

    /** −1 per step and per bump, a goal bottom right whose entry costs −1, γ 0.99. */
    static GridWorld world(int n, double slip) {
        GridWorldParams params = new GridWorldParams(GAMMA, slip, -1, -1, -1, -1);
        return new GridWorld(GridLayout.empty(n, n, params).withCell(n - 1, n - 1, GridLayout.Cell.goal()));
    }

    private static DpSolver solver(GridWorld world, Kernel kernel, Sweep sweep) {
        // Tolerance 0: sweep on until an exact fixed point (then start afresh), never stopping early.
        DpSettings settings = DpSettings.defaults().withTolerance(0).withSweep(sweep)
                .withMaxIterations((int) DpSettings.MAX_ITERATIONS.max());
        DpSolver solver = DpSolver.create(Algorithm.VALUE_ITERATION, world, settings);
        solver.setStencilSweeps(kernel == Kernel.stencil);
        return solver;
    }
}
