package org.mbrllab.app.lessons.dreamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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
 * The latents parameter: typed as 1, "Train from scratch" trains a categorical world model (the tiny one, 4
 * groups of {@value RssmConfig#DEFAULT_CLASSES} classes, 2 updates on 10 episodes, with the synchronous runner),
 * and the status says so.
 */
@ExtendWith(ApplicationExtension.class)
class DreamerCategoricalUiTest {

    private DreamerPane pane;

    @Start
    void start(Stage stage) {
        LessonWindow.openWithParameters(stage, "dreamer", DreamerPane.parameterSpecs(), host -> {
            DreamerPane p = new DreamerPane(host);
            p.viewModel().setTrainingBase(RssmConfig.tiny());
            pane = p;
            return p;
        }, "updates: 2", "episodes: 10");
    }

    @Test
    void switchingLatentsToCategoricalTrainsACategoricalModelAndTheStatusSaysSo(FxRobot robot) {
        assertEquals(false, pane.viewModel().modelProperty().get().model().categorical(), "the shipped model is Gaussian");

        robot.doubleClickOn("#param-latents").eraseText(3).write("1").type(KeyCode.ENTER);
        robot.clickOn("#dreamer-scratch");
        WaitForAsyncUtils.waitForFxEvents();

        DreamerNetworks trained = pane.viewModel().modelProperty().get();
        assertEquals(2, trained.updates());
        assertTrue(trained.model().categorical());
        assertEquals(RssmConfig.DEFAULT_CLASSES, trained.model().classes());
        String status = robot.lookup("#dreamer-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Trained now: 2 updates on 10 random episodes (seed 1), h of 8, z of 4 × 16 categorical."),
                status);
        assertEquals(20, pane.strip().shown().truth().size(), "the strip redrawn with the categorical model");
    }
}
