package org.mbrllab.app.common.search;

import org.mbrllab.engine.play.StepSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsEngine;
import org.mbrllab.engine.mcts.MctsSettings;
import org.mbrllab.engine.mcts.Rollout;
import org.mbrllab.engine.play.GameEngine;
import org.mbrllab.engine.play.Mode;

/** The sentences under the tree, one per phase, read from real snapshots. */
class PhaseTextTest {

    private static GameEngine engine() {
        GameEngine e = new GameEngine(Game.TIC_TAC_TOE.newGame(), MctsSettings.defaults().withSimulations(1000),
                Rollout.UNIFORM_RANDOM, 3, Mode.PLAY, Side.X, null, false);
        e.setStepSize(MctsEngine.StepSize.BATCH, 50);
        e.step();
        e.setStepSize(MctsEngine.StepSize.PHASE, 1);
        return e;
    }

    @Test
    void eachPhaseIsNamedAndExplained() {
        GameEngine e = engine();
        String batch = PhaseText.describe(e.snapshot());
        assertTrue(batch.contains("ran in a batch"), batch);
        e.step();
        String select = PhaseText.describe(e.snapshot());
        assertTrue(select.startsWith("Simulation 51 · 1. Selection: root → X "), select);
        assertTrue(select.contains("largest UCB1 score"), select);
        e.step();
        String expand = PhaseText.describe(e.snapshot());
        assertTrue(expand.contains("2. Expansion: ") && expand.contains("gets a node, with N = 0"), expand);
        e.step();
        String simulate = PhaseText.describe(e.snapshot());
        assertTrue(simulate.contains("3. Simulation: a uniform random rollout plays "), simulate);
        assertTrue(simulate.matches(".*value [+−]?[01]\\.$"), simulate);
        e.step();
        String backup = PhaseText.describe(e.snapshot());
        assertTrue(backup.contains("4. Backup: N += 1 along the path") && backup.contains("root "), backup);
        assertFalse(backup.contains("flips every ply"), backup);
    }

    /** Root and its one child both show −1 (the child's W is for X, and so is the root's): no flip is claimed. */
    @Test
    void backupWithOneMoveSaysRootAndChildAgreeInsteadOfClaimingAFlip() {
        // b[0] = +1 for O (who did not move into the root), b[1] = −1 for X: printed as "root −1", "X … −1".
        String note = PhaseText.signNote(new double[] {1, -1}, Side.X);
        assertEquals("a move's W is for the side that played it, and the root's is for X, the side to move there,"
                + " so the two agree", note);
    }

    @Test
    void backupWithSeveralMovesSaysTheMovesAlternateAndTheRootMatchesTheFirst() {
        String note = PhaseText.signNote(new double[] {-1, 1, -1, 1}, Side.O);
        assertTrue(note.contains("the sign alternates from move to move"), note);
        assertTrue(note.contains("the root's is for O") && note.endsWith("agrees with the first move"), note);
        assertEquals("a draw adds 0 for both sides", PhaseText.signNote(new double[] {0, 0, 0}, Side.X));
    }

    @Test
    void aFreshSearchAndAReusedTreeSayWhatStepWillDo() {
        GameEngine e = new GameEngine(Game.TIC_TAC_TOE.newGame(), MctsSettings.defaults().withSimulations(200),
                Rollout.UNIFORM_RANDOM, 3, Mode.PLAY, Side.O, null, true);
        assertTrue(PhaseText.describe(e.snapshot()).contains("single node"));
        e.playMove(4);
        e.playSearchMove();
        String reused = PhaseText.describe(e.snapshot());
        assertTrue(reused.contains("kept N(root) = ") && reused.contains("tree reuse"), reused);
    }
}
