package org.mbrllab.app.lessons.gridworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mbrllab.app.common.PaneHost;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.app.shell.PaneRegistry;
import org.mbrllab.app.shell.Settings;
import org.mbrllab.engine.dp.DpSnapshot;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View › Side by side on the grid world: "what changes if γ is 0.99 instead of 0.9?" Two copies of the
 * pane, each with its own γ, driven by one set of run controls.
 *
 * <p>The expected values are the book's, for the Figure 3.5 grid (the lesson's default preset): from
 * the top-left corner the first sweep finds nothing and the second finds γ · 10 (one step right to A,
 * which pays +10); at convergence V*(A) = 10 / (1 − γ⁵), since the optimal agent jumps from A to A′ and
 * walks the four cells back up to A.
 */
@ExtendWith(ApplicationExtension.class)
class GridWorldSideBySideUiTest {

    private MainWindow window;
    private final List<GridWorldPane> panes = new ArrayList<>();
    private final List<PaneHost> hosts = new ArrayList<>();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        PaneRegistry registry = PaneRegistry.standard();
        registry.replaceFactory("gridworld", host -> {
            GridWorldPane p = new GridWorldPane(host);
            panes.add(p);
            hosts.add(host);
            return p;
        });
        LessonCatalog catalog = LessonCatalog.load(Optional.empty(), registry);
        window = new MainWindow(stage, catalog, registry, new Settings(1260, 780, false, "light", 1.0, "dynamic-programming"),
                RunnerFactory.synchronous());
        stage.show();
    }

    private DpSnapshot snapshot(int copy) {
        return panes.get(copy).viewModel().snapshotProperty().get();
    }

    private double gamma(int copy) {
        return panes.get(copy).viewModel().parameters().get("gamma");
    }

    /** Ctrl D, then γ = 0.99 typed into copy B's field (A keeps the preset's 0.9). */
    private void splitWithGammaInB(FxRobot robot, String gammaB) {
        robot.clickOn("#grid-canvas");
        robot.push(KeyCode.CONTROL, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.isSideBySide(), "Ctrl D splits the pane");
        assertEquals(panes.get(0).presets().orElseThrow().save(), panes.get(1).presets().orElseThrow().save(),
                "B starts as a copy of A: the same grid, algorithm and parameters");
        robot.clickOn("#param-copy-b");
        robot.doubleClickOn("#param-gamma");
        robot.push(KeyCode.CONTROL, KeyCode.A).write(gammaB).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSplitPaneRunsTwoDiscountsInStep(FxRobot robot) throws Exception {
        splitWithGammaInB(robot, "0.99");
        assertEquals(2, panes.size(), "a second copy of the pane was made");
        assertSame(panes.get(1), window.secondPane().orElseThrow());
        assertEquals(0.9, gamma(0), 0.0, "A keeps the preset's γ");
        assertEquals(0.99, gamma(1), 0.0, "B takes the typed γ");
        assertTrue(robot.lookup("#copy-b").query().getParent().getStyleClass().contains("copy-edited"),
                "B's header is marked as the copy the panel edits");
        assertFalse(robot.lookup("#copy-a").query().getParent().getStyleClass().contains("copy-edited"));
        String differences = robot.lookup("#param-copy-differences").queryAs(Label.class).getText();
        assertTrue(differences.contains("γ (discount): A 0.9, B 0.99"), differences);

        // → (one sweep per press, after Enter the keys reach the run): both copies step together.
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, snapshot(0).iterations());
        assertEquals(2, snapshot(1).iterations());
        assertEquals(0.9 * 10, snapshot(0).values()[0], 1e-12, "A: V₂(0,0) = γ · 10");
        assertEquals(0.99 * 10, snapshot(1).values()[0], 1e-12, "B: V₂(0,0) = γ · 10");

        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(snapshot(0).converged() && snapshot(1).converged(), "Run runs both to convergence");
        assertEquals(10 / (1 - Math.pow(0.9, 5)), snapshot(0).values()[1], 1e-6, "A: V*(A) = 10 / (1 − 0.9⁵) = 24.4");
        assertEquals(10 / (1 - Math.pow(0.99, 5)), snapshot(1).values()[1], 1e-6, "B: V*(A) = 10 / (1 − 0.99⁵) = 204.0");
        String status = robot.lookup("#run-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("A: Converged") && status.contains("B: Converged"), status);

        File dir = new File(System.getProperty("mbrllab.snapshots", "target"));
        dir.mkdirs();
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(window.stage().getScene().getRoot().snapshot(null, null), null),
                        "png", new File(dir, "side-by-side-gridworld.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void resetTakesBothCopiesBackAndEachKeepsItsOwnSeed(FxRobot robot) {
        splitWithGammaInB(robot, "0.5");
        robot.doubleClickOn("#seed-field-b");
        robot.push(KeyCode.CONTROL, KeyCode.A).write("7").type(KeyCode.ENTER);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, snapshot(0).iterations());
        assertEquals(1, snapshot(1).iterations());
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, snapshot(0).iterations(), "R resets A");
        assertEquals(0, snapshot(1).iterations(), "R resets B");
        assertEquals(1, panes.get(0).viewModel().seed(), "A keeps the toolbar's seed");
        assertEquals(7, panes.get(1).viewModel().seed(), "B's own seed field sets B alone");
        assertEquals("7", robot.lookup("#seed-field-b").queryAs(TextField.class).getText());
    }

    @Test
    void splitOffClosesTheSecondCopyAndGivesTheWholeAreaBackToA(FxRobot robot) {
        splitWithGammaInB(robot, "0.5");
        assertFalse(hosts.get(1).scope().isClosed());
        robot.push(KeyCode.CONTROL, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isSideBySide());
        assertTrue(window.secondPane().isEmpty());
        assertTrue(hosts.get(1).scope().isClosed(), "B's scope, and with it B's runners, closed");
        assertFalse(hosts.get(0).scope().isClosed(), "A stays open");
        assertTrue(robot.lookup("#param-copy-b").tryQuery().isEmpty(), "the panel edits A alone again");
        assertEquals(1, robot.lookup("#grid-canvas").queryAll().size(), "one grid on screen");
        assertEquals(0.9, gamma(0), 0.0);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, snapshot(0).iterations(), "the run controls drive A again");
        assertEquals(0, snapshot(1).iterations(), "and no longer B");
        String status = robot.lookup("#run-status").queryAs(Label.class).getText();
        assertFalse(status.contains("B:"), status);
    }

    @Test
    void aCopyThatDivergesSaysWhichInTheBanner(FxRobot robot) {
        splitWithGammaInB(robot, "1");
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(snapshot(0).converged(), "A (γ = 0.9) converges");
        assertTrue(robot.lookup("#error-banner").query().isVisible());
        String error = robot.lookup("#error-text").queryAs(Label.class).getText();
        assertTrue(error.startsWith("B: ") && error.contains("γ"), error);
    }

    @Test
    void exportFigureWhileSplitTakesBothCopies(FxRobot robot) throws Exception {
        splitWithGammaInB(robot, "0.5");
        Path file = dir.resolve("split.png");
        robot.interact(() -> window.exportFigure(file));
        BufferedImage image = ImageIO.read(file.toFile());
        double oneFigure = panes.get(0).figure().getLayoutBounds().getWidth();
        assertTrue(image.getWidth() >= 2 * 2 * oneFigure, "both figures at twice their size: "
                + image.getWidth() + " px for figures " + oneFigure + " px wide");
    }

    @Test
    void leavingTheLessonWhileSplitClosesBothCopies(FxRobot robot) {
        splitWithGammaInB(robot, "0.5");
        robot.interact(() -> window.selectLesson("mcts"));
        assertFalse(window.isSideBySide());
        assertTrue(hosts.get(0).scope().isClosed() && hosts.get(1).scope().isClosed());
    }
}
