package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.nn.Nd4jRuntime;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.worldmodels.ControllerConfig;
import org.mbrllab.engine.worldmodels.DodgeParams;
import org.mbrllab.engine.worldmodels.FrozenMdnRnn;
import org.mbrllab.engine.worldmodels.FrozenVae;
import org.mbrllab.engine.worldmodels.LinearController;
import org.mbrllab.engine.worldmodels.MdnRnnConfig;
import org.mbrllab.engine.worldmodels.MdnRnnEpoch;
import org.mbrllab.engine.worldmodels.MdnRnnTrainer;
import org.mbrllab.engine.worldmodels.RealPlay;
import org.mbrllab.engine.worldmodels.VaeConfig;
import org.mbrllab.engine.worldmodels.VaeTrainer;
import org.mbrllab.engine.worldmodels.WorldModelsNetworks;
import org.mbrllab.engine.worldmodels.WorldModelsNetworks.TrainedController;
import org.mbrllab.engine.worldmodels.WorldModelsPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code world-models}: the World Models pipeline ({@link WorldModelsPipeline}) on the Dodge game: random
 * episodes, V, M, then one controller per temperature evolved only in M's dream, each scored in the dream
 * and in the real game.
 *
 * <p>JSON (one object): {@code stage}, {@code seed}, {@code rollouts}, {@code episodes},
 * {@code vae_reconstruction_mse} (per pixel, held-out frames), {@code mean_frame_mse} (the same for
 * drawing the mean training frame), {@code rnn_heldout_nll} (per step and latent dimension; null when V
 * and M were loaded), {@code random_policy_real_score}, {@code temperatures}: a list of
 * {@code {"tau", "dream_score", "real_score"}}, {@code stage_seconds}: {@code {"collect", "vae", "rnn",
 * "controller", "evaluate"}}, and {@code seconds}. A value a stage did not reach is null.
 */
@Command(name = "world-models", sortOptions = false,
        description = {"Run World Models (Ha and Schmidhuber 2018) on the Dodge game: collect random episodes, train V "
                + "(a VAE) on their frames and M (an MDN-RNN) on V's latents, then for each temperature evolve a linear "
                + "controller C with CMA-ES entirely inside M's dream and score it in the dream and in the real game.",
                "--stage stops after a stage: vae, rnn, controller (dream scores only) or all. --stage evaluate only "
                + "plays the controllers of a --networks file in the real game."},
        footer = {"", "Example: mbrl-lab world-models --temperatures 0.1,1.0,1.15 --seed 1 --json",
            "Shipped networks: mbrl-lab world-models --seed 1 --out assets/networks/world-models.wm --json"})
final class WorldModelsCommand implements Callable<Integer> {
    private static final List<String> STAGES = List.of("vae", "rnn", "controller", "evaluate", "all");

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--stage", paramLabel = "STAGE", description = "vae, rnn, controller, evaluate or all (default: all).")
    String stage = "all";

    @Option(names = "--temperatures", paramLabel = "T,T,...", split = ",",
            description = "Dream temperatures to evolve a controller at, each 0.0001 to 10 (default: 0.1,0.5,1.0,1.15,1.3, "
                    + "the paper's Table 2).")
    List<Double> temperatures = new ArrayList<>(List.of(0.1, 0.5, 1.0, 1.15, 1.3));

    @Option(names = "--seed", paramLabel = "S", description = "Seed of everything random (default: 1).")
    long seed = 1;

    @Option(names = "--episodes", paramLabel = "N", description = "Real episodes each score averages over, 1 to 10000 (default: 100).")
    int episodes = 100;

    @Option(names = "--rollouts", paramLabel = "N", description = "Random episodes V and M learn from, 1 to 100000 (default: 1200).")
    int rollouts = 1200;

    @Option(names = "--vae-epochs", paramLabel = "N", description = "Epochs of V (default: 20).")
    Integer vaeEpochs;

    @Option(names = "--rnn-epochs", paramLabel = "N", description = "Epochs of M (default: 10).")
    Integer rnnEpochs;

    @Option(names = "--generations", paramLabel = "N", description = "CMA-ES generations per temperature (default: 100).")
    Integer generations;

    @Option(names = "--population", paramLabel = "N", description = "CMA-ES candidates per generation, 4 to 1024 (default: 32).")
    Integer population;

    @Option(names = "--dreams", paramLabel = "N", description = "Dreams each candidate is scored on, 1 to 1024 (default: 16).")
    Integer dreams;

    @Option(names = "--threads", paramLabel = "N", description = "Threads the dreams are shared among, 1 to 64 (default: "
            + "the machine's cores). The results do not depend on it.")
    Integer threads;

    @Option(names = "--networks", paramLabel = "FILE", description = "Start from the V and M (and, for --stage evaluate, "
            + "the controllers) of this file instead of training them.")
    Path networks;

