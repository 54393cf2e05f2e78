package org.mbrllab.app.lessons.control;

import javafx.animation.AnimationTimer;

/**
 * Runs the latest submitted update at most a given number of times a second, on the FX thread: for
 * views that are costly to rebuild (typeset math) and would otherwise be rebuilt for every snapshot.
 */
final class Throttle {

    private final long interval;
    private final AnimationTimer timer;
    private Runnable pending;
    private long last;

    Throttle(double perSecond) {
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
    void submit(Runnable update) {
        pending = update;
    }

    /** Runs the pending update now. */
    void flush() {
        Runnable r = pending;
        pending = null;
        if (r != null) r.run();
    }

    void start() {
        timer.start();
    }

    void stop() {
        timer.stop();
    }
}
