package org.mbrllab.app.lessons.worldmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
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
 * The strip's stages clicked as a lecturer would, on small settings (5 generations of 6 candidates × 2
 * dreams, 5 real episodes) with the engine on the FX thread: evolving C fills the CMA-ES chart and the
 * progress line, testing it puts its real score in the status line. Writes the C tab to
 * {@code target/world-models-evolved.png}.
 */
@ExtendWith(ApplicationExtension.class)
class WorldModelsStagesUiTest {

    private WorldModelsPane pane;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        LessonWindow.openWithParameters(stage, "world-models", WorldModelsPane.parameterSpecs(), host -> {
            WorldModelsPane p = new WorldModelsPane(host);
            pane = p;
            return p;
        }, "generations: 5", "population: 6", "dreams: 2", "episodes: 5", "train_tau: 0.5");
    }

    @Test
    void evolvingCFillsTheChartAndTestingItReportsItsRealScore(FxRobot robot) throws IOException {
        robot.clickOn("#wm-c-tab");
        robot.clickOn("#wm-stage-evolve-c");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(5, pane.generations().points(), "a point per generation");
        String progress = robot.lookup("#wm-progress-label").queryAs(Label.class).getText();
        assertTrue(progress.startsWith("evolve C (dream) at τ 0.5: generation 5 of 5 · "), progress);
        assertEquals(1.0, robot.lookup("#wm-progress").queryAs(ProgressBar.class).getProgress(), 1e-9);
        assertEquals(0.5, pane.viewModel().controllerProperty().get().temperature(), 0.0);
        robot.interact(pane::tick);
        Path file = Path.of("target", "world-models-evolved.png");
        Files.createDirectories(file.getParent());
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", file.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        robot.clickOn("#wm-stage-test");
        WaitForAsyncUtils.waitForFxEvents();

        String status = robot.lookup("#wm-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Tested in the real game: C survives "), status);
    }
}
