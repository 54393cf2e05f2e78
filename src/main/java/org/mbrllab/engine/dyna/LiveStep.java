package org.mbrllab.engine.dyna;

/** How much one step of a {@link DynaLive} run does, so a student can follow planning or skip past it. */
public enum LiveStep {
    /** One simulated update from the model, or the next real step once the last one's planning is done. */
    PLANNING_UPDATE("One planning update"),
    /** One real step with all of its n planning updates. */
    REAL_STEP("One real step"),
    /** Real steps until an episode ends. */
    EPISODE("One episode");

    private final String displayName;

    LiveStep(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() { return displayName; }
}
