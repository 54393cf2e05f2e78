package org.mbrllab.app.lessons.mbplanning;

import java.util.EnumSet;
import java.util.Set;

import org.mbrllab.engine.model.MbrlSnapshot;

/** The five stages of the loop as the lesson names them, and which of them the last step was in. */
enum LoopStage {
    COLLECT("collect", "Run the random policy π₀ and record (s, a, s′)"),
    FIT("fit", "Fit the model to all of D, one epoch per step (V1: once only)"),
    PLAN("plan", "Plan H steps ahead through the model with CEM (V1–V3 when the last plan ran out, V4 every step)"),
    EXECUTE("execute", "Carry out the planned actions on the real system"),
    AGGREGATE("aggregate", "Add the executed transitions to D (V2–V4), then refit");

    private final String label;
    private final String tooltip;

    LoopStage(String label, String tooltip) {
        this.label = label;
        this.tooltip = tooltip;
    }

    String label() { return label; }
    String tooltip() { return tooltip; }

    /**
     * The stages the loop is in, as the engine's phase says (what the next step does): collect, or fit
     * (with aggregate when D has just grown by an episode), or execute (with plan when the next step makes
     * a new plan); none once done.
     */
    static Set<LoopStage> current(MbrlSnapshot s) {
        return switch (s.phase()) {
            case COLLECT -> EnumSet.of(COLLECT);
            case FIT -> s.episode() == 0 ? EnumSet.of(FIT) : EnumSet.of(AGGREGATE, FIT);
            case ACT -> plansNext(s) ? EnumSet.of(PLAN, EXECUTE) : EnumSet.of(EXECUTE);
            // The evaluation on the fixed starts plans and executes too, but keeps nothing.
            case EVALUATE -> EnumSet.of(PLAN, EXECUTE);
            case DONE -> EnumSet.noneOf(LoopStage.class);
        };
    }

    /** Whether the next step of a planning episode makes a new plan (as the engine decides). */
    static boolean plansNext(MbrlSnapshot s) {
        return s.plannedStates().length == 0 || s.settings().version().replansEveryStep()
                || s.step() - s.planStart() >= s.plannedStates().length - 1;
    }
}
