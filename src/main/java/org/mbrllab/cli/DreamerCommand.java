package org.mbrllab.cli;

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
import org.mbrllab.engine.dreamer.DreamerData;
import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.FrozenRssm;
import org.mbrllab.engine.dreamer.OpenLoop;
import org.mbrllab.engine.dreamer.PixelEpisodes;
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
 * <p>The behaviour half of Dreamer (an actor and a critic learned in imagination, {@code --behaviour} and
 * {@code --env-steps} in the lesson's design) is not part of this command yet; when it comes, it runs after
 * step 3 below on the world model just trained or loaded, and adds its keys to the same object.
 */
@Command(name = "dreamer", sortOptions = false,
        description = {"Train Dreamer's world model (Hafner et al. 2020; an RSSM) on random episodes of the pendulum seen "
                + "through a 16x16 camera, then measure open-loop prediction on held-out sequences: 5 context frames, "
                + "then 15 frames imagined from the actions alone, against copying the last context frame and drawing "
                + "the mean frame.",
                "With --networks, the world model of a file is measured instead of trained.",
                "With --latents categorical, z is 16 groups of 16 classes, one-hot each (DreamerV2), instead of a "
                        + "Gaussian of 16 dimensions."},
        footer = {"", "Example: mbrl-lab dreamer --updates 500 --seed 2 --json",
            "Shipped world model: mbrl-lab dreamer --seed 1 --updates 4000 --out assets/networks/dreamer.dn --json"})
final class DreamerCommand implements Callable<Integer> {
    private static final String WORLD = "pendulum-pixels";

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
        if (!(timeLimit > 0)) throw new Cli.UsageError("--time-limit " + Format.number(timeLimit) + " is out of range: allowed > 0");
        RssmConfig.Latents kind = RssmConfig.Latents.GAUSSIAN;
        if (latents != null) {
            try {
                kind = RssmConfig.Latents.of(latents);
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageError("unknown --latents '" + latents + "' (latents: gaussian, categorical)");
            }
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
        double total = (System.nanoTime() - start) / 1e9;

        // 4. Save, then report.
        if (outFile != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            result.write(bytes);
            UserFiles.write(outFile, bytes.toByteArray());
        }
        report(result, openl, total, outFile);
        return 0;
    }

    private void report(DreamerNetworks result, OpenLoop.Result openl, double seconds, Path outFile) throws IOException {
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
            ObjectNode o = root.putObject("openl");
            o.put("context", openl.context());
            ArrayNode list = o.putArray("mse_per_step");
            for (double x : mse) list.add(x);
            o.put("mse", openl.mse());
            o.put("baseline_copy_last", openl.baselineCopyLast());
            o.put("baseline_mean_frame", openl.baselineMeanFrame());
            o.put("sequences", openl.sequences());
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
            if (outFile != null) w.println("saved to " + outFile);
        }
        w.flush();
    }
}
