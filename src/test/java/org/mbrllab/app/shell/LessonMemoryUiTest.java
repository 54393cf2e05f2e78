package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.RunnerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson opens as the student left it, in the same session and after a restart, and Reset lesson to
 * defaults brings back the lesson's own configuration.
 */
@ExtendWith(ApplicationExtension.class)
class LessonMemoryUiTest {

    private final List<Stage> stages = new ArrayList<>();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = open(new Settings(1260, 780, false, "light", 1.0, "dynamic-programming"));
    }

    private MainWindow open(Settings settings) {
        return open(settings, RunnerFactory.synchronous());
    }

    private MainWindow open(Settings settings, RunnerFactory runners) {
        OwnStage opened = OwnStage.open(settings, runners);
        stages.add(opened.stage());
        return opened.window();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stages.forEach(Stage::close));
    }

    private double gamma(MainWindow w) {
        return w.currentPane().orElseThrow().parameters().get("gamma");
    }

    @Test
    void aLessonComesBackAsLeftAndResetGivesItsDefaults(FxRobot robot) {
        assertEquals(0.9, gamma(window), "the lesson's preset (Sutton & Barto 3.5) has γ = 0.9");
        robot.interact(() -> window.currentPane().orElseThrow().parameters().set("gamma", 0.8));
        robot.interact(() -> window.selectLesson("mcts"));
        robot.interact(() -> window.selectLesson("dynamic-programming"));
        assertEquals(0.8, gamma(window), "the same session");

        Settings[] holder = new Settings[1];
        robot.interact(() -> holder[0] = window.currentSettings());
        Settings saved = holder[0];
        assertTrue(saved.lessons().containsKey("dynamic-programming"), saved.lessons().keySet().toString());
        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> next[0] = open(saved));
        MainWindow restarted = next[0];
        assertEquals(0.8, gamma(restarted), "after a restart");

        robot.interact(restarted::resetLessonToDefaults);
        assertEquals(0.9, gamma(restarted), "the lesson's own γ");
        robot.interact(() -> holder[0] = restarted.currentSettings());
        assertFalse(holder[0].lessons().getOrDefault("dynamic-programming", "").contains("gamma: 0.8"),
                "the old configuration is forgotten");
    }

    /** Every pane reads back what it saved: leaving and reopening each lesson restores it without a complaint. */
    @Test
    void everyLessonRestoresWhatItSaved(FxRobot robot) {
        // Threaded runners, as in the app: the learned-model lessons train in the background, not here.
        robot.interact(() -> window = open(new Settings(1260, 780, false, "light", 1.0, "which-method"), RunnerFactory.threaded()));
        for (String id : List.of("mcts", "alphazero", "lqr", "ilqr", "mpc", "model-bias", "uncertainty", "ensembles",
                "model-based-planning", "dynamic-programming")) {
            robot.interact(() -> window.selectLesson(id));
            robot.interact(() -> window.selectLesson("which-method"));
            robot.interact(() -> window.selectLesson(id));
            WaitForAsyncUtils.waitForFxEvents();
            String status = robot.lookup("#status-message").queryAs(Label.class).getText();
            assertFalse(status.contains("could not be restored"), id + ": " + status);
        }
    }
}
