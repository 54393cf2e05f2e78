package org.mbrllab.app.lessons.dyna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.Figures;
import org.mbrllab.app.common.LessonWindow;
import org.mbrllab.engine.dyna.DynaFigures;
import org.mbrllab.engine.dyna.DynaLive;
import org.mbrllab.engine.dyna.Measure;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Dyna lesson as a student uses it, on synchronous runners: n, the blocking maze's switch, a painted wall. */
@ExtendWith(ApplicationExtension.class)
class DynaUiTest {

    private DynaPane pane;

    @Start
    void start(Stage stage) {
        LessonWindow.open(stage, "dyna", "dyna", DynaPane.parameterSpecs(), host -> {
            DynaPane p = new DynaPane(host);
            pane = p;
            return p;
        });
    }

    private DynaLive.Snapshot live() {
        return pane.viewModel().snapshotProperty().get();
    }

    private String counter(FxRobot robot) {
        robot.interact(pane::flush);
        return robot.lookup("#dyna-counter").queryAs(Label.class).getText();
    }

    @Test
    void theLessonOpensOnTheDynaMazeWithFigure82(FxRobot robot) {
        assertEquals("dyna-maze", pane.viewModel().mazeNameProperty().get());
        DynaFigures.Snapshot f = pane.viewModel().figuresProperty().get();
        assertEquals(Measure.STEPS_PER_EPISODE, f.measure());
        assertEquals(3, f.curves().size(), "n = 0, 5 and 50; the student's Dyna-Q with n = 50 is one of them");
        assertTrue(f.complete());
        assertEquals(30, f.curves().get(0).statistics().runs());
        assertEquals(2, f.halfway().size());
    }

    /** The live maze and the figures arrive together; neither update may hide the other. */
    @Test
    void theMazeIsDrawnBesideTheFiguresWhenTheLessonOpens(FxRobot robot) {
        robot.interact(pane::flush);
        assertTrue(pane.mazeCanvas().cellSize() > 10, "the maze is drawn, cell " + pane.mazeCanvas().cellSize());
        assertTrue(counter(robot).startsWith("Episode 1 (0 steps so far) · 0 real steps"), counter(robot));
        assertEquals(3, pane.curveChart().chart().getXYPlot().getDataset().getSeriesCount());
    }

    @Test
    void changingNChangesThePlanningUpdatesOfAStep(FxRobot robot) {
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, live().realSteps());
        assertEquals(50, live().planningUpdates(), "the Dyna maze's n = 50");
        assertTrue(counter(robot).contains("(50 per real step)"), counter(robot));

        robot.doubleClickOn("#param-planning_steps").eraseText(8).write("20").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, live().realSteps(), "a new n restarts the run");
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, live().realSteps());
        assertEquals(40, live().planningUpdates(), "20 per real step");
        assertTrue(counter(robot).contains("(20 per real step)"), counter(robot));
        DynaFigures.Snapshot f = pane.viewModel().figuresProperty().get();
        assertEquals(4, f.curves().size(), "n = 0, 5, 50 and the student's n = 20");
        assertEquals("Dyna-Q, n = 20 (yours)", f.curves().get(3).label());
    }

    @Test
    void theBlockingMazeChangesItsWallsAfter1000Steps(FxRobot robot) {
        LessonWindow.choose(robot, "#dyna-maze-choice", "blocking");
        LessonWindow.choose(robot, "#dyna-step-choice", "One episode");
        DynaFigures.Snapshot f = pane.viewModel().figuresProperty().get();
        assertEquals(Measure.CUMULATIVE_REWARD, f.measure(), "Figure 8.4");
        assertEquals(1000, f.switchStep());
        assertEquals(3000, f.curves().get(0).statistics().mean().length);
        // The blocking maze: the wall row 3 has its gap at the left before the change and at the right after.
        boolean[] before = live().wall().clone();
        while (live().realSteps() < 1000) {
            robot.clickOn("#step-button");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(live().changed());
        assertFalse(java.util.Arrays.equals(before, live().wall()), "the walls moved");
        assertTrue(counter(robot).contains("the walls changed at step 1,000"), counter(robot));
    }

    @Test
    void aWallPaintedOnTheShortestPathChangesTheRunningMaze(FxRobot robot) throws Exception {
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        int cell = 3 * 9 + 7; // the gap below the column of walls on the right, on the 14-step path
        assertFalse(live().wall()[cell]);
        robot.clickOn("#dyna-paint");
        robot.interact(pane::flush);
        MazeCanvas canvas = pane.mazeCanvas();
        double[] c = canvas.centre(3, 7);
        Point2D screen = canvas.localToScreen(c[0], c[1]);
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.viewModel().mazeProperty().get().isWall(cell, 0));
        assertTrue(live().wall()[cell], "the running agent's world has the wall");
        assertEquals(1, live().realSteps(), "painting keeps the run");
        assertTrue(pane.viewModel().mazeProperty().get().shortestPath(0) > 14);
        assertTrue(pane.viewModel().presetText().contains("wall: 3 7"), pane.viewModel().presetText());
        Path png = Path.of("target", "dyna-pane.png");
        Files.createDirectories(png.getParent());
        robot.interact(() -> {
            pane.flush();
            try {
                Figures.writePng(pane.view().getScene().getRoot(), png, 1, javafx.scene.paint.Color.WHITE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
