package org.mbrllab.app.lessons.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.LessonWindow;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.app.shell.PaneRegistry;
import org.mbrllab.app.shell.Settings;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot;
import org.mbrllab.engine.mcts.MctsSnapshot.NodeView;
import org.mbrllab.engine.mcts.Phase;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.mbrllab.engine.play.GameSnapshot;
import org.mbrllab.app.common.search.SearchFigure;

/** What a student does with the MCTS lesson, clicked and typed as they would. */
@ExtendWith(ApplicationExtension.class)
class MctsUiTest {

    private MainWindow window;
    private MctsPane pane;

    @Start
    void start(Stage stage) {
        PaneRegistry registry = PaneRegistry.standard();
        registry.replaceFactory("mcts", host -> {
            MctsPane p = new MctsPane(host);
            pane = p;
            return p;
        });
        LessonCatalog catalog = LessonCatalog.load(Optional.empty(), registry);
        window = new MainWindow(stage, catalog, registry, new Settings(1260, 780, false, "light", 1.0, "mcts"),
                RunnerFactory.synchronous());
        stage.show();
    }

    private MctsSnapshot search() {
        return pane.viewModel().snapshot().search();
    }

    /** Opens a choice box and clicks the item with {@code text} in its popup menu. */
    private static void type(FxRobot robot, String field, String value) {
        robot.doubleClickOn(field);
        robot.push(KeyCode.CONTROL, KeyCode.A).write(value).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D onScreen(Node node, Point2D local) {
        return node.localToScreen(local);
    }

    /** 100 simulations in one step, so the tree has a few levels. */
    private void growTree(FxRobot robot) {
        LessonWindow.choose(robot, "#step-size-choice", "N simulations");
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(100, search().simulations());
    }

    @Test
    void opensOnTheEmptyBoardWithTheSearchToMove(FxRobot robot) {
        assertTrue(window.stage().getTitle().contains("Monte Carlo tree search"), window.stage().getTitle());
        assertEquals(".........", search().rootBoard());
        assertTrue(robot.lookup("#turn-label").queryAs(Label.class).getText().startsWith("MCTS (X) searching"));
    }

    @Test
    void playingAMoveByClickingGetsAnAnswer(FxRobot robot) {
        LessonWindow.choose(robot, "#mcts-side-choice", "O");
        assertTrue(robot.lookup("#turn-label").queryAs(Label.class).getText().startsWith("Your move (X)"));
        robot.clickOn(onScreen(pane.board(), pane.board().moveCenter(4)));
        WaitForAsyncUtils.waitForFxEvents();
        GameSnapshot g = pane.viewModel().snapshot();
        assertEquals(2, g.moves().size(), "your move and the answer");
        assertEquals('X', search().rootBoard().charAt(4));
        assertEquals(Side.O, g.moves().get(1).side());
        assertTrue(robot.lookup("#last-move-label").queryAs(Label.class).getText().startsWith("MCTS (O) played "));
        assertTrue(robot.lookup("#turn-label").queryAs(Label.class).getText().startsWith("Your move (X)"));
        // A click on a taken cell is refused with a reason.
        robot.clickOn(onScreen(pane.board(), pane.board().moveCenter(4)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("That cell is taken.", robot.lookup("#board-message").queryAs(Label.class).getText());
        assertEquals(2, pane.viewModel().snapshot().moves().size());
    }

    @Test
    void steppingOnePhaseHighlightsTheSelectionPath(FxRobot robot) {
        growTree(robot);
        LessonWindow.choose(robot, "#step-size-choice", "One phase");
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        var sim = search().simulation();
        assertEquals(Phase.SELECT, sim.lastPhase());
        List<Integer> path = Arrays.stream(sim.path()).boxed().toList();
        assertTrue(path.size() >= 2, "the path goes below the root: " + path);
        assertEquals(path, pane.tree().highlightedPath(), "every node of the path is drawn highlighted");
        String phase = robot.lookup("#phase-text").queryAs(Label.class).getText();
        assertTrue(phase.startsWith("Simulation 101 · 1. Selection: root → "), phase);

        robot.type(KeyCode.RIGHT); // expansion
        WaitForAsyncUtils.waitForFxEvents();
        int newNode = search().simulation().newNode();
        assertTrue(pane.tree().highlightedPath().contains(newNode), "the new node joins the highlighted path");
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT); // simulation, backup
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Phase.BACKUP, search().simulation().lastPhase());
        assertTrue(robot.lookup("#phase-text").queryAs(Label.class).getText().contains("4. Backup"));
        assertEquals(101, search().tree().visits());
    }

    @Test
    void hoveringANodeShowsItsBoardAndWhyItsChildWasSelected(FxRobot robot) {
        growTree(robot);
        Point2D root = pane.tree().nodeCenter(0).orElseThrow();
        robot.moveTo(onScreen(pane.tree(), root));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.inspector().isVisible());
        assertEquals(9, pane.inspector().shownTerms().size(), "a row per legal move");
        String title = robot.lookup("#inspector-title").queryAs(Label.class).getText();
        assertTrue(title.startsWith("The root"), title);
        var best = pane.inspector().shownTerms().stream().filter(t -> t.best()).toList();
        double top = pane.inspector().shownTerms().stream().mapToDouble(t -> t.score()).max().orElseThrow();
        assertTrue(best.stream().allMatch(t -> t.score() == top), "the marked child has the largest Q + U");
        if (best.size() == 1) assertEquals(best.get(0).move(), pane.inspector().markedMove());
    }

