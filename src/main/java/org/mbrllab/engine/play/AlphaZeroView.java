package org.mbrllab.engine.play;

/** The three views of the AlphaZero pane. */
public enum AlphaZeroView {
    /** A game against network-guided MCTS: board, root statistics with priors, the tree. */
    PLAY("Play"),
    /** Self-play training with loss curves and results against pure MCTS. */
    TRAINING("Training"),
    /** Rollouts against the value network at equal simulations, both against minimax. */
    COMPARISON("Comparison");

    private final String label;

    AlphaZeroView(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
