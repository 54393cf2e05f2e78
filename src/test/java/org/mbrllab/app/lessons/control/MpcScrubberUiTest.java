package org.mbrllab.app.lessons.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.Figures;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.system.SystemView;
import org.mbrllab.engine.control.MpcComparison;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The replay scrubber under the MPC and open-loop drawings: both runs held at one step, then live again. */
@ExtendWith(ApplicationExtension.class)
class MpcScrubberUiTest {

    private static final int STEPS = 40;

    private MpcPane pane;

    @Start
    void start(Stage stage) {
        ControlUi.open(stage, "mpc", MpcPane.parameterSpecs(), host -> {
            MpcPane p = new MpcPane(host);
            pane = p;
            return p;
        });
    }

    private MpcComparison.Snapshot snapshot() {
        return pane.viewModel().snapshotProperty().get();
    }

    private void run(FxRobot robot, int steps) {
        robot.interact(() -> {
            for (int i = 0; i < steps; i++) pane.viewModel().step();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertShows(SystemView view, double[] expected) {
        ControlUi.waitFor(() -> java.util.Arrays.equals(view.shownState(), expected));
        assertArrayEquals(expected, view.shownState(), 1e-12);
    }

    @Test
    void bothRunsAreHeldAtTheScrubbedStepAndFollowTheRunAfterLive(FxRobot robot) {
        run(robot, STEPS);
        assertEquals(STEPS, snapshot().mpc().step());
        robot.interact(() -> pane.scrubber().moveTo(15));
        assertShows(pane.mpcView(), snapshot().mpc().executed().state(15));
        assertShows(pane.openView(), snapshot().open().history().state(15));
        double dt = snapshot().plant().timeStep();
        assertEquals(15 * dt, pane.charts().cursorTime(), 1e-12);
        run(robot, 3);
        assertShows(pane.mpcView(), snapshot().mpc().executed().state(15));
        robot.clickOn("#scrubber-live");
        assertTrue(pane.scrubber().isLive());
        assertTrue(Double.isNaN(pane.charts().cursorTime()));
        run(robot, 2);
        assertEquals(STEPS + 5, pane.scrubber().step());
        assertShows(pane.mpcView(), snapshot().mpc().state());
    }

    /** Writes the pane held back to target/scrubber/mpc.png, for a person to look at. */
    @Test
    void snapshotOfThePaneHeldBack(FxRobot robot) throws Exception {
        run(robot, 120);
        robot.interact(() -> pane.scrubber().moveTo(50));
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        Path file = Files.createDirectories(Path.of("target", "scrubber")).resolve("mpc.png");
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
