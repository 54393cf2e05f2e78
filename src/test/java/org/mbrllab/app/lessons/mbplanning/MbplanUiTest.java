package org.mbrllab.app.lessons.mbplanning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.app.shell.PaneRegistry;
import org.mbrllab.app.shell.Settings;
import org.mbrllab.app.shell.lessons.LessonCatalog;
import org.mbrllab.engine.model.MbrlSettings.Version;
import org.mbrllab.engine.model.ModelBasedPlanning.Phase;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The model-based planning lesson as a student uses it: small settings, the loop on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class MbplanUiTest {

    private MbplanPane pane;

    @Start
    void start(Stage stage) throws Exception {
        Path external = Files.createTempDirectory("lessons");
        Path dir = Files.createDirectories(external.resolve("mbplan-test"));
        Files.writeString(dir.resolve("lesson.md"), "---\nid: mbplan-test\ntitle: Model-based planning (test)\n"
                + "part: learned-models\norder: 99\npane: mbplanning\n"
                + "parameters:\n  horizon: 5\n  samples: 12\n  members: 2\n  episodes: 3\n---\nStep through the loop.\n");
        PaneRegistry registry = new PaneRegistry();
        registry.register(new PaneRegistry.Entry("mbplanning", MbplanPane.parameterSpecs(), appearance -> {
            MbplanPane p = new MbplanPane(appearance);
            p.useSynchronousEngine();
            pane = p;
            return p;
        }));
        LessonCatalog catalog = LessonCatalog.load(Optional.of(external), registry);
        new MainWindow(stage, catalog, registry, new Settings(1260, 780, false, "light", 1.0, "mbplan-test"));
        stage.show();
    }

    /** Opens a choice box and clicks the item with {@code text} in its popup menu. */
    private static void choose(FxRobot robot, String choiceBox, String text) {
        robot.clickOn(choiceBox);
        Node item = robot.lookup(".menu-item .label").queryAllAs(javafx.scene.control.Labeled.class).stream()
                .filter(l -> text.equals(l.getText()) && l.isVisible()).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + text));
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void stepOneV4Iteration(FxRobot robot) {
        choose(robot, "#version-choice", Version.V4.toString());
        choose(robot, "#granularity-choice", "one iteration");
        assertEquals(Version.V4, pane.viewModel().snapshotProperty().get().settings().version());
        assertEquals(0, pane.charts().returnPoints());
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(pane::flushCharts);
        assertEquals(1, pane.charts().returnPoints(), "the return chart gained the first episode");
        assertEquals(400, pane.charts().coveragePoints(), "random data and the episode's own");
        String info = robot.lookup("#loop-info").queryAs(Label.class).getText();
        assertTrue(info.startsWith("|D| = 400 · episode 1: real return -"), info);
        assertEquals(Phase.FIT, pane.viewModel().snapshotProperty().get().phase(), "V4 refits next");
        assertTrue(pane.shownStages().contains(LoopStage.AGGREGATE));
    }

    @Test
    void stepOfOnePhaseHighlightsFitAfterCollect(FxRobot robot) {
        assertTrue(pane.shownStages().contains(LoopStage.COLLECT));
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Phase.FIT, pane.viewModel().snapshotProperty().get().phase());
        assertTrue(pane.shownStages().contains(LoopStage.FIT));
        robot.interact(pane::flushCharts);
        assertEquals(200, pane.charts().coveragePoints());
    }

    @Test
    void theComparisonTabShowsTheRecordedRunAtOnce(FxRobot robot) {
        robot.clickOn("#comparison-tab");
        WaitForAsyncUtils.waitForFxEvents();
        for (Version v : Version.values()) assertEquals(5, pane.comparisonChart().points(v), v.toString());
        String note = robot.lookup("#comparison-note").queryAs(Label.class).getText();
        assertTrue(note.startsWith("Recorded"), note);
    }
}
