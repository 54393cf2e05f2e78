package org.mbrllab.engine.dyna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.dp.Action;

/** One run's bookkeeping, and the experiment as a step()-able engine. */
class DynaRunTest {

    private static final Maze DYNA_MAZE = MazeTest.preset(DynaPreset.DYNA_MAZE);

    @Test
    void episodesRestartAtTheStartAndCountTheirSteps() {
        DynaRun run = DynaRun.forRun(DYNA_MAZE, DynaPreset.DYNA_MAZE.config(AgentKind.DYNA_Q, 0.95), 3, 0);
        int first = run.runEpisode();
        assertEquals(1, run.episodes());
        assertEquals(DYNA_MAZE.start(), run.state());
        assertEquals(0, run.episodeSteps());
        assertEquals(first, run.realSteps());
        assertEquals(1.0, run.cumulativeReward(), 0, "+1 for the one goal reached");
        assertEquals(50L * first, run.planningUpdates(), "n = 50 updates after every real step");
    }

    @Test
    void dynaQPlusTimeIsCountedOverTheWholeRunNotPerEpisode() {
        DynaRun run = DynaRun.forRun(DYNA_MAZE, DynaPreset.DYNA_MAZE.config(AgentKind.DYNA_Q_PLUS, 0.95), 3, 0);
        run.runEpisode();
        run.runEpisode();
        run.step();
        // The pair just tried was stamped with the run's step count, far beyond the third episode's 1.
        DeterministicModel m = run.agent().model();
        long latest = 0;
        for (int s = 0; s < DYNA_MAZE.states(); s++) {
            for (int a = 0; a < Action.COUNT; a++) latest = Math.max(latest, m.lastTried(s, a));
        }
        assertEquals(run.realSteps(), latest);
        assertTrue(latest > 14);
    }

    @Test
    void experimentStepsOneRunAtATime() {
        ExperimentPlan plan = new ExperimentPlan(DynaPreset.DYNA_MAZE.config(AgentKind.DYNA_Q, 0.95).withPlanningSteps(5),
                Measure.STEPS_PER_EPISODE, 4, 3, 1);
        DynaExperiment experiment = new DynaExperiment(DYNA_MAZE, plan);
        assertEquals(0, experiment.snapshot().runsDone());
        assertTrue(experiment.step());
        assertEquals(1, experiment.snapshot().runsDone());
        assertTrue(experiment.step());
        assertFalse(experiment.step(), "the third and last run");
        assertTrue(experiment.isDone());
        assertFalse(experiment.step(), "nothing left");
        DynaStatistics stats = experiment.snapshot();
        assertTrue(stats.complete());
        assertEquals(4, stats.mean().length);
    }

    @Test
    void snapshotsAreCopies() {
        ExperimentPlan plan = new ExperimentPlan(DynaPreset.DYNA_MAZE.config(AgentKind.DYNA_Q, 0.95).withPlanningSteps(5),
                Measure.STEPS_PER_EPISODE, 2, 2, 1);
        DynaExperiment experiment = new DynaExperiment(DYNA_MAZE, plan);
        experiment.step();
        DynaStatistics before = experiment.snapshot();
        double first = before.mean()[0];
        before.mean()[0] = -1;
        experiment.step();
        assertEquals(first, before.mean()[0], 0, "a later run does not change an earlier snapshot");
    }

    @Test
    void cumulativeRewardCountsGoalsAcrossEpisodes() {
        ExperimentPlan plan = new ExperimentPlan(DynaPreset.BLOCKING.config(AgentKind.DYNA_Q, 0.95),
                Measure.CUMULATIVE_REWARD, 3_000, 1, 1);
        DynaRun run = DynaRun.forRun(MazeTest.preset(DynaPreset.BLOCKING), plan.config(), 1, 0);
        while (run.realSteps() < 3_000) run.step();
        double[] curve = DynaExperiment.run(MazeTest.preset(DynaPreset.BLOCKING), plan).mean();
        assertEquals(run.episodes(), curve[2_999], 0, "one reward per goal reached");
    }
}
