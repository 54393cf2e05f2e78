package org.mbrllab.engine.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.FastRandom;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.GameState;

/** The search as a whole: determinism, backup signs, tactics, tree reuse, the pool. */
class MctsSearchTest {

    static Mcts search(Game game, String board, int simulations, long seed) {
        Mcts m = new Mcts(game.parse(board), MctsSettings.defaults().withSimulations(simulations), Rollout.UNIFORM_RANDOM,
                new FastRandom(seed));
        m.search(simulations);
        return m;
    }

    static final String EMPTY_TTT = ".........";
    static final String EMPTY_C4 = ".".repeat(42);

    // ---------------------------------------------------------------- determinism

    @Test
    void sameSeedGivesTheSameTree() {
        Mcts a = search(Game.CONNECT_FOUR, EMPTY_C4, 3000, 42);
        Mcts b = search(Game.CONNECT_FOUR, EMPTY_C4, 3000, 42);
        assertEquals(a.nodeCount(), b.nodeCount());
        assertEquals(a.treeString(42), b.treeString(42));
        for (int n = 0; n < a.nodeCount(); n++) {
            assertEquals(a.tree.visits[n], b.tree.visits[n]);
            assertEquals(a.tree.valueSum[n], b.tree.valueSum[n]);
            assertEquals(a.tree.move[n], b.tree.move[n]);
        }
    }

    @Test
    void anotherSeedGivesAnotherTree() {
        assertNotEquals(search(Game.CONNECT_FOUR, EMPTY_C4, 3000, 1).treeString(42),
                search(Game.CONNECT_FOUR, EMPTY_C4, 3000, 2).treeString(42));
    }

    @Test
    void phaseByPhaseGrowsTheSameTreeAsTheFullSpeedLoop() {
        Mcts fast = search(Game.TIC_TAC_TOE, EMPTY_TTT, 700, 9);
        Mcts stepped = new Mcts(Game.TIC_TAC_TOE.newGame(), MctsSettings.defaults(), Rollout.UNIFORM_RANDOM, new FastRandom(9));
        int[] rollout = new int[9];
        for (int i = 0; i < 700 * 4; i++) stepped.stepPhase(rollout);
        assertEquals(700, stepped.simulations());
        assertEquals(fast.treeString(9), stepped.treeString(9));
    }

    // ---------------------------------------------------------------- backup

    @Test
    void everyNodeHasItsOwnEvaluationPlusItsChildrensVisits() {
        Mcts m = search(Game.CONNECT_FOUR, EMPTY_C4, 5000, 3);
        assertTreeConsistent(m);
        assertTreeConsistent(search(Game.TIC_TAC_TOE, EMPTY_TTT, 5000, 3));
        assertEquals(5000, m.tree.visits[Mcts.ROOT]);
    }

    @Test
    void aWinningMoveHasQExactlyOneForTheSideThatPlaysIt() {
        Mcts m = search(Game.TIC_TAC_TOE, "XX.OO....", 2000, 1);
        assertEquals(1.0, m.rootQ()[2], 0.0, "every visit ends in X's win at once");
        assertTrue(m.rootValue() > 0.9, "X is winning: " + m.rootValue());
    }

    @Test
    void aLostPositionHasANegativeValueForTheSideToMove() {
        // X O . / . X . / X . O, O to move: X threatens 3 (column 0) and 2 (diagonal); O cannot stop both.
        Mcts m = search(Game.TIC_TAC_TOE, "XO..X.X.O", 5000, 1);
        assertTrue(m.rootValue() < -0.8, "O is lost: " + m.rootValue());
        double[] q = m.rootQ();
        for (int a = 0; a < 9; a++) if (!Double.isNaN(q[a])) assertTrue(q[a] < 0, "move " + a + ": " + q[a]);
    }

    // ---------------------------------------------------------------- tactics

    @Test
    void ticTacToeTakesTheImmediateWin() {
        // X X . / O O . / . . .: X wins at 2 (and O threatens 5).
        assertEquals(2, search(Game.TIC_TAC_TOE, "XX.OO....", 3000, 5).bestMove());
    }

    @Test
    void ticTacToeMakesTheForcedBlock() {
        // X X . / . O . / . . .: O must block at 2.
        assertEquals(2, search(Game.TIC_TAC_TOE, "XX..O....", 3000, 5).bestMove());
    }

    @Test
    void connectFourTakesTheImmediateWin() {
        // X has three in column 0 and moves: the fourth wins.
        String board = "......." + "......." + "......." + "X......" + "X.....O" + "X.O...O";
        assertEquals(0, search(Game.CONNECT_FOUR, board, 5000, 5).bestMove());
    }

    @Test
    void connectFourMakesTheForcedBlock() {
        // X on the bottom row in columns 0, 1, 2; O to move must block at 3.
        String board = "......." + "......." + "......." + "......." + "......O" + "XXX...O";
        assertEquals(3, search(Game.CONNECT_FOUR, board, 5000, 5).bestMove());
    }

    // ---------------------------------------------------------------- tree reuse and the pool

