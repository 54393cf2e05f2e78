package org.mbrllab.app.lessons.worldmodels;

/** The five stages of World Models as the pane's strip runs them, in order. */
enum Stage {
    COLLECT("collect", "Play the real game with a random policy: the episodes V and M learn from (50 more are held out)"),
    TRAIN_V("train V", "Train the VAE on the collected frames, one epoch per step"),
    TRAIN_M("train M", "Train the MDN-RNN on V's latents of the collected episodes, one epoch per step"),
    EVOLVE_C("evolve C (dream)", "Evolve the linear controller with CMA-ES inside M's dream, one generation per step; "
            + "no real frame is seen"),
    TEST("test C (real game)", "Play the controller in the real game (and a random policy on the same episodes)");

    final String label;
    final String tooltip;

    Stage(String label, String tooltip) {
        this.label = label;
        this.tooltip = tooltip;
    }
}
