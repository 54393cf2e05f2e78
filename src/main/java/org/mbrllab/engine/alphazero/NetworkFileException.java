package org.mbrllab.engine.alphazero;

/**
 * A network file that is missing, unreadable, corrupt or made for another game. The message is one line a
 * student can act on, e.g. "network file assets/x.az is corrupt: checksum mismatch".
 */
public final class NetworkFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NetworkFileException(String message) {
        super(message);
    }
}
