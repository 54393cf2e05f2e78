package org.mbrllab.engine.dyna;

/** What a multi-run experiment records, as in the book's figures. */
public enum Measure {
    /** Real steps of each episode (Figure 8.2); the experiment runs a number of episodes. */
    STEPS_PER_EPISODE,
    /** Reward summed from the start of the run, after each time step (Figures 8.4, 8.5); it runs a number of steps. */
    CUMULATIVE_REWARD
}
