package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mbrllab.engine.alphazero.NetworkEvaluator;
import org.mbrllab.engine.alphazero.NetworkFileException;
import org.mbrllab.engine.alphazero.PolicyValueNet;
import org.mbrllab.engine.alphazero.ShippedNetworks;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.games.BoardException;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.Evaluator;
import org.mbrllab.engine.mcts.Mcts;
import org.mbrllab.engine.mcts.MctsSettings;
import org.mbrllab.engine.mcts.Rollout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mcts}: searches one position and prints the move, the root statistics and the value.
 *
 * <h2>JSON output ({@code --json})</h2>
 * {@code {"move": m, "visits": [...], "q": [...], "value": v}}: the most visited move (a cell 0–8 or a
 * column 0–6); per move index the root visits ({@code null} for an illegal move) and Q for the side to
 * move ({@code null} for an illegal move or a legal move never visited); the mean backed-up value at the
 * root, for the side to move.
 */
@Command(name = "mcts", sortOptions = false,
        description = {"Search one position with MCTS (UCB1, uniform random rollouts) or AlphaZero (PUCT and the",
            "shipped policy/value network, --player alphazero); print its move.",
            "Board: 9 characters (tictactoe) or 42, 6 rows of 7 from the top (connect4),",
            "of X, O and '.'; X moves first, so the counts say whose turn it is."},
        footer = {"", "Example:", "  mbrl-lab mcts --game tictactoe --board XX.OO.... --simulations 5000 --json"})
final class MctsCommand implements Callable<Integer> {

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--game", paramLabel = "GAME", required = true, converter = Args.GameConverter.class,
            description = "tictactoe or connect4.")
    Game game;

    @Option(names = "--board", paramLabel = "STRING", required = true, description = "The position (see above).")
    String board;

    @Option(names = "--player", paramLabel = "NAME", description = "mcts or alphazero (default: mcts).")
    String player = "mcts";

    @Option(names = "--network", paramLabel = "FILE",
            description = "With --player alphazero: a network file from alphazero-train (default: the shipped network).")
    Path network;

    @Option(names = "--simulations", paramLabel = "N", description = "Simulations, 1 to 10000000 (default: 10000).")
    int simulations = (int) MctsSettings.SIMULATIONS.defaultValue();

    @Option(names = "--c", paramLabel = "C", description = "Exploration constant, in [0, 100]: c of UCB1 (default: √2), or c_puct of PUCT with --player alphazero (default: 2).")
    Double c;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the search (default: 1).")
    long seed = 1;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        // 1. Check everything before searching.
        GameState state;
        try {
            state = game.parse(board);
        } catch (BoardException e) {
            throw new Cli.UsageError(e.getMessage());
        }
        Args.check("--simulations", MctsSettings.SIMULATIONS, simulations);
        if (c != null) Args.check("--c", MctsSettings.C, c);
        if (network != null && !player.equals("alphazero")) {
            throw new Cli.UsageError("--network does not apply to --player " + player
                    + " (only --player alphazero searches with a network)");
        }
        Evaluator evaluator = Rollout.UNIFORM_RANDOM;
        MctsSettings settings = MctsSettings.defaults();
        switch (player) {
            case "mcts" -> { }
            case "alphazero" -> {
                // The shipped network; if it is missing or corrupt, say so and search with rollouts.
                try {
                    PolicyValueNet net = network != null ? PolicyValueNet.load(network) : ShippedNetworks.load(game);
                    if (net.game() != game) {
                        throw new NetworkFileException("network file " + network + " is for " + net.game().displayName() + ", not "
                                + game.displayName());
                    }
                    evaluator = new NetworkEvaluator(net);
                    settings = MctsSettings.puctDefaults();
                } catch (NetworkFileException e) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("warning: " + e.getMessage() + "; searching with random rollouts (UCB1) instead");
                    err.flush();
                }
            }
            default -> throw new Cli.UsageError("unknown player '" + player + "' (players: mcts, alphazero)");
        }

        // 2. Search.
        if (c != null) settings = settings.withC(c);
        settings = settings.withSimulations(simulations).withMaxNodes(Math.max(simulations + 1, (int) MctsSettings.MAX_NODES.min()));
        Mcts mcts = new Mcts(state, settings, evaluator, Seeds.fast(seed));
        mcts.search(simulations);
        int move = mcts.bestMove();
        int[] visits = mcts.rootVisits();
        double[] q = mcts.rootQ();
        double value = mcts.rootValue();

        // 3. Print.
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("move", move);
            ArrayNode v = root.putArray("visits");
            ArrayNode qs = root.putArray("q");
            for (int a = 0; a < visits.length; a++) {
                if (visits[a] < 0) v.addNull();
                else v.add(visits[a]);
                if (Double.isNaN(q[a])) qs.addNull();
                else qs.add(q[a]);
            }
            root.put("value", value);
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        } else {
            out.println(state);
            out.println(Side.name(state.toMove()) + " to move; " + simulations + " simulations: play "
                    + game.moveName(move) + " (value " + Format.fixed(value, 3) + " for " + Side.name(state.toMove()) + ")");
            for (int a = 0; a < visits.length; a++) {
                if (visits[a] < 0) continue;
                out.println("  " + a + ": N = " + visits[a] + (Double.isNaN(q[a]) ? "" : ", Q = " + Format.fixed(q[a], 3)));
            }
        }
        out.flush();
        return 0;
    }
}
