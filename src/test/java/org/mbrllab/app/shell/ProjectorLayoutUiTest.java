package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.lessons.Lesson;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every bundled lesson on a 1280 × 800 projector, as the window comes up: the pane's figure gets at least
 * half of the window, and no chart a student can see is squashed below {@value #MIN_CHART_HEIGHT} px.
 * Writes what it measured to {@code target/projector-LESSON.png}, so that a person can look too.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorLayoutUiTest {

    /** The smallest chart height that still shows a curve with its axes and title on a projector. */
    static final double MIN_CHART_HEIGHT = 160;
    /** The least share of the window the figure gets. */
    static final double MIN_FIGURE_SHARE = 0.5;

    private static final LessonCatalog CATALOG = LessonCatalog.load(Optional.empty(), PaneRegistry.standard());

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Hiding the window leaves its lesson, as closing the app does, so that no pane outlives its test. */
    @AfterEach
    void hide(FxRobot robot) {
        robot.interact(stage::hide);
    }

    static Stream<String> lessons() {
        return CATALOG.lessons().stream().map(Lesson::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void figureGetsHalfTheWindowAndEveryVisibleChartIsAtLeast160PxTall(String id, FxRobot robot) throws IOException {
        // The lesson opens as the window's first, so that no other pane is built on the way.
        robot.interact(() -> {
            window = new MainWindow(stage, CATALOG, PaneRegistry.standard(),
                    new Settings(1280, 800, false, "projector", 1.0, id), RunnerFactory.synchronous());
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.isCompact(), "the projector theme comes up in the compact layout");
        Scene scene = window.stage().getScene();
        double[] measured = new double[2];
        List<String> small = new ArrayList<>();
        robot.interact(() -> {
            Node figure = window.currentPane().orElseThrow().figure();
            Bounds shown = visibleBounds(figure, scene);
            measured[0] = shown.getWidth() * shown.getHeight() / (scene.getWidth() * scene.getHeight());
            measured[1] = Double.POSITIVE_INFINITY;
            for (ChartViewer chart : charts(figure)) {
                if (!showing(chart, figure)) continue;
                double h = chart.getHeight();
                measured[1] = Math.min(measured[1], h);
                if (h < MIN_CHART_HEIGHT) small.add(describe(chart) + " " + Math.round(h) + " px");
            }
            writePng(scene, Path.of("target", "projector-" + id + ".png"));
        });
        System.out.printf("projector %-22s figure %.2f of the window, smallest chart %s px%n", id, measured[0],
                Double.isInfinite(measured[1]) ? "-" : Long.toString(Math.round(measured[1])));
        List<String> problems = new ArrayList<>();
        if (measured[0] < MIN_FIGURE_SHARE) {
            problems.add("the figure gets " + Math.round(measured[0] * 100) + " % of the window, less than half");
        }
        if (!small.isEmpty()) problems.add("charts shorter than " + Math.round(MIN_CHART_HEIGHT) + " px: " + small);
        assertTrue(problems.isEmpty(), id + ": " + String.join("; ", problems));
    }

    /** The part of {@code node} inside the scene, in scene coordinates. */
    private static Bounds visibleBounds(Node node, Scene scene) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        double x0 = Math.max(0, b.getMinX()), y0 = Math.max(0, b.getMinY());
        double x1 = Math.min(scene.getWidth(), b.getMaxX()), y1 = Math.min(scene.getHeight(), b.getMaxY());
        return new javafx.geometry.BoundingBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private static List<ChartViewer> charts(Node node) {
        List<ChartViewer> found = new ArrayList<>();
        if (node instanceof ChartViewer c) found.add(c);
        else if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) found.addAll(charts(child));
        return found;
    }

    /** Whether {@code node} and every parent up to {@code figure} are visible (a hidden tab's content is not). */
    private static boolean showing(Node node, Node figure) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
            if (n == figure) return true;
        }
        return false;
    }

    private static String describe(ChartViewer chart) {
        var title = chart.getChart() == null ? null : chart.getChart().getTitle();
        return title == null ? "untitled chart" : "“" + title.getText() + "”";
    }

    private static void writePng(Scene scene, Path file) {
        try {
            Files.createDirectories(file.getParent());
            BufferedImage image = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
