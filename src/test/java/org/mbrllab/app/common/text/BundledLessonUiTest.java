package org.mbrllab.app.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.lessons.Lesson;
import org.mbrllab.lessons.LessonCatalog;
import org.mbrllab.lessons.PaneInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The lessons shipped with the app typeset every formula. */
@ExtendWith(ApplicationExtension.class)
class BundledLessonUiTest {

    private LessonTextView view;

    @Start
    void start(Stage stage) {
        view = new LessonTextView();
        stage.setScene(new Scene(view, 640, 760));
        stage.show();
    }

    @Test
    void everyBundledLessonTypesetsAllItsMath(FxRobot robot) throws Exception {
        LessonCatalog catalog = LessonCatalog.load(Optional.empty(), PaneInfo.any());
        assertTrue(catalog.find("dynamic-programming").isPresent(), catalog.problems().toString());
        for (Lesson lesson : catalog.lessons()) {
            robot.interact(() -> view.setMarkdown(lesson.markdown()));
            LessonTextViewUiTest.awaitRendered(robot, view);
            assertEquals(null, view.lookup(".lesson-math-error"), lesson.source());
            assertTrue(view.lookupAll(".lesson-math").size() > 0, lesson.source());

            AtomicReference<WritableImage> image = new AtomicReference<>();
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.WHITE);
            robot.interact(() -> image.set(view.getContent().snapshot(params, null)));
            ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png",
                    new File("target", "lesson-" + lesson.id() + ".png"));
        }
    }
}