    @Option(names = "--out", paramLabel = "FILE", description = "Save V, M and the controllers to this file (checked "
            + "before training).")
    Path out;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Stop with exit 1 after this long (default: 3600).")
    double timeLimit = 3600;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        // 1. Check the options, all before any work.
        if (!STAGES.contains(stage)) throw new Cli.UsageError("unknown --stage '" + stage + "' (stages: " + String.join(", ", STAGES) + ")");
        if (temperatures.isEmpty()) throw new Cli.UsageError("--temperatures needs at least one value");
        for (double t : temperatures) {
            if (!(t >= FrozenMdnRnn.MIN_TEMPERATURE && t <= FrozenMdnRnn.MAX_TEMPERATURE)) {
                throw new Cli.UsageError("--temperatures " + Format.number(t) + " is out of range: allowed "
                        + Format.number(FrozenMdnRnn.MIN_TEMPERATURE) + " to " + Format.number(FrozenMdnRnn.MAX_TEMPERATURE));
            }
        }
        range("--episodes", episodes, 1, 10_000);
        range("--rollouts", rollouts, 1, 100_000);
        if (!(timeLimit > 0)) throw new Cli.UsageError("--time-limit " + Format.number(timeLimit) + " is out of range: allowed > 0");
        int cores = threads != null ? threads : Math.min(Runtime.getRuntime().availableProcessors(), 64);
        range("--threads", cores, 1, 64);
        DodgeParams params = DodgeParams.defaults();
        VaeConfig vaeConfig;
        MdnRnnConfig rnnConfig;
        ControllerConfig base;
        try {
            vaeConfig = VaeConfig.defaults().withSeed(seed);
            if (vaeEpochs != null) vaeConfig = vaeConfig.withMaxEpochs(vaeEpochs);
            rnnConfig = MdnRnnConfig.defaults().withSeed(seed);
            if (rnnEpochs != null) rnnConfig = rnnConfig.withMaxEpochs(rnnEpochs);
            base = ControllerConfig.defaults(1.0).withSeed(seed).withThreads(cores);
            if (generations != null) base = base.withGenerations(generations);
            if (population != null || dreams != null) {
                base = base.withPopulation(population != null ? population : base.population(), dreams != null ? dreams : base.dreams());
            }
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage().replace("maxEpochs", "epochs"));
        }
        boolean trainsVm = networks == null;
        if (!trainsVm && (stage.equals("vae") || stage.equals("rnn"))) {
            throw new Cli.UsageError("--stage " + stage + " trains " + (stage.equals("vae") ? "V" : "M") + "; it cannot start from --networks");
        }
        if (stage.equals("evaluate") && networks == null) {
            throw new Cli.UsageError("--stage evaluate plays the controllers of a --networks file; give one, or use --stage all");
        }
        WorldModelsNetworks loaded = null;
        if (networks != null) {
            byte[] bytes = UserFiles.read("--networks", networks, 64 << 20);
            try {
                loaded = WorldModelsNetworks.read(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new Cli.UsageError("--networks " + networks + ": " + e.getMessage());
            }
            if (stage.equals("evaluate") && loaded.controllers().isEmpty()) {
                throw new Cli.UsageError("--networks " + networks + " holds no controller to evaluate");
            }
        }
        if (out != null && stage.equals("vae")) throw new Cli.UsageError("--out saves V and M: use --stage rnn or later");
        Path outFile = out == null ? null : UserFiles.checkWritable("--out", out);

        // 2. Run the stages, with progress on the error stream.
        Progress progress = new Progress(spec.commandLine().getErr(), System::nanoTime, timeLimit, "--time-limit");
        long start = System.nanoTime();
        double[] seconds = new double[5];
        Double vaeMse = null;
        Double meanFrameMse = null;
        Double rnnNll = null;
        Double randomScore = null;
        List<TrainedController> trained = new ArrayList<>();
        FrozenVae v;
        FrozenMdnRnn m;
        try {
            long t = System.nanoTime();
            WorldModelsPipeline.Data data = WorldModelsPipeline.collect(params, rollouts, seed);
            seconds[0] = (System.nanoTime() - t) / 1e9;
            if (trainsVm) {
                Nd4jRuntime.ensureReady();
                t = System.nanoTime();
                VaeTrainer vt = VaeTrainer.forRollouts(vaeConfig, data.training(), data.heldOut());
                while (vt.step()) progress.tick(() -> "V: epoch " + vt.epoch() + " of " + vt.config().maxEpochs());
                v = vt.freeze();
                seconds[1] = (System.nanoTime() - t) / 1e9;
            } else {
                v = loaded.v();
            }
            vaeMse = v.reconstructionMse(data.heldOut().allFrames());
            meanFrameMse = VaeTrainer.meanFrameMse(data.training().allFrames(), data.heldOut().allFrames(), v.pixels());
            if (!trainsVm) {
                m = loaded.m();
            } else if (!stage.equals("vae")) {
                t = System.nanoTime();
                MdnRnnTrainer mt = new MdnRnnTrainer(rnnConfig, v, data.training(), data.heldOut());
                while (mt.step()) progress.tick(() -> "M: epoch " + mt.epoch() + " of " + mt.config().maxEpochs());
                m = mt.freeze();
                List<MdnRnnEpoch> history = mt.snapshot().history();
                rnnNll = history.get(history.size() - 1).heldOutNll();
                seconds[2] = (System.nanoTime() - t) / 1e9;
            } else {
                m = null;
            }
            boolean real = stage.equals("all") || stage.equals("evaluate");
            if (stage.equals("evaluate")) {
                t = System.nanoTime();
                for (TrainedController c : loaded.controllers()) {
                    double score = RealPlay.mean(RealPlay.play(v, m, c.controller(), params, episodes, WorldModelsPipeline.evaluationSeed(seed)));
                    trained.add(new TrainedController(c.temperature(), c.controller(), c.dreamScore(), score));
                }
                seconds[4] = (System.nanoTime() - t) / 1e9;
            } else if (stage.equals("controller") || stage.equals("all")) {
                for (double tau : temperatures) {
                    t = System.nanoTime();
                    ControllerConfig config = base.withTemperature(tau);
                    TrainedController c = WorldModelsPipeline.evolve(config, v, m, params, 0, seed, s -> progress.tick(() ->
                            "C at tau " + Format.number(tau) + ": generation " + s.generations() + " of " + config.generations()
                            + ", best dream score " + Format.fixed(s.best()[s.generations() - 1], 1)));
                    seconds[3] += (System.nanoTime() - t) / 1e9;
                    if (real) {
                        t = System.nanoTime();
                        double score = RealPlay.mean(RealPlay.play(v, m, c.controller(), params, episodes, WorldModelsPipeline.evaluationSeed(seed)));
                        c = new TrainedController(tau, c.controller(), c.dreamScore(), score);
                        seconds[4] += (System.nanoTime() - t) / 1e9;
                    }
                    trained.add(c);
                }
            }
            if (real) {
                long r = System.nanoTime();
                randomScore = WorldModelsPipeline.randomPolicyScore(params, episodes, seed);
                seconds[4] += (System.nanoTime() - r) / 1e9;
            }
        } catch (DivergenceException e) {
            throw new Cli.RunFailed(e.getMessage());
        }
        double total = (System.nanoTime() - start) / 1e9;

        // 3. Save, then report.
        if (outFile != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new WorldModelsNetworks(v, m, trained).write(bytes);
            UserFiles.write(outFile, bytes.toByteArray());
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("stage", stage);
            root.put("seed", seed);
            root.put("rollouts", rollouts);
            root.put("episodes", episodes);
            number(root, "vae_reconstruction_mse", vaeMse);
            number(root, "mean_frame_mse", meanFrameMse);
            number(root, "rnn_heldout_nll", rnnNll);
            number(root, "random_policy_real_score", randomScore);
            ArrayNode list = root.putArray("temperatures");
            for (TrainedController c : trained) {
                ObjectNode o = list.addObject();
                o.put("tau", c.temperature());
                number(o, "dream_score", c.dreamScore());
                number(o, "real_score", c.realScore());
            }
            ObjectNode s = root.putObject("stage_seconds");
            String[] names = {"collect", "vae", "rnn", "controller", "evaluate"};
            for (int i = 0; i < names.length; i++) s.put(names[i], Math.round(seconds[i] * 100) / 100.0);
            root.put("seconds", Math.round(total * 100) / 100.0);
            if (outFile != null) root.put("out", outFile.toString());
            w.println(mapper.writeValueAsString(root));
        } else {
            w.println("World Models on Dodge, seed " + seed + String.format(Locale.ROOT, " (%.1f s)", total));
            w.println("V: held-out reconstruction error " + Format.fixed(vaeMse, 4) + " per pixel (mean frame: "
                    + Format.fixed(meanFrameMse, 4) + ")");
            if (rnnNll != null) w.println("M: held-out NLL " + Format.fixed(rnnNll, 3) + " per step and dimension");
            if (randomScore != null) w.println("random policy: " + Format.fixed(randomScore, 1) + " steps in the real game");
            if (!trained.isEmpty()) {
                w.println(String.format(Locale.ROOT, "%8s %12s %12s", "tau", "dream_score", "real_score"));
                for (TrainedController c : trained) {
                    w.println(String.format(Locale.ROOT, "%8s %12s %12s", Format.number(c.temperature()),
                            Double.isNaN(c.dreamScore()) ? "-" : Format.fixed(c.dreamScore(), 1),
                            Double.isNaN(c.realScore()) ? "-" : Format.fixed(c.realScore(), 1)));
                }
            }
            if (outFile != null) w.println("saved to " + outFile);
        }
        w.flush();
        return 0;
    }

    private static void range(String flag, int value, int lo, int hi) {
        if (value < lo || value > hi) throw new Cli.UsageError(flag + " " + value + " is out of range: allowed " + lo + " to " + hi);
    }

    private static void number(ObjectNode o, String key, Double v) {
        if (v != null && Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }
}
