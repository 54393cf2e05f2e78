package org.mbrllab.engine.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.FastRandom;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.mcts.MctsSnapshot.ChildTerm;

/** UCB1 and PUCT on small trees built by hand, checked against the formulas written out. */
class SelectionArithmeticTest {

    static final double EXACT = 1e-12;
    /** For numbers worked out by hand to six decimals. */
    static final double HAND = 5e-7;

    /** X O X / O O X / . . . with X to move: three legal moves, 6, 7 and 8. */
    static final String THREE_MOVES = "XOXOOX...";

    /** Root N = 20; children 6: N 10, W 4; 7: N 6, W 3; 8: N 2, W −0.5. */
    static Mcts handBuilt(SelectionRule rule, double c, Evaluator evaluator) {
        MctsSettings settings = MctsSettings.defaults().withRule(rule).withC(c);
        Mcts m = new Mcts(Game.TIC_TAC_TOE.parse(THREE_MOVES), settings, evaluator, new FastRandom(1));
        m.setVisitsForTest(Mcts.ROOT, 20);
        m.addChildForTest(Mcts.ROOT, 6, 10, 4.0);
        m.addChildForTest(Mcts.ROOT, 7, 6, 3.0);
        m.addChildForTest(Mcts.ROOT, 8, 2, -0.5);
        return m;
    }

    private static int chosenMove(Mcts m) {
        int choice = m.chooseAtRootForTest();
        return choice < 0 ? ~choice : m.tree.move[choice];
    }

    @Test
    void ucb1TermsAreQPlusCTimesRootOfLogNOverN() {
        Mcts m = handBuilt(SelectionRule.UCB1, 1.0, Rollout.UNIFORM_RANDOM);
        List<ChildTerm> terms = SnapshotBuilder.terms(m, Mcts.ROOT);
        assertEquals(3, terms.size());
        double[] n = {10, 6, 2};
        double[] q = {0.4, 0.5, -0.25};
        for (int i = 0; i < 3; i++) {
            ChildTerm t = terms.get(i);
            assertEquals(6 + i, t.move());
            assertEquals(q[i], t.q(), EXACT);
            assertEquals(Math.sqrt(Math.log(20) / n[i]), t.exploration(), EXACT);
            assertEquals(q[i] + Math.sqrt(Math.log(20) / n[i]), t.score(), EXACT);
        }
        // By hand: ln 20 = 2.995732; √(2.995732/10) = 0.547333, /6 → 0.706604, /2 → 1.223873.
        assertEquals(0.947333, terms.get(0).score(), HAND);
        assertEquals(1.206604, terms.get(1).score(), HAND);
        assertEquals(0.973873, terms.get(2).score(), HAND);
        assertTrue(terms.get(1).best() && !terms.get(0).best() && !terms.get(2).best());
    }

    @Test
    void ucb1PicksTheHighestScoreAndALargerCPicksTheLeastVisited() {
        assertEquals(7, chosenMove(handBuilt(SelectionRule.UCB1, 1.0, Rollout.UNIFORM_RANDOM)));
        // c = 3: 0.4 + 1.641998 = 2.041998; 0.5 + 2.119811 = 2.619811; −0.25 + 3.671620 = 3.421620.
        Mcts wide = handBuilt(SelectionRule.UCB1, 3.0, Rollout.UNIFORM_RANDOM);
        assertEquals(3.421620, SnapshotBuilder.terms(wide, Mcts.ROOT).get(2).score(), HAND);
        assertEquals(8, chosenMove(wide));
        // c = 0 is greedy in Q.
        assertEquals(7, chosenMove(handBuilt(SelectionRule.UCB1, 0.0, Rollout.UNIFORM_RANDOM)));
    }

    @Test
    void theSearchChoosesTheArgmaxOfTheWrittenOutScoresOnRandomTrees() {
        FastRandom r = new FastRandom(99);
        for (SelectionRule rule : SelectionRule.values()) {
            for (int trial = 0; trial < 2000; trial++) {
                double c = 0.05 + 4 * r.nextDouble();
                MctsSettings settings = MctsSettings.defaults().withRule(rule).withC(c);
                Mcts m = new Mcts(Game.TIC_TAC_TOE.parse(THREE_MOVES), settings, Rollout.UNIFORM_RANDOM, new FastRandom(trial));
                int total = 0;
                for (int move = 6; move <= 8; move++) {
                    int n = 1 + r.nextInt(200);
                    total += n;
                    m.addChildForTest(Mcts.ROOT, move, n, n * (2 * r.nextDouble() - 1));
                }
                m.setVisitsForTest(Mcts.ROOT, total + 1);
                List<ChildTerm> terms = SnapshotBuilder.terms(m, Mcts.ROOT);
                ChildTerm best = terms.stream().max(java.util.Comparator.comparingDouble(ChildTerm::score)).orElseThrow();
                assertEquals(best.move(), chosenMove(m), rule + " trial " + trial + ": " + terms);
            }
        }
    }

