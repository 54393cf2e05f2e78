package org.mbrllab.app.lessons.whichmethod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.app.shell.PaneRegistry;
import org.mbrllab.app.shell.Settings;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The which-method pane at 1280 × 800 in the projector theme (issue 11): the table fits the pane's width. */
@ExtendWith(ApplicationExtension.class)
class WhichMethodLayoutUiTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        LessonCatalog catalog = LessonCatalog.load(Optional.empty(), PaneRegistry.standard());
        new MainWindow(stage, catalog, PaneRegistry.standard(), new Settings(1280, 800, false, "projector", 1.0, "which-method"));
        stage.show();
    }

    private void save(FxRobot robot, Node node, String name) throws IOException {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        File out = new File("target/which-method-" + name + ".png");
        out.getParentFile().mkdirs();
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", out);
    }

    @Test
    void theTableFitsThePaneWidthAt1280x800(FxRobot robot) throws Exception {
        WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        save(robot, stage.getScene().getRoot(), "window");
        Node table = robot.lookup("#method-table").query();
        ScrollPane scroll = null;
        for (Node n = table; n != null; n = n.getParent()) if (n instanceof ScrollPane s) { scroll = s; break; }
        assertTrue(scroll != null);
        Bounds viewport = scroll.getViewportBounds();
        Bounds content = scroll.getContent().getLayoutBounds();
        assertTrue(content.getWidth() <= viewport.getWidth() + 0.5,
                "no sideways scrolling: content " + content.getWidth() + " px in a viewport of " + viewport.getWidth() + " px");
    }

    @Test
    void complexitiesAreTypesetAndTheTableFillsThePaneHeight(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#complexity-mcts")
                .queryAs(org.mbrllab.app.common.text.MathLabel.class).isTypeset());
        WaitForAsyncUtils.waitForFxEvents();
        save(robot, stage.getScene().getRoot(), "typeset");
        org.mbrllab.app.common.text.MathLabel mcts = robot.lookup("#complexity-mcts").queryAs(org.mbrllab.app.common.text.MathLabel.class);
        assertEquals("O(b^d)", mcts.latex());
        Node table = robot.lookup("#method-table").query();
        ScrollPane scroll = null;
        for (Node n = table; n != null; n = n.getParent()) if (n instanceof ScrollPane s) { scroll = s; break; }
        Bounds inScroll = scroll.sceneToLocal(table.localToScene(table.getLayoutBounds()));
        double below = scroll.getViewportBounds().getHeight() - inScroll.getMaxY();
        // Under the table there is only the one- or two-line notation and the padding.
        assertTrue(below < 120, below + " px left empty under the table");
    }

    @Test
    void theLessonTextsTableWrapsInsteadOfScrollingSideways(FxRobot robot) throws Exception {
        WaitForAsyncUtils.sleep(2000, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.Region table = robot.lookup(".lesson-table-fitted").query();
        robot.interact(() -> {
            javafx.scene.control.ScrollPane text = null;
            for (Node n = table.getParent(); n != null; n = n.getParent()) {
                if (n instanceof org.mbrllab.app.common.text.LessonTextView v) { text = v; break; }
            }
            Bounds b = text.getContent().sceneToLocal(table.localToScene(table.getLayoutBounds()));
            text.setVvalue(b.getMinY() / Math.max(1, text.getContent().getLayoutBounds().getHeight() - text.getViewportBounds().getHeight()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        save(robot, stage.getScene().getRoot(), "lesson-table");
        javafx.scene.control.ScrollPane text = null;
        for (Node n = table.getParent(); n != null; n = n.getParent()) {
            if (n instanceof org.mbrllab.app.common.text.LessonTextView v) { text = v; break; }
        }
        double viewport = text.getViewportBounds().getWidth();
        for (Node shown : table.getChildrenUnmodifiable()) {
            if (!shown.isVisible()) continue;
            double right = table.localToScene(shown.getBoundsInParent()).getMaxX() - text.localToScene(text.getLayoutBounds()).getMinX();
            assertTrue(shown.getLayoutBounds().getWidth() <= viewport + 0.5,
                    "the lesson's table is " + shown.getLayoutBounds().getWidth() + " px wide in " + viewport + " px");
            assertTrue(right <= text.getWidth(), "the table ends at " + right + " px in a text column of " + text.getWidth());
        }
    }
}
