package org.mbrllab.engine.run;

/**
 * A run whose numbers stopped being finite or grew without bound. The message explains why in words a
 * student can act on, such as "γ = 1 with no reachable terminal state".
 */
public final class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DivergenceException(String message) {
        super(message);
    }
}
