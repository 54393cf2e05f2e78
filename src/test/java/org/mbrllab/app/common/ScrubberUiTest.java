package org.mbrllab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The scrubber on its own: what happens to a held step as the history's range moves. */
@ExtendWith(ApplicationExtension.class)
class ScrubberUiTest {

    private Scrubber scrubber;
    private final AtomicInteger scrubs = new AtomicInteger();

    @Start
    void start(Stage stage) {
        scrubber = new Scrubber();
        scrubber.setOnScrub(scrubs::incrementAndGet);
        stage.setScene(new Scene(scrubber, 600, 60));
        stage.show();
    }

    private String label(FxRobot robot) {
        return robot.lookup("#scrubber-time").queryAs(Label.class).getText();
    }

    @Test
    void aHeldStepThatLeavesTheHistoryMovesToItsOldestStep(FxRobot robot) {
        robot.interact(() -> {
            scrubber.setTimeStep(0.02);
            scrubber.setRange(0, 1500);
            scrubber.moveTo(300);
        });
        assertEquals(1, scrubs.get());
        assertEquals("t = 6.00 s", label(robot));
        // A new segment: the history now starts at step 1001.
        robot.interact(() -> scrubber.setRange(1001, 2100));
        assertFalse(scrubber.isLive());
        assertEquals(1001, scrubber.step());
        assertEquals(2, scrubs.get(), "the pane is told to redraw the step it now holds");
        assertEquals(1001, scrubber.slider().getValue(), 1e-9);
    }

    @Test
    void whileLiveTheSliderFollowsTheNewestStepWithoutAScrub(FxRobot robot) {
        robot.interact(() -> {
            scrubber.setTimeStep(0.05);
            for (int k = 0; k <= 40; k++) scrubber.setRange(0, k);
        });
        assertTrue(scrubber.isLive());
        assertEquals(40, scrubber.step());
        assertEquals(40, scrubber.slider().getValue(), 1e-9);
        assertEquals("t = 2.00 s", label(robot));
        assertEquals(0, scrubs.get(), "the pane draws live steps itself");
    }

    @Test
    void movingToTheNewestStepFollowsTheRunUnlessTheEndIsAStepToLookAt(FxRobot robot) {
        robot.interact(() -> {
            scrubber.setRange(0, 100);
            scrubber.moveTo(50);
            scrubber.moveTo(100);
        });
        assertTrue(scrubber.isLive(), "the newest step of a growing run is live");
        robot.interact(() -> {
            scrubber.setEndIsLive(false, "Play");
            scrubber.moveTo(100);
        });
        assertFalse(scrubber.isLive(), "the last step of a replayed trajectory is held");
        assertEquals(100, scrubber.step());
        robot.clickOn("#scrubber-live");
        assertTrue(scrubber.isLive());
        assertEquals("t = –", label(robot), "the replay loop has no single time");
    }

    @Test
    void aLabelForHistoriesThatAreNotTimeSeries(FxRobot robot) {
        robot.interact(() -> {
            scrubber.setStepText(k -> "snapshot " + k);
            scrubber.setRange(3, 9);
            scrubber.moveTo(5);
        });
        assertEquals("snapshot 5", label(robot));
    }
}
