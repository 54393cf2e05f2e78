package org.mbrllab.engine.worldmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.MdnRnnGraph;

/** The plain-Java M gives SameDiff's numbers, and its temperature does what the paper says. */
class FrozenMdnRnnTest {
    /** Both passes in float32, summed in different orders: agreement to a few ulps of values of order 1–10. */
    private static final double TOLERANCE = 1e-5;

    @Test
    void stepMixtureAndDoneLogitMatchTheGraphAfterTraining() {
        Rollouts data = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 20, 4);
        VaeTrainer v = new VaeTrainer(VaeConfig.defaults().withHiddenUnits(32).withLatent(4).withMaxEpochs(1),
                Dodge.PIXELS, data.allFrames(), new float[0]);
        v.step();
        int steps = 6;
        MdnRnnConfig config = MdnRnnConfig.defaults().withHiddenUnits(12).withComponents(3).withSequenceLength(steps)
                .withMaxEpochs(2);
        MdnRnnTrainer trainer = new MdnRnnTrainer(config, v.freeze(), data, null);
        while (trainer.step()) { }
        MdnRnnGraph graph = trainer.graph();
        FrozenMdnRnn frozen = trainer.freeze();
        // Inputs away from the data: z ~ N(0, 2²), random actions.
        RandomGenerator r = Seeds.random(6);
        int batch = 3;
        int z = 4;
        int in = z + 3;
        float[] x = new float[batch * steps * in];
        Dodge.Action[] actions = new Dodge.Action[batch * steps];
        for (int s = 0; s < batch * steps; s++) {
            for (int j = 0; j < z; j++) x[s * in + j] = (float) (2 * r.nextGaussian());
            actions[s] = Dodge.Action.values()[r.nextInt(3)];
            x[s * in + z + actions[s].ordinal()] = 1;
        }
        float[][] out = graph.outputs(x, batch);
        int gz = 3 * z;
        for (int b = 0; b < batch; b++) {
            float[] h = frozen.initialState();
            for (int t = 0; t < steps; t++) {
                int row = b * steps + t;
                float[] zt = new float[z];
                System.arraycopy(x, row * in, zt, 0, z);
                h = frozen.step(h, zt, actions[row]);
                for (int k = 0; k < 12; k++) close(out[0][row * 12 + k], h[k], "h " + row + " " + k);
                FrozenMdnRnn.Mixture m = frozen.mixture(h);
                for (int g = 0; g < 3; g++) {
                    for (int j = 0; j < z; j++) {
                        int c = g * z + j;
                        close(out[1][row * 3 * gz + c], m.logit(g, j), "logit " + row + " " + c);
                        close(out[1][row * 3 * gz + gz + c], m.mean(g, j), "mean " + row + " " + c);
                        close(out[1][row * 3 * gz + 2 * gz + c], m.logSigma(g, j), "log sigma " + row + " " + c);
                    }
                }
                close(out[2][row], m.doneLogit(), "done " + row);
            }
        }
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    /** Two dimensions, three components: logits, means and log σ's chosen so that every component matters. */
    private static FrozenMdnRnn.Mixture mixture() {
        float[] raw = {
            0.0f, 1.0f, 0.5f, -0.3f, -1.0f, 0.6f,      // ℓ_gj at g·Z + j: (ℓ_00, ℓ_01, ℓ_10, …)
            -2.0f, 0.5f, 1.0f, 0.0f, 3.0f, -1.5f,      // μ
            (float) Math.log(0.5), (float) Math.log(0.3), 0.0f, (float) Math.log(0.8), (float) Math.log(0.2),
            (float) Math.log(1.5)};                   // log σ
        return new FrozenMdnRnn.Mixture(3, 2, raw, -1.2f);
    }

    /** {mean, variance} of dimension j of the mixture tempered by τ: weights softmax(ℓ/τ), variances τσ². */
    private static double[] moments(FrozenMdnRnn.Mixture m, int j, double tau) {
        double[] w = new double[3];
        m.temperedWeights(j, tau, w);
        double mean = 0;
        double second = 0;
        for (int g = 0; g < 3; g++) {
            double mu = m.mean(g, j);
            double s = m.sigma(g, j);
            mean += w[g] * mu;
            second += w[g] * (tau * s * s + mu * mu);
        }
        return new double[] {mean, second - mean * mean};
    }

    private static void assertSampleMomentsMatch(double tau) {
        FrozenMdnRnn.Mixture m = mixture();
        RandomGenerator r = Seeds.random(21);
        int n = 200_000;
        double[] sum = new double[2];
        double[] sq = new double[2];
        for (int i = 0; i < n; i++) {
            float[] z = FrozenMdnRnn.sample(m, tau, r);
            for (int j = 0; j < 2; j++) {
                sum[j] += z[j];
                sq[j] += (double) z[j] * z[j];
            }
        }
        for (int j = 0; j < 2; j++) {
            double[] expected = moments(m, j, tau);
            double mean = sum[j] / n;
            double var = sq[j] / n - mean * mean;
            // The sample mean errs by sd/√n; 4.5 of those is a false alarm in about 1 run of 150,000.
            assertEquals(expected[0], mean, 4.5 * Math.sqrt(expected[1] / n), "mean of dimension " + j + " at τ " + tau);
            // The sample variance errs by about var·√((κ − 1)/n), κ < 6 here: under 0.5 %; allow 3 %.
            assertEquals(expected[1], var, 0.03 * expected[1], "variance of dimension " + j + " at τ " + tau);
        }
    }

