package org.mbrllab.app.lessons.dreamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.LessonWindow;
import org.mbrllab.engine.dreamer.DreamerNetworks;
import org.mbrllab.engine.dreamer.RssmConfig;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Training from scratch in the pane, on a tiny model (every layer of 8) for 3 updates on 10 episodes, with
 * the synchronous runner: the step button does one unit (first the data and the graph, then one update);
 * the finished model replaces the shown one; "Shipped model" brings the shipped one back.
 */
@ExtendWith(ApplicationExtension.class)
class DreamerTrainingUiTest {

    private DreamerPane pane;

    @Start
    void start(Stage stage) {
        LessonWindow.openWithParameters(stage, "dreamer", DreamerPane.parameterSpecs(), host -> {
            DreamerPane p = new DreamerPane(host);
            p.viewModel().setTrainingBase(RssmConfig.tiny());
            pane = p;
            return p;
        }, "updates: 3", "episodes: 10");
    }

    @Test
    void steppingDoesOneUpdateAndTrainingToTheEndReplacesTheModel(FxRobot robot) {
        DreamerNetworks shipped = pane.viewModel().modelProperty().get();

        robot.clickOn("#step-button");
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();

        String progress = robot.lookup("#dreamer-progress-label").queryAs(Label.class).getText();
        assertTrue(progress.startsWith("update 1 of 3 · loss "), progress);
        assertEquals(1 / 3.0, robot.lookup("#dreamer-progress").queryAs(ProgressBar.class).getProgress(), 1e-9);

        robot.clickOn("#dreamer-scratch");
        WaitForAsyncUtils.waitForFxEvents();

        DreamerNetworks trained = pane.viewModel().modelProperty().get();
        assertNotSame(shipped, trained);
        assertEquals(3, trained.updates());
        assertEquals(RssmConfig.tiny().deterministic(), trained.model().deterministic());
        String status = robot.lookup("#dreamer-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Trained now: 3 updates on 10 random episodes (seed 1), h of 8, z of 4."), status);
        progress = robot.lookup("#dreamer-progress-label").queryAs(Label.class).getText();
        assertTrue(progress.startsWith("update 3 of 3 · ") && progress.contains("updates/s") && !progress.contains("left"), progress);
        assertEquals(8 + 4, trained.model().deterministic() + trained.model().stochastic());
        assertEquals(20, pane.strip().shown().truth().size(), "the strip redrawn with the new model");

        robot.clickOn("#dreamer-shipped");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(DreamerViewModel.readShipped().updates(), pane.viewModel().modelProperty().get().updates());
        assertTrue(robot.lookup("#dreamer-status").queryAs(Label.class).getText().startsWith("Shipped world model"));
    }
}
