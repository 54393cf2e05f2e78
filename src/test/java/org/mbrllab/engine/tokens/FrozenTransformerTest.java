package org.mbrllab.engine.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.TransformerGraph;

/** The plain-Java transformer, one position at a time, gives the graph's logits, rewards and attention weights. */
class FrozenTransformerTest {
    /** 8 codes + 4 actions, 4 tokens a frame, 3 frames (15 positions), width 16, 4 heads, 2 blocks, batch 2. */
    private static final TransformerGraph.Sizes SIZES = new TransformerGraph.Sizes(12, 8, 4, 3, 16, 4, 2, 32, 2);

    private static int[] tokens(RandomGenerator r) {
        int n = SIZES.positions();
        int[] t = new int[SIZES.batch() * n];
        for (int i = 0; i < t.length; i++) t[i] = (i % n) % 5 == 4 ? 8 + r.nextInt(4) : r.nextInt(8);
        return t;
    }

    /** A graph trained for a few steps on random sequences, so that its gains and biases have moved. */
    private static TransformerGraph trained() {
        RandomGenerator r = Seeds.random(2);
        TransformerGraph g = new TransformerGraph(SIZES, 1e-2, Seeds.random(1));
        for (int s = 0; s < 20; s++) {
            int[] x = tokens(r);
            int[] y = new int[x.length];
            for (int b = 0; b < SIZES.batch(); b++) TokenSequences.targets(x, b * SIZES.positions(), 3, 4, y);
            float[] rewards = new float[x.length];
            for (int i = 0; i < x.length; i++) rewards[i] = (float) r.nextGaussian();
            g.train(x, y, rewards);
        }
        return g;
    }

    @Test
    void logitsAndAttentionMatchTheGraphPositionByPosition() {
        TransformerGraph g = trained();
        FrozenTransformer frozen = new FrozenTransformer(SIZES, g.weights());
        int[] x = tokens(Seeds.random(3));
        float[] expected = g.logits(x);
        float[][] attention = new float[8][];
        for (int l = 0; l < 2; l++) for (int h = 0; h < 4; h++) attention[l * 4 + h] = g.attention(x, l, h);
        int n = SIZES.positions(), k = SIZES.codes();
        for (int b = 0; b < SIZES.batch(); b++) {
            FrozenTransformer.Context c = frozen.context();
            for (int i = 0; i < n; i++) {
                int row = b * n + i;
                float[] logits = c.append(x[row]);
                for (int j = 0; j < k; j++) assertEquals(expected[row * k + j], logits[j], 1e-4, "row " + row + " code " + j);
                float[][][] a = c.attention();
                for (int l = 0; l < 2; l++) {
                    for (int h = 0; h < 4; h++) {
                        assertEquals(i + 1, a[l][h].length);
                        for (int j = 0; j <= i; j++) {
                            assertEquals(attention[l * 4 + h][row * n + j], a[l][h][j], 1e-5, "block " + l + " head " + h);
                        }
                    }
                }
            }
            int full = c.length();
            assertEquals(n, full);
            assertThrows(IllegalStateException.class, () -> c.append(0));
        }
    }

    @Test
    void rewardAtEachActionTokenMatchesTheGraph() {
        TransformerGraph g = trained();
        FrozenTransformer frozen = new FrozenTransformer(SIZES, g.weights());
        int[] x = tokens(Seeds.random(4));
        float[] expected = g.rewards(x);
        int n = SIZES.positions();
        int actions = 0;
        for (int b = 0; b < SIZES.batch(); b++) {
            FrozenTransformer.Context c = frozen.context();
            for (int i = 0; i < n; i++) {
                int row = b * n + i;
                c.append(x[row]);
                if (x[row] >= SIZES.codes()) {
                    assertEquals(expected[row], c.reward(), 1e-4, "row " + row);
                    actions++;
                } else {
                    IllegalStateException e = assertThrows(IllegalStateException.class, c::reward);
                    assertEquals("a reward is predicted at an action token; the last position holds code " + x[row], e.getMessage());
                }
            }
        }
        assertEquals(2 * 3, actions);
        // The head has learned something other than its start (weights 0 … ± and bias 0): rewards differ by position.
        assertNotEquals(expected[4], expected[9], 1e-6);
    }

    @Test
    void aTokenOutsideTheVocabularyIsRefused() {
        FrozenTransformer frozen = new FrozenTransformer(SIZES, new TransformerGraph(SIZES, 1e-3, Seeds.random(1)).weights());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> frozen.context().append(12));
        assertEquals("token 12: expected 0 … 11", e.getMessage());
    }
}
