package org.mbrllab.engine.mcts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.mcts.NetworkEvaluatorTest.CornerNet;

/** Root Dirichlet noise: P(root, a) = (1 − ε)·p_a + ε·η_a with η ~ Dir(α), off unless asked for. */
class RootNoiseTest {

    /** Float storage of the priors. */
    static final double FLOAT_TOLERANCE = 1e-6;

    static Mcts puct(long seed) {
        return new Mcts(Game.TIC_TAC_TOE.newGame(), MctsSettings.puctDefaults().withSimulations(50), new CornerNet(), Seeds.fast(seed));
    }

    static double[] cornerPriors(GameState s) {
        double[] p = new double[9];
        new CornerNet().evaluate(s, null, p, null);
        return p;
    }

    @Test
    void noiseIsOffByDefaultInPlainMctsAndWithPriors() {
        Mcts plain = new Mcts(Game.TIC_TAC_TOE.newGame(), MctsSettings.defaults(), Rollout.UNIFORM_RANDOM, Seeds.fast(1));
        assertSame(RootNoise.OFF, plain.rootNoise());
        assertFalse(plain.rootNoise().isOn());
        Mcts withPriors = puct(1);
        assertSame(RootNoise.OFF, withPriors.rootNoise());
        assertArrayEquals(cornerPriors(Game.TIC_TAC_TOE.newGame()), withPriors.rootPriors(), FLOAT_TOLERANCE);
    }

    @Test
    void noiseMixesADirichletDrawIntoTheRootPriors() {
        Mcts m = puct(7);
        double[] clean = m.rootPriors();
        double eps = 0.25;
        m.setRootNoise(new RootNoise(0.3, eps));
        double[] noisy = m.rootPriors();
        double etaSum = 0;
        boolean changed = false;
        for (int a = 0; a < 9; a++) {
            double eta = (noisy[a] - (1 - eps) * clean[a]) / eps; // recover η_a
            assertTrue(eta > -FLOAT_TOLERANCE / eps && eta < 1 + FLOAT_TOLERANCE / eps, "η_" + a + " = " + eta);
            etaSum += eta;
            changed |= Math.abs(noisy[a] - clean[a]) > 1e-3;
        }
        assertEquals(1, etaSum, 1e-4, "η sums to 1");
        assertEquals(1, java.util.Arrays.stream(noisy).sum(), 1e-5, "the priors still sum to 1");
        assertTrue(changed, "the noise changed the priors");
    }

    @Test
    void noiseTouchesOnlyLegalMovesAndIsSeeded() {
        GameState s = Game.TIC_TAC_TOE.parse("X...O....");
        Mcts a = new Mcts(s, MctsSettings.puctDefaults(), new CornerNet(), Seeds.fast(3));
        Mcts b = new Mcts(s, MctsSettings.puctDefaults(), new CornerNet(), Seeds.fast(3));
        a.setRootNoise(new RootNoise(0.5, 0.25));
        b.setRootNoise(new RootNoise(0.5, 0.25));
        assertArrayEquals(a.rootPriors(), b.rootPriors(), 0, "same seed, same noise");
        assertEquals(0, a.rootPriors()[0]);
        assertEquals(0, a.rootPriors()[4]);
    }

    @Test
    void turningNoiseOffRestoresTheEvaluatorsPriors() {
        Mcts m = puct(5);
        double[] clean = m.rootPriors();
        m.setRootNoise(new RootNoise(0.3, 0.25));
        m.setRootNoise(RootNoise.OFF);
        assertArrayEquals(clean, m.rootPriors(), FLOAT_TOLERANCE);
        m.setRootNoise(new RootNoise(0.3, 0));
        assertArrayEquals(clean, m.rootPriors(), FLOAT_TOLERANCE, "weight 0 changes nothing");
    }

    @Test
    void theNewRootGetsFreshNoiseAfterAMove() {
        Mcts m = puct(11);
        m.setRootNoise(new RootNoise(0.3, 0.25));
        m.search(50);
        m.advance(0);
        GameState after = Game.TIC_TAC_TOE.newGame();
        after.play(0);
        double[] clean = cornerPriors(after);
        double[] noisy = m.rootPriors();
        assertEquals(1, java.util.Arrays.stream(noisy).sum(), 1e-5);
        double diff = 0;
        for (int a = 0; a < 9; a++) diff += Math.abs(noisy[a] - clean[a]);
        assertTrue(diff > 1e-3, "the reused root is perturbed too");
    }

    @Test
    void gammaDrawsHaveMeanAlpha() {
        var rng = Seeds.fast(2);
        for (double alpha : new double[] {0.3, 1, 2.5}) {
            double sum = 0;
            int n = 40_000;
            for (int i = 0; i < n; i++) sum += RootNoise.gamma(alpha, rng);
            // Var = α, so the standard error is √(α/n) ≤ 0.008; 5 of them.
            assertEquals(alpha, sum / n, 5 * Math.sqrt(alpha / n), "mean of Gamma(" + alpha + ", 1)");
        }
    }

    @Test
    void badNoiseSettingsAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RootNoise(0, 0.25)).getMessage().contains("alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RootNoise(0.3, 1.5)).getMessage().contains("weight"));
    }
}
