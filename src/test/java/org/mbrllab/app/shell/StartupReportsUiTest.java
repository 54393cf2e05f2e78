package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.lessons.LessonCatalog;
import org.mbrllab.lessons.LessonProblem;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window reports at start-up: many lesson problems (Help › Lesson problems is a bounded, scrolling
 * list the lecturer can copy from) and a notice about the settings.
 */
@ExtendWith(ApplicationExtension.class)
class StartupReportsUiTest {

    private static final int PROBLEMS = 36;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        List<LessonProblem> problems = IntStream.rangeClosed(1, PROBLEMS)
                .mapToObj(i -> new LessonProblem("lessons/l" + i + "/lesson.md", i, "problem number " + i))
                .toList();
        window = new MainWindow(stage, new LessonCatalog(List.of(), problems), PaneRegistry.standard(),
                new Settings(1260, 780, false, "light", 1.0, ""));
        stage.show();
    }

    @Test
    void manyProblemsScrollInACopyableListOfBoundedHeightWithTheCountInTheHeader(FxRobot robot) {
        robot.clickOn("Help").clickOn("Lesson problems…");
        WaitForAsyncUtils.waitForFxEvents();

        TextArea list = robot.lookup("#lesson-problems").queryAs(TextArea.class);
        List<String> lines = List.of(list.getText().split("\n"));
        assertEquals(PROBLEMS, lines.size());
        assertEquals("lessons/l36/lesson.md:36: problem number 36", lines.get(PROBLEMS - 1));
        assertFalse(list.isEditable());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("36 lesson problems", dialog.getHeaderText());
        Window window = list.getScene().getWindow();
        assertTrue(window.getHeight() <= 0.6 * stage.getHeight() + 1,
                "dialog " + window.getHeight() + " px high in a window of " + stage.getHeight());
        robot.interact(list::selectAll);
        assertEquals(list.getText(), list.getSelectedText(), "the lines can be selected (and so copied)");
    }

    @Test
    void settingsNoticeIsShownInTheStatusBarNextToTheLessonProblemCount(FxRobot robot) {
        String notice = "Settings will not be kept: cannot write to /nowhere/mbrl-lab (permission denied).";

        robot.interact(() -> window.notice(notice));

        String status = robot.lookup("#status-message").queryAs(Label.class).getText();
        assertTrue(status.startsWith(notice), status);
        assertTrue(status.contains("36 lesson file problem(s)"), status);
    }
}
