package org.mbrllab.app.lessons.worldmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
import org.mbrllab.engine.worldmodels.Dodge;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The World Models lesson as a student uses it, on the shipped networks: a z slider re-draws V's decoded
 * frame, the arrow keys steer the dream (and do not step the run, as → does elsewhere), and the τ slider
 * sets the dream's temperature. Writes each tab to {@code target/world-models-TAB.png} for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class WorldModelsUiTest {

    private WorldModelsPane pane;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        LessonWindow.open(stage, "world-models", "world-models", WorldModelsPane.parameterSpecs(), host -> {
            WorldModelsPane p = new WorldModelsPane(host);
            pane = p;
            return p;
        });
    }

    private void showTab(FxRobot robot, String id) {
        robot.clickOn(id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void writePng(FxRobot robot, String name) {
        robot.interact(() -> {
            try {
                Path file = Path.of("target", "world-models-" + name + ".png");
                Files.createDirectories(file.getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", file.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void draggingAZSliderRedrawsTheDecodedFrame(FxRobot robot) {
        writePng(robot, "v");
        float[] before = pane.decodedView().frame().clone();
        Slider s = robot.lookup("#wm-z-0").queryAs(Slider.class);
        double start = s.getValue();
        Node thumb = robot.lookup("#wm-z-0 .thumb").query();

        robot.drag(thumb).moveBy(start > 0 ? -70 : 70, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertNotEquals(start, s.getValue(), 1e-3);
        float[] after = pane.decodedView().frame();
        float change = 0;
        for (int i = 0; i < after.length; i++) change = Math.max(change, Math.abs(after[i] - before[i]));
        assertTrue(change > 0.01, "the decoded frame changes: largest pixel change " + change);
        int d = pane.viewModel().vision().dimension(0);
        assertEquals(s.getValue(), pane.viewModel().vision().latentProperty().get()[d], 1e-6);
    }

    @Test
    void arrowKeysSteerTheDreamWithoutSteppingTheRun(FxRobot robot) {
        showTab(robot, "#wm-m-tab");
        robot.interact(() -> {
            pane.tick();
            pane.tick();
        });
        writePng(robot, "dream");
        robot.clickOn("#wm-dream-frame");
        long steps = pane.viewModel().stepsProperty().get();

        robot.press(KeyCode.LEFT);
        robot.interact(pane::tick);
        assertEquals(Dodge.Action.LEFT, pane.viewModel().dream().viewProperty().get().action());
        robot.release(KeyCode.LEFT);
        robot.press(KeyCode.D);
        robot.interact(pane::tick);
        assertEquals(Dodge.Action.RIGHT, pane.viewModel().dream().viewProperty().get().action());
        robot.release(KeyCode.D);
        robot.press(KeyCode.RIGHT);
        robot.interact(pane::tick);
        assertEquals(Dodge.Action.RIGHT, pane.viewModel().dream().viewProperty().get().action());
        robot.release(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(steps, pane.viewModel().stepsProperty().get(), "→ steered; it did not step the pipeline");
        assertEquals("You drive (no key held: stay)", robot.lookup("#wm-driver").queryAs(Label.class).getText());
        robot.clickOn("#wm-give-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DreamViewModel.Driver.CONTROLLER, pane.viewModel().dream().driverProperty().get());
    }

    @Test
    void theTauSliderSetsTheDreamsTemperature(FxRobot robot) {
        showTab(robot, "#wm-m-tab");
        Node thumb = robot.lookup("#wm-tau .thumb").query();

        robot.drag(thumb).moveBy(-400, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(DreamViewModel.MIN_TAU, pane.viewModel().dream().tauProperty().get(), 1e-9, "dragged to the left end");
        assertEquals("τ = 0.10", robot.lookup("#wm-tau-label").queryAs(Label.class).getText());
        robot.interact(pane::tick);
        double p = pane.viewModel().dream().viewProperty().get().doneChance();
        assertTrue(p >= 0 && p <= 1);
    }

    @Test
    void theFramesControlsGoBesideThemOnAWideFigureAndBeneathOnANarrowOne(FxRobot robot) {
        boolean[] beside = new boolean[2];
        robot.interact(() -> {
            FramesLayout f = new FramesLayout(new javafx.scene.layout.Region(), new javafx.scene.layout.Region(),
                    new javafx.scene.layout.Region(), 200, 400);
            f.resize(1200, 500); // beside: frames of min(400, 500) = 400; beneath: min(600, 300) = 300
            beside[0] = f.controlsBeside();
            f.resize(640, 520);  // beside: min(120, 520) = 120; beneath: min(320, 320) = 320
            beside[1] = f.controlsBeside();
        });
        assertTrue(beside[0], "wide: beside");
        assertTrue(!beside[1], "narrow: beneath");
    }

    @Test
    void theControllerAndTableTabsShowTheirFigures(FxRobot robot) {
        showTab(robot, "#wm-c-tab");
        robot.interact(pane::tick);
        writePng(robot, "c");
        showTab(robot, "#wm-table-tab");
        writePng(robot, "table");
        assertEquals(5, pane.viewModel().tableProperty().get().size());
        String random = robot.lookup("#wm-random-score").queryAs(Label.class).getText();
        assertTrue(random.startsWith("Random policy in the real game: "), random);
    }
}
