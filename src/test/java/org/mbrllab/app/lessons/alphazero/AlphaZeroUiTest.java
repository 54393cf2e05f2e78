package org.mbrllab.app.lessons.alphazero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.LessonWindow;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.app.shell.PaneRegistry;
import org.mbrllab.app.shell.Settings;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.SelectionRule;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a student does with the AlphaZero lesson, clicked as they would. */
@ExtendWith(ApplicationExtension.class)
class AlphaZeroUiTest {

    private MainWindow window;
    private AlphaZeroPane pane;

    @Start
    void start(Stage stage) {
        PaneRegistry registry = PaneRegistry.standard();
        registry.replaceFactory("alphazero", host -> {
            AlphaZeroPane p = new AlphaZeroPane(host);
            pane = p;
            return p;
        });
        LessonCatalog catalog = LessonCatalog.load(Optional.empty(), registry);
        window = new MainWindow(stage, catalog, registry, new Settings(1260, 780, false, "light", 1.0, "alphazero"),
                RunnerFactory.synchronous());
        stage.show();
    }

    /** Opens a choice box and clicks the item with {@code text} in its popup menu. */
    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void loadingTheShippedNetworkShowsItsPriors(FxRobot robot) {
        assertTrue(window.stage().getTitle().contains("AlphaZero"), window.stage().getTitle());
        LessonWindow.choose(robot, "#network-choice", "None (rollouts)");
        assertTrue(text(robot, "#network-status").startsWith("No network"), text(robot, "#network-status"));
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.search().shownPriors().isEmpty(), "rollouts: no prior chart");

        LessonWindow.choose(robot, "#network-choice", "Shipped network");
        assertTrue(text(robot, "#network-status").startsWith("Shipped Tic-tac-toe network loaded"), text(robot, "#network-status"));
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        Map<Integer, Double> p = pane.search().shownPriors();
        assertEquals(9, p.size(), "a prior for every empty cell: " + p);
        assertEquals(1.0, p.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        if (pane.search().rootStats().oneAtATime()) robot.clickOn("#root-tab-2");
        assertTrue(robot.lookup("#root-prior-chart").query().isVisible());
        assertEquals(SelectionRule.PUCT, pane.viewModel().snapshot().play().search().rule());
    }

    @Test
    void clickingACellGetsAlphaZerosAnswer(FxRobot robot) {
        LessonWindow.choose(robot, "#az-side-choice", "O");
        assertTrue(text(robot, "#turn-label").startsWith("Your move (X)"), text(robot, "#turn-label"));
        robot.clickOn(pane.search().moveOnScreen(4));
        WaitForAsyncUtils.waitForFxEvents();
        var g = pane.viewModel().snapshot().play();
        assertEquals(2, g.moves().size(), "your move and the answer");
        assertEquals(Side.O, g.moves().get(1).side());
        assertTrue(text(robot, "#last-move-label").startsWith("AlphaZero (O) played "), text(robot, "#last-move-label"));
    }

    @Test
    void aTrainingStepPlaysOneSelfPlayGame(FxRobot robot) {
        LessonWindow.choose(robot, "#view-choice", "Training");
        assertTrue(robot.lookup("#loss-chart").query().isVisible());
        assertTrue(robot.lookup("#network-choice").query().isDisabled(), "training makes its own network");
        assertTrue(robot.lookup("#play-trained-button").queryAs(Button.class).isDisabled());
        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitForFxEvents();
        String stats = text(robot, "#training-stats");
        assertTrue(stats.startsWith("Iteration 1 of 60") && stats.contains("1 self-play game"), stats);
        assertFalse(stats.contains("buffer 0 "), "the game's positions are in the buffer: " + stats);
    }
}
