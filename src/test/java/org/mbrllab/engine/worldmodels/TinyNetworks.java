package org.mbrllab.engine.worldmodels;

import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.MdnRnnGraph;

/** Untrained V's and M's with seeded random weights, for tests that need networks of the right shapes quickly. */
final class TinyNetworks {
    private TinyNetworks() {}

    static FrozenMdnRnn m(int latent, int hidden, int components, double scale, long seed) {
        RandomGenerator r = Seeds.random(seed);
        int in = latent + MdnRnnGraph.ACTIONS;
        int gz = components * latent;
        int[] sizes = {(in + hidden) * 2 * hidden, 2 * hidden, (in + hidden) * hidden, hidden, hidden * 3 * gz, 3 * gz, hidden, 1};
        float[][] w = new float[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            w[i] = new float[sizes[i]];
            for (int k = 0; k < sizes[i]; k++) w[i][k] = (float) (scale * r.nextGaussian());
        }
        return new FrozenMdnRnn(latent, hidden, components, w);
    }

    static FrozenVae v(int latent, int hidden, long seed) {
        RandomGenerator r = Seeds.random(seed);
        int p = Dodge.PIXELS;
        int[] sizes = {p * hidden, hidden, hidden * latent, latent, hidden * latent, latent, latent * hidden, hidden, hidden * p, p};
        float[][] w = new float[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            w[i] = new float[sizes[i]];
            for (int k = 0; k < sizes[i]; k++) w[i][k] = (float) (0.1 * r.nextGaussian());
        }
        return new FrozenVae(p, hidden, latent, w);
    }
}
