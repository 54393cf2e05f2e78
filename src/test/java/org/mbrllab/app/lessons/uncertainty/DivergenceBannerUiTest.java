package org.mbrllab.app.lessons.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.LessonWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A learned-model run that diverges shows the red banner with a whole Reset button every time, and the
 * banner's Reset starts it again: five divergences in a row, each with the same message.
 */
@ExtendWith(ApplicationExtension.class)
class DivergenceBannerUiTest {

    @Start
    void start(Stage stage) {
        LessonWindow.openWithParameters(stage, "regression-1d", RegressionPane.parameterSpecs(), RegressionPane::new,
                "learning_rate: 100", "max_epochs: 60", "points: 80");
    }

    @Test
    void everyDivergenceShowsTheBannerWithAWholeResetButton(FxRobot robot) {
        for (int i = 1; i <= 5; i++) {
            String status = robot.lookup("#run-status").queryAs(Label.class).getText();
            assertTrue(status.contains("diverged"), "divergence " + i + ": " + status);
            Region banner = robot.lookup("#error-banner").queryAs(Region.class);
            assertTrue(banner.isVisible() && banner.getHeight() > 10, "divergence " + i + ": the banner shows");
            String text = robot.lookup("#error-text").queryAs(Label.class).getText();
            assertTrue(text.contains("learning rate"), text);
            Button reset = robot.lookup("#error-reset").queryAs(Button.class);
            assertTrue(reset.getWidth() >= reset.prefWidth(-1) - 0.5,
                    "the Reset button is squeezed: " + reset.getWidth() + " < " + reset.prefWidth(-1));
            robot.clickOn("#error-reset");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(false, banner.isVisible(), "Reset hides the banner");
            robot.type(KeyCode.SPACE);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
