package org.mbrllab.app.lessons.metrpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.LessonWindow;
import org.mbrllab.engine.metrpo.MeTrpo.Phase;
import org.mbrllab.engine.metrpo.MeTrpoSnapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The ME-TRPO lesson as a student uses it, on small settings (two small models, two imagined
 * trajectories per TRPO iteration, policy phases of at most five iterations) with the engine on the FX
 * thread: Step phase walks the loop, and the policy phase's per-model bars follow K.
 */
@ExtendWith(ApplicationExtension.class)
class MetrpoUiTest {

    private MetrpoPane pane;

    @Start
    void start(Stage stage) {
        LessonWindow.openWithParameters(stage, "metrpo", MetrpoPane.parameterSpecs(), host -> {
            MetrpoPane p = new MetrpoPane(host);
            pane = p;
            return p;
        }, "members: 2", "imagined_paths: 2", "max_policy_iterations: 5", "hidden_units: 8", "real_steps: 400");
    }

    private MeTrpoSnapshot snapshot() {
        return pane.viewModel().snapshotProperty().get();
    }

    /** Presses Step phase until the loop reaches {@code phase}, at most {@code presses} times. */
    private void stepPhasesUntil(FxRobot robot, Phase phase, int presses) {
        for (int i = 0; i < presses && snapshot().phase() != phase; i++) {
            robot.clickOn("#metrpo-step-phase");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(phase, snapshot().phase());
        robot.interact(pane::flushCharts);
    }

    @Test
    void stepPhaseWalksTheStripAndThePolicyPhaseShowsOneBarPerModel(FxRobot robot) {
        assertEquals(List.of("collect"), pane.shownStageNames());
        robot.clickOn("#metrpo-step-phase");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Phase.FIT, snapshot().phase(), "one real trajectory, then the fit");
        assertEquals(List.of("fit"), pane.shownStageNames());
        assertEquals(200, snapshot().realSteps());

        stepPhasesUntil(robot, Phase.POLICY, 1);
        assertTrue(pane.shownStageNames().contains("policy phase"), pane.shownStageNames().toString());
        stepPhasesUntil(robot, Phase.EVALUATE, 1);
        assertEquals(List.of("evaluate"), pane.shownStageNames());
        assertEquals(5, snapshot().phaseIterations(), "the phase ran to its cap of five iterations");
        assertEquals(2, snapshot().checks().size(), "checks at iterations 0 and 5");
        assertEquals(2, pane.phaseCharts().bars(), "one bar per model");
        assertEquals(List.of("1", "2"), pane.phaseCharts().barLabels());
        assertEquals(5, pane.phaseCharts().steps(), "one KL point per TRPO iteration");
        String info = robot.lookup("#metrpo-info").queryAs(Label.class).getText();
        assertTrue(info.startsWith("K = 2 · outer iteration 1 · 200 real steps · 5 TRPO iterations"), info);

        stepPhasesUntil(robot, Phase.COLLECT, 1);
        assertEquals(1, snapshot().evaluations().size());
        assertEquals(1, pane.dataEfficiency().livePoints(), "the evaluation joins Figure 2");
    }

    @Test
    void changingKToTenRestartsAndTheBarsAndLegendFollow(FxRobot robot) {
        assertEquals(2, pane.legendEntries());
        robot.doubleClickOn("#param-members").eraseText(3).write("10").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, snapshot().settings().members());
        assertEquals(Phase.COLLECT, snapshot().phase(), "a new K starts a fresh run");
        robot.interact(pane::flushCharts);
        assertEquals(10, pane.legendEntries(), "a colour per model in the imagined rollout's legend");
        assertEquals(0, pane.phaseCharts().bars(), "no check yet in the fresh run");

        stepPhasesUntil(robot, Phase.EVALUATE, 3);
        assertEquals(10, pane.phaseCharts().bars());
        assertEquals("10", pane.phaseCharts().barLabels().get(9));
    }

    @Test
    void aLessonWithoutARecordedComparisonSaysSoInsteadOfAChart(FxRobot robot) {
        robot.clickOn("#metrpo-figure2-tab");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, pane.dataEfficiency().curves());
        String note = robot.lookup("#metrpo-comparison-note").queryAs(Label.class).getText();
        assertTrue(note.startsWith("This lesson has no comparison.csv"), note);
    }
}
