package org.mbrllab.app.lessons.gridworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.engine.dp.Action;
import org.mbrllab.engine.dp.Algorithm;
import org.mbrllab.engine.dp.DpSettings;
import org.mbrllab.engine.dp.DpSnapshot;
import org.mbrllab.engine.dp.DpSolver;
import org.mbrllab.engine.dp.Granularity;
import org.mbrllab.engine.dp.GridLayout;
import org.mbrllab.engine.dp.GridWorld;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 11: the "p 0.33" labels of a backup overlapped the policy arrows, and the Q-triangle outlines
 * crossed the Q numbers. Draws a slippery 4 × 4 grid and checks the boxes of what was drawn.
 */
@ExtendWith(ApplicationExtension.class)
class GridCanvasLabelsUiTest {

    /** Slip 0.2, the goal in a corner: a backup reaches several cells, each with some chance. */
    private static final String GRID = "gamma: 0.9\nslip: 0.2\nliving_reward: -1\ngrid:\n. . . G\n. . . .\n. . . .\n. . . .\n";

    private GridCanvas canvas;

    @Start
    void start(Stage stage) {
        canvas = new GridCanvas();
        stage.setScene(new Scene(new StackPane(canvas), 560, 520));
        stage.show();
    }

    private static GridLayout layout() {
        try {
            return GridLayout.parse(GRID, "slippery.grid");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    /** Saves what the canvas shows, for a person to look at (target/grid-canvas-*.png). */
    private void save(FxRobot robot, String name) throws IOException {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = canvas.snapshot(null, null));
        File out = new File("target/grid-canvas-" + name + ".png");
        out.getParentFile().mkdirs();
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", out);
    }

    @Test
    void probabilityLabelsOfABackupOverlapNoArrow(FxRobot robot) throws IOException {
        GridLayout layout = layout();
        DpSolver solver = DpSolver.create(Algorithm.VALUE_ITERATION, new GridWorld(layout),
                DpSettings.defaults().withGranularity(Granularity.BACKUP));
        // The fifth backup is of (1, 0): it may land on (0, 0), (1, 1), (2, 0) or stay, each with its chance.
        for (int i = 0; i < 5; i++) solver.step();
        DpSnapshot s = solver.snapshot();
        robot.interact(() -> canvas.show(layout, s));
        save(robot, "backup");
        List<double[]> labels = canvas.probabilityBoxes();
        assertTrue(labels.size() >= 3, labels.size() + " labels");
        assertTrue(canvas.arrowsDrawn() > 0);
        for (double[] label : labels) {
            for (double[] arrow : canvas.arrowBoxes()) {
                assertFalse(overlap(label, arrow), "label " + java.util.Arrays.toString(label) + " covers arrow "
                        + java.util.Arrays.toString(arrow));
            }
        }
    }

    @Test
    void qNumbersLieInsideTheirTrianglesClearOfTheOutlines(FxRobot robot) throws IOException {
        GridLayout layout = layout();
        DpSolver solver = DpSolver.create(Algorithm.VALUE_ITERATION, new GridWorld(layout), DpSettings.defaults());
        for (int i = 0; i < 200 && !solver.snapshot().converged(); i++) solver.step();
        DpSnapshot s = solver.snapshot();
        assertTrue(s.converged());
        robot.interact(() -> {
            canvas.setShowQ(true);
            canvas.show(layout, s);
        });
        save(robot, "q");
        assertTrue(canvas.cellSize() >= 64, "cells big enough for Q numbers: " + canvas.cellSize());
        List<double[]> boxes = canvas.qLabelBoxes();
        assertEquals(15 * 4, boxes.size(), "four numbers in each of the 15 non-terminal cells");
        for (double[] b : boxes) {
            Action a = Action.values()[(int) b[4]];
            double mx = b[5] + b[7] / 2;
            double my = b[6] + b[7] / 2;
            double[][] corners = {{b[0], b[1]}, {b[0] + b[2], b[1]}, {b[0], b[1] + b[3]}, {b[0] + b[2], b[1] + b[3]}};
            for (double[] p : corners) {
                double u = p[0] - mx;
                double v = p[1] - my;
                // Distance into the triangle past its diagonals (×√2) and from its outer edge.
                double along = a.dc() != 0 ? a.dc() * u : a.dr() * v;
                double across = a.dc() != 0 ? Math.abs(v) : Math.abs(u);
                assertTrue(along - across >= 2, a + " number at " + java.util.Arrays.toString(b) + " crosses a diagonal");
                assertTrue(along <= b[7] / 2 - 2, a + " number at " + java.util.Arrays.toString(b) + " crosses the cell edge");
            }
        }
    }
}
