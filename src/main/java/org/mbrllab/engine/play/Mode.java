package org.mbrllab.engine.play;

/** Who plays against the search. */
public enum Mode {
    /** A person clicks the board for the other side. */
    PLAY("Play against MCTS"),
    /** An opponent player (minimax, random, another MCTS) plays the other side, one move per step. */
    MATCH("Watch a match");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
