package org.mbrllab.app.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.app.shell.PaneRegistry;
import org.mbrllab.app.shell.Settings;
import org.mbrllab.engine.core.ParameterSpec;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The UI tests' window: the real main window on one lesson whose pane a test builds (usually with a
 * synchronous engine), sized to fit Monocle's 1280 × 800 screen; and the clicks every pane test needs.
 */
public final class LessonWindow {
    private LessonWindow() {}

    /** A window on the bundled lesson {@code lessonId}, whose pane {@code factory} makes. */
    public static MainWindow open(Stage stage, String lessonId, String paneId, List<ParameterSpec> specs,
                                  Function<PaneHost, LessonPane> factory) {
        return show(stage, lessonId, registry(paneId, specs, factory), Optional.empty());
    }

    /**
     * A window on a lesson written for the test: id {@code paneId + "-test"}, showing pane {@code paneId},
     * with {@code parameters} (YAML lines such as {@code "  max_epochs: 3"}) as its front-matter defaults,
     * so that the test runs on small settings.
     */
    public static MainWindow openWithParameters(Stage stage, String paneId, List<ParameterSpec> specs,
                                                Function<PaneHost, LessonPane> factory, String... parameters) {
        String id = paneId + "-test";
        try {
            Path external = Files.createTempDirectory("lessons");
            Path dir = Files.createDirectories(external.resolve(id));
            StringBuilder md = new StringBuilder("---\nid: " + id + "\ntitle: " + paneId + " (test)\n"
                    + "part: learned-models\norder: 99\npane: " + paneId + "\nparameters:\n");
            for (String p : parameters) md.append("  ").append(p).append('\n');
            md.append("---\nA lesson for a test.\n");
            Files.writeString(dir.resolve("lesson.md"), md);
            return show(stage, id, registry(paneId, specs, factory), Optional.of(external));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the choice box {@code choiceBox} (a lookup query) and clicks its item {@code text}. */
    public static void choose(FxRobot robot, String choiceBox, String text) {
        robot.clickOn(choiceBox);
        Node item = robot.lookup(".menu-item .label").queryAllAs(Labeled.class).stream()
                .filter(l -> text.equals(l.getText()) && l.isVisible()).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + text));
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static PaneRegistry registry(String paneId, List<ParameterSpec> specs,
                                         Function<PaneHost, LessonPane> factory) {
        // Every bundled pane, so that the other bundled lessons load without "unknown pane" problems;
        // the pane under test made by the test's factory.
        PaneRegistry registry = PaneRegistry.standard();
        if (registry.exists(paneId)) registry.replaceFactory(paneId, factory);
        else registry.register(new PaneRegistry.Entry(paneId, specs, factory));
        return registry;
    }

    private static MainWindow show(Stage stage, String lessonId, PaneRegistry registry, Optional<Path> external) {
        LessonCatalog catalog = LessonCatalog.load(external, registry);
        MainWindow window = new MainWindow(stage, catalog, registry, new Settings(1260, 780, false, "light", 1.0, lessonId),
                RunnerFactory.synchronous());
        stage.show();
        return window;
    }
}
