package org.mbrllab.app.lessons.gridworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.LessonWindow;
import org.mbrllab.app.shell.FileDialogs;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.app.shell.PaneRegistry;
import org.mbrllab.app.shell.Settings;
import org.mbrllab.engine.dp.DpSnapshot;
import org.mbrllab.engine.dp.GridLayout;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a student does with the grid-world lesson, clicked and typed as they would. */
@ExtendWith(ApplicationExtension.class)
class GridWorldUiTest {

    private MainWindow window;
    private GridWorldPane pane;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        PaneRegistry registry = PaneRegistry.standard();
        registry.replaceFactory("gridworld", host -> {
            GridWorldPane p = new GridWorldPane(host);
            pane = p;
            return p;
        });
        LessonCatalog catalog = LessonCatalog.load(Optional.empty(), registry);
        window = new MainWindow(stage, catalog, registry, new Settings(1260, 780, false, "light", 1.0, "dynamic-programming"),
                RunnerFactory.synchronous());
        stage.show();
    }

    private DpSnapshot snapshot() {
        return pane.viewModel().snapshotProperty().get();
    }

    private static String textUnder(FxRobot robot, String query) {
        Node root = robot.lookup(query).query();
        if (root instanceof org.mbrllab.app.common.text.LessonTextView text) {   // renders in the background
            try {
                WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                        () -> WaitForAsyncUtils.asyncFx(() -> !text.isRendering()).get());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(query + " did not render within 10 s", e);
            }
        }
        return robot.from(root).lookup((java.util.function.Predicate<Node>) n -> n instanceof Text).queryAllAs(Text.class).stream()
                .map(Text::getText).collect(Collectors.joining(" "));
    }

    /** Opens a choice box and clicks the item with {@code text} in its popup menu. */
    private Point2D cellOnScreen(int row, int col) {
        double[] c = pane.canvas().cellCenter(row, col);
        return pane.canvas().localToScreen(c[0], c[1]);
    }

    @Test
    void opensTheGridWorldLessonWithItsDefaultPreset(FxRobot robot) {
        assertTrue(window.stage().getTitle().contains("Dynamic programming"), window.stage().getTitle());
        assertTrue(robot.lookup("#grid-canvas").tryQuery().isPresent());
        assertEquals("sutton-barto-3.5", pane.viewModel().presetNameProperty().get());
        assertTrue(textUnder(robot, "#lesson-text").contains("Bellman"), "the lesson text is shown");
    }

    @Test
    void stepOneBackupShowsTheExplainPanel(FxRobot robot) {
        LessonWindow.choose(robot, "#step-size-choice", "One backup");
        robot.clickOn("#grid-canvas");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, snapshot().lastBackup().state());
        String explain = textUnder(robot, "#explain-panel");
        assertTrue(explain.contains("Backup of state (0, 0)"), explain);
        assertTrue(robot.from(robot.lookup("#explain-panel").queryAs(Node.class))
                .lookup((java.util.function.Predicate<Node>) n -> n.getClass().getSimpleName().equals("MathView")).queryAll().size() >= 3,
                "the rule, the sums and the result are typeset");
    }

    @Test
    void runToConvergenceShowsTheArrows(FxRobot robot) {
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(snapshot().converged());
        assertTrue(robot.lookup("#run-status").queryAs(Label.class).getText().startsWith("Converged"));
        assertEquals(1 << 3, snapshot().greedy()[0], "Figure 3.5: go right from the top-left corner");
        assertTrue(pane.canvas().arrowsDrawn() >= 25, "one or more arrows per cell: " + pane.canvas().arrowsDrawn());
    }

    /**
     * The chart data is two files, one table each: V with the greedy actions per cell (Figure 3.5's 24.4
     * for cell (0, 1)), and max|ΔV| per sweep beside it.
     */
    @Test
    void chartDataExportsTheValuesAndTheConvergenceAsTwoFiles(FxRobot robot) throws Exception {
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitForFxEvents();
        var tables = pane.chartExport().orElseThrow().tables();
        assertEquals(java.util.List.of("values", "convergence"), tables.stream().map(t -> t.name()).toList());
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("csv");
        java.nio.file.Path file = dir.resolve("dp.csv");
        robot.interact(() -> window.exportCsv(file, tables));
        java.util.List<String> values = java.nio.file.Files.readAllLines(file);
        assertEquals("row,col,value,greedy", values.get(0));
        assertEquals(1 + 25, values.size(), "a header and 25 cells");
        String[] cell01 = values.get(2).split(",");
        assertEquals("0", cell01[0]);
        assertEquals("1", cell01[1]);
        assertEquals(24.4, Double.parseDouble(cell01[2]), 0.05, "Sutton & Barto Figure 3.5");
        java.util.List<String> convergence = java.nio.file.Files.readAllLines(dir.resolve("dp-convergence.csv"));
        assertTrue(convergence.size() > 100, "a row per sweep: " + convergence.size());
        assertTrue(convergence.stream().noneMatch(String::isBlank), "one table, no blank lines");
    }

    /** After one sweep max|ΔV| sits inside a decade: the log axis still spans a whole decade with labelled ends. */
    @Test
    void theLogAxisHasLabelledDecadesFromTheFirstSweep(FxRobot robot) {
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        double first = snapshot().sweepDeltas().get(0);
        var axis = pane.charts().valueAxis();
        double low = axis.getRange().getLowerBound();
        double high = axis.getRange().getUpperBound();
        assertTrue(low <= first && first <= high, first + " in [" + low + ", " + high + "]");
        assertEquals(1.0, Math.log10(high) - Math.log10(low), 1e-9, "one decade: " + low + " to " + high);
        assertEquals(Math.rint(Math.log10(low)), Math.log10(low), 1e-9, "whole decades");
        assertEquals(1.0, axis.getTickUnit().getSize(), 0, "a tick at every decade");
    }

    @Test
    void draggingGammaChangesTheValues(FxRobot robot) {
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitForFxEvents();
        double before = snapshot().values()[1];
        Slider slider = robot.lookup("#slider-gamma").queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(-60, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double gamma = pane.viewModel().parameters().get("gamma");
        assertTrue(gamma < 0.9, "γ went down: " + gamma);
        assertTrue(snapshot().converged());
        assertEquals(gamma, snapshot().gamma(), 1e-12);
        assertNotEquals(before, snapshot().values()[1], 1e-3);
    }

    @Test
    void paintingAWallWithTheMouse(FxRobot robot) {
        robot.clickOn("#tool-wall");
        robot.clickOn(cellOnScreen(2, 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(GridLayout.Kind.WALL, pane.viewModel().layout().cell(2, 2).kind());
        assertTrue(snapshot().wall()[12]);
    }

    @Test
    void typingGammaOutOfRangeIsRefusedWithTheRange(FxRobot robot) {
        robot.doubleClickOn("#param-gamma");
        robot.push(KeyCode.CONTROL, KeyCode.A).write("1.5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        String shown = robot.lookup(".parameter-error").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).collect(Collectors.joining());
        assertTrue(shown.contains("1.5") && shown.contains("[0, 1]"), shown);
        assertEquals(0.9, pane.viewModel().parameters().get("gamma"));
    }

    @Test
    void exportFigureWritesAPng(FxRobot robot) throws Exception {
        Path file = dir.resolve("figure.png");
        window.setFileDialogs(new FileDialogs() {
            @Override public Optional<Path> save(Window owner, String title, String name, String d, String e) { return Optional.of(file); }
            @Override public Optional<Path> open(Window owner, String title, String d, String e) { return Optional.empty(); }
        });
        robot.clickOn("#run-button");
        robot.push(KeyCode.CONTROL, KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(file) > 1000);
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image.getWidth() > 400 && image.getHeight() > 400, image.getWidth() + "×" + image.getHeight());
    }

    @Test
    void divergingRunShowsABannerWithReset(FxRobot robot) {
        LessonWindow.choose(robot, "#algorithm-choice", "Policy evaluation");
        robot.doubleClickOn("#param-gamma");
        robot.push(KeyCode.CONTROL, KeyCode.A).write("1").type(KeyCode.ENTER);
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitForFxEvents();
        Node banner = robot.lookup("#error-banner").query();
        assertTrue(banner.isVisible());
        assertTrue(robot.lookup("#error-text").queryAs(Label.class).getText().contains("γ"));
        robot.clickOn("#error-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!banner.isVisible());
    }

    private double cellSize() {
        return pane.canvas().cellCenter(0, 1)[0] - pane.canvas().cellCenter(0, 0)[0];
    }

    @Test
    void figureOnlyPutsTheGridBesideTheExplainPanelAndDrawsItLarger(FxRobot robot) {
        assertFalse(pane.isWide(), "the grid above the explain panel in the window with its side panels");
        double before = cellSize();
        robot.clickOn("#grid-canvas");
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.isWide(), "figure only: the grid beside the explain panel and charts");
        double wide = cellSize();
        assertTrue(wide > 1.5 * before, "a cell's size " + before + " then " + wide);
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pane.isWide());
        assertEquals(before, cellSize(), 0.05 * before);
    }
}
