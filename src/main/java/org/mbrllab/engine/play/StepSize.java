package org.mbrllab.engine.play;

import org.mbrllab.engine.mcts.MctsEngine;

/** What one press of Step does in the MCTS pane. */
public enum StepSize {
    PHASE("One phase", MctsEngine.StepSize.PHASE),
    SIMULATION("One simulation", MctsEngine.StepSize.SIMULATION),
    BATCH("N simulations", MctsEngine.StepSize.BATCH),
    BUDGET("To the budget", MctsEngine.StepSize.BUDGET);

    private final String label;
    private final MctsEngine.StepSize engineSize;

    StepSize(String label, MctsEngine.StepSize engineSize) {
        this.label = label;
        this.engineSize = engineSize;
    }

    public MctsEngine.StepSize engineSize() {
        return engineSize;
    }

    /** Whether the engine records this step in detail (the phases, the rollout, the selection terms). */
    public boolean detailed() {
        return this == PHASE || this == SIMULATION;
    }

    @Override
    public String toString() {
        return label;
    }
}
