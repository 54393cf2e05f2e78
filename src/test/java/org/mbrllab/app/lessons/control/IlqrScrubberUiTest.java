package org.mbrllab.app.lessons.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.Figures;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.control.IlqrSnapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The scrubber under the iLQR drawing: the newest trajectory held at one step of the horizon, then Play. */
@ExtendWith(ApplicationExtension.class)
class IlqrScrubberUiTest {

    private IlqrPane pane;

    @Start
    void start(Stage stage) {
        ControlUi.open(stage, "ilqr", IlqrPane.parameterSpecs(), host -> {
            IlqrPane p = new IlqrPane(host);
            pane = p;
            return p;
        });
    }

    private IlqrSnapshot snapshot() {
        return pane.viewModel().snapshotProperty().get();
    }

    private void iterate(FxRobot robot, int iterations) {
        robot.interact(() -> {
            for (int i = 0; i < iterations; i++) pane.viewModel().step();
            pane.flushRedraw();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertShows(double[] expected) {
        ControlUi.waitFor(() -> java.util.Arrays.equals(pane.canvas().shownState(), expected));
        assertArrayEquals(expected, pane.canvas().shownState(), 1e-12);
    }

    @Test
    void heldStepShowsTheNewestTrajectoryThereThroughLaterIterations(FxRobot robot) {
        iterate(robot, 2);
        int horizon = snapshot().trajectory().steps();
        assertEquals(horizon, (int) pane.scrubber().slider().getMax(), "the slider spans x_0 … x_T");
        assertEquals("t = –", robot.lookup("#scrubber-time").queryAs(Label.class).getText(), "the loop plays");
        robot.interact(() -> pane.scrubber().moveTo(30));
        assertShows(snapshot().trajectory().state(30));
        double dt = pane.viewModel().plant().timeStep();
        assertEquals(30 * dt, pane.charts().cursorTime(), 1e-12);
        double[] before = snapshot().trajectory().state(30);
        iterate(robot, 1);
        assertFalse(java.util.Arrays.equals(before, snapshot().trajectory().state(30)), "the iteration moved x_30");
        assertShows(snapshot().trajectory().state(30));
        // The last step is a state to look at, not the loop.
        robot.interact(() -> pane.scrubber().moveTo(horizon));
        assertFalse(pane.scrubber().isLive());
        assertShows(snapshot().trajectory().state(horizon));
        robot.clickOn("#scrubber-live");
        assertTrue(pane.scrubber().isLive());
        assertTrue(Double.isNaN(pane.charts().cursorTime()), "no cursor while the loop plays");
    }

    /** Writes the pane held at a step to target/scrubber/ilqr.png, for a person to look at. */
    @Test
    void snapshotOfThePaneHeld(FxRobot robot) throws Exception {
        iterate(robot, 5);
        robot.interact(() -> pane.scrubber().moveTo(40));
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        Path file = Files.createDirectories(Path.of("target", "scrubber")).resolve("ilqr.png");
        robot.interact(() -> {
            try {
                Figures.writePng(pane.figure(), file, 1.0, Theme.LIGHT.background());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(file) > 1000);
    }
}
