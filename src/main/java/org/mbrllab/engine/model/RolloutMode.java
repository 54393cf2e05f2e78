package org.mbrllab.engine.model;

/**
 * Which ensemble member answers when a learned model is rolled forward (the course's V3 and V4 sample a
 * member; PETS, Chua et al. 2018, names the last two "TS∞" and "TS1").
 */
public enum RolloutMode {
    /** Every member answers and the next state is their mean μ̄ (K times the work). */
    MEAN("ensemble mean"),
    /** One member, chosen before the rollout, answers for every sequence and every step (V3, V4). */
    ONE_MEMBER("one sampled member"),
    /** Sequence i keeps member i mod K for its whole length: one member per trajectory (TS∞). */
    MEMBER_PER_TRAJECTORY("member per trajectory"),
    /** Each step, the sequences are dealt out to the members afresh at random: a member per step (TS1, ME-TRPO). */
    MEMBER_PER_STEP("member per step");

    private final String label;

    RolloutMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
