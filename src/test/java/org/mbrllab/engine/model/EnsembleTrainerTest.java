package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.nn.Activation;
import org.mbrllab.engine.run.DivergenceException;
import org.mbrllab.engine.run.Published;
import org.mbrllab.engine.run.RunStatus;
import org.mbrllab.engine.run.Runner;

/** Training an ensemble: seeds, steps, snapshots, early stopping and divergence. */
class EnsembleTrainerTest {

    private static final RegressionData DATA = new SineTask(120, 0.1, -0.5, 1.5, 5).sample();
    private static final double[][] GRID = SineTask.grid(-4, 4, 9);

    private static EnsembleConfig small(int members, long seed) {
        return new EnsembleConfig(members, 2, 16, Activation.RELU, MemberKind.PROBABILISTIC, 3e-3, 32, 8, 0.1, 50, true,
                seed);
    }

    private static EnsembleTrainer trained(EnsembleConfig config, int epochs) {
        EnsembleTrainer t = new EnsembleTrainer(config, DATA, GRID);
        for (int e = 0; e < epochs; e++) t.step();
        return t;
    }

    @Test
    void sameSeedGivesTheSameNumbersBitForBit() {
        TrainingSnapshot a = trained(small(3, 42), 6).snapshot();
        TrainingSnapshot b = trained(small(3, 42), 6).snapshot();
        assertEquals(a.history(), b.history(), "every member's training and validation loss of every epoch");
        for (int i = 0; i < GRID.length; i++) {
            assertEquals(a.probe().mean(i, 0), b.probe().mean(i, 0), 0.0);
            assertEquals(a.probe().epistemicVariance(i, 0), b.probe().epistemicVariance(i, 0), 0.0);
            assertEquals(a.probe().aleatoricVariance(i, 0), b.probe().aleatoricVariance(i, 0), 0.0);
        }
    }

    @Test
    void anotherSeedGivesOtherNumbers() {
        assertNotEquals(trained(small(3, 42), 2).snapshot().history(), trained(small(3, 43), 2).snapshot().history());
    }

    @Test
    void membersStartDifferentAndTrainOnTheirOwnResamples() {
        EpochLosses first = trained(small(3, 42), 1).snapshot().last();
        assertEquals(3, first.training().size());
        assertEquals(3, first.validation().size());
        assertNotEquals(first.training().get(0), first.training().get(1));
        assertNotEquals(first.validation().get(0), first.validation().get(1));
    }

    @Test
    void addingMembersLeavesTheFirstMemberAsItWas() {
        EnsemblePrediction one = trained(small(1, 9), 3).snapshot().probe();
        EnsemblePrediction four = trained(small(4, 9), 3).snapshot().probe();
        for (int i = 0; i < GRID.length; i++) {
            assertEquals(one.memberMean(0, i, 0), four.memberMean(0, i, 0), 1e-5);
            assertEquals(one.memberVariance(0, i, 0), four.memberVariance(0, i, 0), 1e-5);
        }
    }

    @Test
    void stepIsOneEpochAndSnapshotsAreCopies() {
        EnsembleTrainer t = new EnsembleTrainer(small(2, 1), DATA, GRID);
        TrainingSnapshot before = t.snapshot();
        assertEquals(0, before.epoch());
        assertTrue(before.history().isEmpty());
        assertTrue(t.step());
        TrainingSnapshot after = t.snapshot();
        assertEquals(1, after.epoch());
        assertEquals(1, after.history().size());
        assertEquals(GRID.length, after.probe().points());
        assertEquals(2, after.probe().members());
        assertEquals(DATA.rows() - after.validationRows(), after.trainingRows());
        assertEquals(12, after.validationRows(), "10 % of 120 held out");
        t.step();
        assertEquals(1, after.history().size(), "an old snapshot does not grow");
        assertThrows(UnsupportedOperationException.class, () -> after.history().add(after.last()));
    }

    @Test
    void stopsAtTheEpochLimit() {
        EnsembleTrainer t = new EnsembleTrainer(small(1, 1).withMaxEpochs(3), DATA);
        assertTrue(t.step());
        assertTrue(t.step());
        assertEquals(false, t.step());
        assertTrue(t.isDone());
        assertEquals(false, t.step(), "nothing left to do");
        assertEquals(3, t.epoch());
        assertEquals("reached the limit of 3 epochs", t.snapshot().stopReason());
    }

    @Test
    void stopsEarlyWhenNoMemberImprovesForPatienceEpochs() {
        // A large step makes the validation loss jump about instead of falling steadily.
        EnsembleConfig config = small(2, 3).withLearningRate(0.05).withMaxEpochs(1000).withEarlyStopping(0.2, 3);
        EnsembleTrainer t = new EnsembleTrainer(config, DATA);
        while (t.step()) {
            assertTrue(t.epoch() < 1000);
        }
        TrainingSnapshot s = t.snapshot();
        assertTrue(s.stopReason().startsWith("stopped early after epoch " + s.epoch()), s.stopReason());
        assertEquals(3, s.epochsWithoutImprovement());
        for (int best : s.bestEpochs()) assertTrue(best >= 1 && best <= s.epoch() - 3, "best epoch " + best);
    }

    @Test
    void tooHighALearningRateStopsWithADivergenceExceptionThatSaysWhy() {
        EnsembleTrainer t = new EnsembleTrainer(small(2, 1).withLearningRate(100).withMaxEpochs(50), DATA, GRID);
        DivergenceException e = assertThrows(DivergenceException.class, () -> {
            while (t.step()) {
                // until the loss blows up
            }
        });
        assertTrue(e.getMessage().startsWith("Training diverged in epoch "), e.getMessage());
        assertTrue(e.getMessage().contains("The learning rate 100 is too high"), e.getMessage());
        assertTrue(t.isDone());
        assertSame(e, assertThrows(DivergenceException.class, t::step), "it stays stopped until a reset");
        assertNotNull(t.snapshot(), "a view can still draw what was there");
    }

    @Test
    void runnerReportsDivergedAndAResetStartsAfresh() {
        Published<?>[] last = new Published<?>[1];
        try (Runner<EnsembleTrainer, TrainingSnapshot> runner = Runner.synchronous(p -> last[0] = p)) {
            runner.load(() -> new EnsembleTrainer(small(2, 1).withLearningRate(100).withMaxEpochs(50), DATA));
            runner.runToEnd();
            assertEquals(RunStatus.State.DIVERGED, last[0].status().state());
            assertTrue(last[0].status().message().contains("learning rate"));
            runner.load(() -> new EnsembleTrainer(small(2, 1), DATA));
            runner.step();
            assertEquals(RunStatus.State.PAUSED, last[0].status().state());
            assertEquals(1, ((TrainingSnapshot) last[0].snapshot()).epoch());
        }
    }

    /** No line of SameDiff reaches stdout on the whole path, from building the trainer to a prediction. */
    @Test
    void buildingAndTrainingAnEnsemblePrintsNothingOnStdout() {
        String printed = capturingStdout(() -> {
            EnsembleTrainer t = new EnsembleTrainer(SineTask.defaultConfig(2, MemberKind.PROBABILISTIC, 2, 0),
                    SineTask.withoutGap(40, 0.1, 0).sample());
            t.step();
            t.ensemble().predict(new double[] {0.5});
        });
        assertEquals("", printed);
    }

    private static String capturingStdout(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
