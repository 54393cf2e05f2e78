package org.mbrllab.app.common;

import javafx.animation.AnimationTimer;

/**
 * Runs the latest submitted update at most a given number of times a second, on the FX thread: for
 * views that are costly to rebuild (typeset math) and would otherwise be rebuilt for every snapshot.
 */
public final class Throttle {

    private final long interval;
    private final AnimationTimer timer;
    private Runnable pending;
    private long last;

    public Throttle(double perSecond) {
        interval = (long) (1e9 / perSecond);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (pending != null && now - last >= interval) {
                    last = now;
                    flush();
                }
            }
        };
    }

    /** Replaces any update not yet run. */
    public void submit(Runnable update) {
        pending = update;
    }

    /** Runs the pending update now. */
    public void flush() {
        Runnable r = pending;
        pending = null;
        if (r != null) r.run();
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }
}
