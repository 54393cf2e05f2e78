package org.mbrllab.app.lessons.mbplanning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import javax.imageio.ImageIO;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.LessonWindow;
import org.mbrllab.engine.model.ComparisonTable;
import org.mbrllab.engine.model.MbrlSettings.Version;
import org.mbrllab.engine.model.MbrlSnapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The return from the fixed starts beside the training return: a dotted line in the loop's return chart
 * and in the V1–V4 comparison. Writes both views to {@code target/} (or {@code -Dmbrllab.snapshots}) to
 * be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class MbplanFixedStartsUiTest {

    private MbplanPane pane;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        LessonWindow.openWithParameters(stage, "mbplanning", MbplanPane.parameterSpecs(), host -> {
            MbplanPane p = new MbplanPane(host);
            pane = p;
            return p;
        }, "horizon: 5", "samples: 12", "members: 2", "episodes: 2", "eval_starts: 2");
    }

    @Test
    void theReturnChartDrawsTheFixedStartReturnOfEveryEpisode(FxRobot robot) {
        LessonWindow.choose(robot, "#version-choice", Version.V4.toString());
        LessonWindow.choose(robot, "#granularity-choice", "one iteration");
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(pane::flushCharts);
        List<MbrlSnapshot.EpisodeResult> results = pane.viewModel().snapshotProperty().get().results();
        assertEquals(2, results.size());
        assertEquals(2, results.get(1).evalReturns().size(), "eval_starts: 2 from the lesson");
        assertArrayEquals(new double[] {results.get(0).evalReturn(), results.get(1).evalReturn()},
                pane.charts().evalReturnPoints(), 0.0);
        String info = robot.lookup("#loop-info").queryAs(Label.class).getText();
        assertTrue(info.contains(" · fixed starts -"), info);
        save(robot, "mbplan-fixed-starts-loop.png");
    }

    @Test
    void theComparisonDrawsADottedFixedStartLinePerVersion(FxRobot robot) {
        robot.clickOn("#comparison-tab");
        WaitForAsyncUtils.waitForFxEvents();
        // A drawing check: made-up returns with the shape of the recorded ones.
        StringBuilder csv = new StringBuilder("system,pendulum\nversion,seed,episode,real_return,predicted_return,eval_return\n");
        double[][] real = {{-900, -850, -820}, {-800, -700, -650}, {-750, -600, -500}, {-300, -150, -350}};
        double[][] eval = {{-950, -900, -880}, {-820, -720, -640}, {-700, -610, -520}, {-400, -220, -170}};
        for (Version v : Version.values()) {
            for (int seed = 0; seed < 2; seed++) {
                for (int e = 0; e < 3; e++) {
                    csv.append(v.cliName()).append(',').append(seed).append(',').append(e + 1).append(',')
                            .append(real[v.ordinal()][e] - 60 * seed).append(",-100,")
                            .append(eval[v.ordinal()][e] - 10 * seed).append('\n');
                }
            }
        }
        ComparisonTable t = ComparisonTable.parse(csv.toString(), "test");
        robot.interact(() -> pane.comparisonChart().show(t));
        WaitForAsyncUtils.waitForFxEvents();
        for (Version v : Version.values()) assertEquals(3, pane.comparisonChart().evalPoints(v), v.toString());
        save(robot, "mbplan-fixed-starts-comparison.png");
    }

    private void save(FxRobot robot, String name) {
        File dir = new File(System.getProperty("mbrllab.snapshots", "target"));
        dir.mkdirs();
        robot.interact(() -> {
            Node root = stage.getScene().getRoot();
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(root.snapshot(null, null), null), "png", new File(dir, name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
