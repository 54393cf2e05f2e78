package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.text.TryItPrompts;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "Try it" checklist over the pane: the lesson's prompts, ticks kept per lesson, Ctrl+T hides it. */
@ExtendWith(ApplicationExtension.class)
class TryItUiTest {

    private static final LessonCatalog CATALOG = LessonCatalog.load(Optional.empty(), PaneRegistry.standard());
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, CATALOG, PaneRegistry.standard(),
                new Settings(1260, 780, false, "light", 1.0, "dynamic-programming"), RunnerFactory.synchronous());
        stage.show();
    }

    private String toggleText(FxRobot robot) {
        return robot.lookup("#try-it-toggle").queryAs(Button.class).getText();
    }

    @Test
    void theChecklistListsTheLessonsPromptsAndKeepsTicksPerLesson(FxRobot robot) {
        int prompts = TryItPrompts.of(CATALOG.find("dynamic-programming").orElseThrow().markdown()).size();
        assertTrue(prompts >= 3, "prompts " + prompts);
        assertEquals("Try it · 0 of " + prompts + "  ▸", toggleText(robot));
        assertFalse(shown(robot.lookup("#try-it-1").query()), "collapsed at first");

        robot.clickOn("#try-it-toggle");
        CheckBox first = robot.lookup("#try-it-1").queryAs(CheckBox.class);
        assertTrue(shown(first));
        assertTrue(first.getText().startsWith("Load sutton-barto-4.1"), first.getText());
        robot.clickOn(first);
        assertEquals("Try it · 1 of " + prompts + "  ▾", toggleText(robot));

        robot.interact(() -> window.selectLesson("dyna"));
        WaitForAsyncUtils.waitForFxEvents();
        int dyna = TryItPrompts.of(CATALOG.find("dyna").orElseThrow().markdown()).size();
        assertTrue(toggleText(robot).startsWith("Try it · 0 of " + dyna), toggleText(robot));
        robot.interact(() -> window.selectLesson("dynamic-programming"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(toggleText(robot).startsWith("Try it · 1 of " + prompts), "the tick came back: " + toggleText(robot));
        assertEquals(java.util.List.of(0), window.currentSettings().tried().get("dynamic-programming"), "and is saved with the settings");

        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(shown(robot.lookup("#try-it").query()), "Ctrl+T hides the checklist");
        assertFalse(shown(robot.lookup("#try-it-toggle").query()), "and its button");
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(robot.lookup("#try-it").query()));
    }

    /** Whether {@code n} and every parent are visible. */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node at = n; at != null; at = at.getParent()) if (!at.isVisible()) return false;
        return true;
    }
}
