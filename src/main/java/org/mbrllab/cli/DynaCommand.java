package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.dp.GridLayout;
import org.mbrllab.engine.dp.LayoutException;
import org.mbrllab.engine.dyna.AgentKind;
import org.mbrllab.engine.dyna.DynaConfig;
import org.mbrllab.engine.dyna.DynaExperiment;
import org.mbrllab.engine.dyna.DynaPreset;
import org.mbrllab.engine.dyna.DynaStatistics;
import org.mbrllab.engine.dyna.ExperimentPlan;
import org.mbrllab.engine.dyna.Maze;
import org.mbrllab.engine.dyna.Measure;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code dyna}: runs Q-learning, Dyna-Q, Dyna-Q+ or prioritized sweeping in a maze of Sutton &amp; Barto's
 * chapter 8 (or a {@code .grid} file) over many seeds and prints the mean curve of the book's figures.
 *
 * <h2>JSON output ({@code --json})</h2>
 * One object: the settings used, {@code maze}, {@code agent}, {@code planning_steps}, {@code episodes} or
 * {@code steps} (whichever the run counts), {@code runs}, {@code alpha}, {@code epsilon}, {@code gamma},
 * {@code kappa}, {@code theta}, {@code seed} and {@code switch_step} (real steps after which the walls
 * change; {@code null} for a maze that does not change); then with episodes {@code steps_per_episode} and
 * {@code steps_per_episode_sem} (E numbers each), with steps {@code cumulative_reward} and
 * {@code cumulative_reward_sem} (T numbers each): the mean over the runs and its standard error (0 with one
 * run); and {@code planning_updates} and {@code real_steps}, the totals over all runs.
 *
 * <p>Defaults are the book's for the maze ({@link DynaPreset}); a {@code .grid} file takes the Dyna maze's
 * and its own γ. The maze files are read through the lesson catalogue ({@link LessonFiles#mazeText}), so {@code --lessons DIR} applies; user files are read up to
 * {@link UserFiles#MAX_LAYOUT_BYTES}.
 */
@Command(name = "dyna", sortOptions = false,
        description = {"Run Q-learning, Dyna-Q, Dyna-Q+ or prioritized sweeping in a maze over many seeds;",
            "print the mean steps per episode (Figure 8.2) or cumulative reward per time step (Figures 8.4, 8.5)."},
        footer = {"", "Defaults are the book's for the maze:",
            "  dyna-maze  α 0.1, n 50, 50 episodes, 30 runs;",
            "  blocking   α 1, n 10, κ 1e-4, 3000 steps, 20 runs (the walls change after 1000 steps);",
            "  shortcut   α 1, n 50, κ 1e-3, 6000 steps, 5 runs (the walls change after 3000 steps);",
            "  γ from the maze's file (0.95), ε 0.1, θ 1e-4, seed 1. A FILE.grid takes the dyna-maze defaults.",
            "Example: mbrl-lab dyna --maze dyna-maze --agent dyna-q --planning-steps 5 --json"})
final class DynaCommand implements Callable<Integer> {

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--maze", paramLabel = "NAME|FILE", required = true,
            description = "dyna-maze, blocking, shortcut, or a .grid file (deterministic: slip 0).")
    String maze;

    @Option(names = "--agent", paramLabel = "NAME", required = true, converter = AgentConverter.class,
            description = "q-learning, dyna-q, dyna-q+ or prioritized-sweeping.")
    AgentKind agent;

    @Option(names = "--planning-steps", paramLabel = "N",
            description = "Planning updates per real step, 0 to 100000 (not for q-learning).")
    Integer planningSteps;

    @Option(names = "--episodes", paramLabel = "E", description = "Episodes per run, 1 to 100000: steps per episode.")
    Integer episodes;

    @Option(names = "--steps", paramLabel = "T",
            description = "Time steps per run, 1 to 10000000: cumulative reward per step.")
    Integer steps;

    @Option(names = "--runs", paramLabel = "R", description = "Runs (seeds) averaged, 1 to 10000.")
    Integer runs;

    @Option(names = "--alpha", paramLabel = "A", description = "Step size α in [0, 1].")
    Double alpha;

    @Option(names = "--epsilon", paramLabel = "E", description = "ε of ε-greedy in [0, 1] (default: 0.1).")
    Double epsilon;

    @Option(names = "--gamma", paramLabel = "G", description = "Discount γ in [0, 1] (default: the maze's).")
    Double gamma;

    @Option(names = "--kappa", paramLabel = "K", description = "Dyna-Q+ bonus κ in [0, 10].")
    Double kappa;

    @Option(names = "--theta", paramLabel = "T",
            description = "Prioritized sweeping's threshold θ in [0, 1000] (default: 1e-4).")
    Double theta;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of all runs (default: 1).")
    long seed = 1;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        // 1. Check everything before running.
        DynaPreset preset = preset();
        Maze mazeToRun = loadMaze(preset);
        if (episodes != null && steps != null) throw new Cli.UsageError("give --episodes or --steps, not both");
        if (planningSteps != null && agent == AgentKind.Q_LEARNING) {
            throw new Cli.UsageError("--planning-steps does not apply to --agent q-learning (it does not plan; "
                    + "dyna-q with --planning-steps 0 is the same)");
        }
        if (kappa != null && agent != AgentKind.DYNA_Q_PLUS) {
            throw new Cli.UsageError("--kappa does not apply to --agent " + agent.cliName() + " (only dyna-q+)");
        }
        if (theta != null && agent != AgentKind.PRIORITIZED_SWEEPING) {
            throw new Cli.UsageError("--theta does not apply to --agent " + agent.cliName() + " (only prioritized-sweeping)");
        }
        DynaConfig config = preset.config(agent, mazeToRun.gamma());
        if (alpha != null) config = config.withAlpha(Args.check("--alpha", DynaConfig.ALPHA, alpha));
        if (epsilon != null) config = config.withEpsilon(Args.check("--epsilon", DynaConfig.EPSILON, epsilon));
        if (gamma != null) config = config.withGamma(Args.check("--gamma", DynaConfig.GAMMA, gamma));
        if (planningSteps != null) {
            config = config.withPlanningSteps((int) Args.check("--planning-steps", DynaConfig.PLANNING_STEPS, planningSteps));
        }
        if (kappa != null) config = config.withKappa(Args.check("--kappa", DynaConfig.KAPPA, kappa));
        if (theta != null) config = config.withTheta(Args.check("--theta", DynaConfig.THETA, theta));
        boolean byEpisodes = steps == null && (episodes != null || preset.episodes() > 0);
        Measure measure = byEpisodes ? Measure.STEPS_PER_EPISODE : Measure.CUMULATIVE_REWARD;
        int length = byEpisodes
                ? (int) Args.check("--episodes", ExperimentPlan.EPISODES, episodes != null ? episodes : preset.episodes())
                : (int) Args.check("--steps", ExperimentPlan.STEPS, steps != null ? steps : preset.steps());
        int runCount = (int) Args.check("--runs", ExperimentPlan.RUNS, runs != null ? runs : preset.runs());
        ExperimentPlan plan = new ExperimentPlan(config, measure, length, runCount, seed);

        // 2. Run.
        DynaStatistics stats = DynaExperiment.run(mazeToRun, plan);

        // 3. Print.
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(json(mazeToRun, plan, stats));
        else text(out, mazeToRun, plan, stats);
        out.flush();
        return 0;
    }

    /** The preset of {@code --maze}, or the Dyna maze's defaults for a {@code .grid} file. */
    private DynaPreset preset() {
        if (isFile()) return DynaPreset.DYNA_MAZE;
        try {
            return DynaPreset.fromCliName(maze);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError("--maze: unknown maze '" + maze + "' (mazes: " + DynaPreset.names() + ", or a FILE.grid)");
        }
    }

    private boolean isFile() {
        return maze.endsWith(".grid");
    }

    private Maze loadMaze(DynaPreset preset) {
        try {
            if (!isFile()) return preset.maze(LessonFiles.of(spec)::mazeText);
            Path file = Path.of(maze);
            byte[] bytes = UserFiles.read("--maze", file, UserFiles.MAX_LAYOUT_BYTES);
            return Maze.of(GridLayout.parse(new String(bytes, StandardCharsets.UTF_8), file.toString()));
        } catch (LayoutException e) {
            throw new Cli.UsageError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError("--maze " + maze + ": " + e.getMessage());
        }
    }

    private String json(Maze mazeRun, ExperimentPlan plan, DynaStatistics stats) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        DynaConfig c = plan.config();
        boolean byEpisodes = plan.measure() == Measure.STEPS_PER_EPISODE;
        root.put("maze", maze);
        root.put("agent", c.agent().cliName());
        root.put("planning_steps", c.planningSteps());
        root.put(byEpisodes ? "episodes" : "steps", plan.length());
        root.put("runs", plan.runs());
        root.put("alpha", c.alpha());
        root.put("epsilon", c.epsilon());
        root.put("gamma", c.gamma());
        root.put("kappa", c.kappa());
        root.put("theta", c.theta());
        root.put("seed", plan.seed());
        if (mazeRun.changes()) root.put("switch_step", mazeRun.switchStep());
        else root.putNull("switch_step");
        String key = byEpisodes ? "steps_per_episode" : "cumulative_reward";
        ArrayNode mean = root.putArray(key);
        for (double m : stats.mean()) mean.add(m);
        ArrayNode sem = root.putArray(key + "_sem");
        for (double s : stats.sem()) sem.add(s);
        root.put("planning_updates", stats.planningUpdates());
        root.put("real_steps", stats.realSteps());
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The readable output: a heading, then mean ± standard error per episode, or at about 20 time steps. */
    private static void text(PrintWriter out, Maze maze, ExperimentPlan plan, DynaStatistics stats) {
        DynaConfig c = plan.config();
        out.println(maze.before().name() + ": " + c.agent().displayName() + ", n = " + c.planningSteps()
                + ", α = " + Format.number(c.alpha()) + ", γ = " + Format.number(c.gamma()) + ", ε = "
                + Format.number(c.epsilon())
                + (c.agent() == AgentKind.DYNA_Q_PLUS ? ", κ = " + Format.number(c.kappa()) : "")
                + (c.agent() == AgentKind.PRIORITIZED_SWEEPING ? ", θ = " + Format.number(c.theta()) : "")
                + "; " + plan.runs() + " runs, seed " + plan.seed());
        if (maze.changes()) out.println("the walls change after " + maze.switchStep() + " real steps");
        out.println(stats.realSteps() + " real steps, " + stats.planningUpdates() + " planning updates in all");
        out.println();
        double[] mean = stats.mean();
        double[] sem = stats.sem();
        if (plan.measure() == Measure.STEPS_PER_EPISODE) {
            out.println("episode  mean steps  ± s.e.");
            for (int e = 0; e < mean.length; e++) {
                out.printf("%7d  %10s  %s%n", e + 1, Format.fixed(mean[e], 1), Format.fixed(sem[e], 1));
            }
        } else {
            out.println("   step  cumulative reward  ± s.e.");
            int every = Math.max(1, mean.length / 20);
            for (int t = every - 1; t < mean.length; t += every) {
                out.printf("%7d  %17s  %s%n", t + 1, Format.fixed(mean[t], 2), Format.fixed(sem[t], 2));
            }
        }
    }

    static final class AgentConverter implements ITypeConverter<AgentKind> {
        @Override
        public AgentKind convert(String value) {
            try {
                return AgentKind.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
