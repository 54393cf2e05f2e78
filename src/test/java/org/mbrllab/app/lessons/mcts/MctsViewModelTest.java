package org.mbrllab.app.lessons.mcts;

import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.engine.play.StepSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.engine.play.GameSnapshot.Waiting;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot;
import org.mbrllab.engine.mcts.MctsSnapshot.NodeView;
import org.mbrllab.engine.mcts.Phase;
import org.mbrllab.engine.mcts.Rollout;
import org.mbrllab.engine.play.GameSnapshot;
import org.mbrllab.engine.play.Mode;

/** Drives the MCTS view-model synchronously, without the toolkit. */
class MctsViewModelTest {

    private final MctsViewModel vm = new MctsViewModel();

    @BeforeEach
    void open() {
        vm.open(new PaneContext("mcts", List.of(), "", Map.of()), RunnerFactory.synchronous());
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private GameSnapshot snap() {
        return vm.snapshot();
    }

    private MctsSnapshot search() {
        return snap().search();
    }

    @Test
    void openingStartsASearchForXOnTheEmptyBoard() {
        assertEquals(".........", search().rootBoard());
        assertEquals(Waiting.SEARCH, snap().waiting());
        assertEquals(Side.X, snap().mctsSide());
        assertEquals(0, search().simulations());
    }

    @Test
    void phaseStepsRunTheFourPhasesInTurn() {
        vm.stepSizeProperty().set(StepSize.PHASE);
        Phase[] expected = {Phase.SELECT, Phase.EXPAND, Phase.SIMULATE, Phase.BACKUP};
        for (Phase p : expected) {
            vm.step();
            assertEquals(p, search().simulation().lastPhase());
            assertTrue(search().simulation().detailed());
        }
        assertEquals(1, search().simulations());
        assertEquals(1, search().tree().visits());
    }

    @Test
    void aFullSpeedRunUsesBatchesThatRecordNothing() {
        vm.stepSizeProperty().set(StepSize.PHASE);
        vm.setSpeed(Double.POSITIVE_INFINITY);
        assertEquals(null, vm.runSize(), "too fast to watch: batches");
        vm.autoAnswerProperty().set(false);
        vm.toggleRun();
        assertEquals(1000, search().simulations(), "the whole budget");
        assertFalse(search().simulation().detailed(), "batch steps record no details");
        assertEquals(Waiting.MCTS_MOVE, snap().waiting());
        vm.setSpeed(5);
        assertEquals(StepSize.PHASE, vm.runSize(), "slow runs show every phase");
    }

    @Test
    void aClickPlaysThePersonsMoveAndMctsAnswers() {
        vm.mctsSideProperty().set(Side.O);
        assertEquals(Waiting.YOUR_MOVE, snap().waiting());
        assertTrue(vm.playAt(4));
        assertEquals(2, snap().moves().size());
        assertEquals('X', search().rootBoard().charAt(4));
        GameSnapshot.MoveRecord answer = snap().moves().get(1);
        assertEquals(Side.O, answer.side());
        assertEquals('O', search().rootBoard().charAt(answer.move()));
        assertEquals(1000, answer.rootVisits(), "MCTS chose after its whole budget");
        assertEquals(Waiting.YOUR_MOVE, snap().waiting());
    }

    @Test
    void aClickOnATakenCellIsRefusedWithAReason() {
        vm.mctsSideProperty().set(Side.O);
        vm.playAt(4);
        int taken = snap().moves().get(1).move();
        assertFalse(vm.playAt(taken));
        assertEquals("That cell is taken.", vm.messageProperty().get());
        assertEquals(2, snap().moves().size());
    }

    @Test
    void aClickOnMctsTurnIsRefused() {
        assertFalse(vm.playAt(0));
        assertTrue(vm.messageProperty().get().contains("MCTS's turn"), vm.messageProperty().get());
    }

    @Test
    void mctsMoveFinishesTheBudgetAndPlays() {
        vm.autoAnswerProperty().set(false);
        vm.stepSizeProperty().set(StepSize.SIMULATION);
        vm.step();
        vm.playSearchMove();
        assertEquals(1, snap().moves().size());
        assertEquals(1000, snap().moves().get(0).rootVisits());
        assertEquals(Side.O, search().rootToMove());
        assertEquals(Waiting.YOUR_MOVE, snap().waiting());
    }

    @Test
    void theSameSeedGrowsTheSameTreeAndAnotherCDoesNot() {
        vm.parameters().set(MctsViewModel.SIMULATIONS, 600);
        vm.stepSizeProperty().set(StepSize.BUDGET);
        vm.step();
        int[] first = search().rootVisits().clone();
        vm.reset();
        vm.step();
        assertArrayEquals(first, search().rootVisits(), "same seed, same tree");
        vm.parameters().set(MctsViewModel.C, 5);
        vm.reset();
        vm.step();
        int[] wide = search().rootVisits();
        assertFalse(Arrays.equals(first, wide), "c = 5 grows another tree");
        assertTrue(spread(wide) < spread(first), "a larger c spreads the visits: " + Arrays.toString(wide) + " vs " + Arrays.toString(first));
    }

    private static int spread(int[] visits) {
        return Arrays.stream(visits).max().orElseThrow() - Arrays.stream(visits).min().orElseThrow();
    }

    @Test
    void treeReuseKeepsTheVisitsOfTheReplyAndTurningItOffDoesNot() {
        vm.mctsSideProperty().set(Side.O);
        vm.playAt(0);
        assertTrue(search().tree().visits() > 0, "the reused subtree: " + search().tree().visits());
        int free = IntStream.range(0, 9).filter(m -> search().rootBoard().charAt(m) == '.').findFirst().orElseThrow();
        vm.playAt(free);
        GameSnapshot.MoveRecord second = snap().moves().get(3);
        assertTrue(second.kept() > 0, "the second search started from kept visits");
        // N(root) also counts the root's own evaluation from when it was a new leaf: no child has that visit.
        assertEquals(1000 + second.kept() - 1, second.rootVisits(), "the budget on top of the kept visits");
        vm.reuseProperty().set(false);
        vm.reset();
        vm.playAt(0);
        assertEquals(0, search().tree().visits(), "a fresh tree after every move");
        assertEquals(0, snap().moves().get(1).kept());
    }

    @Test
    void aMatchAgainstMinimaxRunsOneMovePerStepToTheEnd() {
        vm.modeProperty().set(Mode.MATCH);
        vm.stepSizeProperty().set(StepSize.BUDGET);
        vm.step();
        assertEquals(Waiting.MCTS_MOVE, snap().waiting(), "first the search");
        vm.step();
        assertEquals(1, snap().moves().size(), "then its move");
        assertEquals(Waiting.OPPONENT_MOVE, snap().waiting());
        vm.step();
        assertEquals(2, snap().moves().size(), "then the opponent's");
        assertEquals("minimax (exact)", snap().moves().get(1).by());
        vm.setSpeed(Double.POSITIVE_INFINITY);
        vm.toggleRun();
        assertEquals(Waiting.OVER, snap().waiting());
        assertTrue(search().gameOver());
        assertTrue(vm.statusProperty().get().startsWith("Game over"), vm.statusProperty().get());
    }

    @Test
    void theRolloutPolicyReachesTheEngine() {
        vm.rolloutProperty().set(Rollout.TAKE_IMMEDIATE_WIN);
        assertEquals(Rollout.TAKE_IMMEDIATE_WIN.describe(), search().evaluator());
    }

    @Test
    void aNodeBelowTheDepthLimitOpensOnClick() {
        vm.viewDepthProperty().set(1);
        vm.stepSizeProperty().set(StepSize.BUDGET);
        vm.step();
        NodeView child = search().tree().children().get(0);
        assertTrue(child.children().stream().allMatch(NodeView::onPath));
        vm.toggleExpanded(child.id(), search().treeVersion());
        NodeView opened = search().tree().children().stream().filter(c -> c.id() == child.id()).findFirst().orElseThrow();
        assertEquals(2, opened.children().size(), "its top two children");
        vm.toggleExpanded(child.id(), search().treeVersion());
        NodeView closed = search().tree().children().stream().filter(c -> c.id() == child.id()).findFirst().orElseThrow();
        assertTrue(closed.children().stream().allMatch(NodeView::onPath));
    }

    @Test
    void aPresetSetsTheGameAndItsStartPosition() {
        vm.loadPreset("game: tictactoe\nboard: XX.OO....\nsimulations: 300\nstep: budget\n", "win.mcts");
        assertEquals("XX.OO....", search().rootBoard());
        assertEquals(300, search().budget());
        vm.step();
        assertEquals(2, search().bestMove(), "MCTS finds the immediate win");
        String saved = vm.presetText();
        vm.loadPreset("game: connect4\n", "c4.mcts");
        assertEquals(Game.CONNECT_FOUR, search().game());
        assertEquals(42, search().rootBoard().length());
        vm.loadPreset(saved, "saved.mcts");
        assertEquals("XX.OO....", search().rootBoard());
    }

    @Test
    void aBadPresetIsRefusedWithItsLineAndNothingChanges() {
        String before = vm.presetText();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> vm.loadPreset("game: tictactoe\nc: 42\n", "bad.mcts"));
        assertTrue(e.getMessage().startsWith("bad.mcts:2: "), e.getMessage());
        assertTrue(e.getMessage().contains("[0, 10]"), e.getMessage());
        assertEquals(before, vm.presetText());
        e = assertThrows(IllegalArgumentException.class, () -> vm.loadPreset("board: XXX......\n", "over.mcts"));
        assertTrue(e.getMessage().contains("impossible") || e.getMessage().contains("over"), e.getMessage());
        assertNotNull(snap());
    }
}
