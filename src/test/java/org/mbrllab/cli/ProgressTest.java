package org.mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress lines on a clock the test moves: none for short runs, at most one a second, and the limit. */
class ProgressTest {

    private long now;
    private final StringWriter err = new StringWriter();

    private Progress progress(double limitSeconds) {
        return new Progress(new PrintWriter(err), () -> now, limitSeconds, "--time-limit");
    }

    private void advance(double seconds) {
        now += (long) (seconds * 1e9);
    }

    @Test
    void aRunShorterThanTwoSecondsPrintsNothing() {
        Progress p = progress(600);
        for (int i = 0; i < 19; i++) {
            advance(0.1);
            p.tick(() -> "some sweeps");
        }
        assertEquals("", err.toString());
    }

    @Test
    void aLongRunPrintsAtMostOneLineASecond() {
        Progress p = progress(600);
        int[] sweeps = {0};
        for (int i = 0; i < 45; i++) {        // 4.5 s in steps of 0.1 s
            advance(0.1);
            sweeps[0]++;
            p.tick(() -> sweeps[0] + " sweeps");
        }
        assertEquals(List.of("progress: 20 sweeps (2 s)", "progress: 30 sweeps (3 s)", "progress: 40 sweeps (4 s)"),
                err.toString().lines().toList());
    }

    @Test
    void passingTheLimitFailsTheRunWithWhatWasDone() {
        Progress p = progress(1.5);
        advance(1.4);
        p.tick(() -> "14 sweeps");
        advance(0.2);
        Cli.RunFailed e = assertThrows(Cli.RunFailed.class, () -> p.tick(() -> "16 sweeps"));
        assertEquals("stopped at the time limit of 1.5 s (--time-limit) after 16 sweeps; raise --time-limit or make "
                + "the problem smaller", e.getMessage());
    }
}
