package org.mbrllab.app.lessons.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.LessonWindow;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The token lesson as a student uses it, on the tiny model: a token is swapped by a click and a key, and the
 * decoded frame's pixels change; the temperature slider is dragged, and the sampled futures change. Writes
 * {@code target/tokens-*.png} for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class TokensUiTest {

    private TokensPane pane;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = LessonWindow.open(stage, "tokens", "tokens", TokensPane.parameterSpecs(), host -> {
            TokensPane p = new TokensPane(host);
            p.viewModel().setModelSource(TinyTokens::model);
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

    private static Image snapshot(FxRobot robot, Node node) {
        Image[] image = new Image[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        return image[0];
    }

    /** Pixels that differ between two images, within {@code area} (all of them when null). */
    private static int differingPixels(Image a, Image b, Rectangle2D area) {
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int n = 0;
        int x0 = area == null ? 0 : (int) area.getMinX(), y0 = area == null ? 0 : (int) area.getMinY();
        int x1 = (int) Math.min(Math.min(a.getWidth(), b.getWidth()), area == null ? Double.MAX_VALUE : area.getMaxX());
        int y1 = (int) Math.min(Math.min(a.getHeight(), b.getHeight()), area == null ? Double.MAX_VALUE : area.getMaxY());
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) if (ra.getArgb(x, y) != rb.getArgb(x, y)) n++;
        }
        return n;
    }

    @Test
    void opensWithTheStripTheChartAndTheTokensOfAHeldOutFrame(FxRobot robot) {
        writePng(robot, "tokens");
        String status = robot.lookup("#tokens-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Token model: a tiny model trained just now"), status);
        assertTrue(status.contains("RSSM: the Dreamer lesson's world model trained on the same random episodes."), status);
        assertEquals(16, pane.grid().shown().edited().length);
        assertEquals(5, pane.strip().rows().size(), "truth, RSSM, its error, transformer, its error");
        assertEquals(15, pane.chart().points(), "one point per imagined step");
        assertEquals(6, pane.futures().rows().size(), "truth, four samples, their mean");
        robot.clickOn("#tokens-tab-loop");
        WaitForAsyncUtils.waitForFxEvents();
        writePng(robot, "tokens-open-loop");
        assertTrue(pane.strip().side() >= 30, "frames of " + pane.strip().side() + " pixels");
        assertEquals(1, pane.tabs().getSelectionModel().getSelectedIndex());
    }

    @Test
    void onTheProjectorThemeTheFramesStayLargeEnoughToRead(FxRobot robot) {
        robot.interact(() -> window.appearance().themeProperty().set(Theme.PROJECTOR));
        WaitForAsyncUtils.waitForFxEvents();
        writePng(robot, "tokens-projector");
        robot.clickOn("#tokens-tab-loop");
        WaitForAsyncUtils.waitForFxEvents();
        writePng(robot, "tokens-projector-open-loop");
        assertTrue(pane.strip().side() >= 24, "frames of " + pane.strip().side() + " pixels");
        robot.clickOn("#tokens-tab-sampling");
        WaitForAsyncUtils.waitForFxEvents();
        writePng(robot, "tokens-projector-sampling");
        assertTrue(pane.futures().side() >= 24, "frames of " + pane.futures().side() + " pixels");
    }

    @Test
    void pickingACellAndGivingItAnotherCodeRedrawsTheDecodedFrame(FxRobot robot) {
        TokenGridView grid = pane.grid();
        Image before = snapshot(robot, grid);
        Rectangle2D tokens = grid.square(1);
        Rectangle2D decoded = grid.square(2);
        // The cell in row 2, column 3 of the token grid (cell 6).
        Point2D cell = grid.localToScreen(tokens.getMinX() + tokens.getWidth() * 2.5 / 4, tokens.getMinY() + tokens.getHeight() * 1.5 / 4);
        int code = pane.grid().shown().edited()[6];
        float[] heldOut = pane.grid().shown().frame();

        robot.clickOn(cell);
        robot.type(KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();

        TokensViewModel.TokenPanel p = pane.grid().shown();
        assertEquals(6, p.selected());
        assertEquals((code + 1) % p.codes(), p.edited()[6]);
        Image after = snapshot(robot, grid);
        assertTrue(differingPixels(before, after, decoded) > 50, "the decoded frame is drawn again with the new code");
        assertTrue(java.util.Arrays.equals(heldOut, p.frame()), "the held-out frame itself stays");
        assertTrue(robot.lookup("#tokens-swap-hint").queryAs(Label.class).getText()
                .startsWith("Picked: row 2, column 3, code " + (code + 1) % p.codes() + " (the tokenizer chose " + code + ")"));
        writePng(robot, "tokens-swapped");
    }

    @Test
    void draggingTheTemperatureToZeroMakesTheSampledFuturesOne(FxRobot robot) {
        robot.clickOn("#tokens-tab-sampling");
        WaitForAsyncUtils.waitForFxEvents();
        TokensViewModel.Futures before = pane.viewModel().futuresProperty().get();
        assertEquals(1.0, before.sampling().temperature());
        Image beforeImage = snapshot(robot, pane.futures());

        Node thumb = robot.lookup("#tokens-temperature .thumb").query();
        robot.drag(thumb).moveBy(-400, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(0, robot.lookup("#tokens-temperature").queryAs(Slider.class).getValue(), 1e-9);
        TokensViewModel.Futures after = pane.viewModel().futuresProperty().get();
        assertEquals(0.0, after.sampling().temperature());
        for (int s = 1; s < after.samples().size(); s++) {
            for (int k = 0; k < 15; k++) {
                assertTrue(java.util.Arrays.equals(after.samples().get(0).get(k), after.samples().get(s).get(k)), "greedy: one future");
            }
        }
        assertTrue(differingPixels(beforeImage, snapshot(robot, pane.futures()), null) > 100, "the futures are drawn again");
        assertEquals("Temperature τ = 0.0 (greedy)", robot.lookup("#tokens-temperature-label").queryAs(Label.class).getText());
        writePng(robot, "tokens-sampling");
    }
}