    @Test
    void collapsingASubtreeHidesItsNodes(FxRobot robot) {
        growTree(robot);
        NodeView child = search().tree().children().get(0);
        List<Integer> grandchildren = child.children().stream().map(NodeView::id).toList();
        assertFalse(grandchildren.isEmpty());
        assertTrue(pane.tree().drawnIds().containsAll(grandchildren));
        robot.clickOn(onScreen(pane.tree(), pane.tree().toggleCenter(child.id()).orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.tree().drawnIds().contains(child.id()), "the node itself stays");
        assertTrue(grandchildren.stream().noneMatch(pane.tree().drawnIds()::contains), "its subtree is folded");
        robot.clickOn(onScreen(pane.tree(), pane.tree().toggleCenter(child.id()).orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.tree().drawnIds().containsAll(grandchildren), "and unfolds again");
    }

    @Test
    void aNodeAtTheDepthLimitOpensOnClick(FxRobot robot) {
        growTree(robot);
        NodeView child = search().tree().children().get(0);
        NodeView grandchild = child.children().get(0);
        assertTrue(grandchild.children().stream().allMatch(NodeView::onPath), "depth 2: closed");
        robot.clickOn(onScreen(pane.tree(), pane.tree().toggleCenter(grandchild.id()).orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        NodeView opened = search().tree().children().get(0).children().get(0);
        assertEquals(grandchild.id(), opened.id());
        assertFalse(opened.children().isEmpty(), "the engine copied its children");
        assertTrue(pane.tree().drawnIds().contains(opened.children().get(0).id()));
    }

    /** "Sims per move" runs from 1 to 20,000 on a logarithmic slider whose stops are round numbers. */
    @Test
    void theSimulationsSliderReachesOneThousandAndTenThousandExactly(FxRobot robot) {
        javafx.scene.control.Slider slider = robot.lookup("#slider-simulations").queryAs(javafx.scene.control.Slider.class);
        robot.interact(() -> slider.setValue(3.0));
        assertEquals(1000.0, pane.viewModel().parameters().get("simulations"));
        robot.interact(() -> slider.setValue(4.0));
        assertEquals(10_000.0, pane.viewModel().parameters().get("simulations"));
        robot.interact(() -> slider.setValue(Math.log10(1400)));
        assertEquals(1000.0, pane.viewModel().parameters().get("simulations"), "round steps: 1,400 is 1,000");
    }

    @Test
    void changingCAndResettingGrowsAnotherTree(FxRobot robot) {
        type(robot, "#param-simulations", "400");
        LessonWindow.choose(robot, "#step-size-choice", "To the budget");
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        int[] narrow = search().rootVisits().clone();
        assertEquals(400, IntStream.of(narrow).sum());
        type(robot, "#param-c", "5");
        robot.clickOn("#reset-button");
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        int[] wide = search().rootVisits();
        assertEquals(5.0, search().c());
        assertFalse(Arrays.equals(narrow, wide), "another c, another tree");
        assertTrue(IntStream.of(wide).max().orElseThrow() < IntStream.of(narrow).max().orElseThrow(),
                "c = 5 spreads the visits: " + Arrays.toString(wide) + " vs " + Arrays.toString(narrow));
    }

    @Test
    void figureOnlyPutsTheTreeBesideTheBoardAndDrawsItLarger(FxRobot robot) {
        growTree(robot);
        SearchFigure figure = (SearchFigure) pane.figure();
        assertFalse(figure.isWide(), "board and chart above the tree in the window with its side panels");
        double before = figure.tree().scale();
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(figure.isWide(), "figure only: " + figure.getWidth() + " x " + figure.getHeight());
        double wide = figure.tree().scale();
        assertTrue(wide > 1.3 * before, "the tree's scale " + before + " then " + wide);
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(figure.isWide());
        assertEquals(before, figure.tree().scale(), 0.1 * before);
    }
}
