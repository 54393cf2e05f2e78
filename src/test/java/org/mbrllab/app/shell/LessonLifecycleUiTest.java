package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.LessonPane;
import org.mbrllab.app.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Leaving a lesson leaves nothing behind: with the real panes and their background workers, a pane that
 * was left is collected, and its worker stops, however often the student switches.
 */
@ExtendWith(ApplicationExtension.class)
class LessonLifecycleUiTest {

    private MainWindow window;

    private Stage own;

    /** On a stage of its own ({@link OwnStage}), with the app's threaded runners. */
    @Start
    void start(Stage stage) {
        OwnStage opened = OwnStage.open(new Settings(1260, 780, false, "light", 1.0, "dynamic-programming"), RunnerFactory.threaded());
        own = opened.stage();
        window = opened.window();
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(own::close);
    }

    /** Opens {@code id} and starts its run (if it has one), as a student would. */
    private void openAndRun(FxRobot robot, String id) {
        robot.interact(() -> {
            window.selectLesson(id);
            var controls = window.currentPane().orElseThrow().controls();
            if (controls != null) controls.toggleRun();
        });
        WaitForAsyncUtils.sleep(30, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void lessonsLeftTwentyTimesOverLeaveNoPaneAndNoWorkerBehind(FxRobot robot) throws Exception {
        List<String> lessons = List.of("dynamic-programming", "mcts", "alphazero", "lqr", "ilqr", "mpc",
                "model-bias", "uncertainty", "ensembles", "model-based-planning", "dyna", "me-trpo", "world-models", "dreamer",
                "tokens");
        Map<String, WeakReference<LessonPane>> first = new LinkedHashMap<>();
        for (String id : lessons) {
            openAndRun(robot, id);
            first.put(id, new WeakReference<>(window.currentPane().orElseThrow()));
        }
        for (int i = 0; i < 20; i++) {
            openAndRun(robot, lessons.get(i % lessons.size()));
            // The theme changes while panes come and go: a pane left behind would still be listening.
            Theme theme = i % 2 == 0 ? Theme.DARK : Theme.LIGHT;
            robot.interact(() -> window.appearance().themeProperty().set(theme));
        }
        openAndRun(robot, "which-method");
        for (int i = 0; i < 100 && first.values().stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
        List<String> kept = first.entrySet().stream().filter(e -> e.getValue().get() != null).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), kept, "panes still reachable after their lessons were left");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> engineWorkers() == 0);
        assertEquals(0, engineWorkers(), "which-method runs nothing, so no engine worker should be alive");
    }

    /** The File menu greys out what the pane cannot do, instead of saving empty files. */
    @Test
    void menusGreyOutWhatThePaneCannotDo(FxRobot robot) {
        robot.interact(() -> window.selectLesson("which-method"));
        assertTrue(robot.lookup("#run-status").queryAs(Label.class).getText().isEmpty());
        assertTrue(window.menuItem("menu-save-preset").isDisable(), "which-method has no presets");
        assertTrue(!window.menuItem("menu-export-csv").isDisable(), "which-method exports its table");
        robot.interact(() -> window.selectLesson("dynamic-programming"));
        assertTrue(!window.menuItem("menu-save-preset").isDisable(), "the grid world saves .grid presets");
    }

    private static long engineWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("engine-") && t.isAlive()).count();
    }
}
