package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The stand-ins of the fixed training step ({@code matmul} for {@code matmul_bp}, {@code multiply} for
 * {@code multiply_bp}, {@code step} for a mask's compare-and-cast) against the ops they replace: the gradients
 * of one step are SameDiff's own ({@code calculateGradients}, which runs the original ops) bit for bit.
 */
class FixedTrainingStepStandInTest {

    private static SameDiff withGradient(SameDiff sd, SDVariable loss) {
        sd.setLossVariables(loss);
        Nd4jRuntime.quietly(() -> {
            sd.createGradFunction();
            return null;
        });
        return sd;
    }

    private static INDArray random(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.FLOAT, shape);
    }

    /** Runs one step (plain SGD, so the gradients are read before the update) and compares every gradient. */
    private static List<String> assertSameGradients(SameDiff sd, List<String> parameters, Map<String, INDArray> feed) {
        Map<String, INDArray> expected = sd.calculateGradients(feed, parameters);
        List<String> gradients = parameters.stream().map(p -> sd.getVariable(p).getGradient().name()).toList();
        FixedTrainingStep step = new FixedTrainingStep(sd, parameters, new Sgd(0), List.copyOf(feed.keySet()), gradients);
        Map<String, INDArray> got = step.run(feed.values().toArray(new INDArray[0]));
        for (int i = 0; i < parameters.size(); i++) {
            assertArrayEquals(expected.get(parameters.get(i)).data().asFloat(), got.get(gradients.get(i)).data().asFloat(),
                    0f, "gradient of " + parameters.get(i));
        }
        return step.opNames();
    }

    @Test
    void aReluNetworkRunsOnlyStandInsAndGetsAutodiffsGradientsBitForBit() {
        Nd4jRuntime.ensureReady();
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 4);
        SDVariable w1 = sd.var("w1", random(1, 4, 16));
        SDVariable w2 = sd.var("w2", random(2, 16, 3));
        SDVariable z = sd.mmul(x, w1);
        SDVariable h = z.mul(z.gt(0).castTo(DataType.FLOAT)); // ReLU as z·[z > 0]
        SDVariable loss = sd.mmul(h, w2).pow(2).mean().rename("loss");
        withGradient(sd, loss);
        List<String> ops = assertSameGradients(sd, List.of("w1", "w2"), Map.of("x", random(3, 8, 4)));
        for (String replaced : List.of("matmul_bp", "multiply_bp", "greaterthan_scalar", "cast")) {
            assertFalse(ops.contains(replaced), replaced + " should have a stand-in: " + ops);
        }
        assertTrue(ops.contains("step"), "the mask is one step op: " + ops);
    }

    @Test
    void transposedMatmulsGetTheirGradientsThroughTheRightFlags() {
        Nd4jRuntime.ensureReady();
        for (boolean[] t : new boolean[][] {{true, false, false}, {false, true, false}, {true, true, true}, {false, false, true}}) {
            SameDiff sd = SameDiff.create();
            // x is 5 × 4 or its transpose, w 4 × 3 or its transpose; both are trained.
            SDVariable x = sd.var("x", t[0] ? random(4, 4, 5) : random(4, 5, 4));
            SDVariable w = sd.var("w", t[1] ? random(5, 3, 4) : random(5, 4, 3));
            SDVariable c = sd.placeHolder("c", DataType.FLOAT, t[2] ? 3 : 5, t[2] ? 5 : 3);
            SDVariable loss = sd.mmul(x, w, t[0], t[1], t[2]).mul(c).sum().rename("loss");
            withGradient(sd, loss);
            List<String> ops = assertSameGradients(sd, List.of("x", "w"), Map.of("c", random(6, t[2] ? 3 : 5, t[2] ? 5 : 3)));
            assertFalse(ops.contains("matmul_bp"), "flags " + java.util.Arrays.toString(t) + ": " + ops);
        }
    }

    @Test
    void aBroadcastProductFallsBackToMultiplyBp() {
        Nd4jRuntime.ensureReady();
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 3);
        SDVariable b = sd.var("b", random(7, 1, 3)); // one row, broadcast over x's rows: the stand-in does not apply
        SDVariable loss = x.mul(b).pow(2).sum().rename("loss");
        withGradient(sd, loss);
        assertSameGradients(sd, List.of("b"), Map.of("x", random(8, 6, 3)));
    }
}
