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
        assertArrayEquals(expected.rssm(), b.rssm(), 1e-12);
        assertArrayEquals(expected.copyLast(), b.copyLast(), 1e-12);
        assertArrayEquals(expected.meanFrame(), b.meanFrame(), 1e-12);
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
