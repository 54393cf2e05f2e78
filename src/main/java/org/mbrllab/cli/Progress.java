package org.mbrllab.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.mbrllab.engine.core.Format;

/**
 * Progress lines and a time limit for a long run. A command calls {@link #tick} after each unit of work
 * (a sweep); once the run has taken {@link #QUIET_SECONDS}, a line {@code progress: …} goes to the error
 * stream at most every {@link #EVERY_SECONDS}, never to standard output, so JSON stays clean. A run that
 * passes its limit stops with {@link Cli.RunFailed} (exit 1).
 */
final class Progress {

    /** Runs shorter than this print no progress. */
    static final double QUIET_SECONDS = 2;
    /** The least time between two progress lines. */
    static final double EVERY_SECONDS = 1;

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final double limitSeconds;
    private final String limitFlag;
    private final long start;
    private long lastPrinted;

    /**
     * @param err          where progress lines go
     * @param nanoClock    nanoseconds, {@code System::nanoTime} outside tests
     * @param limitSeconds the time limit, in seconds
     * @param limitFlag    the option that set it, for the message
     */
    Progress(PrintWriter err, LongSupplier nanoClock, double limitSeconds, String limitFlag) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.limitSeconds = limitSeconds;
        this.limitFlag = limitFlag;
        this.start = nanoClock.getAsLong();
        this.lastPrinted = start;
    }

    /**
     * Prints {@code status} if it is time to, and stops the run at the limit.
     *
     * @param status what has been done so far, e.g. "1200 sweeps, max|ΔV| 0.03"; asked only when printed
     * @throws Cli.RunFailed when the run has taken longer than the limit
     */
    void tick(Supplier<String> status) {
        long now = nanoClock.getAsLong();
        double elapsed = (now - start) / 1e9;
        if (elapsed > limitSeconds) {
            throw new Cli.RunFailed("stopped at the time limit of " + Format.number(limitSeconds) + " s (" + limitFlag
                    + ") after " + status.get() + "; raise " + limitFlag + " or make the problem smaller");
        }
        if (elapsed >= QUIET_SECONDS && (now - lastPrinted) / 1e9 >= EVERY_SECONDS) {
            lastPrinted = now;
            err.println("progress: " + status.get() + " (" + Format.fixed(elapsed, 0) + " s)");
            err.flush();
        }
    }
}
