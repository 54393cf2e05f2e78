package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The transformer's attention, loss and gradient, against hand computations and float64 finite differences. */
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

    @Test
    void gradientOfEveryWeightMatchesFiniteDifferences() {
        RandomGenerator r = Seeds.random(4);
        TransformerGraph g = new TransformerGraph(TINY, 1e-3, Seeds.random(9), DataType.DOUBLE);
        // Move the weights off their start (gains 1, biases 0), so every term is exercised.
        for (int p = 0; p < TransformerGraph.names(TINY.layers()).length; p++) {
            INDArray w = g.weight(p);
            for (int k = 0; k < w.length(); k++) w.putScalar(k, w.getDouble(k) + 0.3 * r.nextGaussian());
        }
        int[] x = tokens(r);
        int[] y = targets(x);
        double[][] analytic = g.gradients(x, y);
        String[] names = TransformerGraph.names(TINY.layers());
        int checked = 0;
        for (int p = 0; p < names.length; p++) {
            INDArray w = g.weight(p);
            for (int k = 0; k < w.length(); k++) {
                double original = w.getDouble(k);
                w.putScalar(k, original + H);
                double plus = g.loss(x, y);
                w.putScalar(k, original - H);
                double minus = g.loss(x, y);
                w.putScalar(k, original);
                double numeric = (plus - minus) / (2 * H);
                double scale = Math.max(Math.abs(numeric), Math.abs(analytic[p][k]));
                assertEquals(numeric, analytic[p][k], RELATIVE * scale + ABSOLUTE, names[p] + "[" + k + "]");
                checked++;
            }
        }
        int w = TINY.width();
        int block = 2 * w + 4 * w * w + w + 2 * w + w * 6 + 6 + 6 * w + w;
        assertEquals(5 * w + 6 * w + 2 * block + 2 * w + w * 3 + 3, checked);
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
        assertEquals(sum / count, g.loss(x, y), 1e-6);
    }

    @Test
    void aNewLearningRateSetsTheSizeOfTheNextAdamStep() {
        TransformerGraph g = new TransformerGraph(TINY, 1e-3, Seeds.random(9));
        g.setLearningRate(5e-3);
        int[] x = tokens(Seeds.random(6));
        double[] before = g.weight(0).castTo(DataType.DOUBLE).dup().data().asDouble();
        g.train(x, targets(x));
        double[] after = g.weight(0).castTo(DataType.DOUBLE).dup().data().asDouble();
        // Adam's first step moves every weight with a gradient by α m / √v = α · sign(g) (bias-corrected).
        double largest = 0;
        for (int i = 0; i < before.length; i++) largest = Math.max(largest, Math.abs(after[i] - before[i]));
        assertEquals(5e-3, largest, 1e-5);
    }
}
