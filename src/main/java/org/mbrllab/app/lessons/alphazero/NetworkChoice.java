package org.mbrllab.app.lessons.alphazero;

/** Which network judges the leaves of the search. */
enum NetworkChoice {
    /** The network that ships with the app, trained by self-play ({@code assets/networks/}). */
    SHIPPED("Shipped network"),
    /** The network of the training view, as far as it got. */
    TRAINED("Trained now"),
    /** No network: UCB1 with random rollouts, as in the MCTS lesson. */
    NONE("None (rollouts)");

    private final String label;

    NetworkChoice(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
