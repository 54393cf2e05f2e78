package org.mbrllab.engine.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.FastRandom;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.mcts.MctsEngine.StepSize;
import org.mbrllab.engine.mcts.MctsSnapshot.NodeView;

/**
 * How a network plugs in: an {@link Evaluator} that provides priors and a value, with no rollout. A
 * stand-in "network" puts prior 0.6 on the lowest free corner (0, 2, 6, 8) and spreads the rest evenly;
 * its value is always 0, so PUCT is steered by the priors alone.
 */
class NetworkEvaluatorTest {

    static final double FAVOURITE = 0.6;

    /** Prior 0.6 on the first free corner, the rest uniform; value 0; counts its calls. */
    static final class CornerNet implements Evaluator {
        int calls;

        static int favourite(int legal) {
            for (int corner : new int[] {0, 2, 6, 8}) if ((legal >> corner & 1) != 0) return corner;
            return -1;
        }

        @Override
        public double evaluate(GameState state, RandomGenerator rng, double[] priors, int[] rolloutMoves) {
            calls++;
            if (priors != null) {
                int legal = state.legalMoves();
                int fav = favourite(legal);
                int n = Integer.bitCount(legal);
                for (int a = 0; a < 9; a++) {
                    if ((legal >> a & 1) == 0) continue;
                    priors[a] = fav < 0 ? 1.0 / n : a == fav ? FAVOURITE : (1 - FAVOURITE) / (n - 1);
                }
            }
            return 0;
        }

        @Override
        public boolean providesPriors() {
            return true;
        }

        @Override
        public String describe() {
            return "corner net";
        }
    }

    @Test
    void rootPriorsComeFromTheEvaluatorAndSteerPuct() {
        MctsEngine e = new MctsEngine(Game.TIC_TAC_TOE.newGame(), MctsSettings.puctDefaults().withSimulations(400),
                new CornerNet(), 1);
        e.setStepSize(StepSize.BUDGET, 1);
        e.step();
        MctsSnapshot s = e.snapshot();
        assertEquals(FAVOURITE, s.rootPrior()[0], 1e-7);
        assertEquals(0.4 / 8, s.rootPrior()[4], 1e-7);
        assertEquals(0, s.bestMove(), "all values 0: the visits follow the priors");
        assertTrue(s.rootVisits()[0] > 0.4 * 400, "the favourite gets most visits: " + s.rootVisits()[0]);
    }

    @Test
    void everyNewNodeIsEvaluatedOnceAndItsPriorsAreStored() {
        CornerNet net = new CornerNet();
        Mcts m = new Mcts(Game.TIC_TAC_TOE.newGame(), MctsSettings.puctDefaults(), net, new FastRandom(2));
        assertEquals(1, net.calls, "the root is evaluated once for its priors");
        m.search(300);
        int terminalLeaves = 0;
        for (int n = 1; n < m.nodeCount(); n++) if (m.stateAt(n).isOver()) terminalLeaves++;
        assertEquals(1 + (m.nodeCount() - 1 - terminalLeaves), net.calls, "one call per new non-final node");
        for (int n = 1; n < m.nodeCount(); n++) {
            GameState s = m.stateAt(n);
            if (s.isOver()) continue;
            int fav = CornerNet.favourite(s.legalMoves());
            if (fav >= 0) assertEquals(FAVOURITE, m.tree.priors[n * 9 + fav], 1e-7, "node " + n);
        }
    }

    @Test
    void treeReuseKeepsThePriorsOfTheNewRoot() {
        MctsEngine e = new MctsEngine(Game.TIC_TAC_TOE.newGame(), MctsSettings.puctDefaults().withSimulations(300),
                new CornerNet(), 3);
        e.setStepSize(StepSize.BUDGET, 1);
        e.step();
        e.play(0);
        MctsSnapshot s = e.snapshot();
        assertTrue(s.tree().visits() > 0, "the subtree was kept");
        assertEquals(FAVOURITE, s.rootPrior()[2], 1e-7, "after X at 0, the favourite is corner 2");
        for (NodeView child : s.tree().children()) {
            assertEquals(s.rootPrior()[child.move()], child.prior(), 1e-12);
        }
    }

    @Test
    void switchingToAnEvaluatorWithPriorsStartsAFreshTree() {
        MctsEngine e = new MctsEngine(Game.TIC_TAC_TOE.newGame(), MctsSettings.puctDefaults().withSimulations(300),
                Rollout.UNIFORM_RANDOM, 4);
        e.setStepSize(StepSize.BUDGET, 1);
        e.step();
        assertEquals(1.0 / 9, e.snapshot().rootPrior()[4], 1e-12, "uniform with rollouts");
        e.setEvaluator(new CornerNet());
        MctsSnapshot s = e.snapshot();
        assertEquals(1, s.nodes());
        assertEquals(FAVOURITE, s.rootPrior()[0], 1e-7);
        assertEquals("corner net", s.evaluator());
    }
}
