package org.mbrllab.engine.worldmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.OutOfRangeException;
import org.mbrllab.engine.core.Seeds;

/** The rules of Dodge, its rendering, and how the yardstick policies score. */
class DodgeTest {

    /** The mean return of {@code policy} over 100 seeded episodes of the lesson's game. */
    private static double meanReturn(DodgePolicy policy) {
        RandomGenerator random = Seeds.random(7);
        double total = 0;
        for (int e = 0; e < 100; e++) {
            Dodge game = new Dodge(DodgeParams.defaults(), 1000 + e);
            while (!game.isDone()) total += game.step(policy.act(game, random));
        }
        return total / 100;
    }

    @Test
    void randomPolicyScoresFarBelowTheHandPolicies() {
        // Measured: random 25.0, evasive 55.0, look-ahead 295.7 (of 300).
        double random = meanReturn(DodgePolicy.random());
        double evasive = meanReturn(DodgePolicy.evasive());
        double lookahead = meanReturn(DodgePolicy.lookahead());
        assertEquals(25.0, random, 3.0, "random");
        assertEquals(55.0, evasive, 6.0, "evasive");
        assertTrue(lookahead > 280, "look-ahead " + lookahead);
        assertTrue(evasive > 2 * random && lookahead > 10 * random, random + " " + evasive + " " + lookahead);
    }

    @Test
    void aRockAboveTheAgentHitsItAfterFourteenFallsAndThatStepEarnsNothing() {
        Dodge game = new Dodge(new DodgeParams(300, 0), 1);
        game.addRock(Dodge.START_X + 1, 0);
        for (int t = 0; t < 13; t++) assertEquals(1.0, game.step(Dodge.Action.STAY), "step " + t);
        assertFalse(game.isDone());
        assertEquals(0.0, game.step(Dodge.Action.STAY));
        assertTrue(game.isDone() && game.wasHit());
        assertEquals(14, game.steps());
        assertThrows(IllegalStateException.class, () -> game.step(Dodge.Action.STAY));
    }

    @Test
    void aRockJustBesideTheAgentMissesItUnlessItStepsUnderIt() {
        Dodge stays = new Dodge(new DodgeParams(300, 0), 1);
        stays.addRock(Dodge.START_X + Dodge.AGENT_WIDTH, Dodge.AGENT_ROW - 1);
        assertEquals(1.0, stays.step(Dodge.Action.STAY));
        Dodge steps = new Dodge(new DodgeParams(300, 0), 1);
        steps.addRock(Dodge.START_X + Dodge.AGENT_WIDTH, Dodge.AGENT_ROW - 2);
        assertEquals(0.0, steps.step(Dodge.Action.RIGHT));
        assertTrue(steps.wasHit());
    }

    @Test
    void anEpisodeWithoutRocksIsTruncatedAtTheCap() {
        Dodge game = new Dodge(new DodgeParams(40, 0), 3);
        double total = 0;
        while (!game.isDone()) total += game.step(Dodge.Action.LEFT);
        assertEquals(40, total);
        assertFalse(game.wasHit());
        assertEquals(0, game.agentX(), "the wall stops the agent");
    }

    @Test
    void renderDrawsTheAgentGreyRocksWhiteAndTheWallBeyondTheArenaDarkGrey() {
        Dodge game = new Dodge(new DodgeParams(300, 0), 1);
        game.addRock(4, 2);
        float[] frame = new float[Dodge.PIXELS];
        game.render(frame);
        int rock = 0;
        int agent = 0;
        int wall = 0;
        for (float v : frame) {
            if (v == Dodge.ROCK_SHADE) rock++;
            if (v == Dodge.AGENT_SHADE) agent++;
            if (v == Dodge.WALL_SHADE) wall++;
        }
        assertEquals(4, rock);
        assertEquals(3, agent);
        // The agent starts at x = 6, one left of the view's 7: view column 0 is beyond the left wall.
        assertEquals(Dodge.SIDE, wall, "one column of wall");
        assertEquals(Dodge.WALL_SHADE, frame[0]);
        assertEquals(Dodge.ROCK_SHADE, frame[2 * Dodge.SIDE + 5], "arena column 4 is view column 5");
        assertEquals(Dodge.ROCK_SHADE, frame[3 * Dodge.SIDE + 6]);
        assertEquals(Dodge.AGENT_SHADE, frame[Dodge.AGENT_ROW * Dodge.SIDE + Dodge.VIEW_AGENT_X]);
        assertEquals(128, Math.round(Dodge.AGENT_SHADE * 255), "a byte keeps the shade exactly");
        assertEquals(64, Math.round(Dodge.WALL_SHADE * 255), "a byte keeps the shade exactly");
    }

    @Test
    void theCameraFollowsTheAgentSoARockMovesAcrossTheViewAsTheAgentWalks() {
        Dodge game = new Dodge(new DodgeParams(300, 0), 1);
        game.addRock(0, 0);
        float[] frame = new float[Dodge.PIXELS];
        for (int i = 0; i < 6; i++) game.step(Dodge.Action.LEFT);
        assertEquals(0, game.agentX());
        game.render(frame);
        // x = 0: view column c shows arena column c − 7, so columns 0–6 are wall and the rock (now on row
        // 6, arena columns 0–1) is at view columns 7–8, straight above the agent's left two cells.
        for (int c = 0; c < Dodge.VIEW_AGENT_X; c++) assertEquals(Dodge.WALL_SHADE, frame[5 * Dodge.SIDE + c], "column " + c);
        assertEquals(Dodge.ROCK_SHADE, frame[6 * Dodge.SIDE + 7]);
        assertEquals(Dodge.ROCK_SHADE, frame[7 * Dodge.SIDE + 8]);
        assertEquals(0f, frame[6 * Dodge.SIDE + 9]);
        for (int i = 0; i < 6; i++) game.step(Dodge.Action.RIGHT);
        assertEquals(6, game.agentX());
        game.render(frame);
        assertEquals(Dodge.ROCK_SHADE, frame[12 * Dodge.SIDE + 1], "x = 6: arena column 0 is view column 1");
        assertEquals(Dodge.WALL_SHADE, frame[12 * Dodge.SIDE]);
        assertEquals(Dodge.AGENT_SHADE, frame[Dodge.AGENT_ROW * Dodge.SIDE + Dodge.VIEW_AGENT_X + 1]);
    }

    @Test
    void theSameSeedAndActionsGiveTheSameFrames() {
        Dodge a = new Dodge(DodgeParams.defaults(), 42);
        Dodge b = new Dodge(DodgeParams.defaults(), 42);
        RandomGenerator ra = Seeds.random(5);
        RandomGenerator rb = Seeds.random(5);
        float[] fa = new float[Dodge.PIXELS];
        float[] fb = new float[Dodge.PIXELS];
        while (!a.isDone()) {
            a.step(DodgePolicy.random().act(a, ra));
            b.step(DodgePolicy.random().act(b, rb));
            a.render(fa);
            b.render(fb);
            assertArrayEquals(fa, fb);
        }
        assertTrue(b.isDone());
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> new DodgeParams(300, 1.5));
        assertEquals("spawnChance", e.name());
        assertThrows(OutOfRangeException.class, () -> new DodgeParams(0, 0.3));
    }
}
