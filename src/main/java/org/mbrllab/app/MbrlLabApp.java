package org.mbrllab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.application.Application;
import javafx.stage.Stage;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.app.shell.PaneRegistry;
import org.mbrllab.app.shell.Settings;
import org.mbrllab.lessons.LessonCatalog;

/**
 * The desktop application. Options: {@code --lessons DIR} adds an external lesson folder (its lessons
 * replace bundled ones with the same id).
 */
public final class MbrlLabApp extends Application {

    private MainWindow window;

    public static void main(String[] args) {
        launch(MbrlLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Optional<Path> external = externalLessons(getParameters().getRaw());
        LessonCatalog catalog = LessonCatalog.load(external, PaneRegistry.standard());
        Settings.Loaded settings = Settings.read(Settings.defaultPath());
        window = new MainWindow(stage, catalog, PaneRegistry.standard(), settings.settings());
        settings.problem().ifPresent(window::notice);
        stage.show();
        if (Boolean.getBoolean("mbrllab.fps")) startFrameCounter();
    }

    /**
     * With {@code -Dmbrllab.fps=true}, prints the frames drawn per second to standard error once a
     * second: a hand measurement that the FX thread keeps drawing while an engine runs.
     */
    private static void startFrameCounter() {
        new javafx.animation.AnimationTimer() {
            private long windowStart;
            private int frames;

            @Override
            public void handle(long now) {
                if (windowStart == 0) windowStart = now;
                frames++;
                if (now - windowStart >= 1_000_000_000L) {
                    System.err.printf("fps %d%n", frames);
                    frames = 0;
                    windowStart = now;
                }
            }
        }.start();
    }

    /** The folder after {@code --lessons} (or {@code --lessons=DIR}), whether or not it exists. */
    static Optional<Path> externalLessons(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            if (a.equals("--lessons") && i + 1 < args.size()) value = args.get(i + 1);
            else if (a.startsWith("--lessons=")) value = a.substring("--lessons=".length());
            // A folder that is not there is passed on too: the catalogue reports it in Help › Lesson problems.
            if (value != null) return Optional.of(Path.of(value));
        }
        return Optional.empty();
    }

    MainWindow window() {
        return window;
    }
}
