package org.mbrllab.engine.alphazero;

import java.io.InputStream;
import org.mbrllab.engine.games.Game;

/**
 * The trained networks that ship with the app, one per game, read from the classpath (the build copies
 * {@code assets/} into the jar): {@code /assets/networks/tictactoe.az} and
 * {@code /assets/networks/connect4.az}. They were made with
 * <pre>
 *   mbrl-lab alphazero-train --game tictactoe --iterations 60 --seed 1 --out assets/networks/tictactoe.az
 *   mbrl-lab alphazero-train --game connect4 --iterations 200 --seed 1 --out assets/networks/connect4.az
 * </pre>
 * (about 45 s and 6 min here; the same command gives the same file bit for bit).
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
        return load(game, resource(game));
    }

    /** Loads {@code game}'s network from the classpath resource {@code name} (tests name a missing one). */
    static PolicyValueNet load(Game game, String name) {
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
