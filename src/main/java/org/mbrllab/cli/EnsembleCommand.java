package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.model.EnsembleConfig;
import org.mbrllab.engine.model.EnsemblePrediction;
import org.mbrllab.engine.model.EnsembleTrainer;
import org.mbrllab.engine.model.MemberKind;
import org.mbrllab.engine.model.SineTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ensemble}: fits an ensemble of probabilistic networks to the 1-D regression task (y = sin(x) +
 * N(0, S²), x uniform in [−4, 4] outside the gap) and prints what it predicts at the query points.
 *
 * <p>The network is {@link SineTask#defaultConfig}: 2 × 64 ReLU units per member, Gaussian NLL with
 * PETS-bounded log-variance, Adam 3e-3, batch 64, each member on its own bootstrap resample, 10 % of
 * the points held out for early stopping (patience 100), at most {@code --epochs} epochs. Each member
 * also carries a fixed random prior network of weight {@code --prior-scale} β (randomised prior
 * functions, see {@link org.mbrllab.engine.nn.EnsembleNetwork}); β = 0 is the plain ensemble, whose
 * members agree on a wrong curve inside a gap. The seed feeds a generator that draws the data's seed
 * first and the training's seed second.
 *
 * <p>JSON: {@code mean} (μ̄), {@code std_ensemble} (σ_ens = √((1/K) Σ (μ_k − μ̄)²)) and
 * {@code std_aleatoric} (√((1/K) Σ σ²_k)), one number per query point in the order given; also
 * {@code query}, {@code epochs_trained} and {@code prior_scale}.
 */
@Command(name = "ensemble", sortOptions = false,
        description = {"Fit an ensemble to y = sin(x) + noise, x uniform in [−4, 4] outside a gap, and print "
                + "its mean, disagreement (epistemic) and predicted noise (aleatoric) at query points."},
        footer = {"", "Example: mbrl-lab ensemble --members 5 --points 200 --noise 0.1 --gap -0.5,2.5 --epochs 500 "
                + "--seed 1 --query -3,1,3 --json"})
final class EnsembleCommand implements Callable<Integer> {

    static final ParameterSpec EPOCHS = EnsembleConfig.MAX_EPOCHS.withDefault(500);
    /**
     * Where a query may lie. The data cover [−4, 4]; far beyond, a ReLU network's output grows linearly
     * with x and the variances with x², which overflow to infinity (and then NaN) long before 1e308.
     */
    static final ParameterSpec QUERY = ParameterSpec.real("query", "query x", -1e6, 1e6, 0,
            "A point where the ensemble predicts.");

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--members", paramLabel = "K", description = "Ensemble members, 1 to 10 (default: 5).")
    int members = (int) EnsembleConfig.MEMBERS.defaultValue();

    @Option(names = "--points", paramLabel = "N", description = "Data points, 2 to 100000 (default: 200).")
    int points = (int) SineTask.POINTS.defaultValue();

    @Option(names = "--noise", paramLabel = "S", description = "Standard deviation of the noise, 0 to 2 (default: 0.1).")
    double noise = SineTask.NOISE.defaultValue();

    @Option(names = "--gap", paramLabel = "a,b", split = ",",
            description = "An interval of [−4, 4] without data, a ≤ b (default: no gap).")
    double[] gap;

    @Option(names = "--epochs", paramLabel = "E",
            description = "Most training epochs, 1 to 100000; training may stop earlier (default: 500).")
    int epochs = (int) EPOCHS.defaultValue();

    @Option(names = "--prior-scale", paramLabel = "B",
            description = "Weight β of each member's fixed random prior network, 0 to 100; 0 is the plain ensemble "
                    + "(default: ${DEFAULT-VALUE}).")
    double priorScale = SineTask.PRIOR_SCALE;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the data and of the training (default: 0).")
    long seed;

    @Option(names = "--query", paramLabel = "x1,x2,...", split = ",",
            description = "Where to predict, each in [-1e6, 1e6] (default: -4,-3,-2,-1,0,1,2,3,4).")
    double[] query = {-4, -3, -2, -1, 0, 1, 2, 3, 4};

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        // 1. Check the options.
        Args.check("--members", EnsembleConfig.MEMBERS, members);
        Args.check("--points", SineTask.POINTS, points);
        Args.check("--noise", SineTask.NOISE, noise);
        Args.check("--epochs", EPOCHS, epochs);
        Args.check("--prior-scale", EnsembleConfig.PRIOR_SCALE, priorScale);
        double a = 0;
        double b = 0;
        if (gap != null) {
            if (gap.length != 2) throw new Cli.UsageError("--gap needs two numbers a,b, got " + gap.length);
            a = Args.check("--gap", SineTask.GAP, gap[0]);
            b = Args.check("--gap", SineTask.GAP, gap[1]);
            if (a > b) throw new Cli.UsageError("--gap " + Format.number(a) + "," + Format.number(b) + ": a must not exceed b");
            if (b - a >= SineTask.X_MAX - SineTask.X_MIN) throw new Cli.UsageError("--gap covers all of [−4, 4]: no room for data");
        }
        if (query.length == 0) throw new Cli.UsageError("--query needs at least one number");
        for (double x : query) {
            if (!Double.isFinite(x)) throw new Cli.UsageError("--query " + Format.number(x) + " is not a finite number");
            Args.check("--query", QUERY, x);
        }

        // 2. Data, training, prediction.
        RandomGenerator root = Seeds.random(seed);
        SineTask task = new SineTask(points, noise, a, b, root.nextLong());
        EnsembleConfig config = SineTask.defaultConfig(members, MemberKind.PROBABILISTIC, epochs, root.nextLong())
                .withPriorScale(priorScale);
        EnsembleTrainer trainer = new EnsembleTrainer(config, task.sample());
        while (trainer.step()) {
            // one epoch per step
        }
        EnsemblePrediction p = trainer.ensemble().predict(query);
        for (int i = 0; i < query.length; i++) {
            requireFinite("mean", query[i], p.mean(i, 0));
            requireFinite("std_ensemble", query[i], p.epistemicVariance(i, 0));
            requireFinite("std_aleatoric", query[i], p.aleatoricVariance(i, 0));
        }

        // 3. Report.
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode result = mapper.createObjectNode();
            ArrayNode mean = result.putArray("mean");
            ArrayNode ens = result.putArray("std_ensemble");
            ArrayNode ale = result.putArray("std_aleatoric");
            ArrayNode q = result.putArray("query");
            for (int i = 0; i < query.length; i++) {
                mean.add(p.mean(i, 0));
                ens.add(Math.sqrt(p.epistemicVariance(i, 0)));
                ale.add(Math.sqrt(p.aleatoricVariance(i, 0)));
                q.add(query[i]);
            }
            result.put("epochs_trained", trainer.epoch());
            result.put("prior_scale", priorScale);
            try {
                out.println(mapper.writeValueAsString(result));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        } else {
            out.println(members + " probabilistic members, " + (priorScale > 0 ? "random priors β = "
                    + Format.number(priorScale) : "no random priors (plain)") + ", " + trainer.snapshot().stopReason());
            out.println(String.format(Locale.ROOT, "%10s %10s %12s %13s %10s", "x", "mean", "std_ensemble",
                    "std_aleatoric", "sin(x)"));
            for (int i = 0; i < query.length; i++) {
                out.println(String.format(Locale.ROOT, "%10.4f %10.4f %12.4f %13.4f %10.4f", query[i], p.mean(i, 0),
                        Math.sqrt(p.epistemicVariance(i, 0)), Math.sqrt(p.aleatoricVariance(i, 0)),
                        SineTask.truth(query[i])));
            }
        }
        out.flush();
        return 0;
    }

    /** A prediction that is not a number fails the run, naming it, rather than printing NaN with exit 0. */
    static void requireFinite(String key, double x, double value) {
        if (!Double.isFinite(value)) {
            throw new Cli.RunFailed("the ensemble's " + key + " at x = " + Format.number(x) + " is "
                    + Format.number(value) + ", not a finite number (training diverged?)");
        }
    }
}
