package org.mbrllab.app.lessons.whichmethod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.Label;
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

@ExtendWith(ApplicationExtension.class)
class WhichMethodUiTest {

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path external = Files.createTempDirectory("lessons");
        Path dir = Files.createDirectories(external.resolve("which-method-test"));
        Files.writeString(dir.resolve("lesson.md"), "---\nid: which-method-test\ntitle: Which method when?\n"
                + "part: known-dynamics\norder: 99\npane: which-method\n---\nPick a method.\n");
        LessonCatalog catalog = LessonCatalog.load(Optional.of(external), PaneRegistry.standard());
        window = new MainWindow(stage, catalog, PaneRegistry.standard(),
                new Settings(1260, 780, false, "light", 1.0, "which-method-test"));
        stage.show();
    }

    private String recommendation(FxRobot robot) {
        return robot.lookup("#recommendation").queryAs(Label.class).getText();
    }

    @Test
    void continuousLinearProblemRecommendsLqr(FxRobot robot) {
        assertTrue(recommendation(robot).startsWith("→ DP"), recommendation(robot));
        robot.clickOn("#space-continuous").clickOn("#dynamics-linear");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(recommendation(robot).startsWith("→ LQR"), recommendation(robot));
    }

    @Test
    void stochasticNonLinearControlExplainsWhyILqrDoesNotFit(FxRobot robot) {
        robot.clickOn("#space-continuous").clickOn("#stochastic");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(recommendation(robot).contains("deterministic"), recommendation(robot));
    }

    @Test
    void clickingARowOpensItsLesson(FxRobot robot) {
        robot.clickOn("#method-dp");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("dynamic-programming", window.currentLesson().orElseThrow().id());
    }
}
