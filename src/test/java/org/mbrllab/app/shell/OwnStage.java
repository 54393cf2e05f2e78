package org.mbrllab.app.shell;

import java.util.Optional;

import javafx.stage.Stage;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.lessons.LessonCatalog;

/**
 * The app's window with the bundled lessons and panes on a stage of its own. TestFX records every event
 * fired on the stage it hands {@code @Start} (a preset menu's ActionEvent names the menu, and so its
 * pane), which would keep left panes reachable in a way the app never does; tests that count what a
 * lesson leaves behind use this instead. Call on the FX thread; close the stage after the test.
 */
record OwnStage(Stage stage, MainWindow window) {

    static OwnStage open(Settings settings, RunnerFactory runners) {
        Stage own = new Stage();
        LessonCatalog catalog = LessonCatalog.load(Optional.empty(), PaneRegistry.standard());
        MainWindow window = new MainWindow(own, catalog, PaneRegistry.standard(), settings, runners);
        own.show();
        return new OwnStage(own, window);
    }
}
