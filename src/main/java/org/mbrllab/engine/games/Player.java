package org.mbrllab.engine.games;

/**
 * Someone who chooses moves: random, minimax, MCTS … A {@link Match} tells every player about every move
 * played, its own included, so that a player that keeps a search tree can follow the game.
 */
public interface Player {

    /** A new game starts from {@code start} (a copy the player may keep). */
    default void newGame(GameState start) {}

    /** The move to play in {@code state}, which is not over. {@code state} must be left as it was. */
    int chooseMove(GameState state);

    /** {@code move} was just played (by either side). */
    default void played(int move) {}

    /** A short description, e.g. "minimax (depth 7)". */
    String describe();
}