    @Test
    void ucb1TriesAnUntriedMoveBeforeAnyOther() {
        MctsSettings settings = MctsSettings.defaults().withC(1.0);
        Mcts m = new Mcts(Game.TIC_TAC_TOE.parse(THREE_MOVES), settings, Rollout.UNIFORM_RANDOM, new FastRandom(1));
        m.setVisitsForTest(Mcts.ROOT, 20);
        m.addChildForTest(Mcts.ROOT, 6, 19, 19.0); // Q = 1, as good as it gets
        m.addChildForTest(Mcts.ROOT, 8, 1, -1.0);
        assertEquals(7, chosenMove(m));
        ChildTerm untried = SnapshotBuilder.terms(m, Mcts.ROOT).get(1);
        assertEquals(Double.POSITIVE_INFINITY, untried.exploration());
        assertEquals(Double.POSITIVE_INFINITY, untried.score());
        assertEquals(-1, untried.node());
    }

    @Test
    void exactTiesAreBrokenUniformlyAtRandom() {
        int[] count = new int[9];
        for (int seed = 0; seed < 2000; seed++) {
            Mcts m = new Mcts(Game.TIC_TAC_TOE.parse(THREE_MOVES), MctsSettings.defaults(), Rollout.UNIFORM_RANDOM,
                    new FastRandom(seed));
            m.setVisitsForTest(Mcts.ROOT, 12);
            m.addChildForTest(Mcts.ROOT, 6, 4, 1.0);
            m.addChildForTest(Mcts.ROOT, 7, 4, 1.0);
            m.addChildForTest(Mcts.ROOT, 8, 4, 1.0);
            count[chosenMove(m)]++;
        }
        // Each of the three ties: 2000/3 ≈ 667, binomial σ ≈ 21; [560, 780] is more than 5σ each way.
        for (int move = 6; move <= 8; move++) assertTrue(count[move] > 560 && count[move] < 780, "move " + move + ": " + count[move]);
    }

    @Test
    void puctTermsUseUniformPriorsWithRollouts() {
        Mcts m = handBuilt(SelectionRule.PUCT, 2.0, Rollout.UNIFORM_RANDOM);
        List<ChildTerm> terms = SnapshotBuilder.terms(m, Mcts.ROOT);
        double[] n = {10, 6, 2};
        double[] q = {0.4, 0.5, -0.25};
        for (int i = 0; i < 3; i++) {
            ChildTerm t = terms.get(i);
            assertEquals(1.0 / 3, t.prior(), EXACT);
            assertEquals(2.0 * (1.0 / 3) * Math.sqrt(20) / (1 + n[i]), t.exploration(), EXACT);
            assertEquals(q[i] + t.exploration(), t.score(), EXACT);
        }
        // By hand: (2/3)·√20 = 2.981424; /11 → 0.271039, /7 → 0.425918, /3 → 0.993808.
        assertEquals(0.671039, terms.get(0).score(), HAND);
        assertEquals(0.925918, terms.get(1).score(), HAND);
        assertEquals(0.743808, terms.get(2).score(), HAND);
        assertEquals(7, chosenMove(m));
    }

    @Test
    void puctFollowsTheEvaluatorsPriors() {
        // Priors 0.05, 0.05, 0.9: move 8's bonus 2·0.9·√20/3 = 2.683282 outweighs its low Q.
        Mcts m = handBuilt(SelectionRule.PUCT, 2.0, new FixedPriors(0.05, 0.05, 0.9));
        List<ChildTerm> terms = SnapshotBuilder.terms(m, Mcts.ROOT);
        assertEquals(0.9, terms.get(2).prior(), 1e-7, "stored as float");
        assertEquals(-0.25 + 2 * 0.9f * Math.sqrt(20) / 3, terms.get(2).score(), EXACT);
        assertEquals(8, chosenMove(m));
    }

    @Test
    void puctGivesAnUntriedMoveQZeroAndItsPriorBonus() {
        MctsSettings settings = MctsSettings.puctDefaults().withC(1.0);
        Mcts m = new Mcts(Game.TIC_TAC_TOE.parse(THREE_MOVES), settings, Rollout.UNIFORM_RANDOM, new FastRandom(1));
        m.setVisitsForTest(Mcts.ROOT, 9);
        m.addChildForTest(Mcts.ROOT, 6, 4, -2.0);  // Q = −0.5: 3·(1/3)/5 = 0.2 → −0.3
        m.addChildForTest(Mcts.ROOT, 8, 4, -2.0);
        ChildTerm untried = SnapshotBuilder.terms(m, Mcts.ROOT).get(1);
        assertEquals(0, untried.q());
        assertEquals(1.0 * (1.0 / 3) * 3, untried.score(), EXACT);
        assertEquals(7, chosenMove(m));
    }

    /** An evaluator with fixed priors on the moves 6, 7, 8 (the only legal ones) and value 0. */
    record FixedPriors(double p6, double p7, double p8) implements Evaluator {
        @Override
        public double evaluate(GameState state, RandomGenerator rng, double[] priors, int[] rolloutMoves) {
            if (priors != null) {
                int legal = state.legalMoves();
                int count = Integer.bitCount(legal);
                for (int a = 0; a < priors.length; a++) if ((legal >> a & 1) != 0) priors[a] = 1.0 / count;
                if (legal == 0b111000000) {
                    priors[6] = p6;
                    priors[7] = p7;
                    priors[8] = p8;
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
            return "fixed priors";
        }
    }
}
