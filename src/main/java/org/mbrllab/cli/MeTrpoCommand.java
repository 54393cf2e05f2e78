package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.metrpo.MeTrpo;
import org.mbrllab.engine.metrpo.MeTrpoSettings;
import org.mbrllab.engine.metrpo.MeTrpoSnapshot;
import org.mbrllab.engine.metrpo.MeTrpoSnapshot.Evaluation;
import org.mbrllab.engine.model.RolloutMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code metrpo}: runs ME-TRPO ({@link MeTrpo}), or with {@code --model-free} the TRPO baseline, and
 * prints one evaluation per outer iteration.
 *
 * <p>JSON: {@code evaluations}, a list of {@code {"real_steps", "real_return", "policy_iterations",
 * "imagined_steps"}} (the last two are totals so far); {@code real_return} is the mean return of the
 * mean policy over the {@value MeTrpo#EVALUATION_STARTS} fixed starts. Also the settings: {@code system},
 * {@code members}, {@code real_steps_budget}, {@code model_free}, {@code seed}, {@code rollout},
 * {@code horizon}, {@code imagined_paths}, {@code delta}, and {@code seconds}.
 */
@Command(name = "metrpo", sortOptions = false,
        description = {"Run ME-TRPO (Kurutach et al. 2018) on the pendulum or the cartpole: collect real data with the "
                + "policy, fit K models, improve the policy with TRPO on imagined rollouts until the models stop "
                + "agreeing that it improves, evaluate on the real system, repeat. --model-free runs plain TRPO on "
                + "the real system with the same policy, optimiser and evaluation."},
        footer = {"", "Example: mbrl-lab metrpo --system pendulum --members 5 --real-steps 4000 --seed 0 --json"})
final class MeTrpoCommand implements Callable<Integer> {

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--system", paramLabel = "NAME",
            description = "pendulum (swing up, Gymnasium's Pendulum-v1) or cartpole (balance) (default: pendulum).")
    String system = "pendulum";

    @Option(names = "--members", paramLabel = "K", description = "Models in the ensemble, 1 to 20 (default: 5).")
    int members = (int) MeTrpoSettings.MEMBERS.defaultValue();

    @Option(names = "--real-steps", paramLabel = "N", description = "Real-step budget, 200 to 10000000 (default: "
            + "4000; with --model-free " + MeTrpoSettings.MODEL_FREE_REAL_STEPS + ").")
    Integer realSteps;

    @Option(names = "--model-free", description = "Run the model-free TRPO baseline instead.")
    boolean modelFree;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of everything random (default: 0).")
    long seed;

    @Option(names = "--rollout", paramLabel = "MODE", description = "Which model answers each imagined step: per-step "
            + "(the paper), per-trajectory or mean (default: per-step).")
    String rollout = "per-step";

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Stop with exit 1 after this long (default: 3600).")
    double timeLimit = 3600;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        // 1. Check the options.
        ControlSystem sys;
        try {
            sys = ControlSystem.fromCliName(system);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage());
        }
        Args.check("--members", MeTrpoSettings.MEMBERS, members);
        int budget = realSteps != null ? realSteps
                : modelFree ? MeTrpoSettings.MODEL_FREE_REAL_STEPS : (int) MeTrpoSettings.REAL_STEPS.defaultValue();
        Args.check("--real-steps", MeTrpoSettings.REAL_STEPS, budget);
        if (!(timeLimit > 0)) throw new Cli.UsageError("--time-limit " + Format.number(timeLimit) + " is out of range: allowed > 0");
        RolloutMode mode = switch (rollout) {
            case "per-step" -> RolloutMode.MEMBER_PER_STEP;
            case "per-trajectory" -> RolloutMode.MEMBER_PER_TRAJECTORY;
            case "mean" -> RolloutMode.MEAN;
            default -> throw new Cli.UsageError("unknown --rollout '" + rollout + "' (modes: per-step, per-trajectory, mean)");
        };
        MeTrpoSettings settings = MeTrpoSettings.defaults().withSystem(sys).withMembers(members).withSeed(seed)
                .withRolloutMode(mode).withRealSteps(budget);
        if (modelFree) settings = settings.asModelFree(budget);

        // 2. Run, with progress on the error stream.
        long start = System.nanoTime();
        MeTrpo run = new MeTrpo(settings);
        Progress progress = new Progress(spec.commandLine().getErr(), System::nanoTime, timeLimit, "--time-limit");
        while (run.step()) {
            progress.tick(() -> {
                MeTrpoSnapshot s = run.snapshot();
                return s.realSteps() + " real steps, " + s.policyIterations() + " policy iterations, last return "
                        + Format.fixed(s.lastReturn(), 1);
            });
        }
        MeTrpoSnapshot done = run.snapshot();
        if (done.failure() != null) throw new Cli.RunFailed(done.failure());
        double seconds = (System.nanoTime() - start) / 1e9;

        // 3. Report.
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("system", sys.cliName());
            root.put("members", members);
            root.put("real_steps_budget", budget);
            root.put("model_free", modelFree);
            root.put("seed", seed);
            root.put("rollout", rollout);
            root.put("horizon", settings.horizon());
            root.put("imagined_paths", settings.imaginedPaths());
            root.put("delta", settings.delta());
            root.put("seconds", seconds);
            ArrayNode list = root.putArray("evaluations");
            for (Evaluation e : done.evaluations()) {
                ObjectNode o = list.addObject();
                o.put("real_steps", e.realSteps());
                o.put("real_return", e.realReturn());
                o.put("policy_iterations", e.policyIterations());
                o.put("imagined_steps", e.imaginedSteps());
            }
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        } else {
            out.println((modelFree ? "Model-free TRPO" : "ME-TRPO with " + members + " model" + (members == 1 ? "" : "s"))
                    + " on the " + sys.cliName() + ", seed " + seed + String.format(Locale.ROOT, " (%.1f s)", seconds));
            out.println(String.format(Locale.ROOT, "%10s %12s %18s %15s", "real_steps", "real_return",
                    "policy_iterations", "imagined_steps"));
            for (Evaluation e : done.evaluations()) {
                out.println(String.format(Locale.ROOT, "%10d %12.2f %18d %15d", e.realSteps(), e.realReturn(),
                        e.policyIterations(), e.imaginedSteps()));
            }
        }
        out.flush();
        return 0;
    }
}
