package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The transformer's attention, losses (codes and reward) and gradient, against hand computations and float64 finite
 * differences.
 */
class TransformerGraphTest {
    /** 3 codes + 2 actions, 2 tokens a frame, 2 frames (6 positions), width 4, 2 heads, 2 blocks, batch 2. */
    private static final TransformerGraph.Sizes TINY = new TransformerGraph.Sizes(5, 3, 2, 2, 4, 2, 2, 6, 2);
    private static final double H = 1e-6;
    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE = 1e-9;

    /** Random codes at frame positions, random actions at action positions. */
    private static int[] tokens(RandomGenerator r) {
        int n = TINY.positions(), block = TINY.frameTokens() + 1;
        int[] t = new int[TINY.batch() * n];
        for (int i = 0; i < t.length; i++) {
            t[i] = (i % n) % block == TINY.frameTokens() ? TINY.codes() + r.nextInt(2) : r.nextInt(TINY.codes());
        }
        return t;
    }

    /** The next token where it is a frame token, −1 elsewhere. */
    private static int[] targets(int[] tokens) {
        int n = TINY.positions(), block = TINY.frameTokens() + 1;
        int[] y = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            int next = i % n + 1;
            y[i] = next < n && next % block != TINY.frameTokens() ? tokens[i + 1] : -1;
        }
        return y;
    }

    /** A reward in [−2, 2] at every position (the graph reads those at action tokens). */
    private static float[] rewards(RandomGenerator r, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = (float) (4 * r.nextDouble() - 2);
        return out;
    }

    @Test
    void gradientOfEveryWeightMatchesFiniteDifferencesWithTheRewardTerm() {
        RandomGenerator r = Seeds.random(4);
        // λ = 0.7, not 1, so that a weight applied to the wrong term shows.
        TransformerGraph g = new TransformerGraph(TINY, 1e-3, 0.7, Seeds.random(9), DataType.DOUBLE);
        // Move the weights off their start (gains 1, biases 0), so every term is exercised.
        for (int p = 0; p < TransformerGraph.names(TINY.layers()).length; p++) {
            INDArray w = g.weight(p);
            for (int k = 0; k < w.length(); k++) w.putScalar(k, w.getDouble(k) + 0.3 * r.nextGaussian());
        }
        int[] x = tokens(r);
        int[] y = targets(x);
        float[] rw = rewards(r, x.length);
        double[][] analytic = g.gradients(x, y, rw);
        String[] names = TransformerGraph.names(TINY.layers());
        int checked = 0;
        for (int p = 0; p < names.length; p++) {
            INDArray w = g.weight(p);
            for (int k = 0; k < w.length(); k++) {
                double original = w.getDouble(k);
                w.putScalar(k, original + H);
                double plus = g.losses(x, y, rw).total();
                w.putScalar(k, original - H);
                double minus = g.losses(x, y, rw).total();
                w.putScalar(k, original);
                double numeric = (plus - minus) / (2 * H);
                double scale = Math.max(Math.abs(numeric), Math.abs(analytic[p][k]));
                assertEquals(numeric, analytic[p][k], RELATIVE * scale + ABSOLUTE, names[p] + "[" + k + "]");
                checked++;
            }
        }
        int w = TINY.width();
        int block = 2 * w + 4 * w * w + w + 2 * w + w * 6 + 6 + 6 * w + w;
        assertEquals(5 * w + 6 * w + 2 * block + 2 * w + w * 3 + 3 + w + 1, checked);
        String last = names[names.length - 2];
        assertEquals("reward_w", last);
        double largest = 0;
        for (double v : analytic[names.length - 2]) largest = Math.max(largest, Math.abs(v));
        assertTrue(largest > 1e-3, "the reward head has a gradient: " + largest);
    }

    @Test
    void rewardLossIsTheMeanSquaredErrorAtTheActionTokensOnly() {
        TransformerGraph g = new TransformerGraph(TINY, 1e-3, 0.7, Seeds.random(9), DataType.DOUBLE);
        RandomGenerator r = Seeds.random(7);
        int[] x = tokens(r);
        int[] y = targets(x);
        float[] rw = rewards(r, x.length);
        float[] predicted = g.rewards(x);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < TINY.codes()) continue;
            sum += (predicted[i] - rw[i]) * (predicted[i] - rw[i]);
            count++;
        }
        // 2 sequences × 2 frames, one action each.
        assertEquals(4, count);
        TransformerGraph.Losses l = g.losses(x, y, rw);
        assertEquals(sum / count, l.reward(), 1e-6);
        assertEquals(l.tokens() + 0.7 * l.reward(), l.total(), 1e-12);
        // A reward target at a code position is not read.
        float[] other = rw.clone();
        for (int i = 0; i < x.length; i++) if (x[i] < TINY.codes()) other[i] += 5;
        assertEquals(l.reward(), g.losses(x, y, other).reward(), 0);
    }

    @Test
    void withRewardWeightZeroTheRewardHeadGetsNoGradient() {
        TransformerGraph g = new TransformerGraph(TINY, 1e-3, 0, Seeds.random(9), DataType.DOUBLE);
        RandomGenerator r = Seeds.random(8);
        int[] x = tokens(r);
        double[][] grad = g.gradients(x, targets(x), rewards(r, x.length));
        String[] names = TransformerGraph.names(TINY.layers());
        for (double v : grad[names.length - 2]) assertEquals(0, v, 0, "reward_w");
        for (double v : grad[names.length - 1]) assertEquals(0, v, 0, "reward_b");
    }

    @Test
    void attentionIsCausalAndEachRowSumsToOne() {
        TransformerGraph g = new TransformerGraph(TINY, 1e-3, Seeds.random(9), DataType.DOUBLE);
        int[] x = tokens(Seeds.random(5));
        int n = TINY.positions();
        for (int l = 0; l < 2; l++) {
            for (int h = 0; h < 2; h++) {
                float[] a = g.attention(x, l, h);
                for (int row = 0; row < TINY.batch() * n; row++) {
                    int i = row % n;
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        if (j > i) assertEquals(0, a[row * n + j], 0, "row " + row + " attends to the future " + j);
                        sum += a[row * n + j];
                    }
                    assertEquals(1, sum, 1e-6);
                }
            }
        }
    }

    @Test
    void lossIsTheMeanCrossEntropyOfThePredictedTokens() {
        TransformerGraph g = new TransformerGraph(TINY, 1e-3, Seeds.random(9), DataType.DOUBLE);
        int[] x = tokens(Seeds.random(6));
        int[] y = targets(x);
        float[] logits = g.logits(x);
        int k = TINY.codes();
        double sum = 0;
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) continue;
            double max = Double.NEGATIVE_INFINITY, z = 0;
            for (int c = 0; c < k; c++) max = Math.max(max, logits[i * k + c]);
            for (int c = 0; c < k; c++) z += Math.exp(logits[i * k + c] - max);
            sum -= logits[i * k + y[i]] - max - Math.log(z);
            count++;
        }
        // Per sequence of 2 frames × (2 tokens + action): frame 0's second token, frame 1's two tokens.
        assertEquals(2 * 3, count);
        assertEquals(sum / count, g.losses(x, y, new float[x.length]).tokens(), 1e-6);
    }

    @Test
    void aNewLearningRateSetsTheSizeOfTheNextAdamStep() {
        TransformerGraph g = new TransformerGraph(TINY, 1e-3, Seeds.random(9));
        g.setLearningRate(5e-3);
        int[] x = tokens(Seeds.random(6));
        double[] before = g.weight(0).castTo(DataType.DOUBLE).dup().data().asDouble();
        g.train(x, targets(x), new float[x.length]);
        double[] after = g.weight(0).castTo(DataType.DOUBLE).dup().data().asDouble();
        // Adam's first step moves every weight with a gradient by α m / √v = α · sign(g) (bias-corrected).
        double largest = 0;
        for (int i = 0; i < before.length; i++) largest = Math.max(largest, Math.abs(after[i] - before[i]));
        assertEquals(5e-3, largest, 1e-5);
    }
}
