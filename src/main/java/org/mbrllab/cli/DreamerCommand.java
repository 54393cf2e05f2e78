package org.mbrllab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.dreamer.DreamerAgent;
import org.mbrllab.engine.dreamer.DreamerConfig;
import org.mbrllab.engine.dreamer.DreamerData;
import org.mbrllab.engine.dreamer.DreamerEpisode;
import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.DreamerSnapshot;
import org.mbrllab.engine.dreamer.FrozenRssm;
import org.mbrllab.engine.dreamer.OpenLoop;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.dreamer.PlanetPolicy;
import org.mbrllab.engine.dreamer.RssmConfig;
import org.mbrllab.engine.dreamer.RssmTrainer;
import org.mbrllab.engine.nn.Nd4jRuntime;
import org.mbrllab.engine.run.DivergenceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dreamer}: Dreamer's world model (an RSSM, {@link RssmTrainer}) trained on random-torque episodes of the
 * pendulum seen through a 16×16 camera, then judged by open-loop prediction on held-out sequences
 * ({@link DreamerData}): 5 context frames filtered, 15 frames imagined from the true torques alone.
 *
 * <p>JSON (one object): {@code world}, {@code latents} ("gaussian" or "categorical"), {@code seed},
 * {@code episodes}, {@code updates}, {@code seconds}, and
 * {@code openl}: {@code {"context", "mse_per_step"} (15 numbers, the mean squared pixel error of imagined step
 * 1 … 15), {@code "mse"} (their mean), {@code "baseline_copy_last"} and {@code "baseline_mean_frame"} (the two
 * baselines' errors, averaged over the 15 steps), {@code "sequences"}}; {@code out} when a file was saved.
 *
 * <p>With {@code --plan cem}, the world model also controls the real pendulum by latent-space CEM planning
 * ({@link PlanetPolicy}, PlaNet's way) on {@code --plan-episodes} episodes from fixed start states (seed
 * {@value #EVALUATION_SEED}), and the object gains {@code planner_returns} (one per episode),
 * {@code random_policy_return} (the mean of {@value #RANDOM_EPISODES} random-torque episodes from the same seed)
 * and {@code planner}: {@code {"kind", "horizon", "samples", "elites", "iterations", "seconds_per_episode"}}.
 *
 * <p>With {@code --behaviour}, the whole agent runs instead ({@link DreamerAgent}, Algorithm 1 of the paper):
 * {@code --env-steps} / 100 real episodes, the first 5 of random torques, then in turn C updates of the world model
 * and of an actor and critic learned in its imagination, and one real episode of the actor. The object gains
 * {@code seed_episodes}, {@code env_steps}, {@code real_returns} (one per real episode), {@code random_policy_return}
 * and {@code eval} (the greedy policy's return every {@value #EVAL_EVERY} collected episodes); {@code openl}
 * measures the agent's world model. {@code --out} saves the agent: its world model with the actor, critic,
 * settings and curve sections the lesson's pane reads.
 */
@Command(name = "dreamer", sortOptions = false,
        description = {"Train Dreamer's world model (Hafner et al. 2020; an RSSM) on random episodes of the pendulum seen "
                + "through a 16x16 camera, then measure open-loop prediction on held-out sequences: 5 context frames, "
                + "then 15 frames imagined from the actions alone, against copying the last context frame and drawing "
                + "the mean frame.",
                "With --networks, the world model of a file is measured instead of trained. With --plan cem, it then "
                + "controls the real pendulum by CEM planning in its latent space (PlaNet).",
                "With --behaviour, the whole agent runs (Algorithm 1): the world model, and an actor and critic learned in "
                + "its imagination, acting in the real pendulum.",
                "With --latents categorical, z is 16 groups of 16 classes, one-hot each (DreamerV2), instead of a "
                        + "Gaussian of 16 dimensions."},
        footer = {"", "Example: mbrl-lab dreamer --updates 500 --seed 2 --json",
            "Shipped agent: mbrl-lab dreamer --behaviour --seed 1 --out assets/networks/dreamer.dn --json",
            "Shipped world model alone: mbrl-lab dreamer --seed 1 --updates 4000 --out assets/networks/dreamer-world-model.dn --json",
            "Planning with it: mbrl-lab dreamer --networks assets/networks/dreamer-world-model.dn --plan cem --json"})
final class DreamerCommand implements Callable<Integer> {
    private static final String WORLD = "pendulum-pixels";
    /** With --behaviour: the greedy policy is measured every this many collected episodes ... */
    static final int EVAL_EVERY = 5;
    /** ... on this many real episodes from this seed (the same start states every time). */
    static final int EVAL_EPISODES = 5;
    /** The only --plan. */
    private static final String CEM = "cem";
    /** The seed of the planner's (and the random policy's) fixed start states, as Dreamer's greedy evaluation uses. */
    static final long EVALUATION_SEED = 77;
    /** Random-torque episodes the random policy's return is averaged over. */
    static final int RANDOM_EPISODES = 50;
    /** The most --plan-episodes. */
    static final int MAX_PLAN_EPISODES = 100;

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--world", paramLabel = "WORLD", description = "The world: pendulum-pixels (the only one; default).")
    String world = WORLD;

    @Option(names = "--latents", paramLabel = "KIND", description = "The stochastic state z: gaussian (default; 16 "
            + "dimensions) or categorical (16 groups of 16 classes, straight-through gradients, DreamerV2).")
    String latents;

    @Option(names = "--updates", paramLabel = "N", description = "Updates of the world model, 1 to 1000000 (default: 4000, "
            + "about 5 to 10 minutes).")
    Integer updates;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the weights, the batches and the random training "
            + "episodes; the held-out episodes come from S + 1 (default: 1; with --networks, the file's).")
    Long seed;

    @Option(names = "--episodes", paramLabel = "N", description = "Random episodes of 100 steps to train on, 1 to 10000 "
            + "(default: 200).")
    int episodes = DreamerData.TRAINING_EPISODES;

    @Option(names = "--networks", paramLabel = "FILE", description = "Measure the world model of this file instead of "
            + "training one.")
    Path networks;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the world model to this file (checked before training).")
    Path out;

    @Option(names = "--behaviour", description = "Run the whole agent (Algorithm 1 of the paper): seed episodes of random "
            + "torques, then, in turn, C updates of the world model and of an actor and critic learned in imagination, and "
            + "one real episode of the actor with exploration noise. Adds real_returns, random_policy_return and eval.")
    boolean behaviour;

    @Option(names = "--env-steps", paramLabel = "N", description = "With --behaviour: agent steps in the real pendulum, "
            + "seed episodes included, a multiple of 100 from 600 to 1000000 (default: 5000, 50 episodes).")
    Integer envSteps;

    @Option(names = "--behaviour-rate", hidden = true, paramLabel = "R")
    Double behaviourRate;

    @Option(names = "--entropy", hidden = true, paramLabel = "ETA")
    Double entropy;

    @Option(names = "--clip", hidden = true, paramLabel = "C")
    Double clip;
    @Option(names = "--plan", paramLabel = "PLANNER", description = "Then control the real pendulum with the world "
            + "model: cem (CEM planning in its latent space, PlaNet's way; H 12, 100 candidates, 10 elites, 5 iterations "
            + "per step, about 10 s an episode on one core).")
    String plan;

    @Option(names = "--plan-episodes", paramLabel = "N", description = "Episodes of 100 steps to plan, 1 to 100 (default: 5).")
    Integer planEpisodes;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Stop with exit 1 after this long (default: 3600).")
    double timeLimit = 3600;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        // 1. Check the options, all before any work.
        if (!WORLD.equals(world)) throw new Cli.UsageError("unknown --world '" + world + "' (worlds: " + WORLD + ")");
        if (episodes < 1 || episodes > PixelEpisodes.MAX_EPISODES) {
            throw new Cli.UsageError("--episodes " + episodes + " is out of range: allowed 1 to " + PixelEpisodes.MAX_EPISODES);
        }
        if (updates != null && (updates < 1 || updates > RssmConfig.MAX_UPDATES)) {
            throw new Cli.UsageError("--updates " + updates + " is out of range: allowed 1 to " + RssmConfig.MAX_UPDATES);
        }
        if (envSteps != null && !behaviour) throw new Cli.UsageError("--env-steps needs --behaviour");
        if (behaviour) {
            if (networks != null) throw new Cli.UsageError("--behaviour trains its own world model on its own episodes; it cannot use --networks");
            if (plan != null) throw new Cli.UsageError("--plan plans with a world model alone; --behaviour acts with its actor");
            if (episodes != DreamerData.TRAINING_EPISODES) {
                throw new Cli.UsageError("--episodes sets the random episodes of the world model alone; with --behaviour use --env-steps");
            }
            int n = envSteps != null ? envSteps : DreamerConfig.defaults().episodes() * PixelEpisodes.STEPS;
            if (n % PixelEpisodes.STEPS != 0 || n < 600 || n > 1_000_000) {
                throw new Cli.UsageError("--env-steps " + n + " is out of range: allowed a multiple of " + PixelEpisodes.STEPS
                        + " from 600 to 1000000");
            }
            envSteps = n;
        }
        if (!(timeLimit > 0)) throw new Cli.UsageError("--time-limit " + Format.number(timeLimit) + " is out of range: allowed > 0");
        if (plan != null && !CEM.equals(plan)) throw new Cli.UsageError("unknown --plan '" + plan + "' (planners: " + CEM + ")");
        if (planEpisodes != null && plan == null) throw new Cli.UsageError("--plan-episodes needs --plan " + CEM);
        if (planEpisodes != null && (planEpisodes < 1 || planEpisodes > MAX_PLAN_EPISODES)) {
            throw new Cli.UsageError("--plan-episodes " + planEpisodes + " is out of range: allowed 1 to " + MAX_PLAN_EPISODES);
        }
        RssmConfig.Latents kind = RssmConfig.Latents.GAUSSIAN;
        if (latents != null) {
            try {
                kind = RssmConfig.Latents.of(latents);
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageError("unknown --latents '" + latents + "' (latents: gaussian, categorical)");
            }
        }
        if (behaviour && kind != RssmConfig.Latents.GAUSSIAN) {
            throw new Cli.UsageError("--behaviour imagines with a Gaussian z; --latents categorical is for the world model alone");
        }
        DreamerNetworks loaded = null;
        if (networks != null) {
            if (updates != null) throw new Cli.UsageError("--updates trains a new world model; it cannot continue the one in --networks");
            if (seed != null) throw new Cli.UsageError("--seed is the file's with --networks (its held-out episodes follow from it)");
            if (latents != null) throw new Cli.UsageError("--latents is the file's with --networks (its model has them)");
            byte[] bytes = UserFiles.read("--networks", networks, 64 << 20);
            try {
                loaded = DreamerNetworks.read(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new Cli.UsageError("--networks " + networks + ": " + e.getMessage());
            }
        }
        long s = loaded != null ? loaded.seed() : seed != null ? seed : 1;
        RssmConfig config = RssmConfig.defaults().withLatents(kind).withSeed(s)
                .withMaxUpdates(updates != null ? updates : RssmConfig.defaults().maxUpdates());
        Path outFile = out == null ? null : UserFiles.checkWritable("--out", out);

        // 2. Train (or load) the world model, with progress on the error stream.
        Progress progress = new Progress(spec.commandLine().getErr(), System::nanoTime, timeLimit, "--time-limit");
        if (behaviour) return runAgent(s, progress);
        long start = System.nanoTime();
        DreamerNetworks result;
        if (loaded != null) {
            result = loaded;
        } else {
            PixelEpisodes training = DreamerData.training(s, episodes);
            Nd4jRuntime.ensureReady();
            RssmTrainer trainer = new RssmTrainer(config, training);
            try {
                while (trainer.step()) {
                    progress.tick(() -> "update " + trainer.updates() + " of " + config.maxUpdates() + ", loss "
                            + Format.fixed(trainer.snapshot().history().get(trainer.updates() - 1).loss(), 2));
                }
            } catch (DivergenceException e) {
                throw new Cli.RunFailed(e.getMessage());
            }
            result = DreamerNetworks.of(trainer.freeze(), s, episodes, trainer.updates(), training.meanFrame());
        }

        // 3. Open-loop prediction on the held-out sequences.
        OpenLoop.Result openl = DreamerData.openLoop(DreamerData.heldOut(s), result.meanFrame()).evaluate(result.model());
        // (Behaviour learning, --behaviour, goes here: it starts from result.model().)

        // 4. Control by planning in the latent space, against random torques from the same start states.
        Planning planning = plan == null ? null : plan(result, progress, planEpisodes != null ? planEpisodes : 5);
        double total = (System.nanoTime() - start) / 1e9;

        // 5. Save, then report.
        if (outFile != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            result.write(bytes);
            UserFiles.write(outFile, bytes.toByteArray());
        }
        report(result, openl, planning, total, outFile);
        return 0;
    }

    /** --behaviour: the whole agent, then its world model's open loop, its real returns and the random policy's. */
    private int runAgent(long s, Progress progress) throws IOException {
        DreamerConfig d = DreamerConfig.defaults().withSeed(s).withEpisodes(envSteps / PixelEpisodes.STEPS);
        if (behaviourRate != null || entropy != null || clip != null) {
            d = d.withBehaviour(behaviourRate != null ? behaviourRate : d.behaviourRate(),
                    entropy != null ? entropy : d.entropy(), clip != null ? clip : d.gradientClip());
        }
        if (updates != null) {
            int collected = d.episodes() - d.seedEpisodes();
            if (updates < collected) {
                throw new Cli.UsageError("--updates " + updates + " is out of range: with --behaviour allowed " + collected
                        + " (one per collected episode) to " + RssmConfig.MAX_UPDATES);
            }
            d = d.withUpdatesPerEpisode(updates / collected);
        }
        Path outFile = out == null ? null : UserFiles.checkWritable("--out", out);
        long start = System.nanoTime();
        Nd4jRuntime.ensureReady();
        int total = d.episodes();
        DreamerAgent agent = new DreamerAgent(d);
        ArrayNode evals = new ObjectMapper().createArrayNode();
        int evaluated = agent.snapshot().episodes().size();
        try {
            while (agent.step()) {
                DreamerSnapshot snap = agent.snapshot();
                int n = snap.episodes().size();
                if (n != evaluated) {
                    evaluated = n;
                    DreamerEpisode last = snap.episodes().get(n - 1);
                    String line = "episode " + n + " of " + d.episodes() + ", return " + Format.fixed(last.realReturn(), 1)
                            + ", imagined reward " + Format.fixed(snap.behaviour()[3], 2) + ", V_lambda "
                            + Format.fixed(snap.behaviour()[2], 1);
                    if ((n - d.seedEpisodes()) % EVAL_EVERY == 0) {
                        double greedy = agent.evaluate(EVAL_EPISODES, EVALUATION_SEED);
                        ObjectNode e = evals.addObject();
                        e.put("env_steps", last.envSteps());
                        e.put("updates", snap.updates());
                        e.put("return", greedy);
                        line += ", greedy " + Format.fixed(greedy, 1);
                    }
                    spec.commandLine().getErr().println("progress: " + line);
                    spec.commandLine().getErr().flush();
                }
                progress.tick(() -> "update " + agent.updates() + ", episode " + agent.snapshot().episodes().size()
                        + " of " + total);
            }
        } catch (DivergenceException e) {
            throw new Cli.RunFailed(e.getMessage());
        }
        DreamerSnapshot snap = agent.snapshot();
        FrozenRssm model = agent.freezeModel();
        float[] meanFrame = agent.replay().meanFrame();
        DreamerNetworks result = DreamerNetworks.of(model, s, d.episodes(), snap.updates(), meanFrame);
        OpenLoop.Result openl = DreamerData.openLoop(DreamerData.heldOut(s), meanFrame).evaluate(model);
        double random = DreamerAgent.randomPolicyReturn(RANDOM_EPISODES, EVALUATION_SEED);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (outFile != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            agent.networks(random).write(bytes);
            UserFiles.write(outFile, bytes.toByteArray());
        }
        PrintWriter w = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("world", world);
        root.put("seed", s);
        root.put("episodes", d.episodes());
        root.put("seed_episodes", d.seedEpisodes());
        root.put("updates", snap.updates());
        root.put("env_steps", snap.episodes().get(snap.episodes().size() - 1).envSteps());
        root.put("seconds", Math.round(seconds * 100) / 100.0);
        putOpenLoop(root, openl);
        ArrayNode returns = root.putArray("real_returns");
        for (DreamerEpisode e : snap.episodes()) returns.add(e.realReturn());
        root.put("random_policy_return", random);
        root.set("eval", evals);
        if (outFile != null) root.put("out", outFile.toString());
        if (json) {
            w.println(mapper.writeValueAsString(root));
        } else {
            w.println("Dreamer agent on " + world + ", seed " + s + ": " + snap.updates() + " updates, " + d.episodes()
                    + " real episodes (" + d.seedEpisodes() + " of random torques first)"
                    + String.format(Locale.ROOT, " (%.1f s)", seconds));
            StringBuilder line = new StringBuilder("real return per episode:");
            for (DreamerEpisode e : snap.episodes()) line.append(' ').append(Format.fixed(e.realReturn(), 0));
            w.println(line);
            line = new StringBuilder("greedy policy (5 episodes, seed " + EVALUATION_SEED + ") by environment steps:");
            for (JsonNode e : evals) {
                line.append(' ').append(e.get("env_steps").asInt()).append(": ").append(Format.fixed(e.get("return").asDouble(), 1));
            }
            w.println(line);
            w.println("random policy: " + Format.fixed(random, 1) + " (mean of " + RANDOM_EPISODES + " episodes)");
            w.println(String.format(Locale.ROOT, "open loop of its world model: %.5f, %.2f × the mean frame's error, %.2f × copying the last frame's",
                    openl.mse(), openl.mse() / openl.baselineMeanFrame(), openl.mse() / openl.baselineCopyLast()));
            if (outFile != null) w.println("saved to " + outFile);
        }
        w.flush();
        return 0;
    }

    private static void putOpenLoop(ObjectNode root, OpenLoop.Result openl) {
        ObjectNode o = root.putObject("openl");
        o.put("context", openl.context());
        ArrayNode list = o.putArray("mse_per_step");
        for (double x : openl.msePerStep()) list.add(x);
        o.put("mse", openl.mse());
        o.put("baseline_copy_last", openl.baselineCopyLast());
        o.put("baseline_mean_frame", openl.baselineMeanFrame());
        o.put("sequences", openl.sequences());
    }

    /** The planner's real returns, its settings and time, and the random policy's mean return. */
    private record Planning(PlanetPolicy.Settings settings, double[] returns, double secondsPerEpisode, double randomReturn) {}

    private static Planning plan(DreamerNetworks result, Progress progress, int episodes) {
        PlanetPolicy.Settings settings = PlanetPolicy.Settings.defaults();
        PlanetPolicy policy = new PlanetPolicy(result.model(), settings);
        int[] steps = {0};
        long start = System.nanoTime();
        PixelEpisodes played = PixelEpisodes.collect((frame, random) -> {
            progress.tick(() -> "planning step " + steps[0] + " of " + episodes * PixelEpisodes.STEPS);
            steps[0]++;
            return policy.torque(frame, random);
        }, episodes, EVALUATION_SEED);
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] returns = new double[episodes];
        for (int e = 0; e < episodes; e++) returns[e] = played.episodeReturn(e);
        return new Planning(settings, returns, seconds / episodes, DreamerAgent.randomPolicyReturn(RANDOM_EPISODES, EVALUATION_SEED));
    }

    private void report(DreamerNetworks result, OpenLoop.Result openl, Planning planning, double seconds, Path outFile)
            throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        double[] mse = openl.msePerStep();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("world", world);
            root.put("latents", result.model().latents().key());
            root.put("seed", result.seed());
            root.put("episodes", result.episodes());
            root.put("updates", result.updates());
            root.put("seconds", Math.round(seconds * 100) / 100.0);
            putOpenLoop(root, openl);
            if (planning != null) {
                ArrayNode returns = root.putArray("planner_returns");
                for (double r : planning.returns()) returns.add(r);
                root.put("random_policy_return", planning.randomReturn());
                PlanetPolicy.Settings p = planning.settings();
                ObjectNode settings = root.putObject("planner");
                settings.put("kind", CEM);
                settings.put("horizon", p.horizon());
                settings.put("samples", p.samples());
                settings.put("elites", p.elites());
                settings.put("iterations", p.iterations());
                settings.put("seconds_per_episode", Math.round(planning.secondsPerEpisode() * 100) / 100.0);
            }
            if (outFile != null) root.put("out", outFile.toString());
            w.println(mapper.writeValueAsString(root));
        } else {
            FrozenRssm m = result.model();
            w.println("Dreamer world model on " + world + ", seed " + result.seed() + ": " + result.updates() + " updates on "
                    + result.episodes() + " random episodes, h " + m.deterministic() + ", z " + m.stochastic()
                    + (m.categorical() ? " x " + m.classes() + " categorical" : "")
                    + String.format(Locale.ROOT, " (%.1f s)", seconds));
            w.println("open loop on " + openl.sequences() + " held-out sequences, " + openl.context() + " context frames:");
            w.println(String.format(Locale.ROOT, "%6s %10s %10s %10s", "step", "model", "copy_last", "mean_frame"));
            double[] copy = openl.copyLastPerStep();
            double[] mean = openl.meanFramePerStep();
            for (int k = 0; k < mse.length; k++) {
                w.println(String.format(Locale.ROOT, "%6d %10.5f %10.5f %10.5f", k + 1, mse[k], copy[k], mean[k]));
            }
            w.println(String.format(Locale.ROOT, "%6s %10.5f %10.5f %10.5f  (model / mean frame %.2f, model / copy last %.2f)",
                    "mean", openl.mse(), openl.baselineCopyLast(), openl.baselineMeanFrame(),
                    openl.mse() / openl.baselineMeanFrame(), openl.mse() / openl.baselineCopyLast()));
            if (planning != null) {
                PlanetPolicy.Settings p = planning.settings();
                double planned = java.util.Arrays.stream(planning.returns()).average().orElse(Double.NaN);
                w.println(String.format(Locale.ROOT, "CEM planning in the latent space (H %d, %d candidates, %d elites, %d iterations; "
                        + "%.1f s an episode), %d %s from seed %d:", p.horizon(), p.samples(), p.elites(), p.iterations(),
                        planning.secondsPerEpisode(), planning.returns().length, planning.returns().length == 1 ? "episode" : "episodes",
                        EVALUATION_SEED));
                StringBuilder list = new StringBuilder();
                for (double r : planning.returns()) list.append(String.format(Locale.ROOT, " %.1f", r));
                w.println("  returns" + list + String.format(Locale.ROOT, "  (mean %.1f; random torques %.1f over %d episodes)",
                        planned, planning.randomReturn(), RANDOM_EPISODES));
            }
            if (outFile != null) w.println("saved to " + outFile);
        }
        w.flush();
    }
}
