package org.mbrllab.app.lessons.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mbrllab.app.common.Figures;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.Theme;
import org.mbrllab.app.common.search.PhaseText;
import org.mbrllab.app.shell.MainWindow;
import org.mbrllab.app.shell.PaneRegistry;
import org.mbrllab.app.shell.Settings;
import org.mbrllab.engine.play.GameSnapshot;
import org.mbrllab.lessons.LessonCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The scrubber under the MCTS figure: back through the kept snapshots of a search and a move, then live. */
@ExtendWith(ApplicationExtension.class)
class MctsScrubberUiTest {

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
        new MainWindow(stage, catalog, registry, new Settings(1260, 780, false, "light", 1.0, "mcts"),
                RunnerFactory.synchronous());
        stage.show();
    }

    /** Runs {@code steps} steps (one simulation each), returning the snapshot after each. */
    private List<GameSnapshot> step(FxRobot robot, int steps) {
        List<GameSnapshot> out = new ArrayList<>();
        robot.interact(() -> {
            for (int i = 0; i < steps; i++) {
                pane.viewModel().step();
                out.add(pane.viewModel().snapshot());
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return out;
    }

    private String turn(FxRobot robot) {
        return robot.lookup("#turn-label").queryAs(Label.class).getText();
    }

    @Test
    void holdingAnEarlierSnapshotShowsItsSimulationsWhileTheSearchGoesOn(FxRobot robot) {
        List<GameSnapshot> steps = step(robot, 12);
        var history = pane.viewModel().history();
        assertTrue(history.get(history.last()) == steps.get(11), "the newest kept is the live one");
        int index = history.last() - 7;
        assertTrue(history.get(index) == steps.get(4), "one kept snapshot per step: 7 before the newest is step 5");
        GameSnapshot held = history.get(index);
        assertEquals(5, held.search().simulations());
        robot.interact(() -> pane.scrubber().moveTo(index));
        assertEquals("MCTS (X) searching: 5 of 1,000 simulations", turn(robot));
        assertEquals(PhaseText.describe(held), robot.lookup("#phase-text").queryAs(Label.class).getText());
        assertEquals("move 1 · 5 of 1,000 simulations", robot.lookup("#scrubber-time").queryAs(Label.class).getText());
        assertTrue(pane.board().isMouseTransparent(), "a held board takes no clicks");
        step(robot, 3);
        assertEquals("MCTS (X) searching: 5 of 1,000 simulations", turn(robot), "held while the search goes on");
        assertEquals(15, pane.viewModel().snapshot().search().simulations());
        robot.clickOn("#scrubber-live");
        assertTrue(pane.scrubber().isLive());
        assertEquals("MCTS (X) searching: 15 of 1,000 simulations", turn(robot));
        assertFalse(pane.board().isMouseTransparent());
        step(robot, 1);
        assertEquals("MCTS (X) searching: 16 of 1,000 simulations", turn(robot), "live follows the search again");
    }

    @Test
    void scrubbingBackPastAMoveShowsTheBoardBeforeIt(FxRobot robot) {
        step(robot, 20);
        int before = pane.viewModel().history().last();
        robot.interact(() -> pane.viewModel().playSearchMove());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, pane.viewModel().snapshot().moves().size());
        robot.interact(() -> pane.scrubber().moveTo(before));
        assertEquals("MCTS (X) searching: 20 of 1,000 simulations", turn(robot));
        assertEquals(".........", pane.viewModel().history().get(before).search().rootBoard());
        assertEquals("", robot.lookup("#last-move-label").queryAs(Label.class).getText(), "no move played yet");
    }

    /** Writes the pane held back to target/scrubber/mcts.png, for a person to look at. */
    @Test
    void snapshotOfThePaneHeldBack(FxRobot robot) throws Exception {
        step(robot, 30);
        int index = pane.viewModel().history().last() - 10;
        robot.interact(() -> pane.scrubber().moveTo(index));
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        Path file = Files.createDirectories(Path.of("target", "scrubber")).resolve("mcts.png");
        robot.interact(() -> {
            try {
                Figures.writePng(pane.view(), file, 1.0, Theme.LIGHT.background());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(file) > 1000);
    }
}
