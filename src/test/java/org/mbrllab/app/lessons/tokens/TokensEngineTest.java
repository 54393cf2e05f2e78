package org.mbrllab.app.lessons.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.tokens.TokenImagination;

/** A job: the models once, then the strip, the futures and the benchmark, carried on across jobs. */
class TokensEngineTest {

    private static final TokensEngine.Job JOB = new TokensEngine.Job(3, new TokenImagination.Sampling(1, 8), 1);

    private static TokensEngine engine(TokensEngine.Loaded loaded, TokensEngine.Benchmark benchmark) {
        return new TokensEngine(TinyTokens::model, TokensViewModel::readShippedRssm, JOB, loaded, benchmark);
    }

    private static int runToEnd(TokensEngine e) {
        int steps = 0;
        while (!e.isDone()) {
            e.step();
            steps++;
        }
        return steps;
    }

    @Test
    void aJobLoadsThenDrawsTheStripThenSamplesThenMeasuresFiftySequences() {
        TokensEngine e = engine(null, null);
        e.step();
        assertTrue(e.snapshot().loaded() != null);
        assertNull(e.snapshot().strip());
        e.step();
        assertEquals(3, e.snapshot().strip().sequence());
        assertNull(e.snapshot().futures());
        e.step();
        assertEquals(TokensEngine.FUTURES, e.snapshot().futures().size());
        assertNull(e.snapshot().benchmark());
        assertEquals(TokensEngine.SEQUENCES, runToEnd(e), "one benchmark sequence a step");
        assertEquals(TokensEngine.SEQUENCES, e.snapshot().benchmark().done());
    }

    @Test
    void aBenchmarkCutShortGoesOnFromWhereItStoppedAndEndsWithTheSameNumbers() {
        TokensEngine full = engine(null, null);
        runToEnd(full);
        TokensEngine.Loaded loaded = full.snapshot().loaded();
        TokensEngine.Benchmark expected = full.snapshot().benchmark();

        TokensEngine first = engine(loaded, null);
        while (first.snapshot().benchmark() == null || first.snapshot().benchmark().done() < 20) first.step();
        TokensEngine second = engine(loaded, first.snapshot().benchmark());

        assertEquals(2 + 30, runToEnd(second), "the strip, the futures, then the 30 sequences left");
        TokensEngine.Benchmark b = second.snapshot().benchmark();
        assertArrayEquals(expected.transformer(), b.transformer(), 1e-12);
        assertArrayEquals(expected.sampledMean(), b.sampledMean(), 1e-12, "each sequence's samples have their own stream");
        assertArrayEquals(expected.rssm(), b.rssm(), 1e-12);
        assertArrayEquals(expected.copyLast(), b.copyLast(), 1e-12);
        assertArrayEquals(expected.meanFrame(), b.meanFrame(), 1e-12);
    }

    /**
     * The benchmark's second transformer curve is the error of the mean of its sampled futures. Squared error is convex,
     * so at every step it is at most the average error of those futures taken one by one (Jensen), and below it as
     * soon as they differ.
     */
    @Test
    void theMeanOfTheSampledFuturesErrsLessThanTheFuturesOneByOne() {
        TokensEngine e = engine(null, null);
        while (e.snapshot().benchmark() == null) e.step();
        TokensEngine.Loaded loaded = e.snapshot().loaded();
        TokensEngine.Benchmark one = e.snapshot().benchmark();
        assertEquals(1, one.done());
        TokenImagination model = loaded.tokens().imagination();
        TokenImagination.Sampling full = new TokenImagination.Sampling(1, model.tokenizer().codes());
        java.util.random.RandomGenerator random = TokensEngine.sampledStream(0);
        double[] each = new double[TokensEngine.HORIZON];
        java.util.List<float[]> truth = null;
        for (int f = 0; f < TokensEngine.SAMPLED; f++) {
            var r = loaded.tokenLoop().rollout(model, 0, full, random);
            truth = r.truth();
            for (int k = 0; k < each.length; k++) {
                each[k] += TokensEngine.meanSquare(r.decoded().get(TokensEngine.CONTEXT + k), truth.get(TokensEngine.CONTEXT + k))
                        / TokensEngine.SAMPLED;
            }
        }
        boolean below = false;
        for (int k = 0; k < each.length; k++) {
            assertTrue(one.sampledMean()[k] <= each[k] + 1e-9, "step " + (k + 1) + ": " + one.sampledMean()[k] + " > " + each[k]);
            below |= one.sampledMean()[k] < each[k] - 1e-6;
        }
        assertTrue(below, "the sampled futures differ somewhere, so their mean errs strictly less");
    }

    @Test
    void aCompleteBenchmarkIsKeptAndNotMeasuredAgain() {
        TokensEngine full = engine(null, null);
        runToEnd(full);
        TokensEngine again = engine(full.snapshot().loaded(), full.snapshot().benchmark());
        assertEquals(2, runToEnd(again), "the strip and the futures only");
        assertSame(full.snapshot().benchmark(), again.snapshot().benchmark());
    }
}
