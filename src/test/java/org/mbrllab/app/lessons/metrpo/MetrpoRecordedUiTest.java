package org.mbrllab.app.lessons.metrpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.LessonWindow;
import org.mbrllab.engine.metrpo.MeTrpoRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The bundled ME-TRPO lesson: its comparison.csv is drawn in Figures 2 and 4 as soon as it opens. */
@ExtendWith(ApplicationExtension.class)
class MetrpoRecordedUiTest {

    private MetrpoPane pane;

    @Start
    void start(Stage stage) {
        LessonWindow.open(stage, "me-trpo", "metrpo", MetrpoPane.parameterSpecs(), host -> {
            MetrpoPane p = new MetrpoPane(host);
            pane = p;
            return p;
        });
    }

    @Test
    void theRecordedComparisonIsDrawnInBothFigures(FxRobot robot) {
        robot.clickOn("#metrpo-figure2-tab");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, pane.dataEfficiency().curves(), "ME-TRPO (K = 5) and model-free TRPO");
        String note = robot.lookup("#metrpo-comparison-note").queryAs(Label.class).getText();
        assertTrue(note.startsWith("Recorded (comparison.csv): ME-TRPO, K = "), note);
        robot.clickOn("#metrpo-figure4-tab");
        WaitForAsyncUtils.waitForFxEvents();
        long ks = pane.comparison().curvesProperty().get().stream().filter(c -> !c.kind().modelFree()).count();
        assertTrue(ks >= 1);
        assertEquals(ks, pane.models().curves(), "every K of the file, and no TRPO");
        assertTrue(pane.models().csv().contains("worst seed"), "the worst seed is drawn");
        assertEquals(MeTrpoRecord.Kind.metrpo(5), pane.dataEfficiency().pick(pane.comparison().curvesProperty().get()).get(0).kind());
    }
}
