package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mbrllab.lessons.PresetFile;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.dp.Action;
import org.mbrllab.engine.dp.Algorithm;
import org.mbrllab.engine.dp.DpResult;
import org.mbrllab.engine.dp.DpSettings;
import org.mbrllab.engine.dp.DpSnapshot;
import org.mbrllab.engine.dp.DpSolver;
import org.mbrllab.engine.dp.GridLayout;
import org.mbrllab.engine.dp.GridWorld;
import org.mbrllab.engine.dp.GridWorldParams;
import org.mbrllab.engine.dp.LayoutException;
import org.mbrllab.engine.dp.Sweep;
import org.mbrllab.engine.run.DivergenceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridworld}: solves a grid world by dynamic programming and prints V and the greedy policy.
 *
 * <h2>JSON output ({@code --json})</h2>
 * One object: {@code preset} (when given), {@code layout} (the file, when given), {@code name},
 * {@code algorithm}, {@code gamma}, {@code slip}, {@code sweep}, {@code tolerance}, {@code rows},
 * {@code cols}, {@code values} (rows top to bottom, each a list of numbers, a wall {@code null}),
 * {@code policy} (same shape: the tied best actions within 1e-9 joined by "|" in the order up, down,
 * left, right, e.g. "up|left"; "" for walls and terminal cells), {@code iterations}, {@code converged}
 * and {@code backups}.
 *
 * <h2>Long and endless runs</h2>
 * After about 2 s a run prints {@code progress: …} lines to the error stream, about one a second
 * ({@link Progress}); past {@code --time-limit} it stops with exit 1. A divergence (γ = 1 and values that
 * grow or fall without bound, found before the first sweep or at ±1e9) exits 1 with the engine's
 * explanation. Presets come through the lesson catalogue ({@link LessonFiles}), layout files are read up to
 * {@link UserFiles#MAX_LAYOUT_BYTES}.
 */
@Command(name = "gridworld", sortOptions = false,
        description = {"Solve a grid world by dynamic programming; print its values and greedy policy.",
            "Give --preset, or --layout with a .grid file (see lessons/dynamic-programming/presets/FORMAT.md)."},
        footer = {"", "Defaults come from the layout: its γ, slip and algorithm.",
            "Example: mbrl-lab gridworld --preset sutton-barto-3.5 --json"})
final class GridworldCommand implements Callable<Integer> {

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", completionCandidates = Args.PresetNames.class,
            description = "A shipped layout: ${COMPLETION-CANDIDATES}.")
    String preset;

    @Option(names = "--layout", paramLabel = "FILE",
            description = "A .grid layout file; replaces the preset's layout.")
    Path layoutFile;

    @Option(names = "--algorithm", paramLabel = "NAME", converter = Args.AlgorithmConverter.class,
            completionCandidates = Args.AlgorithmNames.class,
            description = "${COMPLETION-CANDIDATES} (default: the layout's, else value-iteration).")
    Algorithm algorithm;

    @Option(names = "--gamma", paramLabel = "G", description = "Discount γ in [0, 1] (default: the layout's).")
    Double gamma;

    @Option(names = "--slip", paramLabel = "P", converter = Args.SlipConverter.class,
            description = "Slip probability in [0, 1], or frozenlake (= 2/3) (default: the layout's).")
    Double slip;

    @Option(names = "--sweep", paramLabel = "MODE", converter = Args.SweepConverter.class,
            completionCandidates = Args.SweepNames.class,
            description = "${COMPLETION-CANDIDATES} (default: synchronous).")
    Sweep sweep = Sweep.SYNCHRONOUS;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "Stop when a sweep changes no value by T or more; in [0, 1] (default: 1e-10).")
    double tolerance = DpSettings.TOLERANCE.defaultValue();

    @Option(names = "--max-iterations", paramLabel = "N",
            description = "Stop unconverged after N sweeps (policy iteration: improvements) (default: 100000).")
    int maxIterations = (int) DpSettings.MAX_ITERATIONS.defaultValue();

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Stop with an error after this many seconds, up to 86400 (default: 600).")
    double timeLimit = TIME_LIMIT.defaultValue();

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    /** How long a run may take before it stops with exit 1. */
    static final ParameterSpec TIME_LIMIT = ParameterSpec.real("time-limit", "time limit (s)", 0.001, 86_400, 600,
            "Seconds a solve may take before it stops with an error.");

    @Override
    public Integer call() {
        // 1. The layout, with the options that override it.
        GridLayout layout = layout();
        GridWorldParams params = layout.params();
        if (gamma != null) params = params.with("gamma", Args.check("--gamma", GridWorldParams.GAMMA, gamma));
        if (slip != null) params = params.with("slip", Args.check("--slip", GridWorldParams.SLIP, slip));
        Algorithm chosen = algorithm != null ? algorithm : layout.algorithm();
        DpSettings settings = DpSettings.defaults()
                .withSweep(sweep)
                .withTolerance(Args.check("--tolerance", DpSettings.TOLERANCE, tolerance))
                .withMaxIterations((int) Args.check("--max-iterations", DpSettings.MAX_ITERATIONS, maxIterations));

        Args.check("--time-limit", TIME_LIMIT, timeLimit);

        // 2. Solve, one sweep per step, with progress on stderr for long runs.
        GridWorld world = new GridWorld(layout.withParams(params));
        DpSolver solver = DpSolver.create(chosen, world, settings);
        Progress progress = new Progress(spec.commandLine().getErr(), System::nanoTime, timeLimit, "--time-limit");
        try {
            while (solver.step()) {
                progress.tick(() -> status(solver, chosen));
            }
        } catch (DivergenceException e) {
            throw new DivergenceException(e.getMessage() + " Stopped: the values diverged.");
        }
        DpResult result = solver.solve();

        // 3. Print.
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(json(world, chosen, settings, result));
        else Tables.print(out, world, chosen, settings, result);
        out.flush();
        return 0;
    }

    /** "1200 sweeps, last max|ΔV| 0.0312", with "3 improvements, " first for policy iteration. */
    private static String status(DpSolver solver, Algorithm chosen) {
        DpSnapshot s = solver.snapshot();
        java.util.List<Double> deltas = s.sweepDeltas();
        String last = deltas.isEmpty() ? ""
                : ", last max|ΔV| " + String.format(Locale.ROOT, "%.3g", deltas.get(deltas.size() - 1));
        String done = chosen == Algorithm.POLICY_ITERATION ? s.iterations() + " improvements, " : "";
        return done + deltas.size() + " sweeps" + last;
    }

    private GridLayout layout() {
        // The preset through the lesson catalogue (so --lessons DIR can replace it), the file with a size cap.
        LessonFiles lessons = LessonFiles.of(spec);
        PresetFile presetFile = preset != null ? lessons.gridPreset(preset) : null;
        try {
            if (layoutFile != null) {
                byte[] bytes = UserFiles.read("--layout", layoutFile, UserFiles.MAX_LAYOUT_BYTES);
                return GridLayout.parse(new String(bytes, StandardCharsets.UTF_8), layoutFile.toString());
            }
            if (presetFile == null) throw new Cli.UsageError("give --preset NAME or --layout FILE (presets: "
                    + String.join(", ", lessons.gridPresetNames()) + ")");
            return GridLayout.parse(presetFile.text(), lessons.external() ? presetFile.source() : preset + ".grid");
        } catch (LayoutException e) {
            throw new Cli.UsageError(e.getMessage());
        }
    }

    private String json(GridWorld world, Algorithm chosen, DpSettings settings, DpResult result) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        if (preset != null) root.put("preset", preset);
        if (layoutFile != null) root.put("layout", layoutFile.toString());
        root.put("name", world.layout().name());
        root.put("algorithm", chosen.cliName());
        root.put("gamma", world.params().gamma());
        root.put("slip", world.params().slip());
        root.put("sweep", settings.sweep().cliName());
        root.put("tolerance", settings.tolerance());
        root.put("rows", world.rows());
        root.put("cols", world.cols());
        ArrayNode values = root.putArray("values");
        ArrayNode policy = root.putArray("policy");
        for (int r = 0; r < world.rows(); r++) {
            ArrayNode valueRow = values.addArray();
            ArrayNode policyRow = policy.addArray();
            for (int c = 0; c < world.cols(); c++) {
                int s = world.index(r, c);
                if (world.isWall(s)) valueRow.addNull();
                else valueRow.add(result.values()[s]);
                policyRow.add(Action.labels(result.greedy()[s]));
            }
        }
        root.put("iterations", result.iterations());
        root.put("converged", result.converged());
        root.put("backups", result.backups());
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The readable output: a heading, the values and the greedy arrows. */
    static final class Tables {
        private Tables() {}

        static void print(PrintWriter out, GridWorld world, Algorithm algorithm, DpSettings settings, DpResult result) {
            GridWorldParams p = world.params();
            out.println(world.layout().name() + ": " + algorithm.displayName().toLowerCase(Locale.ROOT)
                    + ", γ = " + Format.number(p.gamma()) + ", slip " + GridWorldParams.formatSlip(p.slip())
                    + ", " + settings.sweep().cliName() + " sweeps, tolerance " + shortNumber(settings.tolerance()));
            String unit = algorithm == Algorithm.POLICY_ITERATION ? " improvements" : " sweeps";
            out.println((result.converged() ? "converged after " : "NOT converged after ") + result.iterations() + unit
                    + " (" + result.backups() + " backups)");
            out.println();
            out.println("Values");
            String[][] values = new String[world.rows()][world.cols()];
            String[][] arrows = new String[world.rows()][world.cols()];
            for (int r = 0; r < world.rows(); r++) {
                for (int c = 0; c < world.cols(); c++) {
                    int s = world.index(r, c);
                    GridLayout.Cell cell = world.layout().cell(r, c);
                    values[r][c] = world.isWall(s) ? "#" : Format.fixed(result.values()[s], 2);
                    arrows[r][c] = world.isWall(s) || world.isTerminal(s) ? String.valueOf(cell.symbol())
                            : Action.arrows(result.greedy()[s]);
                }
            }
            table(out, values);
            out.println();
            out.println("Greedy policy (ties within 1e-9 shown together)");
            table(out, arrows);
        }

        /** 1e-10 rather than 0.0000000001. */
        private static String shortNumber(double x) {
            if (x == 0 || Math.abs(x) >= 1e-3) return Format.number(x);
            return Double.toString(x).replace("E", "e").replace(".0e", "e");
        }

        private static void table(PrintWriter out, String[][] cells) {
            int width = 1;
            for (String[] row : cells) for (String cell : row) width = Math.max(width, cell.length());
            for (String[] row : cells) {
                StringBuilder line = new StringBuilder();
                for (String cell : row) line.append(' ').append(" ".repeat(width - cell.length())).append(cell);
                out.println(line.toString().stripTrailing());
            }
        }
    }
}
