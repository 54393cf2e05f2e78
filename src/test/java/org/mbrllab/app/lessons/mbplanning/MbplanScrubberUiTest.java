package org.mbrllab.app.lessons.mbplanning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.Figures;
import org.mbrllab.app.common.LessonWindow;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.model.MbrlSnapshot;
import org.mbrllab.engine.model.ModelBasedPlanning.Phase;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The replay scrubber of the V1–V4 loop: held at a step of the episode, the run going on, and back to live. */
@ExtendWith(ApplicationExtension.class)
class MbplanScrubberUiTest {

    /** Real steps the tests take before scrubbing (random collection: no fit needed). */
    private static final int STEPS = 60;
    /** The pendulum's time step, Gymnasium's 0.05 s. */
    private static final double DT = 0.05;

    private MbplanPane pane;

    @Start
    void start(Stage stage) {
        LessonWindow.openWithParameters(stage, "mbplanning", MbplanPane.parameterSpecs(), host -> {
            MbplanPane p = new MbplanPane(host);
            pane = p;
            return p;
        }, "horizon: 5", "samples: 12", "members: 2", "episodes: 3");
    }

    private MbrlSnapshot snapshot() {
        return pane.viewModel().snapshotProperty().get();
    }

    /** Takes {@code steps} presses of Step at the granularity {@code g}, on the FX thread (the runner is synchronous). */
    private void run(FxRobot robot, MbplanViewModel.Granularity g, int steps) {
        robot.interact(() -> {
            pane.viewModel().granularityProperty().set(g);
            for (int i = 0; i < steps; i++) pane.viewModel().step();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertShows(double[] expected) {
        waitFor(() -> java.util.Arrays.equals(pane.systemView().shownState(), expected));
        assertArrayEquals(expected, pane.systemView().shownState(), 1e-12);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private String label(FxRobot robot) {
        return robot.lookup("#scrubber-time").queryAs(Label.class).getText();
    }

    @Test
    void draggingBackShowsTheEpisodesStateAtThatStepWithACursorOnTheRewards(FxRobot robot) {
        run(robot, MbplanViewModel.Granularity.STEP, STEPS);
        assertEquals(STEPS, snapshot().step());
        Slider slider = pane.scrubber().slider();
        assertEquals(STEPS, slider.getValue(), 1e-9, "live: the slider sits on the newest step");
        assertEquals("step 60 · t = 3.00 s", label(robot));
        Bounds track = slider.lookup(".track").localToScreen(slider.lookup(".track").getBoundsInLocal());
        robot.drag(slider.lookup(".thumb"), MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(track.getMinX() + track.getWidth() * 0.5, track.getCenterY()))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        int k = pane.scrubber().step();
        assertFalse(pane.scrubber().isLive(), "held after the drag");
        assertTrue(k > 20 && k < 40, "about halfway: step " + k);
        assertShows(snapshot().episodeStates()[k]);
        assertEquals(k, pane.charts().cursorStep(), 1e-12, "the cursor line on the reward chart");
        assertEquals("step " + k + " · t = " + org.mbrllab.engine.core.Format.fixed(k * DT, 2) + " s", label(robot));
    }

    @Test
    void aHeldStepStaysWhileTheRunGoesOn(FxRobot robot) {
        run(robot, MbplanViewModel.Granularity.STEP, STEPS);
        robot.interact(() -> pane.scrubber().moveTo(25));
        double[] held = snapshot().episodeStates()[25].clone();
        assertShows(held);
        assertEquals("step 25 · t = 1.25 s", label(robot));
        run(robot, MbplanViewModel.Granularity.STEP, 10);
        assertEquals(STEPS + 10, snapshot().step(), "the run went on");
        assertEquals(25, pane.scrubber().step());
        assertArrayEquals(held, snapshot().episodeStates()[25], 0, "the newest history holds the same step 25");
        assertShows(held);
    }

    @Test
    void liveFollowsTheNewestStepAgain(FxRobot robot) {
        run(robot, MbplanViewModel.Granularity.STEP, STEPS);
        robot.interact(() -> pane.scrubber().moveTo(10));
        assertShows(snapshot().episodeStates()[10]);
        robot.clickOn("#scrubber-live");
        assertTrue(pane.scrubber().isLive());
        assertTrue(Double.isNaN(pane.charts().cursorStep()), "no cursor while live");
        assertShows(snapshot().episodeStates()[STEPS]);
        run(robot, MbplanViewModel.Granularity.STEP, 5);
        assertEquals(STEPS + 5, pane.scrubber().step(), "the scrubber follows the newest step");
        assertEquals("step 65 · t = 3.25 s", label(robot));
        assertShows(snapshot().episodeStates()[STEPS + 5]);
    }

    @Test
    void aResetWhileHeldGoesLive(FxRobot robot) {
        run(robot, MbplanViewModel.Granularity.STEP, STEPS);
        robot.interact(() -> pane.scrubber().moveTo(5));
        robot.interact(() -> pane.viewModel().reset());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.scrubber().isLive());
        assertEquals(0, pane.scrubber().step());
        assertTrue(Double.isNaN(pane.charts().cursorStep()));
    }

    /**
     * The random data's steps stay through the fit; the first planning episode has new ones, so the
     * scrubber goes live, even when it holds step 0 (which the new episode's history also has).
     */
    @Test
    void aNewEpisodeWhileHeldGoesLive(FxRobot robot) {
        run(robot, MbplanViewModel.Granularity.STEP, STEPS);
        robot.interact(() -> pane.scrubber().moveTo(0));
        double[] held = snapshot().episodeStates()[0].clone();
        run(robot, MbplanViewModel.Granularity.PHASE, 1); // to the end of the random data
        assertEquals(Phase.FIT, snapshot().phase());
        assertEquals(0, pane.scrubber().step(), "still held while the model is fitted");
        assertFalse(pane.scrubber().isLive());
        assertShows(held);
        run(robot, MbplanViewModel.Granularity.PHASE, 1); // the fit; episode 1 starts
        assertEquals(1, snapshot().episode());
        assertEquals(Phase.ACT, snapshot().phase());
        assertTrue(pane.scrubber().isLive(), "episode 1's steps are not the random data's");
        assertShows(snapshot().episodeStates()[snapshot().step()]);
    }

    @Test
    void ghostsOfAHeldStepComeOnlyFromAPlanAlreadyInForce(FxRobot robot) {
        run(robot, MbplanViewModel.Granularity.PHASE, 2); // random data, fit
        run(robot, MbplanViewModel.Granularity.STEP, 7); // H = 5: V1 replanned at step 5
        MbrlSnapshot s = snapshot();
        assertEquals(5, s.planStart());
        assertEquals(List.of(), MbplanPane.ghosts(s, 4), "the plan of step 4 is not kept");
        List<double[]> ghosts = MbplanPane.ghosts(s, 6);
        assertEquals(s.plannedStates().length - 1, ghosts.size());
        assertSame(s.plannedStates()[1], ghosts.get(0), "from the plan's state for step 6 on");
    }

    /** Writes the loop tab held at a step to target/scrubber/mbplanning.png, for a person to look at. */
    @Test
    void snapshotOfThePaneHeldBack(FxRobot robot) throws Exception {
        run(robot, MbplanViewModel.Granularity.PHASE, 2);
        run(robot, MbplanViewModel.Granularity.STEP, 120);
        robot.interact(() -> pane.scrubber().moveTo(50));
        waitFor(() -> pane.systemView().frames() > 0);
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        Path file = Files.createDirectories(Path.of("target", "scrubber")).resolve("mbplanning.png");
        robot.interact(() -> {
            pane.flushCharts();
            try {
                Figures.writePng(pane.view(), file, 1.0, Theme.LIGHT.background());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(file) > 1000);
    }
}
