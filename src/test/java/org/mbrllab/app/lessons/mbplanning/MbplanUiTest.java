package org.mbrllab.app.lessons.mbplanning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.engine.model.MbrlSettings.Version;
import org.mbrllab.engine.model.ModelBasedPlanning.Phase;
import org.mbrllab.app.common.LessonWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The model-based planning lesson as a student uses it: small settings, the loop on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class MbplanUiTest {

    private MbplanPane pane;

    @Start
    void start(Stage stage) {
        LessonWindow.openWithParameters(stage, "mbplanning", MbplanPane.parameterSpecs(), host -> {
            MbplanPane p = new MbplanPane(host);
            pane = p;
            return p;
        }, "horizon: 5", "samples: 12", "members: 2", "episodes: 3");
    }

    /** Opens a choice box and clicks the item with {@code text} in its popup menu. */
    @Test
    void stepOneV4Iteration(FxRobot robot) {
        LessonWindow.choose(robot, "#version-choice", Version.V4.toString());
        LessonWindow.choose(robot, "#granularity-choice", "one iteration");
        assertEquals(Version.V4, pane.viewModel().snapshotProperty().get().settings().version());
        assertEquals(0, pane.charts().returnPoints());
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(pane::flushCharts);
        assertEquals(1, pane.charts().returnPoints(), "the return chart gained the first episode");
        assertEquals(400, pane.charts().coveragePoints(), "random data and the episode's own");
        String info = robot.lookup("#loop-info").queryAs(Label.class).getText();
        assertTrue(info.startsWith("|D| = 400 · episode 1: real return -"), info);
        assertEquals(Phase.FIT, pane.viewModel().snapshotProperty().get().phase(), "V4 refits next");
        assertTrue(pane.shownStages().contains(LoopStage.AGGREGATE));
    }

    @Test
    void stepOfOnePhaseHighlightsFitAfterCollect(FxRobot robot) {
        assertTrue(pane.shownStages().contains(LoopStage.COLLECT));
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Phase.FIT, pane.viewModel().snapshotProperty().get().phase());
        assertTrue(pane.shownStages().contains(LoopStage.FIT));
        robot.interact(pane::flushCharts);
        assertEquals(200, pane.charts().coveragePoints());
    }

    @Test
    void theComparisonTabShowsTheRecordedRunAtOnce(FxRobot robot) {
        robot.clickOn("#comparison-tab");
        WaitForAsyncUtils.waitForFxEvents();
        for (Version v : Version.values()) assertEquals(5, pane.comparisonChart().points(v), v.toString());
        String note = robot.lookup("#comparison-note").queryAs(Label.class).getText();
        assertTrue(note.startsWith("Recorded"), note);
    }

    /** Export figure takes the chart, not the Recompute and Recorded buttons above it. */
    @Test
    void theExportedFigureHasNoButtons(FxRobot robot) {
        for (String tab : new String[] {"#comparison-tab", "#loop-tab"}) {
            robot.clickOn(tab);
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Node figure = pane.figure();
            assertTrue(robot.from(figure).lookup(".button").queryAll().isEmpty(), tab + ": buttons in the figure");
            assertTrue(figure.getLayoutBounds().getHeight() > 100, tab + ": the figure is drawn");
        }
    }
}
