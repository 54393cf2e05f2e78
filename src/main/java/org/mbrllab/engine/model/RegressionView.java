package org.mbrllab.engine.model;

/** The three views of the 1-D regression pane. */
public enum RegressionView {
    /** One probabilistic net: its mean μ_θ(x) and the band μ ± 2σ_θ(x). */
    SINGLE("One probabilistic net: μ ± 2σ"),
    /** K probabilistic nets: every member's mean, their mean μ̄ and the band μ̄ ± 2σ_ens. */
    ENSEMBLE("Ensemble of K: members, μ̄ ± 2σ_ens"),
    /** The course's figure: two identically configured nets, two seeds, two solutions. */
    TWO_SEEDS("Two seeds, same configuration");

    private final String title;

    RegressionView(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