    @Test
    void advanceKeepsTheSubtreeOfTheMovePlayed() {
        Mcts m = search(Game.TIC_TAC_TOE, EMPTY_TTT, 4000, 7);
        int visitsOfCentre = m.rootVisits()[4];
        int version = m.treeVersion();
        int centre = m.tree.child(Mcts.ROOT, 4);
        String[] grandchildren = new String[9];
        for (int ch = m.tree.firstChild[centre]; ch != Mcts.NONE; ch = m.tree.nextSibling[ch]) {
            grandchildren[m.tree.move[ch]] = m.tree.visits[ch] + " " + m.tree.valueSum[ch] + " " + m.tree.untried[ch];
        }
        m.advance(4);
        for (int ch = m.tree.firstChild[Mcts.ROOT]; ch != Mcts.NONE; ch = m.tree.nextSibling[ch]) {
            assertEquals(grandchildren[m.tree.move[ch]], m.tree.visits[ch] + " " + m.tree.valueSum[ch] + " " + m.tree.untried[ch]);
            grandchildren[m.tree.move[ch]] = null;
        }
        assertTrue(java.util.Arrays.stream(grandchildren).allMatch(java.util.Objects::isNull), "every child was kept");
        assertEquals(visitsOfCentre, m.tree.visits[Mcts.ROOT]);
        assertEquals("....X....", m.rootState().board());
        assertEquals(0, m.simulations());
        assertNotEquals(version, m.treeVersion());
        assertTreeConsistent(m);
        assertEquals(visitsOfCentre - 1, java.util.Arrays.stream(m.rootVisits()).filter(v -> v > 0).sum(),
                "the new root's own evaluation plus its children's visits");
        m.search(1000);
        assertEquals(visitsOfCentre + 1000, m.tree.visits[Mcts.ROOT]);
        assertTreeConsistent(m);
    }

    @Test
    void withoutReuseTheNextSearchStartsFromAnEmptyTree() {
        Mcts m = new Mcts(Game.TIC_TAC_TOE.newGame(), MctsSettings.defaults().withReuseTree(false), Rollout.UNIFORM_RANDOM,
                new FastRandom(1));
        m.search(2000);
        m.advance(4);
        assertEquals(1, m.nodeCount());
        assertEquals(0, m.tree.visits[Mcts.ROOT]);
    }

    @Test
    void advanceRefusesAnIllegalMove() {
        Mcts m = search(Game.TIC_TAC_TOE, "XX.OO....", 10, 1);
        assertThrows(IllegalArgumentException.class, () -> m.advance(0));
    }

    @Test
    void aFullPoolStopsGrowingButTheSearchGoesOn() {
        Mcts m = new Mcts(Game.CONNECT_FOUR.newGame(), MctsSettings.defaults().withMaxNodes(16), Rollout.UNIFORM_RANDOM,
                new FastRandom(1));
        m.search(2000);
        assertTrue(m.nodeCount() > 1 && m.nodeCount() <= 16, "nodes: " + m.nodeCount());
        assertTrue(m.tree.size <= 16, "slots: " + m.tree.size);
        assertEquals(2000, m.tree.visits[Mcts.ROOT]);
        assertTreeConsistent(m, false);
        assertTrue(m.bestMove() >= 0);
    }

    @Test
    void sameTreeFromTheSameSeedAfterAdvanceToo() {
        Mcts a = search(Game.CONNECT_FOUR, EMPTY_C4, 2000, 4);
        Mcts b = search(Game.CONNECT_FOUR, EMPTY_C4, 2000, 4);
        a.advance(3);
        b.advance(3);
        a.search(500);
        b.search(500);
        assertEquals(a.treeString(42), b.treeString(42));
    }

    /**
     * Walking the tree from the root: parent links match, children come after their parent, the children
     * and untried moves are exactly the legal moves, N(node) − Σ N(children) is 1 for a node that was
     * evaluated itself and 0 for a fresh root (unless the pool filled up, when visits pass through nodes
     * without being stored below them), and the walk finds {@link Mcts#nodeCount()} nodes.
     */
    static void assertTreeConsistent(Mcts m) {
        assertTreeConsistent(m, true);
    }

    static void assertTreeConsistent(Mcts m, boolean everyVisitStored) {
        int found = 0;
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(java.util.List.of(Mcts.ROOT));
        while (!todo.isEmpty()) {
            int n = todo.pop();
            found++;
            long children = 0;
            int legal = m.tree.untried[n];
            for (int ch = m.tree.firstChild[n]; ch != Mcts.NONE; ch = m.tree.nextSibling[ch]) {
                assertEquals(n, m.tree.parent[ch], "parent link");
                assertTrue(ch > n, "children come after their parent");
                children += m.tree.visits[ch];
                legal |= 1 << m.tree.move[ch];
                todo.push(ch);
            }
            long own = m.tree.visits[n] - children;
            GameState s = m.stateAt(n);
            if (!s.isOver()) {
                if (everyVisitStored) assertTrue(own == 0 || own == 1, "node " + n + ": N = " + m.tree.visits[n] + ", children " + children);
                assertEquals(s.legalMoves(), legal, "children and untried moves are the legal moves");
            }
        }
        assertEquals(m.nodeCount(), found);
    }
}
