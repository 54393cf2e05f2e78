package org.mbrllab.app.common.search;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Passes values on to a drawing at most {@code perSecond} times a second while {@code busy} says a run is
 * going, the latest value winning; otherwise at once. Software rendering pays for every redrawn pixel, so
 * a view that changes 30 times a second during a full-speed search can follow it less often and leave
 * the frame rate to the rest of the window. FX thread only.
 *
 * @param <T> what is drawn
 */
public final class Pacer<T> {

    private final Consumer<T> draw;
    private final BooleanSupplier busy;
    private final PauseTransition pause;
    private T pending;
    private boolean waiting;

    public Pacer(double perSecond, BooleanSupplier busy, Consumer<T> draw) {
        this.draw = draw;
        this.busy = busy;
        this.pause = new PauseTransition(Duration.millis(1000.0 / perSecond));
        pause.setOnFinished(e -> {
            waiting = false;
            T next = pending;
            pending = null;
            if (next != null) accept(next);
        });
    }

    public void accept(T value) {
        if (!busy.getAsBoolean()) {
            pending = null;
            draw.accept(value);
            return;
        }
        if (waiting) {
            pending = value;
            return;
        }
        draw.accept(value);
        waiting = true;
        pause.playFromStart();
    }
}
