package org.mbrllab.app.lessons.worldmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.worldmodels.ControllerConfig;
import org.mbrllab.engine.worldmodels.DodgeParams;
import org.mbrllab.engine.worldmodels.MdnRnnConfig;
import org.mbrllab.engine.worldmodels.VaeConfig;
import org.mbrllab.engine.worldmodels.WorldModelsNetworks;

/** The pane's plans of stages, one unit of work a step: what each stage hands the next, and the pace. */
class PipelineEngineTest {

    private static final DodgeParams GAME = new DodgeParams(60, 0.3);

    private static PipelineEngine.Settings tiny(int generations) {
        return new PipelineEngine.Settings(GAME, 12, new VaeConfig(4, 16, 0.5, 1e-3, 32, 2, 1),
                MdnRnnConfig.defaults().withHiddenUnits(8).withComponents(2).withMaxEpochs(2), new ControllerConfig(1.0, 4, 2, generations, 0.5, 60, 1, 1), 3, 1);
    }

    /** A clock that moves one second on every reading. */
    private static LongSupplier ticking() {
        long[] t = {0};
        return () -> t[0] += 1_000_000_000L;
    }

    @Test
    void evolvingReportsOneGenerationAStepThenTheScoreAndThePaceOfTheClock() {
        WorldModelsNetworks shipped = WorldModelsViewModel.readShipped();
        PipelineEngine e = new PipelineEngine(tiny(3), List.of(new PipelineEngine.Task(Stage.EVOLVE_C, 0.5)), null,
                shipped.v(), shipped.m(), null, ticking());

        assertTrue(e.step());
        PipelineSnapshot s = e.snapshot();
        assertEquals(1, s.unitsDone());
        assertEquals(4, s.unitsTotal(), "three generations and the scoring");
        assertEquals(1.0, s.unitsPerSecond(), 1e-12, "one unit in the clock's one second");
        assertEquals(3.0, s.secondsLeft(), 1e-12);
        assertEquals(1, s.controller().generations());
        assertTrue(e.step());
        assertTrue(e.step());
        assertTrue(s.evolved().isEmpty());
        assertFalse(e.step(), "the scoring ends the plan");
        s = e.snapshot();
        assertTrue(s.done());
        assertEquals(4, s.unitsDone());
        assertEquals(0.0, s.secondsLeft(), 0.0);
        assertEquals(1, s.evolved().size());
        assertEquals(0.5, s.evolved().get(0).temperature(), 0.0);
        assertSame(shipped.v(), s.v(), "V is handed on untouched");
        assertFalse(s.vTrained() || s.mTrained());
    }

    @Test
    void collectThenTrainVThenMHandsEachStageTheOneBefore() {
        PipelineEngine e = new PipelineEngine(tiny(1), List.of(PipelineEngine.Task.of(Stage.COLLECT),
                PipelineEngine.Task.of(Stage.TRAIN_V), PipelineEngine.Task.of(Stage.TRAIN_M)), null, null, null, null,
                ticking());

        int steps = 0;
        while (e.step()) steps++;
        steps++;
        PipelineSnapshot s = e.snapshot();

        assertEquals(1 + 2 + 2, steps, "one collection, two epochs of V, two of M");
        assertTrue(s.done() && s.vTrained() && s.mTrained());
        assertNotNull(s.data());
        assertEquals(12, s.data().training().episodes());
        assertEquals(4, s.v().latent());
        assertEquals(4, s.m().latent(), "M is trained on the new V's latents");
        assertEquals(2, s.vae().history().size());
        assertEquals(2, s.rnn().history().size());
        assertEquals(2, s.taskIndex());
    }

    @Test
    void aTestAfterEvolvingPlaysTheControllerJustEvolvedNotTheOneGiven() {
        WorldModelsNetworks shipped = WorldModelsViewModel.readShipped();
        var given = org.mbrllab.engine.worldmodels.LinearController.zero(shipped.m().latent(), shipped.m().hiddenUnits());
        PipelineEngine e = new PipelineEngine(tiny(2), List.of(new PipelineEngine.Task(Stage.EVOLVE_C, 1.0),
                PipelineEngine.Task.of(Stage.TEST)), null, shipped.v(), shipped.m(), given, ticking());

        while (e.step()) { }
        PipelineSnapshot s = e.snapshot();

        double evolvedReal = s.evolved().get(0).realScore();
        double givenReal = org.mbrllab.engine.worldmodels.RealPlay.mean(org.mbrllab.engine.worldmodels.RealPlay.play(
                shipped.v(), shipped.m(), given, GAME, 3,
                org.mbrllab.engine.worldmodels.WorldModelsPipeline.evaluationSeed(1)));
        assertEquals(evolvedReal, s.testedScore(), 0.0, "the same controller on the same episodes");
        assertTrue(evolvedReal != givenReal || s.evolved().get(0).controller().equals(given),
                "the check can tell the two apart: " + evolvedReal + " vs " + givenReal);
    }

    @Test
    void anEmptyPlanIsDoneAtOnce() {
        PipelineEngine e = new PipelineEngine(tiny(1), List.of(), null, null, null, null, ticking());
        assertTrue(e.isDone());
        assertFalse(e.step());
        assertEquals(null, e.snapshot().task());
    }

    @Test
    void aNewVInThePaneKeepsTheOldMButSaysItNoLongerFits() {
        WorldModelsViewModel vm = new WorldModelsViewModel();
        vm.open(new org.mbrllab.app.common.PaneContext("world-models", List.of(), "",
                java.util.Map.of("rollouts", 10.0, "vae_epochs", 1.0)), org.mbrllab.app.common.RunnerFactory.synchronous());
        var before = vm.agentProperty().get();

        vm.runStage(Stage.TRAIN_V);

        var after = vm.agentProperty().get();
        assertEquals(List.of(Stage.COLLECT, Stage.TRAIN_V), vm.plan().stream().map(PipelineEngine.Task::stage).toList(),
                "no episodes yet: the stage collects first");
        assertNotSame(before.v(), after.v());
        assertSame(before.m(), after.m());
        assertTrue(after.stale().startsWith("M and the controllers were trained on the previous V"), after.stale());
        assertEquals("trained now", after.source());
    }
}
