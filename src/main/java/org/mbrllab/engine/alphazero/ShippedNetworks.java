package org.mbrllab.engine.alphazero;

import java.io.InputStream;
import org.mbrllab.engine.games.Game;

/**
 * The trained networks that ship with the app, one per game, read from the classpath (the build copies
 * {@code assets/} into the jar): {@code /assets/networks/tictactoe.az} and
 * {@code /assets/networks/connect4.az}. They were made with {@code mbrl-lab alphazero-train} (see the
 * README).
 */
public final class ShippedNetworks {
    private ShippedNetworks() {}

    /** The classpath resource of {@code game}'s network. */
    public static String resource(Game game) {
        return "/assets/networks/" + game.cliName() + ".az";
    }

    /**
     * Loads {@code game}'s shipped network.
     *
     * @throws NetworkFileException when it is missing ("no shipped … network …") or corrupt
     */
    public static PolicyValueNet load(Game game) {
        String name = resource(game);
        InputStream in = ShippedNetworks.class.getResourceAsStream(name);
        if (in == null) {
            throw new NetworkFileException("no shipped " + game.displayName() + " network (" + name
                    + " is not on the classpath); train one with 'mbrl-lab alphazero-train --game " + game.cliName() + "'");
        }
        PolicyValueNet net = PolicyValueNet.load(in, name);
        if (net.game() != game) throw new NetworkFileException("network file " + name + " is for " + net.game().displayName());
        return net;
    }
}
