package org.mbrllab.engine.worldmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.VaeGraph;

/** The plain-Java V gives SameDiff's numbers. */
class FrozenVaeTest {

    /** Both passes in float32, summed in different orders: agreement to a few ulps of values of order 1–10. */
    private static final double TOLERANCE = 1e-5;

    @Test
    void encoderAndDecoderMatchTheGraphAfterTraining() {
        Rollouts data = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 20, 4);
        VaeConfig config = VaeConfig.defaults().withHiddenUnits(48).withLatent(8).withMaxEpochs(2);
        VaeTrainer trainer = new VaeTrainer(config, Dodge.PIXELS, data.allFrames(), new float[0]);
        while (trainer.step()) { }
        FrozenVae frozen = trainer.freeze();
        VaeGraph graph = trainer.graph();
        int rows = 9;
        float[] frames = new float[rows * Dodge.PIXELS];
        float[] frame = new float[Dodge.PIXELS];
        for (int i = 0; i < rows; i++) {
            data.frame(i, Math.min(i, data.steps(i)), frame);
            System.arraycopy(frame, 0, frames, i * Dodge.PIXELS, Dodge.PIXELS);
        }
        float[][] encoded = graph.encode(frames, rows);
        float[] mu = new float[8];
        float[] logVar = new float[8];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(frames, i * Dodge.PIXELS, frame, 0, Dodge.PIXELS);
            frozen.encode(frame, mu, logVar);
            for (int j = 0; j < 8; j++) {
                double m = encoded[0][i * 8 + j];
                double v = encoded[1][i * 8 + j];
                assertEquals(m, mu[j], TOLERANCE * Math.max(1, Math.abs(m)), "mu " + i + " " + j);
                assertEquals(v, logVar[j], TOLERANCE * Math.max(1, Math.abs(v)), "log var " + i + " " + j);
            }
        }
        float[] means = frozen.encodeMeans(frames);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(frames, i * Dodge.PIXELS, frame, 0, Dodge.PIXELS);
            float[] one = frozen.encodeMean(frame);
            for (int j = 0; j < 8; j++) assertEquals(one[j], means[i * 8 + j], 0.0, "batch mean " + i + " " + j);
        }
        // The decoder at latents away from the data too.
        RandomGenerator r = Seeds.random(6);
        float[] z = new float[rows * 8];
        for (int i = 0; i < z.length; i++) z[i] = (float) (2 * r.nextGaussian());
        float[] decoded = graph.decode(z, rows);
        float[] one = new float[8];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(z, i * 8, one, 0, 8);
            float[] back = frozen.decode(one);
            for (int p = 0; p < Dodge.PIXELS; p++) {
                assertEquals(decoded[i * Dodge.PIXELS + p], back[p], TOLERANCE, "pixel " + i + " " + p);
            }
        }
    }

    @Test
    void wrongSizesAreRefused() {
        Rollouts data = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 1, 4);
        VaeTrainer trainer = new VaeTrainer(VaeConfig.defaults().withHiddenUnits(4).withLatent(2).withMaxEpochs(1),
                Dodge.PIXELS, data.allFrames(), new float[0]);
        FrozenVae frozen = trainer.freeze();
        assertThrows(IllegalArgumentException.class, () -> frozen.encodeMean(new float[10]));
        assertThrows(IllegalArgumentException.class, () -> frozen.decode(new float[3]));
        assertThrows(IllegalArgumentException.class, () -> frozen.reconstructionMse(new float[Dodge.PIXELS + 1]));
    }
}
