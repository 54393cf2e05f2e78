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
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.DreamerData;
import org.mbrllab.engine.dreamer.OpenLoop;
import org.mbrllab.engine.dreamer.PixelEpisodes;
import org.mbrllab.engine.nn.Nd4jRuntime;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.tokens.TokenConfig;
import org.mbrllab.engine.tokens.TokenImagination;
import org.mbrllab.engine.tokens.TokenNetworks;
import org.mbrllab.engine.tokens.TokenOpenLoop;
import org.mbrllab.engine.tokens.TokenWorldModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code token-world-model}: the world model of IRIS (Micheli et al. 2023) on the Dreamer lesson's pixel pendulum, a
 * VQ tokenizer of its 16×16 frames and a causal transformer over frame tokens interleaved with action tokens,
 * trained ({@link TokenWorldModel#train}) on exactly the {@code dreamer} command's training episodes for the same
 * seed ({@link DreamerData#training}) and judged on its held-out episodes ({@link DreamerData#heldOut}) by
 * open-loop prediction: {@value TokenWorldModel#CONTEXT} context frames seen, {@value TokenWorldModel#HORIZON}
 * imagined from the true torques alone, on the first {@value TokenWorldModel#SEQUENCES} windows.
 *
 * <p>Two open-loop figures. {@code openl}: each imagined frame scored is the pixel-wise mean of {@code --samples}
 * futures drawn at temperature 1 from every code (a Monte Carlo estimate of the model's predictive mean, as
 * {@link TokenOpenLoop} scores it), the figure comparable with
 * the RSSM's mean prediction and the mean-frame baseline. {@code openl_greedy}: one future, the most likely code
 * at every token. One sharp future is penalised twice when its rod is a little off (where it is drawn and where
 * it is missing), so greedy decoding beats copying the last frame but not the mean frame; the mean of sampled
 * futures beats both.
 *
 * <p>JSON (one object): {@code world}, {@code seed}, {@code steps} (transformer updates), {@code tokenizer_mse}
 * (the tokenizer's squared error per pixel over every held-out frame), {@code codes_used} (of the K codes, those
 * some held-out patch picks), {@code seconds} (the training's wall-clock time; the file's with {@code --networks}),
 * {@code openl} and {@code openl_greedy}, each {@code {"context", "mse_per_step"} ({@value TokenWorldModel#HORIZON}
 * numbers), {@code "mse"} (their mean), {@code "baseline_copy_last"}, {@code "baseline_mean_frame"} (averaged over
 * the steps), {@code "sequences"}}, as {@code dreamer}'s {@code openl}; {@code out} when a file was saved.
 */
@Command(name = "token-world-model", sortOptions = false,
        description = {"Train a token world model (IRIS, Micheli et al. 2023) on the dreamer command's random episodes of the "
                + "pendulum seen through a 16x16 camera: a VQ tokenizer turns each frame into 16 codes, a causal "
                + "transformer predicts the next frame's codes one by one and each step's reward. Then measure open-loop "
                + "prediction on the dreamer command's held-out episodes: 5 context frames, then 10 frames imagined from "
                + "the actions alone, against copying the last context frame and drawing the mean frame.",
                "openl scores the mean of --samples futures sampled at temperature 1 (the model's predictive mean); "
                + "openl_greedy one future of the most likely codes.",
                "With --networks, the model of a file is measured instead of trained."},
        footer = {"", "Example: mbrl-lab token-world-model --steps 500 --samples 8 --json",
            "Shipped model: mbrl-lab token-world-model --seed 1 --out assets/networks/token-world-model.tn --json"})
final class TokenWorldModelCommand implements Callable<Integer> {
    private static final String WORLD = "pendulum-pixels";

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--world", paramLabel = "WORLD", description = "The world: pendulum-pixels (the only one; default).")
    String world = WORLD;

    @Option(names = "--steps", paramLabel = "N", description = "Updates of the transformer, 1 to 1000000 (default: 4000; "
            + "with the tokenizer's 1000, about 8 minutes).")
    Integer steps;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the weights, the batches, the random training "
            + "episodes (the dreamer command's for S) and the sampled futures; the held-out episodes come from S + 1 "
            + "(default: 1; with --networks, the file's).")
    Long seed;

    @Option(names = "--samples", paramLabel = "N", description = "Futures sampled per held-out window for openl, 1 to 1000 "
            + "(default: 32).")
    int samples = DEFAULT_SAMPLES;

    @Option(names = "--networks", paramLabel = "FILE", description = "Measure the model of this file instead of training one.")
    Path networks;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the model to this file (checked before training).")
    Path out;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Stop with exit 1 after this long (default: 3600).")
    double timeLimit = 3600;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    // Hidden, for the tests: a smaller model on fewer episodes, so that the whole command runs in seconds.
    @Option(names = "--episodes", hidden = true, paramLabel = "N")
    int episodes = DreamerData.TRAINING_EPISODES;

    @Option(names = "--tokenizer-steps", hidden = true, paramLabel = "N")
    Integer tokenizerSteps;

    @Option(names = "--tiny", hidden = true)
    boolean tiny;

    /** Futures averaged per window for {@code openl}, unless {@code --samples} says otherwise. */
    static final int DEFAULT_SAMPLES = 32;

    @Override
    public Integer call() throws IOException {
        // 1. Check the options, all before any work.
        if (!WORLD.equals(world)) throw new Cli.UsageError("unknown --world '" + world + "' (worlds: " + WORLD + ")");
        range("--steps", steps, TokenConfig.MAX_UPDATES);
        range("--tokenizer-steps", tokenizerSteps, TokenConfig.MAX_UPDATES);
        range("--samples", samples, 1000);
        range("--episodes", episodes, PixelEpisodes.MAX_EPISODES);
        if (!(timeLimit > 0)) throw new Cli.UsageError("--time-limit " + Format.number(timeLimit) + " is out of range: allowed > 0");
        TokenNetworks loaded = null;
        if (networks != null) {
            if (steps != null || tokenizerSteps != null || tiny) {
                throw new Cli.UsageError("--steps trains a new model; it cannot continue the one in --networks");
            }
            if (seed != null) throw new Cli.UsageError("--seed is the file's with --networks (its held-out episodes follow from it)");
            byte[] bytes = UserFiles.read("--networks", networks, 64 << 20);
            try {
                loaded = TokenNetworks.read(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new Cli.UsageError("--networks " + networks + ": " + e.getMessage());
            }
        }
        long s = loaded != null ? loaded.seed() : seed != null ? seed : 1;
        TokenConfig base = (tiny ? TokenConfig.tiny() : TokenConfig.defaults()).withSeed(s);
        TokenConfig config = base.withUpdates(tokenizerSteps != null ? tokenizerSteps : base.tokenizerUpdates(),
                steps != null ? steps : base.transformerUpdates());
        Path outFile = out == null ? null : UserFiles.checkWritable("--out", out);

        // 2. Train (or load) the model, with progress on the error stream.
        Progress progress = new Progress(spec.commandLine().getErr(), System::nanoTime, timeLimit, "--time-limit");
        TokenNetworks result;
        if (loaded != null) {
            result = loaded;
        } else {
            PixelEpisodes training = DreamerData.training(s, episodes);
            Nd4jRuntime.ensureReady();
            try {
                TokenWorldModel.Trained model = TokenWorldModel.train(config, training, (network, update, updates, loss) ->
                        progress.tick(() -> network + " update " + update + " of " + updates + ", loss " + Format.fixed(loss, 3)));
                result = TokenNetworks.of(model, config, training);
            } catch (DivergenceException e) {
                throw new Cli.RunFailed(e.getMessage());
            }
        }

        // 3. The tokenizer and open-loop prediction on the held-out episodes.
        PixelEpisodes heldOut = DreamerData.heldOut(s);
        TokenImagination model = result.imagination();
        TokenOpenLoop openLoop = new TokenOpenLoop(heldOut, result.meanFrame(), TokenWorldModel.CONTEXT,
                TokenWorldModel.HORIZON, TokenWorldModel.SEQUENCES);
        double tokenizerMse = TokenOpenLoop.tokenizerMse(model.tokenizer(), heldOut);
        int codesUsed = TokenOpenLoop.codesUsed(model.tokenizer(), heldOut);
        TokenImagination.Sampling sampled = new TokenImagination.Sampling(1, model.tokenizer().codes());
        OpenLoop.Result mean = openLoop.evaluate(model, sampled, samples, Seeds.random(s));
        OpenLoop.Result greedy = openLoop.evaluate(model, TokenImagination.Sampling.greedy(), Seeds.random(s));

        // 4. Save, then report.
        if (outFile != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            result.write(bytes);
            UserFiles.write(outFile, bytes.toByteArray());
        }
        report(result, tokenizerMse, codesUsed, mean, greedy, outFile);
        return 0;
    }

    /** A usage error unless {@code value} (when given) lies in 1 … {@code max}. */
    private static void range(String flag, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw new Cli.UsageError(flag + " " + value + " is out of range: allowed 1 to " + max);
        }
    }

    private void report(TokenNetworks result, double tokenizerMse, int codesUsed, OpenLoop.Result mean,
                        OpenLoop.Result greedy, Path outFile) throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        double seconds = result.seconds();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("world", world);
            root.put("seed", result.seed());
            root.put("steps", result.config().transformerUpdates());
            root.put("tokenizer_mse", tokenizerMse);
            root.put("codes_used", codesUsed);
            root.put("seconds", Math.round(seconds * 100) / 100.0);
            openLoop(root.putObject("openl"), mean);
            openLoop(root.putObject("openl_greedy"), greedy);
            if (outFile != null) root.put("out", outFile.toString());
            w.println(mapper.writeValueAsString(root));
        } else {
            TokenConfig c = result.config();
            w.println("Token world model on " + world + ", seed " + result.seed() + ": tokenizer " + c.tokenizerUpdates()
                    + " updates, transformer " + c.transformerUpdates() + " updates, on " + result.episodes()
                    + " random episodes" + String.format(Locale.ROOT, " (%.1f s)", seconds));
            w.println(String.format(Locale.ROOT, "tokenizer: %.5f squared error per held-out pixel, %d of %d codes used",
                    tokenizerMse, codesUsed, c.codes()));
            w.println("open loop on " + mean.sequences() + " held-out sequences, " + mean.context() + " context frames "
                    + "(mean: the mean of " + samples + " sampled futures; greedy: one future of the likeliest codes):");
            w.println(String.format(Locale.ROOT, "%6s %10s %10s %10s %10s", "step", "mean", "greedy", "copy_last", "mean_frame"));
            double[] copy = mean.copyLastPerStep();
            double[] frame = mean.meanFramePerStep();
            for (int k = 0; k < copy.length; k++) {
                w.println(String.format(Locale.ROOT, "%6d %10.5f %10.5f %10.5f %10.5f", k + 1, mean.msePerStep()[k],
                        greedy.msePerStep()[k], copy[k], frame[k]));
            }
            w.println(String.format(Locale.ROOT, "%6s %10.5f %10.5f %10.5f %10.5f  (mean / mean frame %.2f, mean / copy last %.2f)",
                    "mean", mean.mse(), greedy.mse(), mean.baselineCopyLast(), mean.baselineMeanFrame(),
                    mean.mse() / mean.baselineMeanFrame(), mean.mse() / mean.baselineCopyLast()));
            if (outFile != null) w.println("saved to " + outFile);
        }
        w.flush();
    }

    private static void openLoop(ObjectNode o, OpenLoop.Result r) {
        o.put("context", r.context());
        ArrayNode list = o.putArray("mse_per_step");
        for (double x : r.msePerStep()) list.add(x);
        o.put("mse", r.mse());
        o.put("baseline_copy_last", r.baselineCopyLast());
        o.put("baseline_mean_frame", r.baselineMeanFrame());
        o.put("sequences", r.sequences());
    }
}
