package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.PlannerKind;
import org.mbrllab.engine.model.EnsembleConfig;
import org.mbrllab.engine.model.MbrlSettings;
import org.mbrllab.engine.model.MbrlSettings.Version;
import org.mbrllab.engine.model.MbrlSnapshot.EpisodeResult;
import org.mbrllab.engine.model.ModelBasedPlanning;
import org.mbrllab.engine.model.RolloutMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mbrl}: runs one of the course's model-based planning loops ({@link ModelBasedPlanning}) and
 * prints one entry per planning episode.
 *
 * <p>JSON: {@code episodes}, a list of {@code {"real_return", "predicted_return", "dataset_size"}} in
 * order; also {@code system}, {@code version}, {@code members} (as fitted: 1 for V1 and V2),
 * {@code seed}, {@code planner}, {@code horizon} and {@code random_return} (the return of the first
 * random-policy episode, for scale). With evaluation on ({@code --eval-starts} E &gt; 0, the default 3),
 * each episode also has {@code eval_return} (the mean over the fixed starts) and {@code eval_returns} (one
 * per start), and the root has {@code eval_starts}, the fixed start states used.
 */
@Command(name = "mbrl", sortOptions = false,
        description = {"Run model-based planning V1-V4 on the pendulum or the cartpole: random data, fit a learned "
                + "model (an ensemble for V3 and V4), plan through it with CEM, execute (V4: first action only, "
                + "then replan), aggregate the data, repeat."},
        footer = {"", "Example: mbrl-lab mbrl --system pendulum --version v4 --episodes 15 --members 5 --seed 0 --json"})
final class MbrlCommand implements Callable<Integer> {

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--system", paramLabel = "NAME", required = true,
            description = "pendulum (swing up, Gymnasium's Pendulum-v1) or cartpole (balance).")
    String system;

    @Option(names = "--version", paramLabel = "V", required = true, description = "v1, v2, v3 or v4.")
    String version;

    @Option(names = "--episodes", paramLabel = "N", description = "Planning episodes, 1 to 1000 (default: 15).")
    int episodes = (int) MbrlSettings.EPISODES.defaultValue();

    @Option(names = "--members", paramLabel = "K",
            description = "Ensemble members for v3 and v4, 1 to 10 (default: 5); v1 and v2 fit one network.")
    int members = (int) EnsembleConfig.MEMBERS.defaultValue();

    @Option(names = "--seed", paramLabel = "S", description = "Seed of everything random (default: 0).")
    long seed;

    @Option(names = "--planner", paramLabel = "NAME", description = "cem or shooting (default: cem).")
    String planner = "cem";

    @Option(names = "--horizon", paramLabel = "H", description = "Planning horizon in steps, 1 to 200 (default: 25).")
    int horizon = (int) MbrlSettings.HORIZON.defaultValue();

    @Option(names = "--samples", paramLabel = "N",
            description = "Sequences per CEM iteration or per shooting plan, 2 to 10000 (default: 200).")
    int samples = (int) MbrlSettings.SAMPLES.defaultValue();

    @Option(names = "--rollout", paramLabel = "MODE", description = "How v3 and v4 use the ensemble: one-member "
            + "(the course: one sampled member per plan), per-trajectory, per-step or mean (default: one-member).")
    String rollout = "one-member";

    @Option(names = "--eval-starts", paramLabel = "E", description = "After every episode, also run the planner with "
            + "the same model from E fixed start states, the same for every version, seed and episode, keeping no "
            + "data; 0 to 10, 0 = off (default: 3).")
    int evalStarts = (int) MbrlSettings.EVAL_STARTS.defaultValue();

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        // 1. Check the options.
        ControlSystem sys = parse(() -> ControlSystem.fromCliName(system));
        Version v = parse(() -> Version.fromCliName(version));
        Args.check("--episodes", MbrlSettings.EPISODES, episodes);
        Args.check("--members", EnsembleConfig.MEMBERS, members);
        Args.check("--horizon", MbrlSettings.HORIZON, horizon);
        Args.check("--samples", MbrlSettings.SAMPLES, samples);
        Args.check("--eval-starts", MbrlSettings.EVAL_STARTS, evalStarts);
        PlannerKind kind = parse(() -> PlannerKind.fromCliName(planner));
        if (kind == PlannerKind.ILQR) {
            throw new Cli.UsageError("--planner ilqr: the learned model gives no derivatives (planners: cem, shooting)");
        }
        RolloutMode mode = rolloutMode();
        MbrlSettings settings = MbrlSettings.defaults(sys, v).withEpisodes(episodes).withMembers(members).withSeed(seed)
                .withPlanner(kind, horizon, samples, (int) MbrlSettings.CEM_ITERATIONS.defaultValue())
                .withRolloutMode(mode).withEvalStarts(evalStarts);

        // 2. Run.
        ModelBasedPlanning loop = new ModelBasedPlanning(settings);
        List<EpisodeResult> results = loop.runToEnd();

        // 3. Report.
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("system", sys.cliName());
            root.put("version", v.cliName());
            root.put("members", settings.fittedMembers());
            root.put("seed", seed);
            root.put("planner", kind.cliName());
            root.put("horizon", horizon);
            root.put("random_return", loop.randomReturn());
            if (evalStarts > 0) {
                ArrayNode starts = root.putArray("eval_starts");
                for (double[] x : loop.fixedStarts()) {
                    ArrayNode state = starts.addArray();
                    for (double xi : x) state.add(xi);
                }
            }
            ArrayNode list = root.putArray("episodes");
            for (EpisodeResult r : results) {
                ObjectNode e = list.addObject();
                e.put("real_return", r.realReturn());
                e.put("predicted_return", r.predictedReturn());
                e.put("dataset_size", r.datasetSize());
                if (evalStarts > 0) {
                    e.put("eval_return", r.evalReturn());
                    ArrayNode each = e.putArray("eval_returns");
                    for (double x : r.evalReturns()) each.add(x);
                }
            }
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        } else {
            out.println(v + " on the " + sys.cliName() + ", " + settings.fittedMembers() + " network"
                    + (settings.fittedMembers() == 1 ? "" : "s") + ", seed " + seed
                    + String.format(Locale.ROOT, "; the random policy scored %.1f", loop.randomReturn()));
            out.println(String.format(Locale.ROOT, "%8s %12s %17s %13s%s", "episode", "real_return", "predicted_return",
                    "dataset_size", evalStarts > 0 ? String.format(Locale.ROOT, " %12s  %s", "eval_return",
                            "eval_returns (one per fixed start)") : ""));
            for (EpisodeResult r : results) {
                StringBuilder each = new StringBuilder();
                for (double x : r.evalReturns()) each.append(String.format(Locale.ROOT, " %8.2f", x));
                out.println(String.format(Locale.ROOT, "%8d %12.2f %17.2f %13d%s", r.episode(), r.realReturn(),
                        r.predictedReturn(), r.datasetSize(), evalStarts > 0
                                ? String.format(Locale.ROOT, " %12.2f %s", r.evalReturn(), each) : ""));
            }
        }
        out.flush();
        return 0;
    }

    private RolloutMode rolloutMode() {
        return switch (rollout) {
            case "one-member" -> RolloutMode.ONE_MEMBER;
            case "per-trajectory" -> RolloutMode.MEMBER_PER_TRAJECTORY;
            case "per-step" -> RolloutMode.MEMBER_PER_STEP;
            case "mean" -> RolloutMode.MEAN;
            default -> throw new Cli.UsageError("unknown --rollout '" + rollout
                    + "' (modes: one-member, per-trajectory, per-step, mean)");
        };
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage());
        }
    }
}
