package org.mbrllab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mbrllab.engine.alphazero.AlphaZeroSettings;
import org.mbrllab.engine.alphazero.AlphaZeroSnapshot.IterationResult;
import org.mbrllab.engine.alphazero.AlphaZeroTrainer;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.games.Game;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alphazero-train}: AlphaZero self-play training ({@link AlphaZeroTrainer}); saves the network.
 *
 * <h2>JSON output ({@code --json})</h2>
 * One object per line: after each iteration {@code {"iteration": i, "games_played": g, "value_loss": v,
 * "policy_loss": p, "wins": w, "draws": d, "losses": l, "seconds": s}} (W/D/L of the network against
 * pure MCTS at the same simulations; losses null when no batch ran), then
 * {@code {"out": path, "parameters": n, "bytes": b, "seconds": s}}.
 */
@Command(name = "alphazero-train", sortOptions = false,
        description = {"Train an AlphaZero policy/value network by self-play and save it.",
            "Each iteration: self-play games, Adam steps on a replay buffer, then games against pure MCTS."},
        footer = {"", "Example (the shipped network):",
            "  mbrl-lab alphazero-train --game tictactoe --iterations 60 --seed 1 --out assets/networks/tictactoe.az --json"})
final class AlphaZeroTrainCommand implements Callable<Integer> {

    @Mixin
    Cli.HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--game", paramLabel = "GAME", required = true, converter = Args.GameConverter.class,
            description = "tictactoe or connect4.")
    Game game;

    @Option(names = "--iterations", paramLabel = "N", description = "Iterations, 1 to 100000 (default: 60).")
    int iterations = 60;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of everything (default: 1).")
    long seed = 1;

    @Option(names = "--simulations", paramLabel = "N", description = "Simulations per move in self-play and evaluation, 1 to 100000 (default: 40 for tictactoe, 100 for connect4).")
    Integer simulations;

    @Option(names = "--games", paramLabel = "N", description = "Self-play games per iteration, 1 to 10000 (default: 30).")
    Integer games;

    @Option(names = "--batches", paramLabel = "N", description = "Adam steps per iteration, 0 to 100000 (default: 60).")
    Integer batches;

    @Option(names = "--eval-games", paramLabel = "N", description = "Games against pure MCTS per iteration, 0 to 10000 (default: 20).")
    Integer evalGames;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to save the network (default: GAME.az in the "
            + "current folder); its folder must exist and be writable, checked before training.")
    Path out;

    @Option(names = "--json", description = "Print one JSON object per iteration, then one for the saved file.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        // 1. Settings, all checked before training.
        AlphaZeroSettings settings;
        try {
            settings = AlphaZeroSettings.defaults(game, iterations, seed);
            if (simulations != null) settings = settings.withSimulations(simulations);
            settings = settings.withSchedule(games != null ? games : settings.gamesPerIteration(),
                    batches != null ? batches : settings.batchesPerIteration(), evalGames != null ? evalGames : settings.evaluationGames());
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage());
        }
        Path file = UserFiles.checkWritable("--out", out != null ? out : Path.of(game.cliName() + ".az"));

        // 2. Train, printing each iteration.
        PrintWriter w = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        long start = System.nanoTime();
        AlphaZeroTrainer trainer = new AlphaZeroTrainer(settings);
        int printed = 0;
        while (trainer.step() || printed < trainer.snapshot().history().size()) {
            List<IterationResult> history = trainer.snapshot().history();
            for (; printed < history.size(); printed++) {
                IterationResult r = history.get(printed);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (json) {
                    ObjectNode o = mapper.createObjectNode();
                    o.put("iteration", r.iteration());
                    o.put("games_played", r.gamesPlayed());
                    number(o, "value_loss", r.valueLoss());
                    number(o, "policy_loss", r.policyLoss());
                    o.put("wins", r.wins());
                    o.put("draws", r.draws());
                    o.put("losses", r.losses());
                    o.put("seconds", Math.round(seconds * 10) / 10.0);
                    w.println(mapper.writeValueAsString(o));
                } else {
                    w.println("iteration " + r.iteration() + "/" + settings.iterations() + ": " + r.gamesPlayed() + " games, value loss "
                            + Format.fixed(r.valueLoss(), 4) + ", policy loss " + Format.fixed(r.policyLoss(), 4) + "; against pure MCTS ("
                            + settings.simulations() + " simulations) W/D/L " + r.wins() + "/" + r.draws() + "/" + r.losses()
                            + " (" + Format.fixed(seconds, 1) + " s)");
                }
                w.flush();
            }
            if (trainer.isDone()) break;
        }

        // 3. Save (the path was checked before training; a full disk still fails here, with exit 1).
        byte[] bytes = trainer.network().toBytes();
        UserFiles.write(file, bytes);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            ObjectNode o = mapper.createObjectNode();
            o.put("out", file.toString());
            o.put("parameters", trainer.network().parameterCount());
            o.put("bytes", bytes.length);
            o.put("seconds", Math.round(seconds * 10) / 10.0);
            w.println(mapper.writeValueAsString(o));
        } else {
            w.println("saved " + trainer.network() + " to " + file + " (" + bytes.length + " bytes, " + Format.fixed(seconds, 1) + " s)");
        }
        w.flush();
        return 0;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }

}
