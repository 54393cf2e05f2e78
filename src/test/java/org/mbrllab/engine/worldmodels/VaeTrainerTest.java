package org.mbrllab.engine.worldmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;

/** V learns to reconstruct Dodge frames it has not seen, reproducibly. */
class VaeTrainerTest {

    @Test
    void trainedVaeReconstructsHeldOutFramesWellBelowTheMeanFrame() {
        // 200 random episodes (5,078 frames) to train on, 50 others (1,322 frames) held out; 10 epochs of the
        // lesson's V. Measured (frames from the camera that follows the agent): the mean frame scores an MSE
        // of 0.0444 per pixel on the held-out frames, V 0.0447 after the first epoch and 0.0191 after the tenth.
        Rollouts training = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 200, 1);
        Rollouts heldOut = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 50, 2);
        VaeTrainer trainer = VaeTrainer.forRollouts(VaeConfig.defaults().withMaxEpochs(10), training, heldOut);
        while (trainer.step()) { }
        VaeSnapshot s = trainer.snapshot();
        assertTrue(s.done());
        assertEquals(10, s.history().size());
        assertEquals(0.0444, s.baselineMse(), 0.0005, "mean-frame baseline");
        double mse = s.history().get(9).heldOutMse();
        assertEquals(mse, trainer.freeze().reconstructionMse(heldOut.allFrames()), 1e-12);
        assertTrue(mse < 0.5 * s.baselineMse(), "held-out MSE " + mse + " against the mean frame's " + s.baselineMse());
        assertTrue(mse < s.history().get(0).heldOutMse(), "it improved with training");
    }

    @Test
    void freeBitsKeepTheEarlyEpochsFromCollapsingToThePrior() {
        // The same 200 episodes and held-out frames as above, two epochs. Measured: without the floor
        // (λ = 0) a mean KL of 2.0 nats a frame in epoch 2 and a held-out MSE of 0.0850; with λ = 0.5,
        // 11.0 nats and 0.0394.
        Rollouts training = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 200, 1);
        Rollouts heldOut = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 50, 2);
        VaeEpoch without = lastOf(VaeConfig.defaults().withMaxEpochs(2).withFreeBits(0), training, heldOut);
        VaeEpoch with = lastOf(VaeConfig.defaults().withMaxEpochs(2), training, heldOut);
        assertTrue(without.kl() < 4 && with.kl() > 8, "KL " + without.kl() + " without, " + with.kl() + " with");
        assertTrue(with.heldOutMse() < 0.6 * without.heldOutMse(),
                "held-out MSE " + with.heldOutMse() + " with, " + without.heldOutMse() + " without");
    }

    private static VaeEpoch lastOf(VaeConfig config, Rollouts training, Rollouts heldOut) {
        List<VaeEpoch> history = run(config, training, heldOut);
        return history.get(history.size() - 1);
    }

    @Test
    void theSameSeedTrainsTheSameNumbers() {
        Rollouts data = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 15, 3);
        Rollouts heldOut = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 3, 4);
        VaeConfig config = VaeConfig.defaults().withHiddenUnits(32).withLatent(4).withMaxEpochs(2).withSeed(9);
        List<VaeEpoch> a = run(config, data, heldOut);
        List<VaeEpoch> b = run(config, data, heldOut);
        List<VaeEpoch> c = run(config.withSeed(10), data, heldOut);
        assertEquals(a, b);
        assertFalse(a.equals(c), "another seed, other numbers");
    }

    private static List<VaeEpoch> run(VaeConfig config, Rollouts data, Rollouts heldOut) {
        VaeTrainer trainer = VaeTrainer.forRollouts(config, data, heldOut);
        while (trainer.step()) { }
        assertFalse(trainer.step(), "nothing left after the last epoch");
        return trainer.snapshot().history();
    }

    @Test
    void theMeanFrameBaselineIsTheMeanSquaredDeviationFromTheTrainingMean() {
        float[] training = {0, 1, 1, 1};  // two frames of two pixels: mean (0.5, 1)
        float[] test = {1, 0};
        assertEquals((0.25 + 1) / 2, VaeTrainer.meanFrameMse(training, test, 2), 1e-12);
    }

    @Test
    void badConfigurationsAreRefusedWithTheFieldsName() {
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> VaeConfig.defaults().withLatent(0));
        assertEquals("latent", e.name());
        assertEquals("freeBits", assertThrows(OutOfRangeException.class,
                () -> VaeConfig.defaults().withFreeBits(-1)).name());
        assertThrows(IllegalArgumentException.class,
                () -> new VaeTrainer(VaeConfig.defaults(), Dodge.PIXELS, new float[Dodge.PIXELS + 3], new float[0]));
    }
}
