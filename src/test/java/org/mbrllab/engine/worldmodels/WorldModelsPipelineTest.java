package org.mbrllab.engine.worldmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;

/** The pipeline's controller stage, whole ({@code evolve}) and stepped by a caller ({@code score}). */
class WorldModelsPipelineTest {

    /** Random small weights: V of 256 → 16 → 4, M with 8 hidden units and 2 components; no training needed. */
    static FrozenVae randomV(long seed) {
        RandomGenerator r = Seeds.random(seed);
        int p = Dodge.PIXELS, h = 16, z = 4;
        int[] sizes = {p * h, h, h * z, z, h * z, z, z * h, h, h * p, p};
        float[][] w = new float[sizes.length][];
        for (int i = 0; i < sizes.length; i++) w[i] = gaussian(r, sizes[i], 0.3);
        return new FrozenVae(p, h, z, w);
    }

    static FrozenMdnRnn randomM(long seed) {
        RandomGenerator r = Seeds.random(seed);
        int z = 4, h = 8, g = 2, in = z + 3;
        int[] sizes = {(in + h) * 2 * h, 2 * h, (in + h) * h, h, h * 3 * g * z, 3 * g * z, h, 1};
        float[][] w = new float[sizes.length][];
        for (int i = 0; i < sizes.length; i++) w[i] = gaussian(r, sizes[i], 0.3);
        w[7][0] = -3; // p(done) small, so that dreams last a while
        return new FrozenMdnRnn(z, h, g, w);
    }

    private static float[] gaussian(RandomGenerator r, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (scale * r.nextGaussian());
        return a;
    }

    @Test
    void aTrainerSteppedToItsEndAndScoredGivesWhatEvolveGives() {
        FrozenVae v = randomV(1);
        FrozenMdnRnn m = randomM(2);
        DodgeParams params = new DodgeParams(40, 0.3);
        ControllerConfig config = new ControllerConfig(1.0, 6, 3, 3, 0.5, 40, 5, 1);

        WorldModelsNetworks.TrainedController whole = WorldModelsPipeline.evolve(config, v, m, params, 7, 5, null);
        ControllerTrainer trainer = new ControllerTrainer(config, m, WorldModelsPipeline.initialLatent(v, params));
        while (trainer.step()) { }
        WorldModelsNetworks.TrainedController stepped = WorldModelsPipeline.score(trainer, v, m, params, 7, 5);

        assertEquals(3, trainer.generation());
        assertArrayEquals(whole.controller().parameters(), stepped.controller().parameters(), 0.0);
        assertEquals(whole.dreamScore(), stepped.dreamScore(), 0.0);
        assertEquals(whole.realScore(), stepped.realScore(), 0.0);
        assertEquals(1.0, stepped.temperature(), 0.0);
    }

    @Test
    void scoreWithoutRealEpisodesLeavesTheRealScoreUnmeasured() {
        FrozenVae v = randomV(1);
        FrozenMdnRnn m = randomM(2);
        DodgeParams params = new DodgeParams(40, 0.3);
        ControllerTrainer trainer = new ControllerTrainer(new ControllerConfig(0.5, 4, 2, 1, 0.5, 40, 1, 1), m,
                WorldModelsPipeline.initialLatent(v, params));
        trainer.step();

        WorldModelsNetworks.TrainedController c = WorldModelsPipeline.score(trainer, v, m, params, 0, 1);

        assertEquals(Double.NaN, c.realScore());
        assertEquals(0.5, c.temperature(), 0.0);
        assertEquals(true, c.dreamScore() >= 0 && c.dreamScore() <= 40, "a mean of steps within the cap: " + c.dreamScore());
    }
}
