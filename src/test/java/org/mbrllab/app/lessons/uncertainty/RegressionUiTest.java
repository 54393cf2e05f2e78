package org.mbrllab.app.lessons.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.LessonWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.mbrllab.engine.model.RegressionRun;
import org.mbrllab.engine.model.RegressionView;

/** The uncertainty lesson as a student uses it, with training on the FX thread and few epochs. */
@ExtendWith(ApplicationExtension.class)
class RegressionUiTest {

    private RegressionPane pane;

    @Start
    void start(Stage stage) {
        LessonWindow.openWithParameters(stage, "regression-1d", RegressionPane.parameterSpecs(), host -> {
            RegressionPane p = new RegressionPane(host);
            pane = p;
            return p;
        }, "max_epochs: 3", "points: 80");
    }

    private RegressionRun.Snapshot snapshot() {
        return pane.viewModel().snapshotProperty().get();
    }

    @Test
    void epochsStreamIntoTheChartAndTheStatusSaysSo(FxRobot robot) {
        assertEquals(3, snapshot().epoch());
        String progress = robot.lookup("#regression-progress").queryAs(Label.class).getText();
        assertTrue(progress.startsWith("Epoch 3 of at most 3"), progress);
        assertEquals(5, pane.chart().memberCurves());
    }

    @Test
    void typingKShowsKMemberCurves(FxRobot robot) {
        robot.doubleClickOn("#param-members").eraseText(3).write("3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, pane.chart().memberCurves());
        robot.doubleClickOn("#param-members").eraseText(3).write("8").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, pane.chart().memberCurves());
    }

    @Test
    void draggingTheGapsRightEdgeMovesTheGapAndRetrains(FxRobot robot) {
        double[] before = pane.viewModel().gap();
        Point2D[] p = new Point2D[2];
        robot.interact(() -> {
            p[0] = pane.chart().screenPoint(before[1], 2.0);
            p[1] = pane.chart().screenPoint(3.5, 2.0);
        });
        robot.drag(p[0]).dropTo(p[1]);
        WaitForAsyncUtils.waitForFxEvents();
        double[] after = pane.viewModel().gap();
        assertEquals(before[0], after[0], 1e-9);
        assertEquals(3.5, after[1], 0.1);
        assertEquals(after[1], snapshot().gapEnd(), 0);
        for (double x : snapshot().dataX()) assertTrue(x <= after[0] || x >= after[1], "a point at x = " + x + " in the gap");
    }

    @Test
    void clickingTheChartAddsAPoint(FxRobot robot) {
        int before = snapshot().dataX().length;
        Point2D[] p = new Point2D[1];
        robot.interact(() -> p[0] = pane.chart().screenPoint(-2.0, 1.5));
        robot.clickOn(p[0]);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, snapshot().dataX().length);
        assertEquals(-2.0, snapshot().dataX()[before], 0.1);
        assertEquals(1.5, snapshot().dataY()[before], 0.1);
    }

    @Test
    void theViewSwitchShowsTheTwoSeedsFigure(FxRobot robot) {
        robot.clickOn("#view-choice").clickOn(RegressionView.TWO_SEEDS.title());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RegressionView.TWO_SEEDS, snapshot().view());
        assertEquals(0, pane.chart().memberCurves());
        String progress = robot.lookup("#regression-progress").queryAs(Label.class).getText();
        assertTrue(progress.contains("largest |μ_A − μ_B|"), progress);
    }

    @Test
    void theRandomPriorsSwitchTrainsThePlainEnsembleAndSaysSo(FxRobot robot) {
        javafx.scene.control.CheckBox priors = robot.lookup("#random-priors").queryAs(javafx.scene.control.CheckBox.class);
        assertTrue(priors.isSelected(), "random priors are on by default");
        assertEquals(org.mbrllab.engine.model.SineTask.PRIOR_SCALE, pane.viewModel().config().priorScale(), 0);
        robot.clickOn("#random-priors");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, pane.viewModel().config().priorScale(), 0);
        String caption = robot.lookup("#regression-caption").queryAs(javafx.scene.text.Text.class).getText();
        assertTrue(caption.contains("plain nets"), caption);
        assertEquals(3, snapshot().epoch(), "retrained after the switch");
    }

}
