package org.mbrllab.engine.alphazero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.FastRandom;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.mcts.MctsSettings;

class PlayerSpecTest {

    @Test
    void everySpecFormParses() {
        assertEquals(PlayerSpec.Kind.RANDOM, PlayerSpec.parse("random").kind());
        assertEquals(0, PlayerSpec.parse("minimax").depth());
        assertEquals(5, PlayerSpec.parse("minimax:5").depth());
        PlayerSpec m = PlayerSpec.parse("mcts:2000");
        assertEquals(2000, m.simulations());
        assertEquals(MctsSettings.SQRT_2, m.c());
        assertEquals(0.5, PlayerSpec.parse("mcts:100:0.5").c());
        assertEquals(PlayerSpec.Kind.ALPHAZERO, PlayerSpec.parse("alphazero:800").kind());
    }

    @Test
    void createdPlayersDescribeThemselves() {
        assertEquals("minimax (exact)", PlayerSpec.parse("minimax").create(Game.TIC_TAC_TOE, new FastRandom(1)).describe());
        assertEquals("minimax (depth 7)", PlayerSpec.parse("minimax").create(Game.CONNECT_FOUR, new FastRandom(1)).describe());
        assertTrue(PlayerSpec.parse("mcts:50:2").create(Game.TIC_TAC_TOE, new FastRandom(1)).describe().contains("50 simulations"));
    }

    @Test
    void badSpecsSayWhatIsAllowed() {
        assertEquals("unknown player 'alpha' (players: random, minimax, minimax:DEPTH, mcts:SIMS, mcts:SIMS:C, alphazero:SIMS)",
                assertThrows(IllegalArgumentException.class, () -> PlayerSpec.parse("alpha")).getMessage());
        assertEquals("bad player 'mcts:0': simulations 0 is out of range: allowed [1, 10000000]",
                assertThrows(IllegalArgumentException.class, () -> PlayerSpec.parse("mcts:0")).getMessage());
        assertEquals("bad player 'mcts:10:x': c 'x' is not a number",
                assertThrows(IllegalArgumentException.class, () -> PlayerSpec.parse("mcts:10:x")).getMessage());
        assertEquals("bad player 'minimax:99': depth 99 is out of range: allowed [1, 42]",
                assertThrows(IllegalArgumentException.class, () -> PlayerSpec.parse("minimax:99")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlayerSpec.parse("mcts"));
        assertThrows(IllegalArgumentException.class, () -> PlayerSpec.parse("random:3"));
    }

    @Test
    void alphaZeroLoadsTheShippedTicTacToeNetwork() {
        var player = PlayerSpec.parse("alphazero:100").create(Game.TIC_TAC_TOE, new FastRandom(1));
        assertTrue(player.describe().contains("PUCT") && player.describe().contains("policy/value network"), player.describe());
    }

    @Test
    void alphaZeroWithoutAShippedNetworkSaysSoInOneLine() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> PlayerSpec.parse("alphazero:100").create(Game.CONNECT_FOUR, new FastRandom(1), g -> {
                    throw new org.mbrllab.engine.alphazero.NetworkFileException("no shipped Connect Four network (gone)");
                }));
        assertEquals("no shipped Connect Four network (gone); use mcts:SIMS", e.getMessage());
        assertTrue(e.getMessage().endsWith("use mcts:SIMS"), e.getMessage());
    }
}
