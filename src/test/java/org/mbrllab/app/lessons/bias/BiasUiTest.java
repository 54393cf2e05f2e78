package org.mbrllab.app.lessons.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.app.shell.PaneRegistry;
import org.mbrllab.app.shell.Settings;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The bias lesson as a student uses it: presets, sliders, the numbers and the sentence. */
@ExtendWith(ApplicationExtension.class)
class BiasUiTest {

    private MainWindow window;

    @Start
    void start(Stage stage) {
        LessonCatalog catalog = LessonCatalog.load(Optional.empty(), PaneRegistry.standard());
        window = new MainWindow(stage, catalog, PaneRegistry.standard(), new Settings(1260, 780, false, "light", 1.0, "model-bias"));
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theLessonOpensThePaneWithoutRunControls() {
        assertTrue(window.currentPane().orElseThrow() instanceof BiasPane);
        assertNull(window.currentPane().orElseThrow().controls());
    }

    @Test
    void case1ShowsMinusOneAndPlusEightPointTwo(FxRobot robot) {
        robot.clickOn("#case-2").clickOn("#case-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("E_p[R] = −1.0", text(robot, "#expected-real"));
        assertEquals("E_p̂[R] = +8.2", text(robot, "#expected-model"));
        assertTrue(text(robot, "#bias-explanation").contains("unnecessary risks"), text(robot, "#bias-explanation"));
        assertEquals("33.0 %", text(robot, "#model-goal-value"));
    }

    @Test
    void case2ShowsPlusOneAndMinusEightPointTwo(FxRobot robot) {
        robot.clickOn("#case-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("E_p[R] = +1.0", text(robot, "#expected-real"));
        assertEquals("E_p̂[R] = −8.2", text(robot, "#expected-model"));
        assertTrue(text(robot, "#bias-explanation").contains("avoids good actions"), text(robot, "#bias-explanation"));
    }

    @Test
    void movingTheModelGoalSliderChangesTheModelExpectation(FxRobot robot) {
        robot.clickOn("#case-1");
        WaitForAsyncUtils.waitForFxEvents();
        String realBefore = text(robot, "#expected-real");
        String modelBefore = text(robot, "#expected-model");
        robot.clickOn("#model-goal").type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, robot.lookup("#model-goal").queryAs(Slider.class).getValue(), 0);
        assertEquals(realBefore, text(robot, "#expected-real"));
        assertNotEquals(modelBefore, text(robot, "#expected-model"));
        // Goal at 0: p̂ = (0, 34, 33)/67, E_p̂[R] = (−170 − 330)/67 ≈ −7.4627.
        assertEquals("E_p̂[R] = −7.4627", text(robot, "#expected-model"));
        assertEquals("0.0 %", text(robot, "#model-goal-value"));
    }

    @Test
    void movingARewardSliderChangesBothExpectations(FxRobot robot) {
        robot.clickOn("#case-1");
        String realBefore = text(robot, "#expected-real");
        String modelBefore = text(robot, "#expected-model");
        robot.clickOn("#reward-failure").type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("50", text(robot, "#reward-failure-value"));
        assertNotEquals(realBefore, text(robot, "#expected-real"));
        assertNotEquals(modelBefore, text(robot, "#expected-model"));
        assertEquals("E_p[R] = +5.0", text(robot, "#expected-real"));
    }
}