    @Test
    void samplesAtTemperatureOneHaveTheMixturesMeanAndVariance() {
        assertSampleMomentsMatch(1.0);
    }

    @Test
    void samplesAtOtherTemperaturesHaveTheTemperedMixturesMoments() {
        // τ rescales the logits and the variances: the moments move far beyond the tolerances above.
        FrozenMdnRnn.Mixture m = mixture();
        assertTrue(Math.abs(moments(m, 0, 1.5)[1] - moments(m, 0, 1.0)[1]) > 0.15 * moments(m, 0, 1.0)[1]);
        assertTrue(Math.abs(moments(m, 1, 0.5)[0] - moments(m, 1, 1.0)[0]) > 0.1);
        assertSampleMomentsMatch(1.5);
        assertSampleMomentsMatch(0.5);
    }

    @Test
    void aColdTemperaturePicksTheMostLikelyComponentAndShrinksItsSigma() {
        FrozenMdnRnn.Mixture m = mixture();
        double tau = 1e-3;
        RandomGenerator r = Seeds.random(22);
        // Most likely: component 1 in dimension 0 (ℓ = 0.5 against 0 and −1), component 0 in dimension 1
        // (ℓ = 1.0 against −0.3 and 0.6); at τ = 0.001 the others' weights are below e^{−400}.
        int[] best = {1, 0};
        for (int i = 0; i < 2000; i++) {
            float[] z = FrozenMdnRnn.sample(m, tau, r);
            for (int j = 0; j < 2; j++) {
                double spread = m.sigma(best[j], j) * Math.sqrt(tau);
                assertEquals(m.mean(best[j], j), z[j], 5 * spread, "dimension " + j);
            }
        }
    }

    @Test
    void weightsAreTheSoftmaxOfTheLogitsAndDoneIsTheSigmoid() {
        FrozenMdnRnn.Mixture m = mixture();
        double norm = Math.exp(0.0) + Math.exp(0.5) + Math.exp(-1.0);
        assertEquals(Math.exp(0.5) / norm, m.weight(1, 0), 1e-7);
        assertEquals(0.5, m.sigma(0, 0), 1e-7);
        assertEquals(1 / (1 + Math.exp(1.2)), m.doneProbability(), 1e-7);
    }

    @Test
    void logDensityIsTheLogOfTheMixtureDensity() {
        FrozenMdnRnn.Mixture m = mixture();
        float[] z = {0.4f, -1.1f};
        double expected = 0;
        for (int j = 0; j < 2; j++) {
            double p = 0;
            for (int g = 0; g < 3; g++) {
                double d = (z[j] - m.mean(g, j)) / m.sigma(g, j);
                p += m.weight(g, j) * Math.exp(-0.5 * d * d) / (m.sigma(g, j) * Math.sqrt(2 * Math.PI));
            }
            expected += Math.log(p);
        }
        assertEquals(expected, m.logDensity(z), 1e-12);
    }

    @Test
    void badTemperaturesAndSizesAreRefused() {
        FrozenMdnRnn.Mixture m = mixture();
        assertEquals("tau", assertThrows(OutOfRangeException.class,
                () -> FrozenMdnRnn.sample(m, 0, Seeds.random(1))).name());
        assertThrows(OutOfRangeException.class, () -> FrozenMdnRnn.sample(m, Double.NaN, Seeds.random(1)));
        float[][] w = {new float[(7 + 2) * 4], new float[4], new float[(7 + 2) * 2], new float[2],
            new float[2 * 3 * 8], new float[3 * 8], new float[2], new float[1]};
        FrozenMdnRnn frozen = new FrozenMdnRnn(4, 2, 2, w);
        assertThrows(IllegalArgumentException.class, () -> frozen.step(new float[3], new float[4], Dodge.Action.STAY));
        assertThrows(IllegalArgumentException.class, () -> frozen.step(new float[2], new float[5], Dodge.Action.STAY));
        assertThrows(IllegalArgumentException.class, () -> new FrozenMdnRnn(4, 3, 2, w));
    }

    @Test
    void theDreamStepperGivesExactlyTheNumbersOfStepMixtureAndSample() {
        FrozenMdnRnn m = TinyNetworks.m(6, 10, 4, 0.4, 3);
        FrozenMdnRnn.Stepper stepper = m.stepper();
        float[] h = m.initialState();
        float[] z = new float[6];
        float[] hRef = m.initialState();
        float[] zRef = new float[6];
        RandomGenerator a = Seeds.random(9);
        RandomGenerator b = Seeds.random(9);
        for (int t = 0; t < 50; t++) {
            Dodge.Action action = Dodge.Action.values()[t % 3];
            double tau = t < 25 ? 1.0 : 0.3;
            double done = stepper.advance(h, z, action, tau, a);
            hRef = m.step(hRef, zRef, action);
            FrozenMdnRnn.Mixture mix = m.mixture(hRef);
            zRef = FrozenMdnRnn.sample(mix, tau, b);
            assertArrayEquals(hRef, h, "h at step " + t);
            assertArrayEquals(zRef, z, "z at step " + t);
            assertEquals(mix.doneLogit(), done, 0, "done logit at step " + t);
        }
    }
}
