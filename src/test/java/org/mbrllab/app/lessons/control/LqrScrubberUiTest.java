package org.mbrllab.app.lessons.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.Figures;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.engine.control.LqrSnapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The replay scrubber under the LQR drawing: dragged back, stepped with the keys, and back to live. */
@ExtendWith(ApplicationExtension.class)
class LqrScrubberUiTest {

    /** Steps the test runs before scrubbing: 2 s of the cartpole at dt = 0.02 s. */
    private static final int STEPS = 100;

    private MainWindow window;
    private LqrPane pane;

    @Start
    void start(Stage stage) {
        window = ControlUi.open(stage, "lqr", LqrPane.parameterSpecs(), host -> {
            LqrPane p = new LqrPane(host);
            pane = p;
            return p;
        });
    }

    private LqrSnapshot snapshot() {
        return pane.viewModel().snapshotProperty().get();
    }

    private void run(FxRobot robot, int steps) {
        robot.interact(() -> {
            for (int i = 0; i < steps; i++) pane.viewModel().step();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The history's state at step k: what the drawing must show when the scrubber holds k. */
    private double[] historyAt(int k) {
        LqrSnapshot s = snapshot();
        return s.history().state(k - s.historyStart());
    }

    private void assertShows(double[] expected) {
        ControlUi.waitFor(() -> java.util.Arrays.equals(pane.canvas().shownState(), expected));
        assertArrayEquals(expected, pane.canvas().shownState(), 1e-12);
    }

    @Test
    void draggingTheScrubberBackShowsTheHistoryAtThatStepWithACursor(FxRobot robot) {
        run(robot, STEPS);
        ControlUi.waitForFrames(pane.canvas());
        Slider slider = pane.scrubber().slider();
        assertEquals(STEPS, slider.getValue(), 1e-9, "live: the slider sits on the newest step");
        // Drag the thumb to about the middle of the track.
        Bounds track = slider.lookup(".track").localToScreen(slider.lookup(".track").getBoundsInLocal());
        robot.drag(slider.lookup(".thumb"), MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(track.getMinX() + track.getWidth() * 0.5, track.getCenterY()))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        int k = pane.scrubber().step();
        assertFalse(pane.scrubber().isLive(), "held after the drag");
        assertTrue(k > 30 && k < 70, "about halfway: step " + k);
        assertShows(historyAt(k));
        assertEquals(k * 0.02, pane.charts().cursorTime(), 1e-12, "the cursor line on the time plots");
        String label = robot.lookup("#scrubber-time").queryAs(Label.class).getText();
        assertEquals("t = " + org.mbrllab.engine.core.Format.fixed(k * 0.02, 2) + " s", label);
    }

    @Test
    void arrowKeysAndHomeMoveTheHeldStepWhileTheRunGoesOn(FxRobot robot) {
        run(robot, STEPS);
        ControlUi.waitForFrames(pane.canvas());
        robot.clickOn("#scrubber-slider");
        robot.interact(() -> pane.scrubber().moveTo(40));
        robot.type(KeyCode.LEFT);
        assertEquals(39, pane.scrubber().step());
        robot.type(KeyCode.RIGHT, 3);
        assertEquals(42, pane.scrubber().step(), "→ moves the scrubber, not the run");
        assertEquals(STEPS, snapshot().step(), "→ did not step the run while the scrubber has the focus");
        assertShows(historyAt(42));
        robot.type(KeyCode.HOME);
        assertEquals(0, pane.scrubber().step());
        assertShows(historyAt(0));
        // The run goes on meanwhile; the drawing stays where it is held.
        run(robot, 10);
        assertEquals(0, pane.scrubber().step());
        assertShows(historyAt(0));
        robot.type(KeyCode.END);
        assertTrue(pane.scrubber().isLive(), "End follows the run again");
    }

    @Test
    void liveFollowsTheRunAgain(FxRobot robot) {
        run(robot, STEPS);
        robot.interact(() -> pane.scrubber().moveTo(20));
        assertShows(historyAt(20));
        robot.clickOn("#scrubber-live");
        assertTrue(pane.scrubber().isLive());
        assertTrue(Double.isNaN(pane.charts().cursorTime()), "no cursor while live");
        assertShows(snapshot().state());
        run(robot, 5);
        assertEquals(STEPS + 5, pane.scrubber().step(), "the scrubber follows the newest step");
        assertEquals(STEPS + 5, pane.scrubber().slider().getValue(), 1e-9);
        // The drawing glides to the newest state and ends exactly on it.
        assertShows(snapshot().state());
    }

    @Test
    void aStepOlderThanTheVisibleWindowBringsTheTimeAxisToIt(FxRobot robot) {
        run(robot, 800); // 16 s: the live window shows 6 s to 16 s
        robot.interact(() -> pane.scrubber().moveTo(100));
        double[] range = pane.charts().timeRange();
        assertTrue(range[0] <= 2.0 && range[1] >= 2.0, "t = 2 s in view: " + range[0] + " … " + range[1]);
        robot.interact(() -> pane.scrubber().goLive());
        range = pane.charts().timeRange();
        assertEquals(16.0, range[1], 1e-9, "live again: the window ends at the newest step");
    }

    @Test
    void aResetWhileHeldFollowsTheNewRun(FxRobot robot) {
        run(robot, STEPS);
        robot.interact(() -> pane.scrubber().moveTo(60));
        robot.interact(() -> pane.viewModel().reset());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.scrubber().isLive());
        assertEquals(0, pane.scrubber().step());
    }

    /** Writes the pane with the scrubber held to target/scrubber/lqr.png, for a person to look at. */
    @Test
    void snapshotOfThePaneHeldBack(FxRobot robot) throws Exception {
        run(robot, 300);
        robot.interact(() -> pane.scrubber().moveTo(120));
        ControlUi.waitForFrames(pane.canvas());
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        Path dir = Files.createDirectories(Path.of("target", "scrubber"));
        Path file = dir.resolve("lqr.png");
        robot.interact(() -> {
            pane.charts().flush();
            try {
                Figures.writePng(pane.figure(), file, 1.0, Theme.LIGHT.background());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(file) > 1000);
    }
}
