package org.mbrllab.app.lessons.dreamer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.LessonWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Dreamer lesson as a student uses it, on the shipped world model: it opens ready (nothing trained), the H slider redraws the strip, the context slider keeps the frames to predict, and "Another
 * sequence" shows another one. Writes the window to {@code target/dreamer.png} for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class DreamerUiTest {

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

    private Image stripImage(FxRobot robot) {
        Image[] image = new Image[1];
        robot.interact(() -> image[0] = pane.strip().snapshot(null, null));
        return image[0];
    }

    private static int differingPixels(Image a, Image b) {
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < (int) Math.min(a.getWidth(), b.getWidth()); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) n++;
            }
        }
        return n;
    }

    @Test
    void opensReadyOnTheShippedModelWithNothingTrained(FxRobot robot) {
        writePng(robot, "dreamer");
        String status = robot.lookup("#dreamer-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Shipped world model: 4500 updates on 50 episodes, random at first, then of its own "
                + "actor (seed 1), h of 64, z of 16; with its actor and critic."), status);
        DreamerViewModel.Strip s = pane.strip().shown();
        assertEquals(5, s.context());
        assertEquals(15, s.horizon());
        assertEquals(20, s.truth().size());
        assertEquals(15, pane.chart().points(), "the model's curve: one point per imagined step");
        // 20 columns in the middle of a 1280 × 800 window: folded into two blocks, so that a frame is not 25 pixels.
        assertEquals(2, pane.strip().blocks());
        assertTrue(pane.strip().frameSide() >= 36, "frames of " + pane.strip().frameSide() + " pixels");
        assertEquals(0, pane.viewModel().stepsProperty().get(), "nothing trained: the shipped model runs in plain Java");
    }

    @Test
    void draggingTheHorizonSliderRedrawsTheStripWithFewerImaginedFrames(FxRobot robot) {
        Image before = stripImage(robot);
        Node thumb = robot.lookup("#dreamer-horizon .thumb").query();

        robot.drag(thumb).moveBy(-120, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        int h = (int) robot.lookup("#dreamer-horizon").queryAs(Slider.class).getValue();
        assertTrue(h < 15, "the slider moved: H " + h);
        DreamerViewModel.Strip s = pane.strip().shown();
        assertEquals(h, s.horizon());
        assertEquals(5 + h, s.truth().size());
        assertEquals("Imagined frames: H = " + h, robot.lookup("#dreamer-horizon-label").queryAs(Label.class).getText());
        assertTrue(differingPixels(before, stripImage(robot)) > 1000, "the strip is drawn again, with other columns");
        writePng(robot, "dreamer-short-horizon");
    }

    @Test
    void theContextSliderChangesWhatWasSeenButNotTheFramesToPredict(FxRobot robot) {
        DreamerViewModel.Strip before = pane.strip().shown();
        Node thumb = robot.lookup("#dreamer-context .thumb").query();

        robot.drag(thumb).moveBy(200, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        DreamerViewModel.Strip after = pane.strip().shown();
        assertTrue(after.context() > 5, "context " + after.context());
        for (int k = 0; k < 15; k++) {
            assertArrayEquals(before.truth().get(5 + k), after.truth().get(after.context() + k), "imagined step " + (k + 1));
        }
        assertNotEquals(before.model().get(5)[0] + before.model().get(10)[0], after.model().get(after.context())[0]
                + after.model().get(after.context() + 5)[0], "more context, other imagined frames");
    }

    @Test
    void anotherSequenceShowsOtherFrames(FxRobot robot) {
        DreamerViewModel.Strip before = pane.strip().shown();

        robot.clickOn("#dreamer-another");
        WaitForAsyncUtils.waitForFxEvents();

        DreamerViewModel.Strip after = pane.strip().shown();
        assertEquals(before.sequence() + 1, after.sequence());
        assertFalse(java.util.Arrays.equals(before.truth().get(0), after.truth().get(0)));
        assertTrue(robot.lookup("#dreamer-sequence").queryAs(Label.class).getText().startsWith("Held-out sequence 2 of 40"));
    }
}
