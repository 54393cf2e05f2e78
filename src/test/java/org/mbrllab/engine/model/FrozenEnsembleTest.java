package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.nn.Activation;

/** The plain-Java forward pass gives SameDiff's numbers, for every activation and both member kinds. */
class FrozenEnsembleTest {

    /** Float32 in both passes, summed in different orders: agreement to a few ulps of the outputs. */
    private static final double TOLERANCE = 2e-5;

    private static RegressionData data(int n, long seed) {
        RandomGenerator r = Seeds.random(seed);
        double[][] in = new double[n][3];
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) in[i][j] = 4 * r.nextDouble() - 2;
            out[i][0] = Math.sin(in[i][0]) * 5 + in[i][1];
            out[i][1] = in[i][2] * in[i][0] - 3 + 0.1 * r.nextGaussian();
        }
        return new RegressionData(in, out);
    }

    private static void assertSameAsSameDiff(EnsembleConfig config) {
        RegressionData d = data(120, 3);
        Ensemble live = EnsembleTrainer.fit(config, d);
        FrozenEnsemble frozen = live.freeze();
        double[][] points = new double[17][];
        RandomGenerator r = Seeds.random(9);
        for (int i = 0; i < points.length; i++) points[i] = new double[] {6 * r.nextDouble() - 3, r.nextGaussian(), 1};
        EnsemblePrediction a = live.predict(points);
        EnsemblePrediction b = frozen.predict(points);
        for (int k = 0; k < config.members(); k++) {
            for (int i = 0; i < points.length; i++) {
                for (int j = 0; j < 2; j++) {
                    double scale = Math.max(1, Math.abs(a.memberMean(k, i, j)));
                    assertEquals(a.memberMean(k, i, j), b.memberMean(k, i, j), TOLERANCE * scale, "mean " + k + i + j);
                    if (a.probabilistic()) {
                        double v = a.memberVariance(k, i, j);
                        assertEquals(v, b.memberVariance(k, i, j), 1e-4 * v, "variance " + k + i + j);
                    }
                }
            }
        }
    }

    @Test
    void reluProbabilisticMembersMatchTheGraph() {
        assertSameAsSameDiff(EnsembleConfig.defaults().withMembers(3).withHidden(2, 16).withMaxEpochs(5));
    }

    /** Four ReLU layers: each after the first takes its bias through the constant unit of the one before. */
    @Test
    void deepReluDeterministicMembersMatchTheGraph() {
        assertSameAsSameDiff(EnsembleConfig.defaults().withMembers(2).withHidden(4, 12)
                .withKind(MemberKind.DETERMINISTIC).withMaxEpochs(5));
    }

    @Test
    void tanhDeterministicMembersMatchTheGraph() {
        assertSameAsSameDiff(EnsembleConfig.defaults().withMembers(2).withHidden(1, 8).withActivation(Activation.TANH)
                .withKind(MemberKind.DETERMINISTIC).withMaxEpochs(5));
    }

    @Test
    void swishMembersMatchTheGraph() {
        assertSameAsSameDiff(EnsembleConfig.defaults().withMembers(2).withHidden(3, 8).withActivation(Activation.SWISH)
                .withMaxEpochs(5));
    }

    @Test
    void anEnsembleWithRandomPriorsRefusesToFreezeRatherThanDropThePriors() {
        Ensemble withPriors = EnsembleTrainer.fit(EnsembleConfig.defaults().withMembers(2).withHidden(2, 8)
                .withMaxEpochs(1).withPriorScale(2), data(50, 1));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                withPriors::freeze);
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("random priors"), e.getMessage());
    }

    @Test
    void predictMeansAnswersRowByRowWithTheChosenMember() {
        FrozenEnsemble frozen = EnsembleTrainer.fit(EnsembleConfig.defaults().withMembers(3).withHidden(2, 8)
                .withMaxEpochs(3), data(50, 1)).freeze();
        double[][] points = {{0.5, -1, 2}, {1.5, 0, -1}};
        EnsemblePrediction all = frozen.predict(points);
        double[] flat = {0.5, -1, 2, 1.5, 0, -1};
        double[] mean = new double[4];
        frozen.predictMeans(flat, new int[] {2, 0}, mean, 2);
        assertArrayEquals(new double[] {all.memberMean(2, 0, 0), all.memberMean(2, 0, 1), all.memberMean(0, 1, 0),
            all.memberMean(0, 1, 1)}, mean, 1e-12);
        frozen.predictEnsembleMeans(flat, mean, 2);
        assertArrayEquals(new double[] {all.mean(0, 0), all.mean(0, 1), all.mean(1, 0), all.mean(1, 1)}, mean, 1e-9);
    }
}
