package org.mbrllab.app.lessons.dreamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.LessonWindow;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.LambdaReturn;
import org.mbrllab.engine.dreamer.TrainingCurve;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The four views beside the open-loop strip, as a student uses them: the arrow keys drive the imagination, the λ
 * slider changes V_λ, the latent strip has the sequence's steps, and a file with an actor, a critic and a curve
 * shows them. Writes each tab to {@code target/dreamer-*.png} for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class DreamerViewsUiTest {

    private DreamerPane pane;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        LessonWindow.open(stage, "dreamer", "dreamer", DreamerPane.parameterSpecs(), host -> {
            DreamerPane p = new DreamerPane(host);
            pane = p;
            return p;
        });
    }

    private void writePng(FxRobot robot, String name) {
        robot.interact(() -> {
            try {
                Path file = Path.of("target", name + ".png");
                Files.createDirectories(file.getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", file.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private void selectTab(FxRobot robot, String id) {
        robot.clickOn("#" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double meanSquare(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (double) (a[i] - b[i]);
        return s / a.length;
    }

    @Test
    void theTorqueKeysMoveTheImagination(FxRobot robot) {
        selectTab(robot, "dreamer-tab-drive");
        robot.clickOn("#dreamer-drive-play"); // stop the clock: each press is one step
        robot.clickOn("#dreamer-drive-reset"); // the clock may have run a step or two before: a second start
        DriveViewModel d = pane.viewModel().drive();
        assertEquals(0, d.viewProperty().get().step());
        assertEquals(2, d.viewProperty().get().start());
        float[] start = pane.imaginedTile().frame().clone();

        for (int k = 0; k < 4; k++) robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();

        DriveViewModel.View v = d.viewProperty().get();
        assertEquals(4, v.step(), "four presses, four steps");
        assertEquals(2, v.torque(), 0, "→ pushes with +2 N·m");
        assertArrayEquals(v.imaginedFrame(), pane.imaginedTile().frame(), 0, "the tile shows the imagined frame");
        // The same start driven without torque, and with +2, by a second model of the same file.
        DriveViewModel still = new DriveViewModel();
        still.setModel(pane.viewModel().inUse());
        DriveViewModel pushed = new DriveViewModel();
        pushed.setModel(pane.viewModel().inUse());
        still.reset();
        pushed.reset();
        for (int k = 0; k < 4; k++) {
            still.step(0);
            pushed.step(2);
        }
        assertArrayEquals(pushed.viewProperty().get().imaginedFrame(), v.imaginedFrame(), 0, "the keys' torque, exactly");
        double moved = meanSquare(still.viewProperty().get().imaginedFrame(), v.imaginedFrame());
        assertTrue(moved > 1e-3, "the push moved the imagined rod: mse " + moved + " against no torque");
        assertFalse(java.util.Arrays.equals(start, v.imaginedFrame()));
        writePng(robot, "dreamer-drive");

        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, d.viewProperty().get().step(), "R: a new start");
        assertEquals(3, d.viewProperty().get().start());
        assertEquals(0, pane.viewModel().stepsProperty().get(), "R drove the pendulums, not the training run");
    }

    @Test
    void theLambdaSliderChangesTheLambdaReturns(FxRobot robot) {
        selectTab(robot, "dreamer-tab-returns");
        ReturnsViewModel.Returns before = pane.viewModel().returns().returnsProperty().get();
        assertEquals(0.95, before.lambda(), 1e-12);
        assertEquals(16, pane.returnsChart().points(), "V_λ(0 … 14) and V_λ(15) = v_15");

        Node thumb = robot.lookup("#dreamer-lambda .thumb").query();
        robot.drag(thumb).moveBy(-120, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        ReturnsViewModel.Returns after = pane.viewModel().returns().returnsProperty().get();
        double lambda = robot.lookup("#dreamer-lambda").queryAs(Slider.class).getValue();
        assertTrue(after.lambda() < 0.8, "λ " + after.lambda());
        assertEquals(Math.round(lambda * 100) / 100.0, after.lambda(), 1e-12);
        assertArrayEquals(LambdaReturn.compute(after.rewards(), after.values(), after.gamma(), after.lambda()), after.chosen(), 1e-12);
        assertNotEquals(before.chosen()[0], after.chosen()[0], "V_λ(0) moved with λ");
        assertArrayEquals(before.dreamer(), after.dreamer(), 0, "the λ = 0.95 line stays");
        assertEquals("λ = " + String.format(java.util.Locale.ROOT, "%.2f", after.lambda()),
                robot.lookup("#dreamer-lambda-label").queryAs(Label.class).getText());
        assertTrue(pane.explain().getMarkdown().contains(String.format(java.util.Locale.ROOT, "λ = %.2f", after.lambda())),
                pane.explain().getMarkdown());
        assertTrue(robot.lookup("#dreamer-returns-note").queryAs(Label.class).getText().startsWith("Torques: the file's actor"));
        writePng(robot, "dreamer-returns");
    }

    @Test
    void theLatentStripHasTheSequencesSteps(FxRobot robot) {
        selectTab(robot, "dreamer-tab-latent");
        DreamerViewModel.Strip s = pane.strip().shown();
        LatentView view = pane.latentView();
        assertTrue(view.isVisible() && view.getWidth() > 400 && view.getHeight() > 300, "the latent view is on screen");
        assertEquals(s.context() + s.horizon(), view.columns());
        DreamerViewModel.Latent l = view.shown();
        assertEquals(20, l.h().size());
        assertEquals(64, l.h().get(0).length);
        assertEquals(16, l.z().get(0).length);
        assertEquals(5, l.kl().length);
        for (double kl : l.kl()) assertTrue(kl >= 0, "KL " + kl);
        writePng(robot, "dreamer-latent");

        robot.interact(() -> pane.viewModel().horizonProperty().set(6));
        robot.clickOn("#dreamer-latent-another");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, pane.strip().shown().sequence());
        assertEquals(5 + 6, view.columns(), "C + H of the strip");
        assertTrue(robot.lookup("#dreamer-latent-label").queryAs(Label.class).getText().startsWith("Held-out sequence 2 of 40"));
    }

    @Test
    void theShippedAgentsActorCriticAndCurveAreShown(FxRobot robot) {
        DreamerNetworks shipped = DreamerViewModel.readShipped();
        selectTab(robot, "dreamer-tab-returns");
        ReturnsViewModel.Returns ret = pane.viewModel().returns().returnsProperty().get();
        assertTrue(ret.byActor());
        assertNotEquals(0, ret.values()[3], 0, "the critic's values");
        assertTrue(robot.lookup("#dreamer-returns-note").queryAs(Label.class).getText().startsWith("Torques: the file's actor"));
        writePng(robot, "dreamer-returns-actor");

        selectTab(robot, "dreamer-tab-behaviour");
        assertEquals(shipped.episodes(), pane.curve().points(), "one point per real episode of the agent");
        assertFalse(robot.lookup("#dreamer-curve-none").queryAs(Label.class).isVisible());
        assertTrue(pane.grid().shown().byActor());
        assertEquals(16, pane.grid().shown().tiles().size());
        writePng(robot, "dreamer-behaviour-actor");
    }

    @Test
    void aWorldModelAloneHasNoCurveNoActorAndSaysSo(FxRobot robot) {
        DreamerNetworks shipped = DreamerViewModel.readShipped();
        DreamerNetworks alone = new DreamerNetworks(shipped.model(), shipped.seed(), shipped.episodes(), shipped.updates(),
                shipped.meanFrame(), List.of());
        robot.interact(() -> {
            pane.viewModel().setShippedSource(() -> alone);
            pane.viewModel().useShipped();
        });
        selectTab(robot, "dreamer-tab-returns");
        assertTrue(robot.lookup("#dreamer-returns-note").queryAs(Label.class).getText().contains("no actor or critic"));
        assertFalse(pane.viewModel().returns().returnsProperty().get().byActor());
        selectTab(robot, "dreamer-tab-behaviour");
        Label none = robot.lookup("#dreamer-curve-none").queryAs(Label.class);
        assertTrue(none.isVisible());
        assertEquals("no training curve in this file", none.getText());
        // Read before and after on the FX thread, in one go, so that the pane's own clock cannot tick in between.
        int[] steps = new int[2];
        robot.interact(() -> {
            steps[0] = pane.grid().step();
            pane.tick();
            steps[1] = pane.grid().step();
        });
        assertEquals((steps[0] + 1) % 16, steps[1], "a tick shows every tile's next imagined step");
        Node grid = robot.lookup("#dreamer-behaviour-grid").query();
        assertTrue(grid.getBoundsInLocal().getWidth() > 200);
        writePng(robot, "dreamer-behaviour");
    }

    private static List<float[]> mlp(RandomGenerator r, int in, int units, int out) {
        List<float[]> w = new ArrayList<>();
        for (int n : new int[] {in * units, units, units * units, units, units * out, out}) {
            float[] a = new float[n];
            for (int k = 0; k < n; k++) a[k] = (float) (r.nextGaussian() * 0.3);
            w.add(a);
        }
        return w;
    }
}
