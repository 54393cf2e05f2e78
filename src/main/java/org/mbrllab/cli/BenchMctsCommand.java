package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.mcts.Mcts;
import org.mbrllab.engine.mcts.MctsSettings;
import org.mbrllab.engine.mcts.Rollout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench mcts}: times plain UCT searches (UCB1, c = √2, uniform random rollouts) from the empty
 * board, on one thread.
 *
 * <p>After a warm-up (at least {@value #WARMUP_SEARCHES} searches and {@code --warmup-ms}, by default
 * {@value #WARMUP_MILLIS} ms, so that
 * the JIT has compiled the search), S searches of N simulations each are timed one by one; every search
 * starts a fresh tree in the same node pool.
 *
 * <p>JSON: {@code simulations_per_second} (the median over the timed searches), {@code game},
 * {@code simulations}, {@code searches}, {@code mean_simulations_per_second},
 * {@code min_simulations_per_second}, {@code max_simulations_per_second}, {@code median_ms},
 * {@code nodes} (of the last tree), {@code warmup_searches}, {@code implementation}.
 */
@Command(name = "mcts", sortOptions = false,
        description = "Time MCTS searches (UCB1, c = √2, uniform random rollouts) from the empty board, one thread.")
final class BenchMctsCommand implements Callable<Integer> {

    static final int WARMUP_SEARCHES = 5;
    static final long WARMUP_MILLIS = 1500;
    static final long SEED = 1;

    static final ParameterSpec WARMUP = ParameterSpec.whole("warmup_ms", "warm-up", 0, 60_000, (int) WARMUP_MILLIS,
            "Least time spent warming up before the timed searches, in milliseconds.");
    static final ParameterSpec SEARCHES = ParameterSpec.whole("searches", "timed searches", 1, 10_000, 15,
            "How many searches are timed after the warm-up.");

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--game", paramLabel = "GAME", required = true, converter = Args.GameConverter.class,
            description = "tictactoe or connect4.")
    Game game;

    @Option(names = "--simulations", paramLabel = "N", description = "Simulations per search, 1 to 10000000 (default: 100000).")
    int simulations = 100_000;

    @Option(names = "--searches", paramLabel = "S", description = "Searches to time, 1 to 10000 (default: 15).")
    int searches = (int) SEARCHES.defaultValue();

    @Option(names = "--warmup-ms", paramLabel = "MS", description = "Least warm-up time in ms, 0 to 60000 (default: 1500).")
    long warmupMillis = WARMUP_MILLIS;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Args.check("--simulations", MctsSettings.SIMULATIONS, simulations);
        Args.check("--searches", SEARCHES, searches);
        Args.check("--warmup-ms", WARMUP, warmupMillis);
        MctsSettings settings = MctsSettings.defaults().withSimulations(simulations)
                .withMaxNodes(Math.max(simulations + 1, (int) MctsSettings.MAX_NODES.min()));
        Mcts mcts = new Mcts(game.newGame(), settings, Rollout.UNIFORM_RANDOM, Seeds.fast(SEED));

        // 1. Warm up.
        int warmup = 0;
        long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000;
        while (warmup < WARMUP_SEARCHES || System.nanoTime() < warmupEnd) {
            mcts.setRoot(game.newGame());
            mcts.search(simulations);
            warmup++;
        }

        // 2. Time each search on its own.
        double[] rates = new double[searches];
        double[] ms = new double[searches];
        for (int i = 0; i < searches; i++) {
            mcts.setRoot(game.newGame());
            long start = System.nanoTime();
            mcts.search(simulations);
            long nanos = System.nanoTime() - start;
            ms[i] = nanos / 1e6;
            rates[i] = simulations / (nanos / 1e9);
        }
        double median = median(rates);
        double mean = Arrays.stream(rates).average().orElse(Double.NaN);
        double min = Arrays.stream(rates).min().orElse(Double.NaN);
        double max = Arrays.stream(rates).max().orElse(Double.NaN);

        // 3. Report.
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("simulations_per_second", Math.round(median));
            root.put("game", game.cliName());
            root.put("simulations", simulations);
            root.put("searches", searches);
            root.put("mean_simulations_per_second", Math.round(mean));
            root.put("min_simulations_per_second", Math.round(min));
            root.put("max_simulations_per_second", Math.round(max));
            root.put("median_ms", median(ms));
            root.put("nodes", mcts.nodeCount());
            root.put("warmup_searches", warmup);
            root.put("implementation", "java");
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        } else {
            out.println("mcts, " + game.displayName() + ", " + simulations + " simulations per search: median "
                    + Format.fixed(median / 1e6, 3) + " M simulations/s (mean " + Format.fixed(mean / 1e6, 3) + ", min "
                    + Format.fixed(min / 1e6, 3) + ", max " + Format.fixed(max / 1e6, 3) + ") over " + searches
                    + " searches, after " + warmup + " warm-up searches");
        }
        out.flush();
        return 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
