package org.mbrllab.engine.games;

/**
 * A board string that cannot be played from: the wrong length, a character other than {@code X},
 * {@code O} and {@code .}, counts that no game reaches, a piece floating in Connect Four, or a game
 * already over. The message says which, in one line.
 */
public final class BoardException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BoardException(String message) {
        super(message);
    }
}
