package org.mbrllab.engine.alphazero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Match;
import org.mbrllab.engine.games.Player;
import org.mbrllab.engine.games.Side;

/** The networks shipped in assets/networks/ against pure MCTS at the same simulations. */
class ShippedNetworkTest {

    /** Simulations per move for both players. */
    static final int SIMULATIONS = 25;
    /** Games with the network as X, then as many as O. */
    static final int GAMES_PER_SIDE = 20;

    /** Measured with the shipped file: W/D/L 17/23/0 (11/9/0 as X, 6/14/0 as O). */
    @Test
    void shippedTicTacToeNetworkBeatsEqualBudgetPureMcts() {
        PolicyValueNet net = ShippedNetworks.load(Game.TIC_TAC_TOE);
        int wins = 0;
        int losses = 0;
        for (int side = 0; side < 2; side++) {
            Player az = AlphaZeroPlayers.network(net, SIMULATIONS, 2, Seeds.fast(100 + side));
            Player mcts = AlphaZeroPlayers.pureMcts(Game.TIC_TAC_TOE, SIMULATIONS, Seeds.fast(200 + side));
            Match.Result r = side == 0 ? Match.play(Game.TIC_TAC_TOE, az, mcts, GAMES_PER_SIDE) : Match.play(Game.TIC_TAC_TOE, mcts, az, GAMES_PER_SIDE);
            wins += side == 0 ? r.xWins() : r.oWins();
            losses += side == 0 ? r.oWins() : r.xWins();
        }
        assertTrue(wins > losses, "network W " + wins + ", L " + losses + " over " + 2 * GAMES_PER_SIDE + " games");
    }

    /**
     * Connect Four at 100 simulations each, 10 games per side. Measured with the shipped file: W/D/L 17/0/3
     * (8/0/2 as X, 9/0/1 as O); over 100 games with the match command, 71/5/24.
     */
    @Test
    void shippedConnectFourNetworkBeatsEqualBudgetPureMcts() {
        PolicyValueNet net = ShippedNetworks.load(Game.CONNECT_FOUR);
        int wins = 0;
        int losses = 0;
        for (int side = 0; side < 2; side++) {
            Player az = AlphaZeroPlayers.network(net, 100, 2, Seeds.fast(100 + side));
            Player mcts = AlphaZeroPlayers.pureMcts(Game.CONNECT_FOUR, 100, Seeds.fast(200 + side));
            Match.Result r = side == 0 ? Match.play(Game.CONNECT_FOUR, az, mcts, 10) : Match.play(Game.CONNECT_FOUR, mcts, az, 10);
            wins += side == 0 ? r.xWins() : r.oWins();
            losses += side == 0 ? r.oWins() : r.xWins();
        }
        assertTrue(wins > losses, "network W " + wins + ", L " + losses + " over 20 games");
    }

    @Test
    void shippedNetworkIsSmallAndForTicTacToe() {
        PolicyValueNet net = ShippedNetworks.load(Game.TIC_TAC_TOE);
        assertEquals(Game.TIC_TAC_TOE, net.game());
        assertTrue(net.toBytes().length < 64 * 1024, net.toBytes().length + " bytes");
        assertTrue(ShippedNetworks.load(Game.CONNECT_FOUR).toBytes().length < 64 * 1024);
    }

    @Test
    void aMissingShippedNetworkSaysWhatToDo() {
        NetworkFileException e = assertThrows(NetworkFileException.class,
                () -> ShippedNetworks.load(Game.CONNECT_FOUR, "/assets/networks/missing.az"));
        assertEquals("no shipped Connect Four network (/assets/networks/missing.az is not on the classpath); train one with "
                + "'mbrl-lab alphazero-train --game connect4'", e.getMessage());
    }

    @Test
    void theShippedNetworkTakesAnImmediateWin() {
        PolicyValueNet net = ShippedNetworks.load(Game.TIC_TAC_TOE);
        var state = Game.TIC_TAC_TOE.parse("XX.OO....");
        Player az = AlphaZeroPlayers.network(net, 50, 2, Seeds.fast(1));
        assertEquals(2, az.chooseMove(state));
        assertEquals(Side.X, state.toMove());
    }
}
