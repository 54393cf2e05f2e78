package org.mbrllab.engine.alphazero;

import java.util.random.RandomGenerator;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.mcts.MctsPlayer;
import org.mbrllab.engine.mcts.MctsSettings;
import org.mbrllab.engine.mcts.Rollout;
import org.mbrllab.engine.mcts.SelectionRule;

/** The two players of an AlphaZero evaluation: MCTS guided by a network, and plain MCTS with rollouts. */
public final class AlphaZeroPlayers {
    private AlphaZeroPlayers() {}

    /** PUCT settings for {@code simulations} per move with tree reuse and a pool that cannot fill up in one game. */
    public static MctsSettings puct(Game game, int simulations, double cPuct) {
        return new MctsSettings(SelectionRule.PUCT, cPuct, simulations, true, pool(game, simulations));
    }

    /** UCB1 (c = √2) with random rollouts, the same simulations and pool. */
    public static MctsSettings rollouts(Game game, int simulations) {
        return MctsSettings.defaults().withSimulations(simulations).withMaxNodes(pool(game, simulations));
    }

    private static int pool(Game game, int simulations) {
        long n = (long) simulations * (game.boardLength() + 1) + 16;
        return (int) Math.min(n, (long) MctsSettings.MAX_NODES.defaultValue());
    }

    /** MCTS with the network: PUCT, no noise, the most visited move. */
    public static MctsPlayer network(PolicyValueNet net, int simulations, double cPuct, RandomGenerator rng) {
        return new MctsPlayer(puct(net.game(), simulations, cPuct), new NetworkEvaluator(net), rng);
    }

    /** Pure MCTS: UCB1, uniform random rollouts. */
    public static MctsPlayer pureMcts(Game game, int simulations, RandomGenerator rng) {
        return new MctsPlayer(rollouts(game, simulations), Rollout.UNIFORM_RANDOM, rng);
    }
}
