package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.Theme;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shell with the real panes and their background workers, as the app starts. */
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // An external lesson folder with one broken lesson: the bundled lessons must still load.
        Path external = Files.createTempDirectory("lessons");
        Path broken = Files.createDirectories(external.resolve("broken"));
        Files.writeString(broken.resolve("lesson.md"), "---\ntitle: Broken\npart: known-dynamics\norder: [1\npane: gridworld\n---\ntext\n");
        LessonCatalog catalog = LessonCatalog.load(Optional.of(external), PaneRegistry.standard());
        window = new MainWindow(stage, catalog, PaneRegistry.standard(), new Settings(1260, 780, false, "light", 1.0, ""));
        stage.show();
    }

    private String runStatus(FxRobot robot) {
        return robot.lookup("#run-status").queryAs(Label.class).getText();
    }

    @Test
    void brokenLessonIsReportedWithItsFileAndLineAndTheOthersLoad(FxRobot robot) {
        assertTrue(window.currentLesson().isPresent(), "the bundled lesson opened");
        String message = robot.lookup("#status-message").queryAs(Label.class).getText();
        assertTrue(message.contains("lesson file problem"), message);
    }

    @Test
    void runOnTheWorkerConvergesWhileTheWindowStaysResponsive(FxRobot robot) throws Exception {
        robot.clickOn("#grid-canvas");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runStatus(robot).startsWith("Converged"));
        assertTrue(runStatus(robot).contains("step"), runStatus(robot));
    }

    @Test
    void resetKeyStartsAgainFromZero(FxRobot robot) throws Exception {
        robot.clickOn("#grid-canvas");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runStatus(robot).startsWith("Converged"));
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runStatus(robot).endsWith("step 0"));
    }

    @Test
    void projectorThemeMakesTheTextLarger(FxRobot robot) {
        double before = window.appearance().fontSize();
        robot.clickOn("View").clickOn("Projector theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.PROJECTOR, window.appearance().theme());
        assertTrue(window.appearance().fontSize() > before);
        assertTrue(stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("projector.css")));
    }

    @Test
    void zoomShortcutsChangeTheFontSize(FxRobot robot) {
        double before = window.appearance().fontSize();
        robot.clickOn("#grid-canvas");
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.appearance().fontSize() > before);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, window.appearance().fontSize(), 1e-9);
    }

    /** The keys the View menu prints, on the main block and the numpad, with or without Shift. */
    @Test
    void zoomWorksWithEveryPlusAndMinusKey(FxRobot robot) {
        robot.clickOn("#grid-canvas");
        double zoom = window.appearance().zoomProperty().get();
        for (KeyCode in : new KeyCode[] {KeyCode.ADD, KeyCode.PLUS, KeyCode.EQUALS}) {
            robot.push(KeyCode.CONTROL, in);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(zoom * 1.1, window.appearance().zoomProperty().get(), 1e-9, in + " zooms in once");
            zoom = window.appearance().zoomProperty().get();
        }
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(zoom * 1.1, window.appearance().zoomProperty().get(), 1e-9, "Ctrl Shift = (Ctrl +) zooms in");
        zoom = window.appearance().zoomProperty().get();
        for (KeyCode out : new KeyCode[] {KeyCode.SUBTRACT, KeyCode.MINUS}) {
            robot.push(KeyCode.CONTROL, out);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(zoom / 1.1, window.appearance().zoomProperty().get(), 1e-9, out + " zooms out once");
            zoom = window.appearance().zoomProperty().get();
        }
    }

    /** After Enter in a parameter field the keyboard is the pane's again: R resets instead of typing "r". */
    @Test
    void enterInAParameterFieldGivesTheKeysBackToThePane(FxRobot robot) throws Exception {
        robot.clickOn("#grid-canvas");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runStatus(robot).startsWith("Converged"));
        robot.doubleClickOn("#param-gamma").eraseText(6).write("0.8").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl,
                "focus left the field: " + stage.getScene().getFocusOwner());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runStatus(robot).startsWith("Converged"));
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runStatus(robot).endsWith("step 0"));
        assertEquals("0.8", robot.lookup("#param-gamma").queryAs(javafx.scene.control.TextField.class).getText());
        // Escape too: the typed text is dropped and the keys go back to the pane.
        robot.doubleClickOn("#param-gamma").eraseText(6).write("0.5").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.8", robot.lookup("#param-gamma").queryAs(javafx.scene.control.TextField.class).getText());
        assertFalse(stage.getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl);
    }

    /** F1 lists the shortcuts in two aligned columns: every description starts at the same x. */
    @Test
    void f1ShowsTheShortcutsInTwoAlignedColumns(FxRobot robot) {
        robot.clickOn("#grid-canvas");
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.GridPane table = robot.lookup("#shortcut-table").queryAs(javafx.scene.layout.GridPane.class);
        java.util.Set<Long> columns = new java.util.HashSet<>();
        int rows = 0;
        for (javafx.scene.Node n : table.getChildren()) {
            if (Integer.valueOf(1).equals(javafx.scene.layout.GridPane.getColumnIndex(n))) {
                columns.add(Math.round(n.getBoundsInParent().getMinX()));
                rows++;
            }
        }
        assertEquals(MainWindow.SHORTCUTS.size(), rows);
        assertEquals(1, columns.size(), "descriptions start at " + columns);
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void closingTheWindowStopsThePaneWorker(FxRobot robot) {
        var controls = window.currentPane().orElseThrow().controls();
        assertTrue(((org.mbrllab.app.common.RunnerViewModel<?, ?>) controls).isStarted());
        robot.interact(stage::close);
        assertFalse(((org.mbrllab.app.common.RunnerViewModel<?, ?>) controls).isStarted());
    }

    @Test
    void figureOnlyHidesTheSidePanelsAndF9BringsThemBack(FxRobot robot) {
        javafx.scene.Node holder = robot.lookup("#pane-holder").query();
        double before = holder.getLayoutBounds().getWidth();
        robot.clickOn("#grid-canvas");
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.isFigureOnly());
        assertTrue(robot.lookup("#navigator").tryQuery().map(n -> n.getScene() == null).orElse(true),
                "the lesson column is out of the window");
        double wide = holder.getLayoutBounds().getWidth();
        assertTrue(wide > 1.5 * before, "the pane's width " + before + " then " + wide);
        robot.clickOn("View").clickOn("Figure only");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isFigureOnly());
        assertEquals(before, holder.getLayoutBounds().getWidth(), 2, "back to where it was");
    }

    @Test
    void aLessonWithoutParametersGivesItsPaneTheParameterPanelsPlace(FxRobot robot) {
        assertTrue(window.showsParameters(), "the grid world has parameters");
        javafx.scene.Node holder = robot.lookup("#pane-holder").query();
        double withPanel = holder.getLayoutBounds().getWidth();
        robot.interact(() -> window.selectLesson("which-method"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.showsParameters(), "the method chooser has none");
        assertTrue(holder.getLayoutBounds().getWidth() > withPanel + 100, "the pane takes the panel's place");
        robot.interact(() -> window.selectLesson("dynamic-programming"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.showsParameters());
        assertEquals(withPanel, holder.getLayoutBounds().getWidth(), 2, "and gives it back");
    }
}
