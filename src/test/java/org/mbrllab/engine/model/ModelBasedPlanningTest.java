package org.mbrllab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.control.PlannerKind;
import org.mbrllab.engine.model.MbrlSettings.Version;
import org.mbrllab.engine.model.MbrlSnapshot.EpisodeResult;

/**
 * The V1–V4 loops. The full check of the issue (V4 on the pendulum, mean real return of the last 3 of
 * 15 episodes at least −300, seed 0) takes about two minutes on this machine and is run by hand with
 * {@code mbrl --system pendulum --version v4 --episodes 15 --seed 0}; README records its result. Here:
 * the same loop with 5 episodes, which must already hold the pendulum up.
 */
class ModelBasedPlanningTest {

    /** Without the evaluation on fixed starts, which changes no training number (tested below) but costs time. */
    private static MbrlSettings pendulum(Version v, int episodes) {
        return MbrlSettings.defaults(ControlSystem.PENDULUM, v).withEpisodes(episodes).withEvalStarts(0);
    }

    /** Small and quick: two networks of 16 units, 3 epochs, random shooting with H = 8 and 16 samples. */
    private static MbrlSettings tiny(Version v, int episodes) {
        return pendulum(v, episodes).withMembers(2).withTraining(16, 3).withPlanner(PlannerKind.SHOOTING, 8, 16, 1);
    }

    @Test
    void v4SwingsThePendulumUpAndHoldsIt() {
        ModelBasedPlanning loop = new ModelBasedPlanning(pendulum(Version.V4, 5));
        List<EpisodeResult> r = loop.runToEnd();
        assertEquals(5, r.size());
        double lastThree = (r.get(2).realReturn() + r.get(3).realReturn() + r.get(4).realReturn()) / 3;
        assertTrue(lastThree >= -300, "mean real return of the last 3 episodes: " + lastThree + " in " + r);
        assertTrue(loop.randomReturn() < -600, "the random policy scores far worse: " + loop.randomReturn());
        for (int e = 0; e < 5; e++) assertEquals(200 * (e + 2), r.get(e).datasetSize(), "random + one episode each");
    }

    @Test
    void v1KeepsItsDataAndV2AggregatesAndBothAreReproducible() {
        MbrlSettings v1 = pendulum(Version.V1, 2).withTraining(16, 5).withPlanner(PlannerKind.CEM, 10, 30, 2);
        List<EpisodeResult> a = new ModelBasedPlanning(v1).runToEnd();
        assertEquals(a, new ModelBasedPlanning(v1).runToEnd(), "same seed, same numbers");
        assertEquals(200, a.get(0).datasetSize());
        assertEquals(200, a.get(1).datasetSize(), "V1 fits once and never adds data");
        List<EpisodeResult> b = new ModelBasedPlanning(v1.withVersion(Version.V2)).runToEnd();
        assertEquals(400, b.get(0).datasetSize());
        assertEquals(600, b.get(1).datasetSize());
        assertFalse(a.equals(new ModelBasedPlanning(v1.withSeed(1)).runToEnd()), "another seed, another run");
    }

    @Test
    void stepsGoCollectThenFitThenActAndSnapshotsFollow() {
        MbrlSettings s = pendulum(Version.V3, 1).withMembers(2).withTraining(16, 3).withPlanner(PlannerKind.SHOOTING, 10,
                20, 1);
        ModelBasedPlanning loop = new ModelBasedPlanning(s);
        assertEquals(ModelBasedPlanning.Phase.COLLECT, loop.phase());
        for (int i = 0; i < 200; i++) loop.step();
        MbrlSnapshot collected = loop.snapshot();
        assertEquals(ModelBasedPlanning.Phase.FIT, collected.phase());
        assertEquals(200, collected.datasetSize());
        assertEquals(201, collected.episodeStates().length);
        assertTrue(Double.isNaN(collected.predictedRewards()[0]), "no model predicted the random episode");
        assertEquals(null, collected.model());
        for (int i = 0; i < 3; i++) loop.step();
        MbrlSnapshot fitted = loop.snapshot();
        assertEquals(ModelBasedPlanning.Phase.ACT, fitted.phase());
        assertEquals(2, fitted.model().members());
        assertEquals(3, fitted.fitLosses().size());
        loop.step();
        MbrlSnapshot acted = loop.snapshot();
        assertEquals(1, acted.episode());
        assertEquals(1, acted.step());
        assertEquals(11, acted.plannedStates().length, "a plan of H = 10 steps from where it was made");
        assertTrue(Double.isFinite(acted.predictedRewards()[0]));
        while (loop.step()) {
            // to the end
        }
        MbrlSnapshot end = loop.snapshot();
        assertTrue(end.done());
        assertEquals(ModelBasedPlanning.K_STEP_MAX, end.kStepSingle().length);
        assertEquals(ModelBasedPlanning.K_STEP_MAX, end.kStepEnsemble().length);
        assertTrue(end.kStepSingle()[ModelBasedPlanning.K_STEP_MAX - 1] > end.kStepSingle()[0], "the error grows with k");
    }

