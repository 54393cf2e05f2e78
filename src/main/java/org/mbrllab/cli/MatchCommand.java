package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Match;
import org.mbrllab.engine.games.Player;
import org.mbrllab.engine.alphazero.PlayerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code match}: plays games between two players, X always first, and counts the results.
 *
 * <p>JSON: {@code {"x_wins": .., "o_wins": .., "draws": ..}}. Each player draws its randomness (ties,
 * rollouts) from its own stream of the seed, so a seed fixes the whole match.
 */
@Command(name = "match", sortOptions = false,
        description = "Play games between two players and count X wins, O wins and draws (X moves first).",
        footer = {"", "SPEC is one of: random, minimax, minimax:DEPTH, mcts:SIMS, mcts:SIMS:C,",
            "alphazero:SIMS. minimax is exact for tictactoe and 7 plies deep for connect4;",
            "mcts uses UCB1, uniform random rollouts and c = √2 unless C is given.",
            "Example:", "  mbrl-lab match --game tictactoe --x mcts:2000 --o minimax --games 20 --json"})
final class MatchCommand implements Callable<Integer> {

    static final ParameterSpec GAMES = ParameterSpec.whole("games", "games", 1, 100_000, 10, "Games to play.");

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--game", paramLabel = "GAME", required = true, converter = Args.GameConverter.class,
            description = "tictactoe or connect4.")
    Game game;

    @Option(names = "--x", paramLabel = "SPEC", required = true, description = "The player who moves first.")
    String x;

    @Option(names = "--o", paramLabel = "SPEC", required = true, description = "The player who moves second.")
    String o;

    @Option(names = "--games", paramLabel = "N", required = true, description = "Games to play, 1 to 100000.")
    int games;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the match (default: 1).")
    long seed = 1;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Args.check("--games", GAMES, games);
        Player px = player("--x", x, 1);
        Player po = player("--o", o, 2);
        Match.Result r = Match.play(game, px, po, games);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("x_wins", r.xWins());
            root.put("o_wins", r.oWins());
            root.put("draws", r.draws());
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        } else {
            out.println(game.displayName() + ", " + games + " games: X " + px.describe() + " won " + r.xWins() + ", O "
                    + po.describe() + " won " + r.oWins() + ", " + r.draws() + " draws");
        }
        out.flush();
        return 0;
    }

    private Player player(String flag, String text, long stream) {
        try {
            return PlayerSpec.parse(text).create(game, Seeds.fast(seed * 0x9E3779B97F4A7C15L + stream));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new Cli.UsageError(flag + ": " + e.getMessage());
        }
    }
}
