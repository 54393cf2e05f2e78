package org.mbrllab.engine.mcts;

/** The four phases of one MCTS simulation, in order. */
public enum Phase {
    /** Walk down the tree from the root, choosing children by the selection rule, to a leaf. */
    SELECT("selection"),
    /** Add a node for the move chosen at the leaf (nothing to add at a finished game). */
    EXPAND("expansion"),
    /** Evaluate the new node: a rollout, or a network; a finished game scores itself. */
    SIMULATE("simulation"),
    /** Add the value to W and 1 to N along the path, flipping the sign at every ply. */
    BACKUP("backpropagation");

    private final String displayName;

    Phase(String displayName) {
        this.displayName = displayName;
    }

    /** The phase after this one (BACKUP → SELECT). */
    public Phase next() {
        return values()[(ordinal() + 1) % 4];
    }

    @Override
    public String toString() {
        return displayName;
    }
}
