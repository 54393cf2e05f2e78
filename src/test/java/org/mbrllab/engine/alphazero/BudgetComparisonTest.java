package org.mbrllab.engine.alphazero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.alphazero.BudgetComparison.Row;
import org.mbrllab.engine.alphazero.BudgetComparison.Snapshot;
import org.mbrllab.engine.games.Game;

/** Rollouts against the shipped value network at equal simulations, both against exact minimax. */
class BudgetComparisonTest {

    private static final PolicyValueNet NET = ShippedNetworks.load(Game.TIC_TAC_TOE);

    /** Measured (seed 7, 6 games each): at 4 simulations rollouts lost 6 of 6; at 512 the network lost none. */
    @Test
    void theNetworkNeverLosesAt512WhileRolloutsLoseOftenAt4() {
        Snapshot s = new BudgetComparison(NET, List.of(4, 512), 6, 2, 7).run();
        Row low = s.rows().get(0);
        Row high = s.rows().get(1);
        assertEquals(0, high.network().losses(), "network at 512: " + high.network());
        assertTrue(low.rollouts().losses() >= 3, "rollouts at 4: " + low.rollouts());
        assertTrue(low.rollouts().losses() > low.network().losses(), "at 4: rollouts " + low.rollouts() + ", network " + low.network());
    }

    @Test
    void minimaxNeverLosesTicTacToe() {
        Snapshot s = new BudgetComparison(NET, List.of(2, 64), 4, 2, 3).run();
        for (Row r : s.rows()) {
            assertEquals(0, r.rollouts().wins(), "rollouts at " + r.budget());
            assertEquals(0, r.network().wins(), "network at " + r.budget());
        }
    }

    @Test
    void oneStepIsOneGameAndBothSearchesTakeTurns() {
        BudgetComparison c = new BudgetComparison(NET, List.of(2, 4), 2, 2, 1);
        assertEquals(8, c.snapshot().totalGames());
        c.step();
        Snapshot s = c.snapshot();
        assertEquals(1, s.gamesPlayed());
        assertEquals(1, s.rows().get(0).rollouts().games());
        assertEquals(0, s.rows().get(0).network().games());
        c.step();
        assertEquals(1, c.snapshot().rows().get(0).network().games());
        while (c.step()) {
            // to the end
        }
        assertTrue(c.snapshot().done());
        assertEquals(2, c.snapshot().rows().get(1).network().games());
    }

    @Test
    void theSameSeedGivesTheSameGames() {
        assertEquals(new BudgetComparison(NET, List.of(8, 16), 3, 2, 11).run(), new BudgetComparison(NET, List.of(8, 16), 3, 2, 11).run());
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BudgetComparison(NET, List.of(0), 1, 2, 1))
                .getMessage().startsWith("budget 0 is out of range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BudgetComparison(NET, List.of(2), 0, 2, 1))
                .getMessage().startsWith("gamesPerBudget 0"));
    }
}
