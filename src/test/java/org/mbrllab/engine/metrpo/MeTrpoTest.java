package org.mbrllab.engine.metrpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.control.ControlSystem;
import org.mbrllab.engine.metrpo.MeTrpo.Phase;
import org.mbrllab.engine.model.RolloutMode;

/** The outer loop of ME-TRPO and of its model-free baseline, on small settings. */
class MeTrpoTest {

    /** Short trajectories, few of them and small models, so a whole outer iteration takes a second or two. */
    private static MeTrpoSettings small(int members) {
        return new MeTrpoSettings(ControlSystem.PENDULUM, members, 200, false, 3, RolloutMode.MEMBER_PER_STEP, 4, 50, 1,
                16, 20, 0.01);
    }

    @Test
    void oneOuterIterationCollectsFitsRunsAPolicyPhaseUnderTheRuleAndEvaluates() {
        MeTrpo run = new MeTrpo(small(3));
        List<Phase> seen = new ArrayList<>();
        double[] lastSaved = null;
        int checksSeen = 0;
        boolean logStdResetChecked = false;
        while (run.phase() != Phase.EVALUATE) {
            Phase before = run.phase();
            if (seen.isEmpty() || seen.get(seen.size() - 1) != before) seen.add(before);
            run.step();
            MeTrpoSnapshot s = run.snapshot();
            if (before == Phase.FIT && run.phase() == Phase.POLICY) {
                // The phase starts with log σ = 0 and a check that saves the starting policy.
                assertEquals(0, run.policy().logStd(0));
                logStdResetChecked = true;
            }
            if (s.checks().size() > checksSeen) {
                checksSeen = s.checks().size();
                MeTrpoSnapshot.PhaseCheck c = s.checks().get(checksSeen - 1);
                assertEquals(0, c.iteration() % ValidationRule.EVERY, "checks come every 5 iterations");
                assertEquals(3, c.check().scores().length, "one score per model");
                if (c.check().verdict() == ValidationRule.Verdict.SAVED) lastSaved = run.policy().parameters();
            }
        }
        assertEquals(List.of(Phase.COLLECT, Phase.FIT, Phase.POLICY), seen);
        assertTrue(logStdResetChecked);
        MeTrpoSnapshot s = run.snapshot();
        assertEquals(ValidationRule.Verdict.SAVED, s.checks().get(0).check().verdict());
        assertEquals(0, s.checks().get(0).iteration());
        // The phase ends on the rule's stop or at the cap of 20 iterations, with the last saved policy back.
        ValidationRule.Verdict last = s.checks().get(s.checks().size() - 1).check().verdict();
        assertTrue(last == ValidationRule.Verdict.STOPPED || s.phaseIterations() == 20, "phase ended early without a stop");
        assertArrayEquals(lastSaved, run.policy().parameters(), 0);
        assertEquals(s.phaseIterations(), s.steps().size());
        assertEquals(50, s.realSteps(), "one real trajectory of T = 50 steps");
    }

    @Test
    void theRunStopsAtTheBudgetWithOneEvaluationPerOuterIteration() {
        MeTrpoSettings settings = small(2).withRealSteps(200); // 4 outer iterations of one 50-step trajectory
        MeTrpo run = new MeTrpo(settings);
        List<MeTrpoSnapshot.Evaluation> evaluations = run.runToEnd();
        assertEquals(4, evaluations.size());
        for (int i = 0; i < 4; i++) {
            MeTrpoSnapshot.Evaluation e = evaluations.get(i);
            assertEquals(i + 1, e.outerIteration());
            assertEquals(50 * (i + 1), e.realSteps());
            assertEquals(MeTrpo.EVALUATION_STARTS, e.returns().length);
            // Every imagined sample came from 4 trajectories of 50 steps.
            assertEquals(e.policyIterations() * 4L * 50, e.imaginedSteps());
        }
        assertTrue(run.isDone());
        MeTrpoSnapshot s = run.snapshot();
        assertNull(s.failure());
        assertNotNull(s.imagined());
        assertEquals(51, s.imagined().states().length);
        for (int m : s.imagined().members()) assertTrue(m >= 0 && m < 2, "member " + m);
        for (int m : s.real().members()) assertEquals(-1, m);
    }

    @Test
    void theSameSeedGivesTheSameRunAndTheEvaluationStartsAreTheSameForEverySeed() {
        List<MeTrpoSnapshot.Evaluation> a = new MeTrpo(small(2).withRealSteps(200)).runToEnd();
        List<MeTrpoSnapshot.Evaluation> b = new MeTrpo(small(2).withRealSteps(200)).runToEnd();
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i).returns(), b.get(i).returns(), 0);
        double[][] starts = MeTrpo.evaluationStarts(ControlSystem.PENDULUM);
        assertArrayEquals(starts[3], MeTrpo.evaluationStarts(ControlSystem.PENDULUM)[3], 0);
        for (double[] s : starts) assertTrue(Math.abs(s[0]) <= Math.PI && Math.abs(s[1]) <= 1, "Pendulum-v1's reset range");
    }

    @Test
    void aSingleModelRunsTheRuleOnItsOwnSay() {
        MeTrpo run = new MeTrpo(small(1).withRealSteps(200));
        while (run.phase() != Phase.EVALUATE) run.step();
        for (MeTrpoSnapshot.PhaseCheck c : run.snapshot().checks()) {
            double share = c.check().improvedShare();
            assertTrue(share == 0 || share == 1, "with K = 1 the share is all or nothing: " + share);
        }
    }

    @Test
    void theModelFreeBaselineCountsEverySampledStepAndEvaluatesAfterEachIteration() {
        MeTrpoSettings settings = small(1).asModelFree(3000); // 20 real paths × 50 steps = 1,000 real steps an iteration
        assertEquals(MeTrpoSettings.MODEL_FREE_PATHS, settings.imaginedPaths());
        MeTrpo run = new MeTrpo(settings);
        assertEquals(Phase.POLICY, run.phase());
        List<MeTrpoSnapshot.Evaluation> evaluations = run.runToEnd();
        assertEquals(3, evaluations.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(1000 * (i + 1), evaluations.get(i).realSteps());
            assertEquals(i + 1, evaluations.get(i).policyIterations());
            assertEquals(0, evaluations.get(i).imaginedSteps());
        }
        assertNull(run.snapshot().imagined());
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheValueAndTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> small(21));
        assertTrue(e.getMessage().contains("21") && e.getMessage().contains("20"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> small(5).withDelta(0));
        assertTrue(e.getMessage().contains("0") && e.getMessage().contains("0.0001"), e.getMessage());
    }
}
