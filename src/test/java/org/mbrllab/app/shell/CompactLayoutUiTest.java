package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.Theme;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The compact layout: the projector theme and a small window give the figure the window, with the lesson
 * and the parameters in drawers over it; a large window in the light theme keeps its three columns.
 */
@ExtendWith(ApplicationExtension.class)
class CompactLayoutUiTest {

    private static final LessonCatalog CATALOG = LessonCatalog.load(Optional.empty(), PaneRegistry.standard());

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(stage, CATALOG, PaneRegistry.standard(),
                new Settings(1260, 780, false, "light", 1.0, "dynamic-programming"), RunnerFactory.synchronous());
        stage.show();
    }

    private Bounds figureBounds() {
        Node figure = window.currentPane().orElseThrow().figure();
        return figure.localToScene(figure.getLayoutBounds());
    }

    /** The window as it looks, to {@code target/NAME.png}, for a person to look at. */
    private void writePng(String name) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", name + ".png");
            java.nio.file.Files.createDirectories(file.getParent());
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null),
                    "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void lightThemeAt1260x780KeepsTheThreeColumnsAndProjectorThemeTurnsCompact(FxRobot robot) {
        assertFalse(window.isCompact());
        assertTrue(window.showsParameters(), "the parameter column is in the window");
        assertTrue(robot.lookup("#navigator").query().getScene() != null);
        double normalWidth = figureBounds().getWidth();
        robot.interact(() -> window.appearance().themeProperty().set(Theme.PROJECTOR));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.isCompact(), "the projector theme turns the layout compact");
        assertFalse(window.showsParameters(), "the parameters wait in a closed drawer");
        assertTrue(figureBounds().getWidth() > normalWidth + 300,
                "the figure takes the columns' width: " + normalWidth + " → " + figureBounds().getWidth());
        robot.interact(() -> window.appearance().themeProperty().set(Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isCompact(), "back in a desk theme, the three columns return");
        assertTrue(window.showsParameters());
        assertEquals(normalWidth, figureBounds().getWidth(), 1.0, "the columns come back as wide as they were");
    }

    @Test
    void f8OpensTheLessonDrawerOverTheFigureWithoutShrinkingItAndEscapeClosesIt(FxRobot robot) {
        robot.interact(() -> window.appearance().themeProperty().set(Theme.PROJECTOR));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds before = figureBounds();
        robot.type(KeyCode.F8);
        assertTrue(window.isLessonDrawerOpen());
        Node text = robot.lookup("#lesson-text").query();
        assertTrue(text.isVisible() && text.getScene() != null && text.localToScene(text.getLayoutBounds()).getWidth() > 300,
                "the lesson text is shown in the drawer");
        assertEquals(before, figureBounds(), "the drawer lies over the figure; the figure keeps its size");
        robot.interact(() -> writePng("compact-lesson-drawer"));
        robot.type(KeyCode.ESCAPE);
        assertFalse(window.isLessonDrawerOpen());
    }

    @Test
    void f7OpensTheParameterDrawerAndAParameterCanBeEditedThere(FxRobot robot) {
        robot.interact(() -> window.appearance().themeProperty().set(Theme.PROJECTOR));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#parameter-drawer-toggle");
        assertTrue(window.showsParameters(), "the parameter drawer is open");
        robot.interact(() -> writePng("compact-parameter-drawer"));
        robot.type(KeyCode.F7);
        assertFalse(window.showsParameters(), "F7 closes it again");
    }

    @Test
    void aWindowNarrowerThanTheThresholdTurnsCompactAndWiderAgainDoesNot(FxRobot robot) {
        robot.interact(() -> stage.setWidth(MainWindow.COMPACT_WIDTH - 100));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.isCompact());
        robot.interact(() -> stage.setWidth(1260));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isCompact());
    }

    @Test
    void viewMenuTurnsTheCompactLayoutOffInTheProjectorThemeUntilTheThemeChanges(FxRobot robot) {
        robot.interact(() -> window.appearance().themeProperty().set(Theme.PROJECTOR));
        robot.interact(() -> window.setCompact(false));
        assertFalse(window.isCompact());
        assertTrue(window.showsParameters());
        robot.interact(() -> window.appearance().themeProperty().set(Theme.LIGHT));
        robot.interact(() -> window.appearance().themeProperty().set(Theme.PROJECTOR));
        assertTrue(window.isCompact(), "a new theme brings back the automatic choice");
    }
}
