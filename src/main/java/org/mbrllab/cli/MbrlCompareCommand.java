package org.mbrllab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.PlannerKind;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.model.ComparisonTable;
import org.mbrllab.engine.model.EnsembleConfig;
import org.mbrllab.engine.model.MbrlSettings;
import org.mbrllab.engine.model.MbrlSettings.Version;
import org.mbrllab.engine.model.VersionComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mbrl-compare}: V1 … V4 on seeds 0 … S − 1 ({@link VersionComparison}), printed as the CSV the
 * model-based planning pane reads ({@link ComparisonTable}): one row per version, seed and episode with
 * the real and the predicted return, and with {@code --eval-starts} E &gt; 0 (the default, 3) the mean
 * return from the fixed starts. The recorded comparison in
 * {@code lessons/model-based-planning/comparison.csv} is this command's output with {@code --eval-starts 0}.
 */
@Command(name = "mbrl-compare", sortOptions = false,
        description = {"Run model-based planning V1, V2, V3 and V4 on the same seeds and print the return of every "
                + "planning episode as CSV (version,seed,episode,real_return,predicted_return, and eval_return, the mean "
                + "return from the fixed starts, unless --eval-starts is 0)."},
        footer = {"", "Example (the lesson's recorded comparison, a few minutes):",
                "  mbrl-lab mbrl-compare --system pendulum --episodes 5 --seeds 3 --eval-starts 0 > lessons/model-based-planning/comparison.csv"})
final class MbrlCompareCommand implements Callable<Integer> {

    /** How many seeds a comparison runs. */
    static final ParameterSpec SEEDS = ParameterSpec.whole("seeds", "seeds", 1, 20, 3,
            "Seeds 0 … S − 1; every version runs on each.");

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--system", paramLabel = "NAME", description = "pendulum or cartpole (default: pendulum).")
    String system = "pendulum";

    @Option(names = "--episodes", paramLabel = "N", description = "Planning episodes per run, 1 to 1000 (default: 5).")
    int episodes = 5;

    @Option(names = "--seeds", paramLabel = "S", description = "Run seeds 0 to S-1, 1 to 20 (default: 3).")
    int seeds = (int) SEEDS.defaultValue();

    @Option(names = "--members", paramLabel = "K", description = "Ensemble members for v3 and v4, 1 to 10 (default: 5).")
    int members = (int) EnsembleConfig.MEMBERS.defaultValue();

    @Option(names = "--horizon", paramLabel = "H", description = "Planning horizon in steps, 1 to 200 (default: 25).")
    int horizon = (int) MbrlSettings.HORIZON.defaultValue();

    @Option(names = "--samples", paramLabel = "N",
            description = "Sequences per CEM iteration, 2 to 10000 (default: 200).")
    int samples = (int) MbrlSettings.SAMPLES.defaultValue();

    @Option(names = "--eval-starts", paramLabel = "E", description = "Also run every episode's planner from E fixed "
            + "start states and add their mean return as a column eval_return; 0 to 10, 0 = off (default: 3).")
    int evalStarts = (int) MbrlSettings.EVAL_STARTS.defaultValue();

    @Override
    public Integer call() {
        // 1. Check the options.
        ControlSystem sys;
        try {
            sys = ControlSystem.fromCliName(system);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage());
        }
        Args.check("--episodes", MbrlSettings.EPISODES, episodes);
        Args.check("--seeds", SEEDS, seeds);
        Args.check("--members", EnsembleConfig.MEMBERS, members);
        Args.check("--horizon", MbrlSettings.HORIZON, horizon);
        Args.check("--samples", MbrlSettings.SAMPLES, samples);
        Args.check("--eval-starts", MbrlSettings.EVAL_STARTS, evalStarts);
        MbrlSettings base = MbrlSettings.defaults(sys, Version.V1).withEpisodes(episodes).withMembers(members)
                .withPlanner(PlannerKind.CEM, horizon, samples, (int) MbrlSettings.CEM_ITERATIONS.defaultValue())
                .withEvalStarts(evalStarts);

        // 2. Run.
        ComparisonTable table = new VersionComparison(base, VersionComparison.firstSeeds(seeds)).runToEnd();

        // 3. Report.
        PrintWriter out = spec.commandLine().getOut();
        out.print(table.toCsv("Real and predicted return per planning episode of V1-V4, CEM, K = " + members
                + ", H = " + horizon + ", " + samples + " samples, seeds 0-" + (seeds - 1) + ". Made with\n"
                + "mbrl-lab mbrl-compare --system " + sys.cliName() + " --episodes " + episodes + " --seeds " + seeds
                + " --members " + members + " --horizon " + horizon + " --samples " + samples
                + " --eval-starts " + evalStarts));
        out.flush();
        return 0;
    }
}
