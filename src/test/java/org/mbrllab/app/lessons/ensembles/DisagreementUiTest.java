package org.mbrllab.app.lessons.ensembles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.engine.model.DisagreementMap;
import org.mbrllab.engine.model.DisagreementMap.DataSource;
import org.mbrllab.app.common.LessonWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The disagreement lesson as a student uses it, with training on the FX thread, little data and few epochs. */
@ExtendWith(ApplicationExtension.class)
class DisagreementUiTest {

    private DisagreementPane pane;

    @Start
    void start(Stage stage) {
        LessonWindow.openWithParameters(stage, "disagreement", DisagreementPane.parameterSpecs(), host -> {
            DisagreementPane p = new DisagreementPane(host);
            pane = p;
            return p;
        }, "max_epochs: 3", "episodes: 2", "members: 3");
    }

    private DisagreementMap.Snapshot shown() {
        return pane.chart().shown();
    }

    private String progress(FxRobot robot) {
        return robot.lookup("#disagreement-progress").queryAs(Label.class).getText();
    }

    @Test
    void theMapOfTheLastEpochIsDrawnWithTheData(FxRobot robot) {
        assertEquals(3, shown().epoch());
        assertTrue(progress(robot).startsWith("K = 3 · epoch 3 of at most 3"), progress(robot));
        assertTrue(pane.chart().dotsShown());
    }

    @Test
    void typingKRecomputesTheMapWithKMembers(FxRobot robot) {
        double[] before = shown().varThetaDot();
        robot.doubleClickOn("#param-members").eraseText(3).write("6").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, shown().members());
        assertEquals(3, shown().epoch());
        assertFalse(java.util.Arrays.equals(before, shown().varThetaDot()), "the map should be recomputed");
        assertTrue(progress(robot).startsWith("K = 6"), progress(robot));

        robot.doubleClickOn("#param-members").eraseText(3).write("1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        for (double v : shown().varThetaDot()) assertEquals(0, v, 0);
        assertTrue(progress(robot).contains("nothing to disagree with"), progress(robot));
    }

    @Test
    void choosingHangingStartsMovesTheDataToTheBottom(FxRobot robot) {
        robot.clickOn("#source-choice");
        robot.clickOn(robot.lookup(".menu-item .label").match(n -> n instanceof Label l
                && l.getText().equals(DataSource.HANGING.title())).queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DataSource.HANGING, shown().source());
        for (double theta : shown().dataTheta()) assertTrue(Math.cos(theta) < 0);
    }

    @Test
    void hoveringShowsTheStateTheDisagreementAndTheDataNearby(FxRobot robot) {
        Point2D[] p = new Point2D[1];
        robot.interact(() -> p[0] = pane.chart().screenPoint(0.1, 7.0));
        robot.moveTo(p[0]);
        WaitForAsyncUtils.waitForFxEvents();
        Label readout = pane.chart().readout();
        assertTrue(readout.isVisible());
        assertTrue(readout.getText().startsWith("θ = 0.1"), readout.getText());
        assertTrue(readout.getText().contains("dθ/dt = 7.0"), readout.getText());
        assertTrue(readout.getText().contains("σ²_ens of Δ(dθ/dt) = "), readout.getText());
        assertTrue(readout.getText().contains("within ±0.25 rad"), readout.getText());
    }

    @Test
    void theLogScaleCheckBoxSwitchesTheColourBar(FxRobot robot) {
        double[] log = pane.chart().scaleRange();
        double top = DisagreementChart.logUpper(DisagreementMap.MapOutput.THETA_DOT);
        assertEquals(top - DisagreementChart.LOG_DECADES, log[0], 0, "a fixed log scale");
        assertEquals(top, log[1], 0);
        robot.clickOn("#log-scale");
        WaitForAsyncUtils.waitForFxEvents();
        double[] linear = pane.chart().scaleRange();
        double largest = java.util.Arrays.stream(shown().varThetaDot()).max().orElseThrow();
        assertEquals(0, linear[0], 0);
        assertEquals(largest, linear[1], 1e-12);
    }
}
