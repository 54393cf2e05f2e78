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

    /** The lesson catalogue, read on its own thread while the toolkit starts. */
    private static java.util.concurrent.CompletableFuture<LessonCatalog> catalogue;

    public static void main(String[] args) {
        Optional<Path> external = externalLessons(List.of(args));
        // The catalogue needs no toolkit: read it (files, YAML, preset checks) while JavaFX starts.
        catalogue = java.util.concurrent.CompletableFuture.supplyAsync(() -> LessonCatalog.load(external, PaneRegistry.standard()));
        launch(MbrlLabApp.class, args);
    }

    private LessonCatalog catalogue(Optional<Path> external) {
        if (catalogue != null) {
            try {
                return catalogue.join();
            } catch (java.util.concurrent.CompletionException e) {
                System.err.println("lesson catalogue: " + e.getCause() + "; reading it again");
            }
        }
        return LessonCatalog.load(external, PaneRegistry.standard());
    }

    @Override
    public void start(Stage stage) {
        long start = System.nanoTime();
        Optional<Path> external = externalLessons(getParameters().getRaw());
        LessonCatalog catalog = catalogue(external);
        long catalogued = System.nanoTime();
        Settings.Loaded settings = Settings.read(Settings.defaultPath());
        window = new MainWindow(stage, catalog, PaneRegistry.standard(), settings.settings(),
                org.mbrllab.app.common.RunnerFactory.threaded(), true);
        settings.problem().ifPresent(window::notice);
        long built = System.nanoTime();
        stage.show();
        if (Boolean.getBoolean("mbrllab.startup")) reportStartup(stage, start, catalogued, built);
        if (Boolean.getBoolean("mbrllab.quitAfterStart")) quitAfterStart(stage);
        if (Boolean.getBoolean("mbrllab.fps")) startFrameCounter();
    }

    /**
     * With {@code -Dmbrllab.startup=true}, prints to standard error where the start-up time went, once the
     * first frame is drawn: from the JVM's start to {@link #start} (class loading and the toolkit), waiting
     * for the lesson catalogue (read on its own thread meanwhile), building the window, and showing it; the
     * first lesson opens after that frame. A hand measurement.
     */
    private static void reportStartup(Stage stage, long start, long catalogued, long built) {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long toStart = System.currentTimeMillis() - jvmStart - (System.nanoTime() - start) / 1_000_000;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(once[0]);
            javafx.application.Platform.runLater(() -> {
                long now = System.nanoTime();
                System.err.printf("startup: first frame %d ms after the JVM started: to Application.start %d ms, "
                                + "waiting for the lesson catalogue %d ms, window %d ms, show and first frame %d ms%n",
                        System.currentTimeMillis() - jvmStart, toStart, (catalogued - start) / 1_000_000,
                        (built - catalogued) / 1_000_000, (now - built) / 1_000_000);
            });
        };
        stage.getScene().addPostLayoutPulseListener(once[0]);
    }

    /**
     * With {@code -Dmbrllab.quitAfterStart=true}, closes the window two seconds after its first frame (the
     * first lesson is open by then), through the normal exit: for writing a class-data-sharing archive of
     * everything start-up loads ({@code -XX:ArchiveClassesAtExit}, see the README) without a person to
     * close the window.
     */
    private static void quitAfterStart(Stage stage) {
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
        wait.setOnFinished(e -> stage.close());
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(once[0]);
            wait.play();
        };
        stage.getScene().addPostLayoutPulseListener(once[0]);
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
