package org.mbrllab.app.lessons.alphazero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbrllab.app.common.RunnerFactory;
import org.mbrllab.app.common.PaneContext;
import org.mbrllab.engine.play.GameSnapshot;
import org.mbrllab.engine.play.GameSnapshot.Waiting;
import org.mbrllab.engine.alphazero.AlphaZeroSnapshot;
import org.mbrllab.engine.alphazero.BudgetComparison;
import org.mbrllab.engine.alphazero.NetworkFileException;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot;
import org.mbrllab.engine.mcts.SelectionRule;
import org.mbrllab.engine.play.AlphaZeroView;

/** Drives the AlphaZero view-model synchronously, without the toolkit. */
class AlphaZeroViewModelTest {

    private final AlphaZeroViewModel vm = new AlphaZeroViewModel();

    @BeforeEach
    void open() {
        vm.open(new PaneContext("alphazero", List.of(), "", Map.of()), RunnerFactory.synchronous());
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private GameSnapshot play() {
        return vm.snapshot().play();
    }

    private MctsSnapshot search() {
        return play().search();
    }

    @Test
    void theShippedNetworkGuidesASearchWithPuctAndNonUniformPriors() {
        assertEquals(SelectionRule.PUCT, search().rule());
        assertTrue(vm.networkStatusProperty().get().startsWith("Shipped Tic-tac-toe network loaded"), vm.networkStatusProperty().get());
        assertFalse(vm.networkFailedProperty().get());
        vm.step();
        double[] p = search().rootPrior();
        double min = 1;
        double max = 0;
        for (double x : p) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertTrue(max - min > 0.05, "the network prefers some moves: " + java.util.Arrays.toString(p));
    }

    @Test
    void aCorruptNetworkFallsBackToRolloutsWithAMessage() {
        vm.setShippedSource(g -> {
            throw new NetworkFileException("network file /assets/networks/tictactoe.az is corrupt: checksum mismatch");
        });
        vm.reset();
        assertEquals(SelectionRule.UCB1, search().rule());
        assertEquals("uniform random rollout", search().evaluator());
        assertTrue(vm.networkFailedProperty().get());
        String status = vm.networkStatusProperty().get();
        assertTrue(status.contains("checksum mismatch") && status.contains("random rollouts"), status);
    }

    @Test
    void noNetworkMeansUcb1WithRollouts() {
        vm.networkProperty().set(NetworkChoice.NONE);
        assertEquals(SelectionRule.UCB1, search().rule());
        assertTrue(vm.networkStatusProperty().get().startsWith("No network"));
    }

    @Test
    void trainedNowBeforeAnyTrainingSaysSoAndUsesRollouts() {
        vm.networkProperty().set(NetworkChoice.TRAINED);
        assertEquals(SelectionRule.UCB1, search().rule());
        assertTrue(vm.networkStatusProperty().get().contains("trained yet"), vm.networkStatusProperty().get());
        assertFalse(vm.trainedReadyProperty().get());
    }

    @Test
    void aClickPlaysThePersonsMoveAndAlphaZeroAnswers() {
        vm.searchSideProperty().set(Side.O);
        assertEquals(Waiting.YOUR_MOVE, play().waiting());
        assertTrue(vm.playAt(4));
        assertEquals(2, play().moves().size());
        assertEquals(200, play().moves().get(1).rootVisits(), "AlphaZero chose after its whole budget");
        assertFalse(vm.playAt(4));
        assertEquals("That cell is taken.", vm.messageProperty().get());
    }

    @Test
    void trainingRunsOnTheWorkerAndItsNetworkBecomesPlayable() {
        vm.viewProperty().set(AlphaZeroView.TRAINING);
        vm.parameters().set(AlphaZeroViewModel.ITERATIONS, 1);
        vm.parameters().set(AlphaZeroViewModel.GAMES, 2);
        vm.parameters().set(AlphaZeroViewModel.TRAIN_SIMULATIONS, 8);
        vm.parameters().set(AlphaZeroViewModel.EVAL_GAMES, 2);
        vm.reset();
        assertNull(vm.snapshot().play());
        vm.step();
        AlphaZeroSnapshot t = vm.snapshot().training();
        assertEquals(1, t.gamesPlayed(), "one step is one self-play game");
        assertFalse(vm.trainedReadyProperty().get(), "no batch trained yet");
        vm.toggleRun();
        t = vm.snapshot().training();
        assertTrue(t.done());
        assertEquals(60, t.losses().size(), "one iteration of the recipe's 60 batches");
        assertEquals(1, t.history().size());
        assertEquals(2, t.history().get(0).wins() + t.history().get(0).draws() + t.history().get(0).losses());
        assertTrue(vm.trainedReadyProperty().get());

        vm.playTrained();
        assertEquals(AlphaZeroView.PLAY, vm.viewProperty().get());
        assertEquals(NetworkChoice.TRAINED, vm.networkProperty().get());
        assertEquals(SelectionRule.PUCT, search().rule());
        assertTrue(vm.networkStatusProperty().get().startsWith("Network trained now"), vm.networkStatusProperty().get());
    }

    @Test
    void theComparisonPlaysOneGamePerStepOverTheBudgets() {
        vm.parameters().set(AlphaZeroViewModel.MAX_BUDGET, 8);
        vm.parameters().set(AlphaZeroViewModel.COMPARE_GAMES, 2);
        vm.viewProperty().set(AlphaZeroView.COMPARISON);
        BudgetComparison.Snapshot c = vm.snapshot().comparison();
        assertEquals(List.of(2, 4, 8), c.rows().stream().map(BudgetComparison.Row::budget).toList());
        assertEquals(12, c.totalGames());
        vm.step();
        assertEquals(1, vm.snapshot().comparison().gamesPlayed());
        vm.toggleRun();
        assertTrue(vm.snapshot().comparison().done());
    }

    @Test
    void eachViewShowsItsOwnParameters() {
        assertTrue(vm.parameters().shownProperty(AlphaZeroViewModel.SIMULATIONS).get());
        assertFalse(vm.parameters().shownProperty(AlphaZeroViewModel.ITERATIONS).get());
        vm.viewProperty().set(AlphaZeroView.TRAINING);
        assertTrue(vm.parameters().shownProperty(AlphaZeroViewModel.ITERATIONS).get());
        assertFalse(vm.parameters().shownProperty(AlphaZeroViewModel.SIMULATIONS).get());
    }

    @Test
    void aSeedReproducesTheGameAndAnotherChangesIt() {
        vm.parameters().set(AlphaZeroViewModel.TEMPERATURE, 1);
        vm.toggleRun();
        int first = play().moves().get(0).move();
        int[] visits = search().rootVisits().clone();
        vm.reset();
        vm.toggleRun();
        assertEquals(first, play().moves().get(0).move());
        assertEquals(java.util.Arrays.toString(visits), java.util.Arrays.toString(search().rootVisits()));
        boolean differs = false;
        for (long seed = 2; seed < 8 && !differs; seed++) {
            vm.setSeed(seed);
            vm.reset();
            vm.toggleRun();
            differs = play().moves().get(0).move() != first;
        }
        assertTrue(differs, "at τ = 1 the first move is drawn, so some seed plays another");
    }

    @Test
    void budgetsDoubleFromTwo() {
        assertEquals(List.of(2, 4, 8, 16, 32, 64, 128, 256, 512), AlphaZeroViewModel.budgets(512));
        assertNotEquals(List.of(), AlphaZeroViewModel.budgets(2));
    }
}
