package org.mbrllab.engine.worldmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;

/** M learns to predict V's latents of episodes it has not seen, better than trivial guesses, reproducibly. */
class MdnRnnTrainerTest {

    @Test
    void trainedMBeatsPersistenceAndMarginalBaselinesOnHeldOutEpisodes() {
        // 200 random episodes to train on, 50 held out; V of the lesson for 5 epochs, then M of the lesson for
        // 6. Measured (frames from the camera that follows the agent): "nothing moves" scores 0.981 nats per
        // step and dimension on the held-out steps, the marginal Gaussian 1.146; M 0.978 after one epoch and
        // 0.672 after six, with a done cross-entropy of 0.078.
        Rollouts training = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 200, 1);
        Rollouts heldOut = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 50, 2);
        VaeTrainer v = VaeTrainer.forRollouts(VaeConfig.defaults().withMaxEpochs(5), training, heldOut);
        while (v.step()) { }
        MdnRnnTrainer m = new MdnRnnTrainer(MdnRnnConfig.defaults().withMaxEpochs(6), v.freeze(), training, heldOut);
        while (m.step()) { }
        MdnRnnSnapshot s = m.snapshot();
        assertTrue(s.done());
        assertEquals(6, s.history().size());
        assertEquals(0.981, s.persistenceNll(), 0.01, "persistence baseline");
        assertEquals(1.146, s.marginalNll(), 0.01, "marginal baseline");
        double last = s.history().get(5).heldOutNll();
        assertTrue(last < s.persistenceNll() - 0.25, "held-out NLL " + last + " against persistence " + s.persistenceNll());
        assertTrue(last < s.history().get(0).heldOutNll() - 0.25, "it improved with training");
        // Hits are about one step in 25: a constant p(done) = 0.04 would score 0.168 nats.
        double bce = s.history().get(5).heldOutBce();
        assertTrue(bce < 0.15, "held-out done cross-entropy " + bce);
    }

    @Test
    void aBatchOfOneSequenceTrainsInsteadOfFailingInSameDiffsBackward() {
        // 30 episodes of seed 3 make 33 sequences: batches of 8 leave one over, where strided_slice's
        // backward failed ("lengths of arrays are mismatched") before such a batch was fed twice.
        Rollouts data = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 30, 3);
        VaeTrainer v = new VaeTrainer(VaeConfig.defaults().withHiddenUnits(32).withLatent(4).withMaxEpochs(1),
                Dodge.PIXELS, data.allFrames(), new float[0]);
        v.step();
        MdnRnnConfig config = MdnRnnConfig.defaults().withHiddenUnits(12).withComponents(3).withMaxEpochs(1);
        MdnRnnTrainer m = new MdnRnnTrainer(config, v.freeze(), data, null);
        assertEquals(33, m.trainingSequences());
        m.step();
        assertTrue(Double.isFinite(m.snapshot().history().get(0).trainNll()));
    }

    @Test
    void theSameSeedTrainsTheSameNumbers() {
        Rollouts data = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 15, 3);
        Rollouts heldOut = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 3, 4);
        VaeTrainer v = new VaeTrainer(VaeConfig.defaults().withHiddenUnits(32).withLatent(4).withMaxEpochs(1),
                Dodge.PIXELS, data.allFrames(), new float[0]);
        v.step();
        FrozenVae vae = v.freeze();
        MdnRnnConfig config = MdnRnnConfig.defaults().withHiddenUnits(8).withComponents(2).withSequenceLength(10)
                .withMaxEpochs(2).withSeed(9);
        List<MdnRnnEpoch> a = run(config, vae, data, heldOut);
        List<MdnRnnEpoch> b = run(config, vae, data, heldOut);
        List<MdnRnnEpoch> c = run(config.withSeed(10), vae, data, heldOut);
        assertEquals(a, b);
        assertFalse(a.equals(c), "another seed, other numbers");
    }

    private static List<MdnRnnEpoch> run(MdnRnnConfig config, FrozenVae vae, Rollouts data, Rollouts heldOut) {
        MdnRnnTrainer trainer = new MdnRnnTrainer(config, vae, data, heldOut);
        while (trainer.step()) { }
        assertFalse(trainer.step(), "nothing left after the last epoch");
        return trainer.snapshot().history();
    }

    @Test
    void episodesAreCutIntoSequencesOfTheConfiguredLength() {
        Rollouts data = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 12, 5);
        VaeTrainer v = new VaeTrainer(VaeConfig.defaults().withHiddenUnits(4).withLatent(2).withMaxEpochs(1),
                Dodge.PIXELS, data.allFrames(), new float[0]);
        int expected = 0;
        for (int e = 0; e < data.episodes(); e++) expected += (data.steps(e) + 6) / 7;
        MdnRnnTrainer m = new MdnRnnTrainer(MdnRnnConfig.defaults().withSequenceLength(7).withHiddenUnits(4),
                v.freeze(), data, null);
        assertEquals(expected, m.trainingSequences());
        assertTrue(expected > data.episodes(), "some episodes are longer than 7 steps");
        assertTrue(Double.isNaN(m.snapshot().persistenceNll()), "no held-out data, no baseline");
    }

    @Test
    void heldOutLossesEqualTheFrozenCopysLossesRunOverTheEpisodes() {
        // Recomputes the held-out NLL and done cross-entropy step by step with the frozen M, straight from
        // the episodes: the trainer's sequences (inputs, actions, targets, done flags, cuts, padding) must
        // feed the graph exactly what the episodes hold.
        Rollouts data = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 15, 3);
        Rollouts heldOut = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 8, 4);
        VaeTrainer v = new VaeTrainer(VaeConfig.defaults().withHiddenUnits(32).withLatent(3).withMaxEpochs(1),
                Dodge.PIXELS, data.allFrames(), new float[0]);
        v.step();
        FrozenVae vae = v.freeze();
        int length = 9;
        MdnRnnTrainer trainer = new MdnRnnTrainer(MdnRnnConfig.defaults().withHiddenUnits(10).withComponents(3)
                .withSequenceLength(length).withMaxEpochs(2), vae, data, heldOut);
        while (trainer.step()) { }
        FrozenMdnRnn m = trainer.freeze();
        double nll = 0;
        double bce = 0;
        int steps = 0;
        int hits = 0;
        for (int e = 0; e < heldOut.episodes(); e++) {
            float[] h = m.initialState();
            for (int t = 0; t < heldOut.steps(e); t++) {
                if (t % length == 0) h = m.initialState();
                h = m.step(h, latent(vae, heldOut, e, t), heldOut.action(e, t));
                FrozenMdnRnn.Mixture mix = m.mixture(h);
                nll -= mix.logDensity(latent(vae, heldOut, e, t + 1)) / 3;
                double p = mix.doneProbability();
                bce -= heldOut.done(e, t) ? Math.log(p) : Math.log(1 - p);
                hits += heldOut.done(e, t) ? 1 : 0;
                steps++;
            }
        }
        assertTrue(hits > 0 && steps > 8 * length, "hits and cut episodes are exercised");
        MdnRnnEpoch last = trainer.snapshot().history().get(1);
        assertEquals(nll / steps, last.heldOutNll(), 1e-4);
        assertEquals(bce / steps, last.heldOutBce(), 1e-4);
    }

    @Test
    void baselinesAreTheGaussianNllsOfPersistenceAndOfTheMarginalComputedFromTheEpisodes() {
        // The same numbers, computed here straight from the episodes (no sequences, no padding).
        Rollouts data = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 15, 3);
        Rollouts heldOut = Rollouts.collect(DodgeParams.defaults(), DodgePolicy.random(), 5, 4);
        VaeTrainer v = new VaeTrainer(VaeConfig.defaults().withHiddenUnits(32).withLatent(3).withMaxEpochs(1),
                Dodge.PIXELS, data.allFrames(), new float[0]);
        v.step();
        FrozenVae vae = v.freeze();
        double[] change = new double[3];
        double[] mean = new double[3];
        double[] square = new double[3];
        int n = 0;
        for (int e = 0; e < data.episodes(); e++) {
            for (int t = 0; t < data.steps(e); t++) {
                float[] a = latent(vae, data, e, t);
                float[] b = latent(vae, data, e, t + 1);
                for (int j = 0; j < 3; j++) {
                    change[j] += (b[j] - a[j]) * (b[j] - a[j]);
                    mean[j] += b[j];
                    square[j] += b[j] * b[j];
                }
                n++;
            }
        }
        double persistence = 0;
        double marginal = 0;
        int m = 0;
        for (int e = 0; e < heldOut.episodes(); e++) {
            for (int t = 0; t < heldOut.steps(e); t++) {
                float[] a = latent(vae, heldOut, e, t);
                float[] b = latent(vae, heldOut, e, t + 1);
                for (int j = 0; j < 3; j++) {
                    double s2 = change[j] / n;
                    double mu = mean[j] / n;
                    double v2 = square[j] / n - mu * mu;
                    persistence -= Math.log(Math.exp(-(b[j] - a[j]) * (b[j] - a[j]) / (2 * s2)) / Math.sqrt(2 * Math.PI * s2));
                    marginal -= Math.log(Math.exp(-(b[j] - mu) * (b[j] - mu) / (2 * v2)) / Math.sqrt(2 * Math.PI * v2));
                    m++;
                }
            }
        }
        MdnRnnTrainer trainer = new MdnRnnTrainer(MdnRnnConfig.defaults().withSequenceLength(7).withHiddenUnits(4),
                vae, data, heldOut);
        assertEquals(persistence / m, trainer.snapshot().persistenceNll(), 1e-6);
        assertEquals(marginal / m, trainer.snapshot().marginalNll(), 1e-6);
    }

    private static float[] latent(FrozenVae vae, Rollouts r, int e, int t) {
        float[] frame = new float[Dodge.PIXELS];
        r.frame(e, t, frame);
        return vae.encodeMean(frame);
    }

    @Test
    void badConfigurationsAreRefusedWithTheFieldsName() {
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> MdnRnnConfig.defaults().withComponents(0));
        assertEquals("components", e.name());
        assertEquals("sequenceLength", assertThrows(OutOfRangeException.class,
                () -> MdnRnnConfig.defaults().withSequenceLength(0)).name());
        assertEquals("doneWeight", assertThrows(OutOfRangeException.class,
                () -> new MdnRnnConfig(64, 5, 32, -1, 1e-3, 8, 10, 1)).name());
    }
}
