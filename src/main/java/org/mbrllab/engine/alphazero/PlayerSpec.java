package org.mbrllab.engine.alphazero;

import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Minimax;
import org.mbrllab.engine.games.MinimaxPlayer;
import org.mbrllab.engine.games.Player;
import org.mbrllab.engine.games.RandomPlayer;
import org.mbrllab.engine.mcts.MctsPlayer;
import org.mbrllab.engine.mcts.MctsSettings;
import org.mbrllab.engine.mcts.Rollout;

/**
 * A player written as text, as the {@code match} command and the pane's opponent list take it:
 * {@code random}, {@code minimax} (exact for tic-tac-toe, depth {@value Minimax#CONNECT_FOUR_DEPTH} for
 * Connect Four), {@code minimax:DEPTH}, {@code mcts:SIMS}, {@code mcts:SIMS:C} (UCB1 with uniform random
 * rollouts, tree reuse on, c = √2 unless given) or {@code alphazero:SIMS}.
 *
 * @param kind        what plays
 * @param depth       minimax depth; 0 for the game's default
 * @param simulations MCTS / AlphaZero simulations per move
 * @param c           UCB1's c
 */
public record PlayerSpec(Kind kind, int depth, int simulations, double c) {

    public enum Kind { RANDOM, MINIMAX, MCTS, ALPHAZERO }

    /** Most minimax plies a spec may ask for. */
    public static final int MAX_DEPTH = 42;

    /**
     * Reads a spec.
     *
     * @throws IllegalArgumentException with a one-line message naming the spec and what is allowed
     */
    public static PlayerSpec parse(String text) {
        String[] parts = text.split(":", -1);
        String head = parts[0];
        try {
            switch (head) {
                case "random" -> {
                    if (parts.length == 1) return new PlayerSpec(Kind.RANDOM, 0, 0, 0);
                }
                case "minimax" -> {
                    if (parts.length == 1) return new PlayerSpec(Kind.MINIMAX, 0, 0, 0);
                    if (parts.length == 2) return new PlayerSpec(Kind.MINIMAX, whole(parts[1], "depth", 1, MAX_DEPTH), 0, 0);
                }
                case "mcts" -> {
                    if (parts.length == 2 || parts.length == 3) {
                        int sims = simulations(parts[1]);
                        double c = parts.length == 3 ? real(parts[2]) : MctsSettings.C.defaultValue();
                        return new PlayerSpec(Kind.MCTS, 0, sims, c);
                    }
                }
                case "alphazero" -> {
                    if (parts.length == 2) return new PlayerSpec(Kind.ALPHAZERO, 0, simulations(parts[1]), MctsSettings.C_PUCT.defaultValue());
                }
                default -> { }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad player '" + text + "': " + e.getMessage());
        }
        throw new IllegalArgumentException("unknown player '" + text
                + "' (players: random, minimax, minimax:DEPTH, mcts:SIMS, mcts:SIMS:C, alphazero:SIMS)");
    }

    private static int simulations(String s) {
        return whole(s, "simulations", (int) MctsSettings.SIMULATIONS.min(), (int) MctsSettings.SIMULATIONS.max());
    }

    private static int whole(String s, String what, int min, int max) {
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(what + " '" + s + "' is not a whole number");
        }
        if (v < min || v > max) throw new NumberFormatException(what + " " + s + " is out of range: allowed " + Format.range(min, max));
        return (int) v;
    }

    private static double real(String s) {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("c '" + s + "' is not a number");
        }
        if (!(v >= MctsSettings.C.min() && v <= MctsSettings.C.max())) {
            throw new NumberFormatException("c " + s + " is out of range: allowed " + Format.range(MctsSettings.C.min(), MctsSettings.C.max()));
        }
        return v;
    }

    /**
     * The player this spec describes, for {@code game}. {@code alphazero:SIMS} is PUCT (c_puct = 2) with
     * the game's shipped network ({@link org.mbrllab.engine.alphazero.ShippedNetworks}).
     *
     * @throws UnsupportedOperationException for AlphaZero when the game's shipped network is missing or
     *         corrupt, with the reason in one line
     */
    public Player create(Game game, RandomGenerator rng) {
        return create(game, rng, ShippedNetworks::load);
    }

    /** {@link #create(Game, RandomGenerator)} with another source of networks (tests: a missing one). */
    Player create(Game game, RandomGenerator rng, Function<Game, PolicyValueNet> networks) {
        return switch (kind) {
            case RANDOM -> new RandomPlayer(rng);
            case MINIMAX -> new MinimaxPlayer(depth == 0 ? Minimax.defaultDepth(game) : depth, rng);
            case MCTS -> new MctsPlayer(MctsSettings.defaults().withC(c).withSimulations(simulations), Rollout.UNIFORM_RANDOM, rng);
            case ALPHAZERO -> {
                PolicyValueNet net;
                try {
                    net = networks.apply(game);
                } catch (NetworkFileException e) {
                    throw new UnsupportedOperationException(e.getMessage() + "; use mcts:SIMS");
                }
                yield AlphaZeroPlayers.network(net, simulations, c, rng);
            }
        };
    }
}
