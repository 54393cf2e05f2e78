package org.mbrllab.engine.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.FastRandom;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Match;
import org.mbrllab.engine.games.Minimax;
import org.mbrllab.engine.games.MinimaxPlayer;

/**
 * Tic-tac-toe is a draw with perfect play, so a strong enough search never loses to exact minimax. At
 * 1 000 simulations a move, UCB1 with random rollouts still lost about one game in twenty as O (measured
 * over 100 games); from 3 000 it lost none. The test uses 10 000, a margin of three.
 */
class MctsAgainstMinimaxTest {

    static final int SIMULATIONS = 10_000;
    static final int GAMES_PER_SIDE = 20;

    private static MctsPlayer mcts(long seed) {
        return new MctsPlayer(MctsSettings.defaults().withSimulations(SIMULATIONS), Rollout.UNIFORM_RANDOM, new FastRandom(seed));
    }

    @Test
    void ticTacToeMctsAsXNeverLosesToExactMinimax() {
        Match.Result r = Match.play(Game.TIC_TAC_TOE, mcts(1), new MinimaxPlayer(Minimax.FULL_DEPTH, new FastRandom(2)), GAMES_PER_SIDE);
        assertEquals(0, r.oWins(), r.toString());
    }

    @Test
    void ticTacToeMctsAsONeverLosesToExactMinimax() {
        Match.Result r = Match.play(Game.TIC_TAC_TOE, new MinimaxPlayer(Minimax.FULL_DEPTH, new FastRandom(3)), mcts(4), GAMES_PER_SIDE);
        assertEquals(0, r.xWins(), r.toString());
    }
}
