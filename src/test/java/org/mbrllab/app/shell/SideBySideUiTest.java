package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.LessonPane;
import org.mbrllab.app.common.RunnerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View › Side by side in the frame, with the app's threaded runners: every run-driven lesson splits into
 * two running copies, and ending the split (or leaving the lesson) leaves no second copy and no worker
 * behind. Remembered settings keep copy A's configuration.
 */
@ExtendWith(ApplicationExtension.class)
class SideBySideUiTest {

    private MainWindow window;
    private Stage own;

    @Start
    void start(Stage stage) {
        OwnStage opened = OwnStage.open(new Settings(1260, 780, false, "light", 1.0, "dynamic-programming"),
                RunnerFactory.threaded());
        own = opened.stage();
        window = opened.window();
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(own::close);
    }

    private static long engineWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("engine-") && t.isAlive()).count();
    }

    private static void settle() {
        WaitForAsyncUtils.sleep(30, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyRunDrivenLessonSplitsAndBothCopiesRun(FxRobot robot) throws Exception {
        List<String> lessons = List.of("dynamic-programming", "mcts", "lqr", "ilqr", "mpc", "uncertainty",
                "ensembles", "model-based-planning");
        for (String id : lessons) {
            robot.interact(() -> window.selectLesson(id));
            robot.interact(() -> window.setSideBySide(true));
            assertTrue(window.isSideBySide(), id + " splits");
            assertTrue(window.menuItem("menu-side-by-side") instanceof javafx.scene.control.CheckMenuItem c && c.isSelected());
            LessonPane b = window.secondPane().orElseThrow();
            robot.interact(() -> window.currentPane().orElseThrow().controls().step());
            robot.interact(() -> b.controls().step());
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.currentPane().orElseThrow().controls()
                    .stepsProperty().get() > 0 && b.controls().stepsProperty().get() > 0);
            String status = robot.lookup("#run-status").queryAs(Label.class).getText();
            assertTrue(status.startsWith("A: ") && status.contains("B: "), id + ": " + status);
        }
        robot.interact(() -> window.selectLesson("which-method"));
        assertFalse(window.isSideBySide(), "leaving the lesson ends the split");
        assertTrue(window.menuItem("menu-side-by-side").isDisable(), "which-method runs nothing, so it does not split");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> engineWorkers() == 0);
        assertEquals(0, engineWorkers(), "no worker of either copy is left");
    }

    @Test
    void splitOffLeavesNoSecondCopyAndNoWorkerBehind(FxRobot robot) throws Exception {
        settle();
        long one = engineWorkers();
        assertTrue(one >= 1, "the grid world's own worker");
        List<WeakReference<LessonPane>> copies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> window.setSideBySide(true));
            copies.add(new WeakReference<>(window.secondPane().orElseThrow()));
            robot.interact(() -> window.currentPane().orElseThrow().controls().toggleRun());
            settle();
            assertEquals(2 * one, engineWorkers(), "B has a worker of its own");
            robot.interact(() -> window.setSideBySide(false));
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> engineWorkers() == one);
        for (int i = 0; i < 100 && copies.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(0, copies.stream().filter(r -> r.get() != null).count(), "copies B still reachable after split off");
        assertTrue(window.currentPane().isPresent() && !window.isSideBySide());
    }

    @Test
    void rememberedSettingsKeepCopyA(FxRobot robot) {
        robot.interact(() -> window.setSideBySide(true));
        robot.interact(() -> window.secondPane().orElseThrow().parameters().set("gamma", 0.5));
        Settings[] saved = new Settings[1];
        robot.interact(() -> saved[0] = window.currentSettings());
        String kept = saved[0].lessons().get("dynamic-programming");
        assertTrue(kept.contains("gamma: 0.9") && !kept.contains("gamma: 0.5"), kept);
    }
}
