package org.mbrllab.engine.alphazero;

import java.util.Objects;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.mcts.MctsSettings;
import org.mbrllab.engine.mcts.RootNoise;

/**
 * How {@link AlphaZeroTrainer} trains. Every field is checked; a bad one is named with its value and the
 * allowed range.
 *
 * @param game                the game
 * @param iterations          iterations: each is self-play games, then training batches, then evaluation
 *                            games; in [1, 10⁵]
 * @param gamesPerIteration   self-play games per iteration; in [1, 10⁴]
 * @param batchesPerIteration Adam steps per iteration; in [0, 10⁵]
 * @param batchSize           positions per batch, drawn uniformly from the replay buffer; in [1, 4096]
 * @param bufferCapacity      positions kept (the oldest go first); in [64, 10⁶]
 * @param simulations         MCTS simulations per move, in self-play and evaluation; in [1, 10⁵]
 * @param cPuct               c_puct of PUCT; in [0, 100]
 * @param noise               root Dirichlet noise in self-play (Silver et al. 2017: α = 0.03 for Go, ε = 0.25)
 * @param temperatureMoves    plies of each self-play game whose move is drawn ∝ N(s, a) (temperature 1);
 *                            later plies play the most visited move (temperature → 0); in [0, 1000]
 * @param hiddenUnits         units in each of the two hidden layers; in [1, 1024]
 * @param learningRate        Adam's step size α; in (0, 1]
 * @param l2                  the L2 coefficient c; in [0, 1]
 * @param evaluationGames     games against pure MCTS (UCB1, random rollouts, the same simulations) after
 *                            each iteration, colours alternating; in [0, 10⁴]
 * @param seed                the seed of everything: initial weights, self-play, batches, evaluation
 */
public record AlphaZeroSettings(Game game, int iterations, int gamesPerIteration, int batchesPerIteration, int batchSize,
                                int bufferCapacity, int simulations, double cPuct, RootNoise noise, int temperatureMoves,
                                int hiddenUnits, double learningRate, double l2, int evaluationGames, long seed) {

    public AlphaZeroSettings {
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(noise, "noise");
        range("iterations", iterations, 1, 100_000);
        range("gamesPerIteration", gamesPerIteration, 1, 10_000);
        range("batchesPerIteration", batchesPerIteration, 0, 100_000);
        range("batchSize", batchSize, 1, 4096);
        range("bufferCapacity", bufferCapacity, 64, 1_000_000);
        range("simulations", simulations, 1, 100_000);
        MctsSettings.C_PUCT.validate(cPuct);
        range("temperatureMoves", temperatureMoves, 0, 1000);
        range("hiddenUnits", hiddenUnits, 1, 1024);
        if (!(learningRate > 0 && learningRate <= 1)) throw new IllegalArgumentException("learningRate " + learningRate + " is out of range: allowed (0, 1]");
        if (!(l2 >= 0 && l2 <= 1)) throw new IllegalArgumentException("l2 " + l2 + " is out of range: allowed [0, 1]");
        range("evaluationGames", evaluationGames, 0, 10_000);
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) throw new IllegalArgumentException(name + " " + value + " is out of range: allowed " + min + " to " + max);
    }

    /**
     * The tic-tac-toe recipe the shipped network was trained with: 30 games and 60 batches of 64 per
     * iteration, 40 simulations, c_puct 2, α = 0.5, ε = 0.25, temperature 1 for the first 3 plies, 64 hidden
     * units, Adam 3·10⁻³, c = 10⁻⁴, 20 evaluation games.
     */
    public static AlphaZeroSettings ticTacToe(int iterations, long seed) {
        return new AlphaZeroSettings(Game.TIC_TAC_TOE, iterations, 30, 60, 64, 20_000, 40, 2, new RootNoise(0.5, 0.25), 3,
                64, 3e-3, 1e-4, 20, seed);
    }

    /** The defaults for {@code game} (Connect Four: the tic-tac-toe recipe with 100 simulations, α = 0.3, temperature 1 for 8 plies; barely tuned). */
    public static AlphaZeroSettings defaults(Game game, int iterations, long seed) {
        AlphaZeroSettings t = ticTacToe(iterations, seed);
        if (game == Game.TIC_TAC_TOE) return t;
        return new AlphaZeroSettings(game, iterations, t.gamesPerIteration, t.batchesPerIteration, t.batchSize, t.bufferCapacity,
                100, t.cPuct, new RootNoise(0.3, 0.25), 8, 64, t.learningRate, t.l2, t.evaluationGames, seed);
    }

    public AlphaZeroSettings withIterations(int n) {
        return new AlphaZeroSettings(game, n, gamesPerIteration, batchesPerIteration, batchSize, bufferCapacity, simulations, cPuct,
                noise, temperatureMoves, hiddenUnits, learningRate, l2, evaluationGames, seed);
    }

    public AlphaZeroSettings withSchedule(int games, int batches, int evalGames) {
        return new AlphaZeroSettings(game, iterations, games, batches, batchSize, bufferCapacity, simulations, cPuct,
                noise, temperatureMoves, hiddenUnits, learningRate, l2, evalGames, seed);
    }

    public AlphaZeroSettings withSimulations(int n) {
        return new AlphaZeroSettings(game, iterations, gamesPerIteration, batchesPerIteration, batchSize, bufferCapacity, n, cPuct,
                noise, temperatureMoves, hiddenUnits, learningRate, l2, evaluationGames, seed);
    }
}