    @Test
    void fixedStartsAreTheSameForEveryVersionAndSeed() {
        double[][] three = ModelBasedPlanning.fixedStarts(ControlSystem.PENDULUM, 3);
        for (Version v : Version.values()) {
            for (long seed : new long[] {0, 1, 7}) {
                double[][] used = new ModelBasedPlanning(tiny(v, 1).withSeed(seed).withEvalStarts(3)).fixedStarts();
                assertArrayEquals(three, used, v + ", seed " + seed);
            }
        }
        assertArrayEquals(Arrays.copyOf(three, 2), ModelBasedPlanning.fixedStarts(ControlSystem.PENDULUM, 2),
                "fewer starts are the first of the same starts");
        for (double[] x : three) {
            assertTrue(Math.abs(x[0]) <= Math.PI && Math.abs(x[1]) <= 1, "Pendulum-v1 reset: " + Arrays.toString(x));
        }
        assertTrue(three[0][0] != three[1][0] && three[1][0] != three[2][0], "three different starts");
    }

    @Test
    void evaluationLeavesEveryTrainingNumberAsItWas() {
        for (Version v : Version.values()) {
            MbrlSettings s = tiny(v, 3);
            ModelBasedPlanning offLoop = new ModelBasedPlanning(s);
            ModelBasedPlanning onLoop = new ModelBasedPlanning(s.withEvalStarts(2));
            List<EpisodeResult> off = offLoop.runToEnd();
            List<EpisodeResult> on = onLoop.runToEnd();
            assertEquals(offLoop.randomReturn(), onLoop.randomReturn(), 0.0, v.toString());
            for (int e = 0; e < 3; e++) {
                EpisodeResult a = off.get(e);
                EpisodeResult b = on.get(e);
                assertEquals(a.realReturn(), b.realReturn(), 0.0, v + " episode " + (e + 1));
                assertEquals(a.predictedReturn(), b.predictedReturn(), 0.0, v + " episode " + (e + 1));
                assertEquals(a.datasetSize(), b.datasetSize(), v + ": evaluation adds nothing to D");
                assertEquals(a.fitEpochs(), b.fitEpochs());
                assertTrue(a.evalReturns().isEmpty() && Double.isNaN(a.evalReturn()));
                assertEquals(2, b.evalReturns().size());
                for (double r : b.evalReturns()) assertTrue(Double.isFinite(r) && r <= 0, v + ": " + b);
            }
        }
    }

    @Test
    void evaluationRunsAfterTheEpisodeAndBeforeTheRefit() {
        ModelBasedPlanning loop = new ModelBasedPlanning(tiny(Version.V4, 2).withEvalStarts(2));
        while (loop.phase() != ModelBasedPlanning.Phase.EVALUATE) loop.step();
        MbrlSnapshot first = loop.snapshot();
        assertEquals(1, first.episode());
        assertEquals(400, first.datasetSize());
        assertEquals(0, first.evalStep());
        assertTrue(first.results().isEmpty(), "the episode is booked once its evaluation is done");
        for (int i = 0; i < 250; i++) loop.step();
        assertEquals(250, loop.snapshot().evalStep(), "start 2, step 50");
        for (int i = 0; i < 150; i++) loop.step();
        MbrlSnapshot evaluated = loop.snapshot();
        assertEquals(ModelBasedPlanning.Phase.FIT, evaluated.phase());
        assertEquals(400, evaluated.datasetSize(), "the 400 evaluation steps kept nothing");
        assertEquals(1, evaluated.results().size());
        assertEquals(2, evaluated.results().get(0).evalReturns().size());
        assertEquals(0, evaluated.evalStep());
    }

    /**
     * V4 with the defaults on seed 1: after one episode the model already swings the pendulum up and holds
     * it from the first fixed start (measured −239.7; from the second and third, −125.2 and −120.3), while
     * the training episode scored −370.0 from its own start. A start that never swings up scores below −600
     * (the random policy: −859). One start keeps the test to a fifth of the time of three.
     */
    @Test
    void v4AfterOneEpisodeHoldsThePendulumUpFromTheFixedStarts() {
        ModelBasedPlanning loop = new ModelBasedPlanning(pendulum(Version.V4, 1).withSeed(1).withEvalStarts(1));
        EpisodeResult e = loop.runToEnd().get(0);
        assertEquals(1, e.evalReturns().size());
        assertTrue(e.evalReturn() >= -250 && e.evalReturn() <= -100, "mean from the fixed starts: " + e);
        for (double x : e.evalReturns()) assertTrue(x >= -350 && x <= -50, "every fixed start: " + e);
    }

    @Test
    void settingsNameTheValueAndTheRange() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> pendulum(Version.V4, 3).withEvalStarts(11));
        assertTrue(bad.getMessage().contains("11") && bad.getMessage().contains("[0, 10]"), bad.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pendulum(Version.V4, 0));
        assertTrue(e.getMessage().contains("0") && e.getMessage().contains("1000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pendulum(Version.V4, 3).withMembers(11));
        assertThrows(IllegalArgumentException.class,
                () -> pendulum(Version.V4, 3).withPlanner(PlannerKind.ILQR, 10, 10, 1));
        assertEquals(1, pendulum(Version.V2, 3).fittedMembers());
        assertEquals(5, pendulum(Version.V3, 3).fittedMembers());
    }
}
