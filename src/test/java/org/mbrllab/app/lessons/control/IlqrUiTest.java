package org.mbrllab.app.lessons.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.engine.control.ControlSystem;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Stepping iLQR one iteration at a time, as a student does. */
@ExtendWith(ApplicationExtension.class)
class IlqrUiTest {

    private IlqrPane pane;

    @Start
    void start(Stage stage) {
        ControlUi.open(stage, "ilqr", IlqrPane.parameterSpecs(), host -> {
            IlqrPane p = new IlqrPane(host);
            pane = p;
            return p;
        });
    }

    private static double cost(String stats) {
        Matcher m = Pattern.compile("J = ([0-9.]+)").matcher(stats);
        assertTrue(m.find(), stats);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void eachStepIsOneIterationThatLowersTheCost(FxRobot robot) {
        Label stats = robot.lookup("#ilqr-stats").queryAs(Label.class);
        assertTrue(stats.getText().startsWith("iteration 0"), stats.getText());
        double before = cost(stats.getText());
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stats.getText().startsWith("iteration 1"), stats.getText());
        double after = cost(stats.getText());
        assertTrue(after < before, before + " → " + after);
        robot.clickOn("#system-view");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stats.getText().startsWith("iteration 2"), stats.getText());
        assertTrue(stats.getText().contains("μ = ") && stats.getText().contains("α = "), stats.getText());
        assertEquals(3, pane.viewModel().snapshotProperty().get().accepted().size(), "the rollout and two accepted iterations");
    }

    @Test
    void theCartpoleSwingUpStartsHangingDown(FxRobot robot) {
        ControlUi.choose(robot, "#system-choice", "Cartpole");
        assertEquals(ControlSystem.CARTPOLE, pane.viewModel().system());
        assertEquals(IlqrViewModel.CARTPOLE_HORIZON, pane.viewModel().snapshotProperty().get().trajectory().steps());
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#ilqr-stats").queryAs(Label.class).getText().startsWith("iteration 1"));
    }
}
