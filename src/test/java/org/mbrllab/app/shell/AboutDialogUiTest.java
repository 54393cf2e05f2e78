package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.BuildInfo;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help › About opens from the menu and shows the build's version and the settings file. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogUiTest {

    @Start
    void start(Stage stage) {
        LessonCatalog catalog = LessonCatalog.load(Optional.empty(), PaneRegistry.standard());
        new MainWindow(stage, catalog, PaneRegistry.standard(), new Settings(1260, 780, false, "light", 1.0, ""));
        stage.show();
    }

    @Test
    void helpAboutShowsVersionSettingsFileAndLicences(FxRobot robot) {
        robot.clickOn("Help").clickOn("About MBRL Lab");
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#about-text").queryAs(TextArea.class).getText();
        assertTrue(text.startsWith("MBRL Lab " + BuildInfo.current().version() + "\n"), text);
        assertTrue(text.contains("Settings live in " + Settings.defaultPath() + "."), text);
        assertTrue(text.contains("OpenJFX (JavaFX): GNU GPL 2 with the Classpath Exception"), text);
    }
}
