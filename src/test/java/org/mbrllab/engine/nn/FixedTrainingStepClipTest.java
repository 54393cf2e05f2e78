package org.mbrllab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Gradient clipping by global norm in the fixed training step, on a loss whose gradient is known in closed
 * form: L = Σ u ⊙ x + Σ w ⊙ y, so dL/du = x and dL/dw = y, and one plain SGD step of rate 1 moves each
 * parameter by minus its (clipped) gradient.
 */
class FixedTrainingStepClipTest {

    private static SameDiff graph() {
        Nd4jRuntime.ensureReady();
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, 1, 2);
        SDVariable y = sd.placeHolder("y", DataType.DOUBLE, 1, 3);
        SDVariable u = sd.var("u", Nd4j.zeros(DataType.DOUBLE, 1, 2));
        SDVariable w = sd.var("w", Nd4j.zeros(DataType.DOUBLE, 1, 3));
        SDVariable loss = u.mul(x).sum().add(w.mul(y).sum()).rename("loss");
        sd.setLossVariables(loss);
        Nd4jRuntime.quietly(() -> {
            sd.createGradFunction();
            return null;
        });
        return sd;
    }

    private static double[][] stepOnce(SameDiff sd, FixedTrainingStep step) {
        step.run(Nd4j.createFromArray(new double[][] {{3, 4}}), Nd4j.createFromArray(new double[][] {{2, 0, 0}}));
        return new double[][] {value(sd, "u"), value(sd, "w")};
    }

    private static double[] value(SameDiff sd, String name) {
        INDArray a = sd.getVariable(name).getArr();
        return a.dup().data().asDouble();
    }

    @Test
    void withoutClippingTheStepIsMinusTheGradient() {
        SameDiff sd = graph();
        FixedTrainingStep step = new FixedTrainingStep(sd, List.of("u", "w"), new Sgd(1), List.of("x", "y"), List.of("loss"));
        double[][] after = stepOnce(sd, step);
        assertArrayEquals(new double[] {-3, -4}, after[0], 1e-12);
        assertArrayEquals(new double[] {-2, 0, 0}, after[1], 1e-12);
    }

    @Test
    void eachGroupIsScaledToTheLargestNormOnlyWhenItsNormExceedsIt() {
        SameDiff sd = graph();
        FixedTrainingStep step = new FixedTrainingStep(sd, List.of("u", "w"), new Sgd(1), List.of("x", "y"), List.of("loss"));
        step.clipGradients(List.of("u"), 1);   // ‖(3, 4)‖ = 5 > 1: scaled by 1/5
        step.clipGradients(List.of("w"), 10);  // ‖(2, 0, 0)‖ = 2 ≤ 10: untouched
        double[][] after = stepOnce(sd, step);
        assertArrayEquals(new double[] {-0.6, -0.8}, after[0], 1e-12);
        assertArrayEquals(new double[] {-2, 0, 0}, after[1], 1e-12);
    }

    @Test
    void aGroupIsClippedByItsJointNorm() {
        SameDiff sd = graph();
        FixedTrainingStep step = new FixedTrainingStep(sd, List.of("u", "w"), new Sgd(1), List.of("x", "y"), List.of("loss"));
        step.clipGradients(List.of("u", "w"), Math.sqrt(29) / 2); // ‖(3, 4, 2, 0, 0)‖ = √29: halved
        double[][] after = stepOnce(sd, step);
        assertArrayEquals(new double[] {-1.5, -2}, after[0], 1e-12);
        assertArrayEquals(new double[] {-1, 0, 0}, after[1], 1e-12);
    }

    @Test
    void aBadNormOrAnUnknownParameterIsRefused() {
        SameDiff sd = graph();
        FixedTrainingStep step = new FixedTrainingStep(sd, List.of("u"), new Sgd(1), List.of("x", "y"), List.of("loss"));
        assertThrows(IllegalArgumentException.class, () -> step.clipGradients(List.of("u"), 0));
        assertThrows(IllegalArgumentException.class, () -> step.clipGradients(List.of("u"), Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> step.clipGradients(List.of("w"), 1));
    }
}
