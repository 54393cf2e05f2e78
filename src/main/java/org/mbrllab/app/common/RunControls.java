package org.mbrllab.app.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The run controls every pane offers, bound by the shell to its Step, Run/Pause and Reset buttons, its
 * speed slider and seed field, and its keyboard shortcuts. All methods are called on the FX thread and
 * return at once; the work happens on the pane's worker.
 */
public interface RunControls {

    /** One unit of work, then pause. */
    void step();

    /** Runs if paused, pauses if running. */
    void toggleRun();

    /** Back to the start of the current configuration. */
    void reset();

    /** Steps per second while running; {@code Double.POSITIVE_INFINITY} for full speed. */
    void setSpeed(double stepsPerSecond);

    /** The seed for everything random in the run; takes effect on the next reset. */
    void setSeed(long seed);

    long seed();

    /**
     * The speed the pane starts at, in steps per second: full speed for a solver, real time for a
     * simulation (50 steps/s for a 0.02 s time step).
     */
    default double preferredSpeed() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * {@link #preferredSpeed()} as a property, for a pane whose real time changes while it is open (the
     * student picks a system with another time step): the shell moves its speed slider to each new value.
     * By default it never changes.
     */
    default ReadOnlyDoubleProperty preferredSpeedProperty() {
        return new ReadOnlyDoubleWrapper(this, "preferredSpeed", preferredSpeed()).getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty runningProperty();

    /** Steps since the last reset. */
    ReadOnlyLongProperty stepsProperty();

    /** A short status line: what the run is doing or why it stopped. */
    ReadOnlyStringProperty statusProperty();

    /** Non-empty when the run stopped on an error (a divergence, say) and should be reset. */
    ReadOnlyStringProperty errorProperty();
}
