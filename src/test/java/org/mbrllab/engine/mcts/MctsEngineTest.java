package org.mbrllab.engine.mcts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.GameState;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsEngine.StepSize;
import org.mbrllab.engine.mcts.MctsSnapshot.NodeView;
import org.mbrllab.engine.mcts.MctsSnapshot.SimulationView;
import org.mbrllab.engine.run.Runner;

/** Stepping the search for a pane, and what its snapshots hold. */
class MctsEngineTest {

    private static MctsEngine engine(Game game, int budget) {
        return new MctsEngine(game.newGame(), MctsSettings.defaults().withSimulations(budget), Rollout.UNIFORM_RANDOM, 7);
    }

    @Test
    void phaseStepsRunSelectionExpansionSimulationBackupInTurn() {
        MctsEngine e = engine(Game.TIC_TAC_TOE, 100);
        e.setStepSize(StepSize.PHASE, 1);
        List<Phase> seen = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            e.step();
            seen.add(e.snapshot().simulation().lastPhase());
        }
        assertEquals(List.of(Phase.SELECT, Phase.EXPAND, Phase.SIMULATE, Phase.BACKUP,
                Phase.SELECT, Phase.EXPAND, Phase.SIMULATE, Phase.BACKUP), seen);
        assertEquals(2, e.snapshot().simulations());
    }

    @Test
    void eachPhaseShowsWhatItDid() {
        MctsEngine e = engine(Game.CONNECT_FOUR, 1000);
        e.setStepSize(StepSize.BATCH, 200);
        e.step();
        e.setStepSize(StepSize.PHASE, 1);

        e.step(); // selection
        SimulationView sel = e.snapshot().simulation();
        assertEquals(201, sel.number());
        assertTrue(sel.detailed());
        assertEquals(Mcts.ROOT, sel.path()[0]);
        assertEquals(-1, sel.pathMoves()[0]);
        assertTrue(sel.chosenMove() >= 0 && sel.chosenMove() < 7);
        assertEquals(sel.path().length, sel.selectionTerms().size(), "a choice at every path node, the leaf included");
        for (int i = 0; i + 1 < sel.path().length; i++) {
            int taken = sel.pathMoves()[i + 1];
            assertTrue(sel.selectionTerms().get(i).stream().anyMatch(t -> t.move() == taken && t.best()),
                    "the move taken had the best score");
        }
        assertEquals(-1, sel.newNode());
        assertTrue(Double.isNaN(sel.value()));
        int before = e.snapshot().nodes();

        e.step(); // expansion
        SimulationView exp = e.snapshot().simulation();
        assertEquals(sel.path().length + 1, exp.path().length);
        assertEquals(exp.path()[exp.path().length - 1], exp.newNode());
        assertEquals(sel.chosenMove(), exp.pathMoves()[exp.pathMoves().length - 1]);
        assertEquals(before + 1, e.snapshot().nodes());

        e.step(); // simulation
        SimulationView sim = e.snapshot().simulation();
        assertTrue(sim.value() == 1 || sim.value() == 0 || sim.value() == -1, "a rollout ends in a result: " + sim.value());
        assertTrue(sim.rolloutMoves().length > 0);
        GameState end = Game.CONNECT_FOUR.parse(findBoard(e.snapshot().tree(), sim.newNode()));
        for (int m : sim.rolloutMoves()) end.play(m);
        assertTrue(end.isOver(), "the rollout's moves, replayed from the new node, end the game");
        assertEquals(Side.outcome(end.winner(), sim.valueSide()), sim.value());

        e.step(); // backup
        SimulationView back = e.snapshot().simulation();
        double[] b = back.backedUp();
        assertEquals(back.path().length, b.length);
        assertEquals(-back.value(), b[b.length - 1], "the new node gets the value for the side that moved into it");
        for (int i = 0; i + 1 < b.length; i++) assertEquals(-b[i + 1], b[i], "the sign flips every ply");
        assertEquals(201, e.snapshot().simulations());
    }

    @Test
    void snapshotShowsTheTopChildrenAndFoldsTheRest() {
        MctsEngine e = engine(Game.TIC_TAC_TOE, 2000);
        e.setStepSize(StepSize.BUDGET, 1);
        e.setView(2, 3);
        e.step();
        MctsSnapshot s = e.snapshot();
        NodeView root = s.tree();
        assertEquals(2000, root.visits());
        int shownOffPath = (int) root.children().stream().filter(c -> !c.onPath()).count();
        assertTrue(shownOffPath <= 3);
        assertEquals(9, root.children().size() + root.hiddenChildren());
        long shownVisits = root.children().stream().mapToLong(NodeView::visits).sum();
        assertEquals(2000, shownVisits + root.hiddenVisits(), "every visit of the root went to a child");
        for (int i = 0; i + 1 < root.children().size(); i++) {
            assertTrue(root.children().get(i).visits() >= root.children().get(i + 1).visits(), "by decreasing visits");
        }
        for (NodeView child : root.children()) {
            for (NodeView grandchild : child.children()) {
                assertTrue(grandchild.children().stream().allMatch(NodeView::onPath), "depth 2: only path nodes go deeper");
            }
        }
        assertEquals(9, root.terms().size());
        assertArrayEquals(e.search().rootVisits(), s.rootVisits());
        assertEquals(s.bestMove(), root.children().get(0).move());
    }

    @Test
    void anExpandedNodeShowsItsChildrenBelowTheDepthLimit() {
        MctsEngine e = engine(Game.TIC_TAC_TOE, 3000);
        e.setStepSize(StepSize.BUDGET, 1);
        e.setView(1, 2);
        e.step();
        NodeView first = e.snapshot().tree().children().stream().filter(c -> !c.onPath()).findFirst().orElseThrow();
        assertTrue(first.children().isEmpty(), "depth 1: the children of the root's children are folded");
        assertTrue(first.hiddenChildren() > 0);
        e.setExpanded(java.util.Set.of(first.id()), e.snapshot().treeVersion());
        NodeView opened = e.snapshot().tree().children().stream().filter(c -> c.id() == first.id()).findFirst().orElseThrow();
        assertEquals(2, opened.children().size(), "the top two");
        assertTrue(opened.children().stream().allMatch(c -> c.children().isEmpty()), "only the expanded node opens");
        int oldVersion = e.snapshot().treeVersion();
        e.playBest();
        e.step();
        NodeView child = e.snapshot().tree().children().stream().filter(c -> !c.onPath()).findFirst().orElseThrow();
        e.setExpanded(java.util.Set.of(child.id()), oldVersion);
        assertTrue(find(e.snapshot().tree(), child.id()).children().isEmpty(), "ids of an older tree version are ignored");
        e.setExpanded(java.util.Set.of(child.id()), e.snapshot().treeVersion());
        assertEquals(2, find(e.snapshot().tree(), child.id()).children().size());
    }

    @Test
    void nodeBoardsAndQsAreFromTheRightSide() {
        MctsEngine e = new MctsEngine(Game.TIC_TAC_TOE.parse("XX.OO...."), MctsSettings.defaults().withSimulations(500),
                Rollout.UNIFORM_RANDOM, 1);
        e.setStepSize(StepSize.BUDGET, 1);
        e.step();
        NodeView win = e.snapshot().tree().children().get(0);
        assertEquals(2, win.move());
        assertEquals("XXXOO....", win.board());
        assertTrue(win.terminal());
        assertEquals(Side.X, win.winner());
        assertEquals(1.0, win.q(), 0.0, "for X, who played it");
    }

    @Test
    void budgetEndsTheMoveAndPlayStartsTheNext() {
        MctsEngine e = engine(Game.TIC_TAC_TOE, 50);
        e.setStepSize(StepSize.BATCH, 20);
        assertTrue(e.step());
        assertTrue(e.step());
        assertFalse(e.step(), "20 + 20 + 10 = 50");
        assertTrue(e.isDone());
        assertEquals(50, e.snapshot().simulations());
        int version = e.snapshot().treeVersion();
        int move = e.playBest();
        MctsSnapshot s = e.snapshot();
        assertNotEquals(version, s.treeVersion());
        assertEquals(0, s.simulations());
        assertEquals(Side.O, s.rootToMove());
        assertEquals('X', s.rootBoard().charAt(move));
        assertFalse(e.isDone());
        assertNull(s.simulation());
    }

    @Test
    void snapshotsAreCopiesThatLaterStepsDoNotChange() {
        MctsEngine e = engine(Game.TIC_TAC_TOE, 1000);
        e.setStepSize(StepSize.BATCH, 100);
        e.step();
        MctsSnapshot s = e.snapshot();
        int[] visits = s.rootVisits().clone();
        int rootVisits = s.tree().visits();
        e.step();
        assertArrayEquals(visits, s.rootVisits());
        assertEquals(rootVisits, s.tree().visits());
    }

    @Test
    void stepSizesGrowTheSameTree() {
        MctsEngine phases = engine(Game.CONNECT_FOUR, 300);
        phases.setStepSize(StepSize.PHASE, 1);
        while (phases.step()) { }
        MctsEngine batches = engine(Game.CONNECT_FOUR, 300);
        batches.setStepSize(StepSize.BATCH, 64);
        while (batches.step()) { }
        assertEquals(batches.search().treeString(42), phases.search().treeString(42));
    }

    @Test
    void changingCChangesTheSearch() {
        MctsEngine narrow = engine(Game.CONNECT_FOUR, 2000);
        MctsEngine wide = engine(Game.CONNECT_FOUR, 2000);
        wide.setSettings(wide.settings().withC(5));
        narrow.setStepSize(StepSize.BUDGET, 1);
        wide.setStepSize(StepSize.BUDGET, 1);
        narrow.step();
        wide.step();
        int[] n = narrow.snapshot().rootVisits();
        int[] w = wide.snapshot().rootVisits();
        int spreadNarrow = java.util.Arrays.stream(n).max().orElseThrow() - java.util.Arrays.stream(n).min().orElseThrow();
        int spreadWide = java.util.Arrays.stream(w).max().orElseThrow() - java.util.Arrays.stream(w).min().orElseThrow();
        assertTrue(spreadWide < spreadNarrow, "a larger c spreads the visits: " + spreadWide + " vs " + spreadNarrow);
    }

    @Test
    void runsInTheRunnerToTheEndOfTheBudget() {
        List<MctsSnapshot> got = new ArrayList<>();
        try (Runner<MctsEngine, MctsSnapshot> runner = Runner.synchronous(p -> got.add(p.snapshot()))) {
            runner.load(() -> {
                MctsEngine e = engine(Game.TIC_TAC_TOE, 500);
                e.setStepSize(StepSize.BATCH, 50);
                return e;
            });
            runner.runToEnd();
        }
        assertEquals(500, got.get(got.size() - 1).simulations());
    }

    private static NodeView find(NodeView node, int id) {
        if (node.id() == id) return node;
        for (NodeView c : node.children()) {
            NodeView f = find(c, id);
            if (f != null) return f;
        }
        return null;
    }

    private static String findBoard(NodeView node, int id) {
        if (node.id() == id) return node.board();
        for (NodeView c : node.children()) {
            String b = findBoard(c, id);
            if (b != null) return b;
        }
        return null;
    }
}
